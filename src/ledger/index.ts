// The general ledger: each group company's chart of accounts, balanced journal entries (refused
// by the store itself when they do not balance), balances per account × company × month kept with
// the postings, closed months, reversals, translation and consolidation, and the hledger export.
export {
  ACCOUNT_TYPES,
  type Account,
  type AccountType,
  accountForMetric,
  accountTypeOfName,
  CASH,
  CONSUMPTION_TAX_PAYABLE,
  checkAccount,
  DEFERRED_REVENUE,
  EQUITY_METHOD_INCOME,
  EQUITY_METHOD_INVESTMENTS,
  INTERCOMPANY_DIFFERENCE,
  isBalanceSheet,
  NCI_EQUITY,
  NCI_INCOME,
  normalSignOf,
  PAYABLES,
  RECEIVABLES,
  RETAINED_EARNINGS,
  STANDARD_CHART,
  standardAccount,
  TRANSLATION_ADJUSTMENT,
} from "./account.js";
export {
  BALANCE_SHEET_LINES,
  type BalanceSheetLine,
  type BalanceSheetLineInfo,
  type BalanceSheetPlacement,
  type BalanceSheetSection,
  type BalanceSheetSummary,
  balanceSheetLineOf,
  balanceSheetSummary,
} from "./balance-sheet-summary.js";
export {
  CASH_FLOW_LINES,
  type CashFlowLine,
  type CashFlowLineInfo,
  type CashFlowSection,
  type CashFlowSummary,
  cashFlowSummary,
  type QuarterProfit,
} from "./cash-flow-summary.js";
export { closedMonths, closeMonth } from "./closed-month.repository.js";
export {
  type AdjustmentKind,
  type ConsolidatedCompany,
  type ConsolidatedTrialBalance,
  type ConsolidationAdjustment,
  consolidate,
  firstConsolidatedMonth,
} from "./consolidation.js";
export {
  type QuarterEndStatements,
  quarterEndStatements,
  quartersOf,
} from "./financial-statements.repository.js";
export {
  type ExportTransaction,
  parseHledgerBalanceCsv,
  renderHledgerJournal,
} from "./hledger-journal.js";
export {
  countPostings,
  type EntryFilter,
  entriesFromSource,
  findEntries,
  findEntry,
  listEntries,
  type PostingOutcome,
  postEntries,
  reverseEntry,
} from "./journal.repository.js";
export {
  checkEntry,
  type EntrySource,
  type JournalEntry,
  type JournalLine,
  monthOfDate,
  reversalId,
  reversalOf,
  SOURCE_KINDS,
  type SourceKind,
  sameEntry,
  sumsPerCurrency,
  unbalancedCurrencies,
} from "./journal-entry.js";
export { exportHledgerJournal } from "./journal-export.js";
export type {
  JournalEntryTable,
  JournalLineTable,
  LedgerAccountTable,
  LedgerBalanceTable,
  LedgerClosedMonthTable,
  TranslationRateTable,
} from "./ledger.table.js";
export {
  accountsByName,
  addAccounts,
  chartsOf,
  ensureCharts,
} from "./ledger-account.repository.js";
export {
  bookedMonthRange,
  monthlyBalances,
  monthlySumsOfPostings,
} from "./ledger-balance.repository.js";
export {
  type Dividend,
  perShare,
  restatedDividend,
  type ShareCount,
  type StockSplit,
  sharesOn,
  splitFactor,
  weightedAverageShares,
} from "./per-share.js";
export {
  listDividends,
  listShareCounts,
  listStockSplits,
  perShareFigures,
  type ShareHistory,
  shareHistory,
} from "./share.repository.js";
export type {
  DividendPerShareTable,
  SharesOutstandingTable,
  StockSplitTable,
} from "./share.table.js";
export {
  type DividendFigure,
  type PerShareFigures,
  perShareFiguresOf,
  type SplitAdjustedCount,
  splitAdjustedBasis,
  splitAdjustedHistory,
} from "./share-figures.js";
export {
  importShareFile,
  importStandardShares,
  SHARE_IMPORT_KINDS,
  type ShareImportKind,
  type ShareImportOptions,
  type ShareImportOutcome,
  standardShareDirectory,
} from "./share-import.js";
export {
  DIVIDEND_FIELDS,
  DIVIDEND_KINDS,
  type DividendKind,
  type DividendRecord,
  SHARE_COUNT_FIELDS,
  type ShareCountRecord,
  STOCK_SPLIT_FIELDS,
  type StockSplitRecord,
} from "./share-record.js";
export {
  roundYen,
  type TranslatedBooks,
  type TranslatedLine,
  translateBooks,
} from "./translation.js";
export {
  RATE_KINDS,
  type RateBook,
  type RateKind,
  type RawTranslationRate,
  rateBookFor,
  TRANSLATION_RATE_FIELDS,
  type TranslationRate,
  translationRateFromRaw,
} from "./translation-rate.js";
export { listTranslationRates, saveTranslationRates } from "./translation-rate.repository.js";
export {
  importTranslationRateFile,
  type TranslationRateImportOutcome,
} from "./translation-rate-import.js";
export {
  type MonthlyBalance,
  type MonthWindow,
  monthWindow,
  type TrialBalanceLine,
  trialBalanceOf,
} from "./trial-balance.js";
export {
  companyTrialBalance,
  groupMetricBalances,
  groupTrialBalance,
  ledgerTrialBalance,
  localTrialBalance,
  type MetricBalance,
  metricBalances,
  metricsOf,
  type YenBalance,
} from "./trial-balance.repository.js";
