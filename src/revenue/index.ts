// Revenue recognition: pure rules that turn what the business did (invoices and credit notes, set-up
// fees over the customer life, cost records, deliveries, the month's collections and payments) into
// balanced journal entries. The monthly close in src/flows reads the inputs and posts the entries.
export { recognizeCostRecord, recognizeDeliveryCost } from "./cost-recognition.js";
export {
  invoiceEntryId,
  netShare,
  recognizeCreditNote,
  recognizeInvoice,
} from "./invoice-recognition.js";
export {
  checkRecognitionSettings,
  DEFAULT_RECOGNITION_SETTINGS,
  type RecognitionSettings,
} from "./recognition-settings.js";
export { type OpenBalance, SETTLED_ACCOUNTS, settleOpenBalances } from "./settlement.js";
export {
  earliestReleasingMonth,
  recognizeSetupFees,
  setupFeeReleaseEntryId,
  setupFeeReleaseIn,
} from "./setup-fee-release.js";
