// The catalog: the presentation's product lines (each with its revenue metric and whether it counts
// toward contracted bandwidth), plans with their charge models, price books with effective dates
// and the pure `priceOn`, and the shipped standard catalog with its imports.

export {
  findPlan,
  insertPlans,
  insertPriceEntries,
  listPlans,
  listPriceBooks,
  loadPriceBook,
} from "./catalog.repository.js";
export type { PlanTable, PriceEntryTable } from "./catalog.table.js";
export {
  type CatalogImportOptions,
  type CatalogImportOutcome,
  importPlanFile,
  importPriceFile,
  importStandardCatalog,
  readPlanFile,
  readPriceFile,
  standardCatalogDirectory,
} from "./catalog-import.js";
export type { ChargeModel, Plan, RawPlan } from "./plan.js";
export { CHARGE_MODELS, isTiered, PLAN_FIELDS, planFromRaw } from "./plan.js";
export type { PlanPrice, PriceBook, PriceEntry, RawPriceEntry } from "./price-book.js";
export {
  checkEntryFitsPlan,
  entriesInForce,
  PRICE_FIELDS,
  priceEntryFromRaw,
  priceOn,
  STANDARD_PRICE_BOOK,
} from "./price-book.js";
export type { ProductLine, RevenueClass, Segment } from "./product-line.js";
export {
  findProductLine,
  PRODUCT_LINES,
  productLineById,
  productLinesMatching,
} from "./product-line.js";
