import type { Kysely, Transaction } from "kysely";
import { bigintFromColumn, type Database } from "../store/index.js";
import { batches } from "./batches.js";
import { type CostRecord, type CostSegment, costMetricId, costRecordKey } from "./cost-record.js";
import type { CostRecordTable } from "./cost-record.table.js";

export interface CostFilter {
  /** Months from `fromMonth` through `toMonth` (`YYYY-MM`), both included. */
  readonly fromMonth?: string | undefined;
  readonly toMonth?: string | undefined;
  readonly segment?: CostSegment | undefined;
  readonly groupCompanyId?: string | undefined;
  readonly limit?: number | undefined;
}

/** One month's total for one catalogue metric (cost.network.circuit, sga.rnd, cost.atm, …). */
export interface MonthlyCost {
  readonly month: string;
  readonly metric: string;
  readonly amountYen: bigint;
}

/** Inserts new cost records in batches inside the caller's transaction. */
export async function insertCostRecords(
  tx: Transaction<Database>,
  records: readonly CostRecord[],
): Promise<void> {
  for (const batch of batches(records.map(rowFromCostRecord))) {
    await tx.insertInto("cost_records").values(batch).execute();
  }
}

export async function updateCostRecords(
  tx: Transaction<Database>,
  records: readonly CostRecord[],
): Promise<void> {
  for (const record of records) {
    await tx
      .updateTable("cost_records")
      .set({ amount_yen: record.amountYen })
      .where("group_company_id", "=", record.groupCompanyId)
      .where("month", "=", record.month)
      .where("segment", "=", record.segment)
      .where("category", "=", record.category)
      .execute();
  }
}

export async function listCostRecords(
  db: Kysely<Database>,
  filter: CostFilter = {},
): Promise<CostRecord[]> {
  let query = db.selectFrom("cost_records").selectAll();
  if (filter.fromMonth) query = query.where("month", ">=", filter.fromMonth);
  if (filter.toMonth) query = query.where("month", "<=", filter.toMonth);
  if (filter.segment) query = query.where("segment", "=", filter.segment);
  if (filter.groupCompanyId) query = query.where("group_company_id", "=", filter.groupCompanyId);
  query = query.orderBy("month").orderBy("group_company_id").orderBy("segment").orderBy("category");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(costRecordFromRow);
}

/** The stored records with the same keys as `records`, by `costRecordKey`. */
export async function storedCostRecords(
  db: Kysely<Database>,
  records: readonly CostRecord[],
): Promise<Map<string, CostRecord>> {
  const months = [...new Set(records.map((r) => r.month))];
  const found = new Map<string, CostRecord>();
  for (const batch of batches(months)) {
    const rows = await db
      .selectFrom("cost_records")
      .selectAll()
      .where("month", "in", batch)
      .execute();
    for (const row of rows) {
      const record = costRecordFromRow(row);
      found.set(costRecordKey(record), record);
    }
  }
  return found;
}

/**
 * Costs per month and catalogue metric, summed over group companies, for months `fromMonth`
 * through `toMonth`: what the ledger posts and reporting turns into cost.* and sga.* facts.
 */
export async function costsByMonth(
  db: Kysely<Database>,
  range: { fromMonth: string; toMonth: string },
): Promise<MonthlyCost[]> {
  const rows = await db
    .selectFrom("cost_records")
    .select(["month", "segment", "category"])
    .select((eb) => eb.fn.sum<string | number | bigint>("amount_yen").as("amount"))
    .where("month", ">=", range.fromMonth)
    .where("month", "<=", range.toMonth)
    .groupBy(["month", "segment", "category"])
    .execute();
  const totals = new Map<string, MonthlyCost>();
  for (const row of rows) {
    const metric = costMetricId({ segment: row.segment as CostSegment, category: row.category });
    const key = `${row.month}|${metric}`;
    const before = totals.get(key)?.amountYen ?? 0n;
    totals.set(key, { month: row.month, metric, amountYen: before + bigintFromColumn(row.amount) });
  }
  return [...totals.values()].sort((a, b) =>
    a.month === b.month ? (a.metric < b.metric ? -1 : 1) : a.month < b.month ? -1 : 1,
  );
}

function costRecordFromRow(row: CostRecordTable): CostRecord {
  return {
    month: row.month,
    groupCompanyId: row.group_company_id,
    segment: row.segment as CostSegment,
    category: row.category,
    amountYen: bigintFromColumn(row.amount_yen),
  };
}

function rowFromCostRecord(record: CostRecord): CostRecordTable {
  return {
    month: record.month,
    group_company_id: record.groupCompanyId,
    segment: record.segment,
    category: record.category,
    amount_yen: record.amountYen,
  };
}
