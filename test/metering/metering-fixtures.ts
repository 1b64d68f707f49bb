import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { UplinkError } from "../../src/core/index.js";
import type { Store } from "../../src/store/index.js";

// The few rows usage refers to — a group company, customers, a plan, contracts and ATMs — written
// straight into their tables, so the metering tests depend on those modules' schema only.

export const CONTRACTS = ["CT000001", "CT000002", "CT000003"] as const;

export async function seedReferences(store: Store): Promise<void> {
  await store.db
    .insertInto("group_companies")
    .values({
      id: "G1",
      name: "Uplink Group",
      parent_id: null,
      ownership_percent: "100",
      functional_currency: "JPY",
      consolidated_from: "2000-04-01",
      relation: "parent",
    })
    .execute();
  await store.db
    .insertInto("customers")
    .values(
      ["C00001", "C00002"].map((id) => ({
        id,
        name: `Customer ${id}`,
        industry: "manufacturing",
        country: "JP",
        group_company_id: "G1",
        billing_currency: "JPY",
        status: "active",
        status_since: "2011-04-01",
        billing_address: "Tokyo",
      })),
    )
    .execute();
  await store.db
    .insertInto("plans")
    .values({
      id: "P-BURST",
      name: "Burstable IP",
      line_id: "connectivity_corporate",
      charge_model: "commit_burst",
      unit: "Mbps",
    })
    .execute();
  await store.db
    .insertInto("contracts")
    .values(
      CONTRACTS.map((id, i) => ({
        id,
        customer_id: i === 0 ? "C00001" : "C00002",
        plan_id: "P-BURST",
        price_book_id: "PB1",
      })),
    )
    .execute();
  await store.db
    .insertInto("atms")
    .values([
      {
        id: "ATM001",
        location: "Tokyo",
        placed_on: "2011-04-01",
        removed_on: null,
        group_company_id: "G1",
      },
      {
        id: "ATM002",
        location: "Osaka",
        placed_on: "2012-09-10",
        removed_on: "2012-09-20",
        group_company_id: "G1",
      },
    ])
    .execute();
}

export function writeCsv(name: string, lines: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-usage-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

export async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

export async function countRows(
  store: Store,
  table:
    | "usage_samples"
    | "usage_batches"
    | "atm_withdrawals"
    | "cloud_usage"
    | "usage_counter_ports",
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
