import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UplinkError } from "../../src/core/index.js";
import {
  type Customer,
  contactsOf,
  countCustomers,
  findCustomer,
  importContactFile,
  importCustomerFile,
  importGroupCompanyFile,
  insertCustomers,
  listCustomers,
  listGroupCompanies,
} from "../../src/customers/index.js";
import { SCHEMA_VERSION } from "../../src/store/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();

function writeFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-customers-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

const COMPANIES_HEADER =
  "id,name,parent,ownership_percent,functional_currency,consolidated_from,relation\n";
// The subsidiary comes before its parent: the import orders them itself.
const COMPANIES = `${COMPANIES_HEADER}G2,Uplink Systems,G1,79.5,JPY,2010-04-01,subsidiary
G1,Uplink Inc.,,100,JPY,2000-04-01,parent
G3,Uplink America,G1,100,USD,2005-04-01,subsidiary
G4,Uplink Thai Data,G1,49,THB,2012-10-01,equity_method
`;
const CUSTOMERS_HEADER =
  "id,name,industry,country,group_company,billing_currency,status,status_since,billing_address\n";
const CUSTOMERS = `${CUSTOMERS_HEADER}C00001,Acme Bank,financial,JP,G1,JPY,active,2008-04-01,"1-1 Otemachi, Tokyo"
C00002,Beta Media,media_service,JP,G2,,,2010-05-01,
C00003,Gamma Networks US,communication_it,US,G3,USD,suspended,2012-08-01,New York
C00004,100% Retail,retail,JP,G1,JPY,closed,2012-03-31,
`;

