import type { Kysely, Transaction } from "kysely";
import { type InputLocation, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import { type AtmWithdrawal, withdrawalKey } from "./atm-withdrawal.js";
import { daysOfMonth } from "./sample-window.js";

/** When each of `atmIds` the store holds was in place: placed on, and removed on (or null). */
export async function atmPlacements(
  db: Kysely<Database>,
  atmIds: Iterable<string>,
): Promise<Map<string, { placedOn: string; removedOn: string | null }>> {
  const wanted = [...new Set(atmIds)];
  const placements = new Map<string, { placedOn: string; removedOn: string | null }>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom("atms")
      .select(["id", "placed_on", "removed_on"])
      .where("id", "in", wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      placements.set(row.id, { placedOn: row.placed_on, removedOn: row.removed_on });
    }
  }
  return placements;
}

/**
 * Writes daily withdrawal counts in the caller's transaction: a new (ATM, day) is added, the same
 * count again changes nothing, another count for a stored day is a CONFLICT unless `replace`.
 */
export async function writeWithdrawals(
  tx: Transaction<Database>,
  withdrawals: readonly AtmWithdrawal[],
  options: {
    readonly replace?: boolean;
    readonly locate?: (withdrawal: AtmWithdrawal) => InputLocation | undefined;
  } = {},
): Promise<{ added: number; unchanged: number; replaced: number }> {
  const stored = new Map<string, number>();
  const atms = [...new Set(withdrawals.map((w) => w.atmId))];
  const days = withdrawals.map((w) => w.day).sort();
  for (let i = 0; i < atms.length && days.length > 0; i += 500) {
    const rows = await tx
      .selectFrom("atm_withdrawals")
      .selectAll()
      .where("atm_id", "in", atms.slice(i, i + 500))
      .where("day", ">=", days[0]!)
      .where("day", "<=", days.at(-1)!)
      .execute();
    for (const row of rows) stored.set(`${row.atm_id}|${row.day}`, Number(row.count));
  }
  let unchanged = 0;
  let replaced = 0;
  const inserts: { atm_id: string; day: string; count: number }[] = [];
  for (const withdrawal of withdrawals) {
    const before = stored.get(withdrawalKey(withdrawal));
    if (before === undefined) {
      inserts.push({ atm_id: withdrawal.atmId, day: withdrawal.day, count: withdrawal.count });
    } else if (before === withdrawal.count) {
      unchanged++;
    } else if (options.replace) {
      await tx
        .updateTable("atm_withdrawals")
        .set({ count: withdrawal.count })
        .where("atm_id", "=", withdrawal.atmId)
        .where("day", "=", withdrawal.day)
        .execute();
      replaced++;
    } else {
      const location = options.locate?.(withdrawal);
      throw new UplinkError(
        "CONFLICT",
        `ATM ${withdrawal.atmId} on ${withdrawal.day} is already stored with ${before} withdrawals; this says ${withdrawal.count}. Nothing was written. Re-run with --replace to overwrite.`,
        location ? { location: { ...location, field: "count" } } : {},
      );
    }
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insertInto("atm_withdrawals")
      .values(inserts.slice(i, i + 500))
      .execute();
  }
  return { added: inserts.length, unchanged, replaced };
}

/**
 * Each ATM's withdrawals in a `YYYY-MM` month (ATMs without any are left out), ordered by ATM id
 * in code-unit order (the same on both stores, whatever PostgreSQL's collation).
 */
export async function monthlyWithdrawals(
  db: Kysely<Database>,
  month: string,
): Promise<{ atmId: string; withdrawals: number; days: number }[]> {
  const days = daysOfMonth(month);
  const rows = await db
    .selectFrom("atm_withdrawals")
    .select((eb) => [
      "atm_id",
      eb.fn.sum<number | string>("count").as("withdrawals"),
      eb.fn.countAll<number | string>().as("days"),
    ])
    .where("day", ">=", days[0]!)
    .where("day", "<=", days.at(-1)!)
    .groupBy("atm_id")
    .execute();
  return rows
    .map((row) => ({
      atmId: row.atm_id,
      withdrawals: Number(row.withdrawals),
      days: Number(row.days),
    }))
    .sort((a, b) => (a.atmId < b.atmId ? -1 : a.atmId > b.atmId ? 1 : 0));
}
