import type { Kysely, Transaction } from "kysely";
import { Decimal, type InputLocation, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import { type CloudUsage, cloudUsageKey } from "./cloud-usage.js";
import { daysOfMonth } from "./sample-window.js";

/**
 * Writes daily cloud usage in the caller's transaction: a new (contract, day, resource) is added,
 * the same quantity again changes nothing, another quantity is a CONFLICT unless `replace`.
 */
export async function writeCloudUsage(
  tx: Transaction<Database>,
  usage: readonly (CloudUsage & { readonly customerId: string })[],
  options: {
    readonly replace?: boolean;
    readonly locate?: (usage: CloudUsage) => InputLocation | undefined;
  } = {},
): Promise<{ added: number; unchanged: number; replaced: number }> {
  const stored = new Map<string, string>();
  const contracts = [...new Set(usage.map((u) => u.contractId))];
  const days = usage.map((u) => u.day).sort();
  for (let i = 0; i < contracts.length && days.length > 0; i += 500) {
    const rows = await tx
      .selectFrom("cloud_usage")
      .selectAll()
      .where("contract_id", "in", contracts.slice(i, i + 500))
      .where("day", ">=", days[0]!)
      .where("day", "<=", days.at(-1)!)
      .execute();
    for (const row of rows) {
      stored.set(
        cloudUsageKey({ contractId: row.contract_id, day: row.day, resource: row.resource }),
        row.quantity,
      );
    }
  }
  let unchanged = 0;
  let replaced = 0;
  const inserts: Database["cloud_usage"][] = [];
  for (const item of usage) {
    const before = stored.get(cloudUsageKey(item));
    if (before === undefined) {
      inserts.push({
        customer_id: item.customerId,
        contract_id: item.contractId,
        day: item.day,
        resource: item.resource,
        quantity: item.quantity,
      });
    } else if (new Decimal(before).equals(item.quantity)) {
      unchanged++;
    } else if (options.replace) {
      await tx
        .updateTable("cloud_usage")
        .set({ quantity: item.quantity })
        .where("contract_id", "=", item.contractId)
        .where("day", "=", item.day)
        .where("resource", "=", item.resource)
        .execute();
      replaced++;
    } else {
      const location = options.locate?.(item);
      throw new UplinkError(
        "CONFLICT",
        `${item.contractId}'s ${item.resource} on ${item.day} is already stored as ${before}; this says ${item.quantity}. Nothing was written. Re-run with --replace to overwrite.`,
        location ? { location: { ...location, field: "quantity" } } : {},
      );
    }
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insertInto("cloud_usage")
      .values(inserts.slice(i, i + 500))
      .execute();
  }
  return { added: inserts.length, unchanged, replaced };
}

/**
 * Each contract's total use of each resource in a `YYYY-MM` month, exact, ordered by contract and
 * resource in code-unit order (the same on both stores).
 */
export async function monthlyCloudUsage(
  db: Kysely<Database>,
  month: string,
): Promise<{ contractId: string; customerId: string; resource: string; quantity: string }[]> {
  const days = daysOfMonth(month);
  const rows = await db
    .selectFrom("cloud_usage")
    .selectAll()
    .where("day", ">=", days[0]!)
    .where("day", "<=", days.at(-1)!)
    .execute();
  const totals = new Map<
    string,
    { contractId: string; customerId: string; resource: string; quantity: Decimal }
  >();
  for (const row of rows) {
    const key = `${row.contract_id}|${row.resource}`;
    const total = totals.get(key);
    if (total) total.quantity = total.quantity.plus(row.quantity);
    else {
      totals.set(key, {
        contractId: row.contract_id,
        customerId: row.customer_id,
        resource: row.resource,
        quantity: new Decimal(row.quantity),
      });
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, t]) => ({ ...t, quantity: t.quantity.toFixed() }));
}
