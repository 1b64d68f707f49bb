// Billing: the monthly run that rates every customer's month (prorated fees, burst overage,
// set-up fees, ATM commissions, usage, SI and equipment revenue, tax, FX) and issues one invoice
// per customer and month, idempotent and resumable; credit notes; invoice text and PDF.

export type {
  BillingAnomalyTable,
  BillingRunTable,
  FxRateTable,
  InvoiceLineTable,
  InvoiceTable,
  UsagePriceTable,
} from "./billing.table.js";
export {
  type BillingAnomaly,
  type BillingAnomalyKind,
  sortAnomalies,
} from "./billing-anomaly.js";
export {
  type BillingCatalog,
  billingCatalog,
  entryOn,
} from "./billing-catalog.js";
export { invoiceDates, parseBillingMonth } from "./billing-month.js";
export { type BillingMonthInputs, loadBillingMonth } from "./billing-month-inputs.js";
export {
  insertFxRates,
  insertUsagePrices,
  listFxRates,
  listUsagePrices,
} from "./billing-rates.repository.js";
export {
  importFxRateFile,
  importUsagePriceFile,
  type RateImportOptions,
  type RateImportOutcome,
} from "./billing-rates-import.js";
export {
  BILLING_RUN_STATUSES,
  type BillingProgress,
  type BillingRun,
  type BillingRunStatus,
  type BillingRunSummary,
  type CurrencyTotals,
  type LineTotals,
} from "./billing-run.js";
export { anomaliesOf, findBillingRun, listBillingRuns } from "./billing-run.repository.js";
export {
  CONSUMPTION_TAX_RATES,
  consumptionTaxRateOn,
  isTaxableCustomer,
  taxOn,
} from "./consumption-tax.js";
export { type Charge, type ContractUsage, contractCharges } from "./contract-charges.js";
export { type CreditRequest, creditNoteFor } from "./credit-note.js";
export { issueCreditNote } from "./credit-note-issue.js";
export { type CustomerMonth, type CustomerRating, rateCustomerMonth } from "./customer-month.js";
export {
  convertMoney,
  FX_RATE_FIELDS,
  type FxRate,
  fxRateFromRaw,
  fxRateOn,
} from "./exchange-rate.js";
export {
  type AppliedFxRate,
  assembleInvoice,
  creditNoteNumber,
  INVOICE_KINDS,
  type Invoice,
  type InvoiceKind,
  type InvoiceLine,
  invoiceNumber,
  LINE_KINDS,
  type LineKind,
  type TaxBreakdown,
  taxBreakdown,
} from "./invoice.js";
export {
  creditNotesIssuedIn,
  findInvoice,
  type InvoiceFilter,
  type InvoiceHeader,
  invoicesWithLines,
  listInvoices,
  monthInvoices,
  type SetupFeeCharge,
  setupFeeCharges,
} from "./invoice.repository.js";
export { renderInvoicePdf } from "./invoice-pdf.js";
export { renderInvoiceText } from "./invoice-text.js";
export {
  type BillingRunOptions,
  billingSummary,
  closeBillingMonth,
  rateMonth,
  runBilling,
} from "./monthly-billing.js";
export { activeSegments, prorate, type ServiceSegment } from "./proration.js";
export {
  USAGE_PRICE_FIELDS,
  type UsagePrice,
  usageCharge,
  usagePriceFromRaw,
  usagePriceOn,
} from "./usage-price.js";
export { type AtmContract, assignWithdrawals, atmContracts } from "./withdrawal-assignment.js";