describe.each(kinds)("customers on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function loadBasics(): Promise<void> {
    await importGroupCompanyFile(t.store, writeFile("companies.csv", COMPANIES));
    await importCustomerFile(t.store, writeFile("customers.csv", CUSTOMERS));
  }

  it("migrates to a schema with the customer tables and their foreign keys", async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    const stray: Customer = {
      id: "C9",
      name: "Stray",
      industry: "retail",
      country: "JP",
      groupCompanyId: "NO-SUCH-COMPANY",
      billingCurrency: "JPY",
      status: "active",
      statusSince: "2012-01-01",
      billingAddress: "",
    };
    await expect(
      t.store.db.transaction().execute((tx) => insertCustomers(tx, [stray])),
    ).rejects.toThrow();
    expect(await countCustomers(t.store.db)).toBe(0);
  });

  it("imports group companies with exact ownership, parents first, and a repeat changes nothing", async () => {
    const file = writeFile("companies.csv", COMPANIES);
    expect(await importGroupCompanyFile(t.store, file)).toMatchObject({ added: 4, unchanged: 0 });
    expect(await importGroupCompanyFile(t.store, file)).toMatchObject({ added: 0, unchanged: 4 });
    const companies = await listGroupCompanies(t.store.db);
    expect(companies.map((c) => [c.id, c.ownershipPercent.toFixed(), c.relation])).toEqual([
      ["G1", "100", "parent"],
      ["G2", "79.5", "subsidiary"],
      ["G3", "100", "subsidiary"],
      ["G4", "49", "equity_method"],
    ]);
  });

  it("refuses a group company whose parent is nowhere, naming line and field", async () => {
    const file = writeFile(
      "companies.csv",
      `${COMPANIES_HEADER}G1,Uplink Inc.,,100,JPY,2000-04-01,parent
G5,Orphan,G9,60,JPY,2011-04-01,subsidiary
`,
    );
    const error = await failure(importGroupCompanyFile(t.store, file));
    expect(error.location).toEqual({ file, line: 3, field: "parent" });
    expect(await listGroupCompanies(t.store.db)).toEqual([]);
  });

  it("imports customers with their defaults, and a repeat changes nothing", async () => {
    await importGroupCompanyFile(t.store, writeFile("companies.csv", COMPANIES));
    const file = writeFile("customers.csv", CUSTOMERS);
    expect(await importCustomerFile(t.store, file)).toEqual({
      file,
      added: 4,
      replaced: 0,
      unchanged: 0,
    });
    expect(await importCustomerFile(t.store, file)).toEqual({
      file,
      added: 0,
      replaced: 0,
      unchanged: 4,
    });
    expect(await findCustomer(t.store.db, "C00002")).toMatchObject({
      billingCurrency: "JPY",
      status: "active",
      billingAddress: "",
    });
    expect((await findCustomer(t.store.db, "C00001")).billingAddress).toBe("1-1 Otemachi, Tokyo");
  });

  it("writes nothing from a file with bad rows, naming each row's file, line and field", async () => {
    await importGroupCompanyFile(t.store, writeFile("companies.csv", COMPANIES));
    const file = writeFile(
      "customers.csv",
      `${CUSTOMERS_HEADER}C00001,Acme Bank,financial,JP,G1,JPY,active,2008-04-01,
C00002,Beta,banking,JP,G1,JPY,active,2008-04-01,
C00003,Gamma,retail,JP,G1,JPY,active,2008-04-31,
`,
    );
    const error = await failure(importCustomerFile(t.store, file));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(`${file}:3, field "industry"`);
    expect(error.message).toContain(`${file}:4, field "status_since"`);
    expect(await countCustomers(t.store.db)).toBe(0);
  });

  it.each([
    [
      "an unknown group company",
      "C00009,Nine,retail,JP,G9,JPY,active,2012-01-01,",
      "group_company",
    ],
    ["an unknown column", null, "region"],
    ["an id written twice", "C00001,Again,retail,JP,G1,JPY,active,2012-01-01,", "id"],
  ])("refuses %s, naming line and field", async (_, row, field) => {
    await importGroupCompanyFile(t.store, writeFile("companies.csv", COMPANIES));
    const text =
      row === null
        ? "id,name,industry,country,group_company,status_since,region\nC1,A,retail,JP,G1,2012-01-01,x\n"
        : `${CUSTOMERS_HEADER}C00001,Acme Bank,financial,JP,G1,JPY,active,2008-04-01,\n${row}\n`;
    const file = writeFile("customers.csv", text);
    const error = await failure(importCustomerFile(t.store, file));
    expect(error.location).toEqual({ file, line: row === null ? 1 : 3, field });
    expect(await countCustomers(t.store.db)).toBe(0);
  });

  it("refuses a row that changes a stored customer unless told to replace it", async () => {
    await loadBasics();
    const changed = writeFile(
      "changed.csv",
      `${CUSTOMERS_HEADER}C00005,New Co,construction,JP,G1,JPY,active,2012-09-01,
C00003,Gamma Networks US,communication_it,US,G3,USD,active,2012-09-15,New York
`,
    );
    const error = await failure(importCustomerFile(t.store, changed));
    expect(error.code).toBe("CONFLICT");
    expect(error.location).toEqual({ file: changed, line: 3, field: "status" });
    expect(await countCustomers(t.store.db)).toBe(4);
    expect(await importCustomerFile(t.store, changed, { replace: true })).toMatchObject({
      added: 1,
      replaced: 1,
    });
    expect(await findCustomer(t.store.db, "C00003")).toMatchObject({
      status: "active",
      statusSince: "2012-09-15",
    });
  });

  it("imports contacts of stored customers only, and a repeat changes nothing", async () => {
    await loadBasics();
    const header = "customer,name,email,role\n";
    const good = writeFile(
      "contacts.csv",
      `${header}C00001,Hanako Sato,Hanako.Sato@acme.example,billing
C00001,Taro Suzuki,taro@acme.example,technical
`,
    );
    expect(await importContactFile(t.store, good)).toMatchObject({ added: 2 });
    expect(await importContactFile(t.store, good)).toMatchObject({ added: 0, unchanged: 2 });
    expect((await contactsOf(t.store.db, "C00001")).map((c) => c.email)).toEqual([
      "hanako.sato@acme.example",
      "taro@acme.example",
    ]);
    const bad = writeFile("contacts.csv", `${header}C00042,Nobody,nobody@example.com,billing\n`);
    const error = await failure(importContactFile(t.store, bad));
    expect(error.location).toEqual({ file: bad, line: 2, field: "customer" });
  });

  it.each([
    [{ industry: "financial" as const }, ["C00001"]],
    [{ status: "active" as const }, ["C00001", "C00002"]],
    [{ groupCompanyId: "G1" }, ["C00001", "C00004"]],
    [{ search: "NETWORKS" }, ["C00003"]],
    [{ search: "c0000" }, ["C00001", "C00002", "C00003", "C00004"]],
    [{ search: "100%" }, ["C00004"]],
    [{ search: "0%" }, ["C00004"]],
    [{ status: "active" as const, limit: 1 }, ["C00001"]],
  ])("lists the customers matching %o", async (filter, ids) => {
    await loadBasics();
    expect((await listCustomers(t.store.db, filter)).map((c) => c.id)).toEqual(ids);
  });

  it("says NOT_FOUND for a customer that is not there", async () => {
    const error = await failure(findCustomer(t.store.db, "C404"));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("writes thousands of customers in one caller's transaction", async () => {
    await importGroupCompanyFile(t.store, writeFile("companies.csv", COMPANIES));
    const many: Customer[] = Array.from({ length: 6500 }, (_, i) => ({
      id: `C${String(i + 1).padStart(5, "0")}`,
      name: `Customer ${i + 1}`,
      industry: "communication_it",
      country: "JP",
      groupCompanyId: i % 2 === 0 ? "G1" : "G2",
      billingCurrency: "JPY",
      status: "active",
      statusSince: "2011-04-01",
      billingAddress: "",
    }));
    await t.store.db.transaction().execute((tx) => insertCustomers(tx, many));
    expect(await countCustomers(t.store.db)).toBe(6500);
    expect((await listCustomers(t.store.db, { groupCompanyId: "G2" })).length).toBe(3250);
  });
});
