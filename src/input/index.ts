// Input files: CSV records that remember their line, and validation that gathers every problem of
// a file before anything is written, so that errors name file, line and field.
export {
  combineProblems,
  type LocatedRecord,
  readCsvRecords,
  readText,
  validateAll,
} from "./csv-records.js";
export {
  checkEach,
  type Located,
  type Reconciliation,
  reconcile,
  refuseRepeatedKeys,
} from "./import-reconciliation.js";
export { minorUnitsFrom, type RecordFields, recordFields } from "./record-fields.js";
