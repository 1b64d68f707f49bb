import { type BillingProgress, type BillingRunSummary, runBilling } from "../../billing/index.js";
import type { RecognitionSettings } from "../../revenue/index.js";
import type { Store } from "../../store/index.js";
import { bookMonth, type MonthBooks } from "./month-books.js";

export interface MonthlyClose {
  readonly billing: BillingRunSummary;
  readonly books: MonthBooks;
}

/**
 * The monthly close: bill the month (a completed run changes nothing), then recognise and post
 * its books. Both steps are idempotent, so the close of a month can always be run again.
 */
export async function monthlyClose(
  store: Store,
  month: string,
  options: {
    settings?: RecognitionSettings;
    onProgress?: (progress: BillingProgress) => void;
  } = {},
): Promise<MonthlyClose> {
  const billing = await runBilling(store.db, {
    month,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const books = await bookMonth(
    store,
    month,
    options.settings ? { settings: options.settings } : {},
  );
  return { billing, books };
}
