import type { Kysely } from "kysely";
import type { Database } from "../store/index.js";
import { type CreditRequest, creditNoteFor } from "./credit-note.js";
import type { Invoice } from "./invoice.js";
import { creditNotesOf, findInvoice, insertInvoices } from "./invoice.repository.js";

/**
 * Issues a credit note against a stored invoice, in one transaction (see creditNoteFor for the
 * rules). The invoice itself is never touched; closed months take credit notes too.
 */
export async function issueCreditNote(
  db: Kysely<Database>,
  invoiceId: string,
  request: CreditRequest,
): Promise<Invoice> {
  return db.transaction().execute(async (tx) => {
    const original = await findInvoice(tx, invoiceId);
    const earlier = await creditNotesOf(tx, original.id);
    const note = creditNoteFor(original, earlier, request);
    await insertInvoices(tx, [note]);
    return note;
  });
}
