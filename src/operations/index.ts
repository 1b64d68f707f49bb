// Operations: SI projects (orders received, progress, acceptance, order backlog, revenue earned),
// equipment deliveries, ATMs, and monthly cost and SG&A records — their pure rules, their tables'
// bulk writes and queries, and their CSV imports.
export {
  ATM_FIELDS,
  type Atm,
  atmCount,
  atmFromRaw,
  atmInPlaceOn,
} from "./atm.js";
export {
  type AtmFilter,
  atmCountOn,
  insertAtms,
  listAtms,
} from "./atm.repository.js";
export type { AtmTable } from "./atm.table.js";
export { importAtmFile, readAtmFile } from "./atm-import.js";
export {
  COST_CATEGORIES,
  COST_FIELDS,
  COST_SEGMENTS,
  type CostRecord,
  type CostSegment,
  costMetricId,
  costRecordFromRaw,
  costRecordKey,
} from "./cost-record.js";
export {
  type CostFilter,
  costsByMonth,
  insertCostRecords,
  listCostRecords,
  type MonthlyCost,
} from "./cost-record.repository.js";
export type { CostRecordTable } from "./cost-record.table.js";
export { importCostFile, readCostFile } from "./cost-record-import.js";
export {
  DELIVERY_FIELDS,
  deliveryFromRaw,
  type EquipmentDelivery,
} from "./equipment-delivery.js";
export {
  type DeliveryFilter,
  insertDeliveries,
  listDeliveries,
} from "./equipment-delivery.repository.js";
export type { EquipmentDeliveryTable } from "./equipment-delivery.table.js";
export { importDeliveryFile, readDeliveryFile } from "./equipment-delivery-import.js";
export {
  type OrderTotals,
  orderBacklog,
  type ProgressByProject,
  type ProjectRevenue,
  percentCompleteOn,
  projectRevenues,
  recognizedThrough,
  revenueByMethod,
  revenueEarned,
  totalBacklog,
  totalOrdersReceived,
} from "./order-backlog.js";
export { backlogOn, ordersReceived, projectRevenueIn } from "./order-backlog.repository.js";
export {
  CONSTRUCTION_RECOGNITION,
  PROGRESS_FIELDS,
  PROJECT_FIELDS,
  PROJECT_KINDS,
  type ProgressReport,
  type ProjectKind,
  progressFromRaw,
  projectFromRaw,
  type RecognitionMethod,
  type SiProject,
  termMonths,
} from "./si-project.js";
export {
  countProjects,
  findProject,
  followingProjects,
  insertProgressReports,
  insertProjects,
  listProjects,
  type ProjectFilter,
  progressReportsOf,
} from "./si-project.repository.js";
export type { SiProjectProgressTable, SiProjectTable } from "./si-project.table.js";
export {
  importProgressFile,
  importProjectFile,
  readProgressFile,
  readProjectFile,
} from "./si-project-import.js";
