import { type CreditRequest, type Invoice, issueCreditNote } from "../../billing/index.js";
import { addMonths, monthOf, UplinkError } from "../../core/index.js";
import type { Store } from "../../store/index.js";
import { isMonthBooked } from "./month-books.js";

/**
 * Issues a credit note, refusing an issue date in a month whose books are already posted: a
 * credit note is booked with the month it is issued in, so one dated in a booked month would
 * never reach the ledger (and its set-up fee catch-up would change an entry already posted).
 */
export async function creditInvoice(
  store: Store,
  invoiceId: string,
  request: CreditRequest,
): Promise<Invoice> {
  const month = monthOf(request.issueDate);
  if (await isMonthBooked(store.db, month)) {
    let open = addMonths(month);
    while (await isMonthBooked(store.db, open)) open = addMonths(open);
    throw new UplinkError(
      "CONFLICT",
      `The books of ${month} are already posted; date the credit note in ${open} or later (--on ${open}-01).`,
    );
  }
  return issueCreditNote(store.db, invoiceId, request);
}
