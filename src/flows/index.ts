// Flows: what drives several modules' I/O in one go — the demo company's build today, the monthly
// close (bill → recognise → post) as it arrives. Modules below never import from here.

export { creditInvoice } from "./close/invoice-correction.js";
export { bookMonth, isMonthBooked, type MonthBooks } from "./close/month-books.js";
export { type MonthlyClose, monthlyClose } from "./close/monthly-close.js";
export {
  buildDemoCompany,
  type DemoOptions,
  type DemoProgress,
  type DemoSummary,
} from "./demo/demo-build.js";
export { DEFAULT_SEED } from "./demo/demo-settings.js";
export {
  LEDGER_SOURCE,
  type LedgerAmount,
  ledgerFacts,
  OPERATIONS_SOURCE,
  operationFacts,
  type QuarterOperations,
} from "./ledger-facts.js";
export { loadLedgerResolver } from "./ledger-figures.js";
