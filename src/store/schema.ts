// The whole schema as one type for the query layer. Each feature owns its table's row type (its
// `*.table.ts`); this file only composes them, and the migrations beside it create them.
import type { FactTable, MetaTable } from "../reporting/fact.table.js";

export interface Database {
  facts: FactTable;
  uplink_meta: MetaTable;
}
