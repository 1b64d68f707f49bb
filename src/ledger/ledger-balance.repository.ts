import { type Kysely, sql } from "kysely";
import type { Currency } from "../core/index.js";
import { bigintFromColumn, type Database } from "../store/index.js";
import type { MonthlyBalance } from "./trial-balance.js";

/**
 * The kept balances up to and including `through` (`YYYY-MM`), for the named companies or all:
 * what every trial balance and report reads. It never touches the postings.
 */
export async function monthlyBalances(
  db: Kysely<Database>,
  options: { through: string; entities?: readonly string[] | undefined },
): Promise<MonthlyBalance[]> {
  if (options.entities?.length === 0) return [];
  let query = db
    .selectFrom("ledger_balances")
    .select(["entity_id", "account", "month", "currency", "counterparty_id", "amount"])
    .where("month", "<=", options.through);
  if (options.entities) query = query.where("entity_id", "in", options.entities);
  const rows = await query.execute();
  return rows.map((r) => ({
    entity: r.entity_id,
    account: r.account,
    month: r.month,
    currency: r.currency as Currency,
    counterparty: r.counterparty_id === "" ? null : r.counterparty_id,
    amount: bigintFromColumn(r.amount),
  }));
}

/**
 * The same sums computed from the postings themselves: the check that balances equal the sum of
 * postings (tests, `uplink ledger verify`) and the baseline a benchmark compares with.
 */
export async function monthlySumsOfPostings(
  db: Kysely<Database>,
  options: { through: string; entities?: readonly string[] | undefined },
): Promise<MonthlyBalance[]> {
  if (options.entities?.length === 0) return [];
  let query = db
    .selectFrom("journal_lines")
    .select([
      "entity_id",
      "account",
      "month",
      "currency",
      sql<string>`coalesce(counterparty_id, '')`.as("counterparty_id"),
      sql<string | number>`sum(amount)`.as("amount"),
    ])
    .where("month", "<=", options.through)
    .groupBy(["entity_id", "account", "month", "currency", "counterparty_id"]);
  if (options.entities) query = query.where("entity_id", "in", options.entities);
  const rows = await query.execute();
  return rows
    .map((r) => ({
      entity: r.entity_id,
      account: r.account,
      month: r.month,
      currency: r.currency as Currency,
      counterparty: r.counterparty_id === "" ? null : r.counterparty_id,
      amount: bigintFromColumn(r.amount),
    }))
    .filter((r) => r.amount !== 0n);
}

/**
 * The first and last month (`YYYY-MM`) whose kept balances hold revenue or expenses, or null when
 * none does: the span the report from the ledger has figures for. Months holding only balance-sheet
 * amounts (an opening balance sheet dated before the books start) have no results to report.
 */
export async function bookedMonthRange(
  db: Kysely<Database>,
): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom("ledger_balances")
    .select((eb) => [eb.fn.min("month").as("first"), eb.fn.max("month").as("last")])
    .where((eb) => eb.or([eb("account", "like", "Revenue:%"), eb("account", "like", "Expenses:%")]))
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
