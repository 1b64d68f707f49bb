// Reporting: the metric catalogue, the facts store and its imports, the one resolver that derives
// every figure from facts, the quarterly report, and the check of the source's own statements.
// It reads facts only, never operational tables.
export type { Fact, RawFact, Scenario } from "./fact.js";
export { GROUP_ENTITY, INPUT_UNITS, SCENARIOS } from "./fact.js";
export { countFacts, type FactFilter, listFacts } from "./fact.repository.js";
export type { FactTable } from "./fact.table.js";
export { importFactFile, readFactFile } from "./fact-import.js";
export {
  type Aggregation,
  type Derivation,
  displayValue,
  type Metric,
  type MetricUnit,
  type ReportSection,
} from "./metric.js";
export { findMetric, METRICS, metricById } from "./metric-catalogue.js";
export {
  buildQuarterlyReport,
  type QuarterlyReport,
  type ReportLine,
} from "./quarterly-report.js";
export { compareReports } from "./report-comparison.js";
export {
  ensureReportedFacts,
  loadValueResolver,
  readReportedStatements,
  reportedDataDirectory,
} from "./reported-figures.js";
export {
  type Verification,
  type VerificationTally,
  verifyStatements,
} from "./source-verification.js";
export type { Statement } from "./statement.js";
export { createValueResolver, type Resolved, type ValueResolver } from "./value-resolver.js";
