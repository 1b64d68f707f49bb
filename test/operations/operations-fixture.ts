import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { Decimal, UplinkError } from "../../src/core/index.js";
import { insertCustomers, insertGroupCompanies } from "../../src/customers/index.js";
import type { Store } from "../../src/store/index.js";

/** A parent, the 79.5%-owned ATM operator, and three customers to hang operations on. */
export async function seedGroupAndCustomers(store: Store): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    await insertGroupCompanies(tx, [
      {
        id: "iij",
        name: "Parent",
        parentId: null,
        ownershipPercent: new Decimal(100),
        functionalCurrency: "JPY",
        consolidatedFrom: "2000-04-01",
        relation: "parent",
      },
      {
        id: "trust-networks",
        name: "ATM operator",
        parentId: "iij",
        ownershipPercent: new Decimal("79.5"),
        functionalCurrency: "JPY",
        consolidatedFrom: "2007-07-01",
        relation: "subsidiary",
      },
    ]);
    await insertCustomers(
      tx,
      ["C00001", "C00002", "C00003"].map((id) => ({
        id,
        name: `Customer ${id}`,
        industry: "financial" as const,
        country: "JP",
        groupCompanyId: "iij",
        billingCurrency: "JPY" as const,
        status: "active" as const,
        statusSince: "2010-04-01",
        billingAddress: "Tokyo",
      })),
    );
  });
}

export function writeFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-operations-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
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

export async function rowCount(
  store: Store,
  table: "si_projects" | "si_project_progress" | "equipment_deliveries" | "atms" | "cost_records",
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
