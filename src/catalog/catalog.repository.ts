import type { Kysely, Transaction } from "kysely";
import { type Currency, Decimal, money, UplinkError } from "../core/index.js";
import { bigintFromColumn, type Database } from "../store/index.js";
import type { PlanTable, PriceEntryTable } from "./catalog.table.js";
import type { ChargeModel, Plan } from "./plan.js";
import type { PriceBook, PriceEntry } from "./price-book.js";

// Rows per statement, below both stores' bound-parameter limits for these column counts.
const BATCH = 1000;

/** Writes new plans inside the caller's transaction. */
export async function insertPlans(
  tx: Transaction<Database>,
  plans: readonly Plan[],
): Promise<void> {
  for (let i = 0; i < plans.length; i += BATCH) {
    await tx
      .insertInto("plans")
      .values(plans.slice(i, i + BATCH).map(rowFromPlan))
      .execute();
  }
}

export async function updatePlans(
  tx: Transaction<Database>,
  plans: readonly Plan[],
): Promise<void> {
  for (const plan of plans) {
    const { id, ...rest } = rowFromPlan(plan);
    await tx.updateTable("plans").set(rest).where("id", "=", id).execute();
  }
}

/** Plans in id order, optionally only those of the given product lines. */
export async function listPlans(
  db: Kysely<Database>,
  filter: { readonly lineIds?: readonly string[] | undefined } = {},
): Promise<Plan[]> {
  let query = db.selectFrom("plans").selectAll();
  if (filter.lineIds) {
    if (filter.lineIds.length === 0) return [];
    query = query.where("line_id", "in", [...filter.lineIds]);
  }
  return (await query.orderBy("id").execute()).map(planFromRow);
}

/** The plan with this id; NOT_FOUND if there is none. */
export async function findPlan(db: Kysely<Database>, id: string): Promise<Plan> {
  const row = await db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new UplinkError("NOT_FOUND", `There is no plan "${id}".`);
  return planFromRow(row);
}

/** Writes new price-book entries inside the caller's transaction, in batches. */
export async function insertPriceEntries(
  tx: Transaction<Database>,
  entries: readonly PriceEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    await tx
      .insertInto("price_entries")
      .values(entries.slice(i, i + BATCH).map(rowFromEntry))
      .execute();
  }
}

export async function updatePriceEntries(
  tx: Transaction<Database>,
  entries: readonly PriceEntry[],
): Promise<void> {
  for (const entry of entries) {
    const row = rowFromEntry(entry);
    await tx
      .updateTable("price_entries")
      .set({
        currency: row.currency,
        amount: row.amount,
        setup_fee: row.setup_fee,
        burst_per_mbps: row.burst_per_mbps,
        net_share_percent: row.net_share_percent,
      })
      .where("price_book_id", "=", row.price_book_id)
      .where("plan_id", "=", row.plan_id)
      .where("effective_from", "=", row.effective_from)
      .where("tier_mbps", "=", row.tier_mbps)
      .execute();
  }
}

/** Every entry of a price book (empty if the book has none): the input of `priceOn`. */
export async function loadPriceBook(db: Kysely<Database>, id: string): Promise<PriceBook> {
  const rows = await db
    .selectFrom("price_entries")
    .selectAll()
    .where("price_book_id", "=", id)
    .orderBy("plan_id")
    .orderBy("effective_from")
    .orderBy("tier_mbps")
    .execute();
  return { id, entries: rows.map(entryFromRow) };
}

/** Every stored price entry, for reconciling an import. */
export async function listPriceEntries(db: Kysely<Database>): Promise<PriceEntry[]> {
  const rows = await db.selectFrom("price_entries").selectAll().execute();
  return rows.map(entryFromRow);
}

/** The ids of the stored price books with their currency. */
export async function listPriceBooks(
  db: Kysely<Database>,
): Promise<{ id: string; currency: Currency; entries: number }[]> {
  const rows = await db
    .selectFrom("price_entries")
    .select((eb) => ["price_book_id", "currency", eb.fn.countAll<string | number>().as("n")])
    .groupBy(["price_book_id", "currency"])
    .orderBy("price_book_id")
    .execute();
  return rows.map((r) => ({
    id: r.price_book_id,
    currency: r.currency as Currency,
    entries: Number(r.n),
  }));
}

function rowFromPlan(plan: Plan): PlanTable {
  return {
    id: plan.id,
    name: plan.name,
    line_id: plan.lineId,
    charge_model: plan.chargeModel,
    unit: plan.unit,
  };
}

function planFromRow(row: PlanTable): Plan {
  return {
    id: row.id,
    name: row.name,
    lineId: row.line_id,
    chargeModel: row.charge_model as ChargeModel,
    unit: row.unit,
  };
}

function rowFromEntry(entry: PriceEntry): PriceEntryTable {
  return {
    price_book_id: entry.priceBookId,
    plan_id: entry.planId,
    effective_from: entry.effectiveFrom,
    tier_mbps: entry.tierMbps,
    currency: entry.amount.currency,
    amount: entry.amount.amount,
    setup_fee: entry.setupFee?.amount ?? null,
    burst_per_mbps: entry.burstPerMbps?.amount ?? null,
    net_share_percent: entry.netSharePercent?.toFixed() ?? null,
  };
}

function entryFromRow(row: PriceEntryTable): PriceEntry {
  const currency = row.currency as Currency;
  const optional = (value: bigint | number | string | null) =>
    value === null ? null : money(bigintFromColumn(value), currency);
  return {
    priceBookId: row.price_book_id,
    planId: row.plan_id,
    effectiveFrom: row.effective_from,
    tierMbps: Number(row.tier_mbps),
    amount: money(bigintFromColumn(row.amount), currency),
    setupFee: optional(row.setup_fee),
    burstPerMbps: optional(row.burst_per_mbps),
    netSharePercent: row.net_share_percent === null ? null : new Decimal(row.net_share_percent),
  };
}
