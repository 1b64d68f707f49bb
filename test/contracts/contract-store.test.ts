import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importStandardCatalog } from "../../src/catalog/index.js";
import {
  type ContractEvent,
  contractedBandwidthAt,
  contractedBandwidthAtQuarterEnds,
  contractedBandwidthOn,
  contractStateOn,
  contractsOfCustomer,
  findContractHistory,
  importContractFile,
  insertContractEvents,
  listContracts,
} from "../../src/contracts/index.js";
import { parsePeriod, UplinkError } from "../../src/core/index.js";
import {
  type Customer,
  importCustomerFile,
  importGroupCompanyFile,
  insertCustomers,
} from "../../src/customers/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();

function writeFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-contracts-"));
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

const COMPANIES = `id,name,parent,ownership_percent,functional_currency,consolidated_from,relation
G1,Uplink Inc.,,100,JPY,2000-04-01,parent
G3,Uplink America,G1,100,USD,2005-04-01,subsidiary
`;
const CUSTOMERS = `id,name,industry,country,group_company,billing_currency,status_since
C00001,Acme Bank,financial,JP,G1,JPY,2008-04-01
C00002,Beta Media,media_service,JP,G1,JPY,2010-05-01
C00003,Gamma US,communication_it,US,G3,USD,2011-01-01
`;
const HEADER =
  "contract,customer,plan,event,effective_date,bandwidth_mbps,quantity,monthly_fee,currency,price_book,note\n";
// CT1: a 1 Gbps IP service upgraded to 2 Gbps mid-July 2012, repriced in August, cancelled from
// October. CT2: three 100 Mbps fiber lines. CT3: 500 Mbps ordered, never activated. CT4: a
// 1 Gbps Ethernet WAN and CT5 mobile SIMs, which do not count toward contracted bandwidth.
const CONTRACTS = `${HEADER}CT1,C00001,ip-service,ordered,2011-05-10,1000,,,,,
CT1,C00001,,activated,2011-06-01,,,,,,
CT1,C00001,,changed,2012-07-16,2000,,2900000,JPY,,upgrade to 2 Gbps
CT1,C00001,,changed,2012-08-01,,,2600000,JPY,,price adjusted
CT1,C00001,,cancelled,2012-10-01,,,,,,
CT2,C00002,fiber-access,ordered,2011-04-01,100,3,,,,
CT2,C00002,,activated,2011-04-01,,,,,,
CT3,C00002,dc-connectivity,ordered,2012-09-01,500,,,,,
CT4,C00001,ethernet-wan,ordered,2011-04-01,1000,,,,,
CT4,C00001,,activated,2011-04-01,,,,,,
CT5,C00002,mobile-lte,ordered,2012-01-10,,20,,,,
CT5,C00002,,activated,2012-01-15,,,,,,
`;

describe.each(kinds)("contracts on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await importGroupCompanyFile(t.store, writeFile("companies.csv", COMPANIES));
    await importCustomerFile(t.store, writeFile("customers.csv", CUSTOMERS));
    await importStandardCatalog(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function eventCount(): Promise<number> {
    const row = await t.store.db
      .selectFrom("contract_events")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("migrates to tables that refuse a repeated event and an event of an unknown contract", async () => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const [ordered] = (await findContractHistory(t.store.db, "CT2")).events;
    const write = (events: ContractEvent[]) =>
      t.store.db.transaction().execute((tx) => insertContractEvents(tx, events));
    await expect(
      write([{ ...ordered!, kind: "changed", effectiveDate: "2011-04-01" }]),
    ).resolves.toBeUndefined();
    await expect(
      write([{ ...ordered!, kind: "changed", effectiveDate: "2011-04-01" }]),
    ).rejects.toThrow();
    await expect(write([{ ...ordered!, kind: "changed", contractId: "CT404" }])).rejects.toThrow();
    expect(await eventCount()).toBe(13);
  });

  it("keeps the full history and folds it to any date", async () => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const history = await findContractHistory(t.store.db, "CT1");
    expect(history.events.map((e) => `${e.effectiveDate} ${e.kind}`)).toEqual([
      "2011-05-10 ordered",
      "2011-06-01 activated",
      "2012-07-16 changed",
      "2012-08-01 changed",
      "2012-10-01 cancelled",
    ]);
    const on = (date: string) => {
      const s = contractStateOn(history.events, date);
      return [s?.status, s?.bandwidthMbps, s?.monthlyFee?.amount ?? null];
    };
    expect(on("2012-07-15")).toEqual(["active", 1000, null]);
    expect(on("2012-07-16")).toEqual(["active", 2000, 2_900_000n]);
    expect(on("2012-08-01")).toEqual(["active", 2000, 2_600_000n]);
    expect(on("2012-09-30")).toEqual(["active", 2000, 2_600_000n]);
    expect(on("2012-10-01")).toEqual(["cancelled", 2000, 2_600_000n]);
    expect(history.events[2]?.note).toBe("upgrade to 2 Gbps");
  });

  it.each([
    ["2011-05-31", "0.3", 1, 0, "CT1 ordered only; CT2's three 100 Mbps lines"],
    ["2011-06-01", "1.3", 2, 1, "CT1 live at 1 Gbps"],
    ["2012-07-15", "1.3", 2, 1, "the day before the upgrade"],
    ["2012-07-16", "2.3", 2, 1, "the day of the upgrade"],
    ["2012-09-30", "2.3", 2, 1, "a quarter end; CT3 ordered, not live"],
    ["2012-10-01", "0.3", 1, 0, "the day of the cancellation"],
  ])("gives %s Gbps on %s", async (date, gbps, contracts, over) => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const result = await contractedBandwidthOn(t.store.db, date);
    expect([result.gbps.toFixed(), result.contracts, result.contractsOver1Gbps]).toEqual([
      gbps,
      contracts,
      over,
    ]);
  });

  it("gives the KPIs at each fiscal quarter end of a period", async () => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const rows = await contractedBandwidthAtQuarterEnds(t.store.db, parsePeriod("FY12"));
    expect(rows.map((r) => [r.period, r.date, r.gbps.toFixed(), r.contractsOver1Gbps])).toEqual([
      ["1Q12", "2012-06-30", "1.3", 1],
      ["2Q12", "2012-09-30", "2.3", 1],
      ["3Q12", "2012-12-31", "0.3", 0],
      ["4Q12", "2013-03-31", "0.3", 0],
    ]);
    const [quarter] = await contractedBandwidthAtQuarterEnds(t.store.db, parsePeriod("2Q12"));
    expect(quarter?.date).toBe("2012-09-30");
  });

  it("lists contracts by customer, line and status on a date", async () => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const ids = (states: { contractId: string }[]) => states.map((s) => s.contractId);
    expect(ids(await contractsOfCustomer(t.store.db, "C00001"))).toEqual(["CT1", "CT4"]);
    expect(ids(await listContracts(t.store.db, { status: "active" }))).toEqual([
      "CT2",
      "CT4",
      "CT5",
    ]);
    expect(ids(await listContracts(t.store.db, { status: "active", on: "2012-09-30" }))).toEqual([
      "CT1",
      "CT2",
      "CT4",
      "CT5",
    ]);
    expect(ids(await listContracts(t.store.db, { on: "2011-04-30" }))).toEqual(["CT2", "CT4"]);
    expect(
      ids(await listContracts(t.store.db, { lineIds: ["ip_service", "datacenter_connectivity"] })),
    ).toEqual(["CT1", "CT3"]);
    expect(ids(await listContracts(t.store.db, { limit: 2 }))).toEqual(["CT1", "CT2"]);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const file = writeFile("contracts.csv", CONTRACTS);
    expect(await importContractFile(t.store, file)).toEqual({ file, added: 12, unchanged: 0 });
    expect(await importContractFile(t.store, file)).toEqual({ file, added: 0, unchanged: 12 });
    expect(await eventCount()).toBe(12);
  });

  it("adds later events to stored contracts from another file", async () => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const later = writeFile(
      "later.csv",
      `${HEADER}CT3,C00002,,activated,2012-10-01,,,,,,
CT2,C00002,,changed,2012-11-01,200,,,,,
`,
    );
    expect(await importContractFile(t.store, later)).toMatchObject({ added: 2 });
    const result = await contractedBandwidthOn(t.store.db, "2012-11-01");
    expect(result.gbps.toFixed()).toBe("1.1");
  });

  it.each([
    [
      "a change after the cancellation",
      "CT1,C00001,,changed,2012-11-01,3000,,,,,",
      "effective_date",
    ],
    ["a second activation", "CT2,C00002,,activated,2012-01-01,,,,,,", "event"],
    ["an event of another customer", "CT2,C00001,,changed,2012-01-01,,2,,,,", "customer"],
    ["an event before the order", "CT3,C00002,,changed,2012-08-01,,2,,,,", "effective_date"],
    ["another plan for a contract", "CT2,C00002,ip-service,changed,2012-01-01,,2,,,,", "plan"],
  ])("refuses %s on a stored history, naming line and field", async (_, row, field) => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const file = writeFile(
      "later.csv",
      `${HEADER}CT5,C00002,,changed,2012-06-01,,25,,,,\n${row}\n`,
    );
    const error = await failure(importContractFile(t.store, file));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual({ file, line: 3, field });
    expect(await eventCount()).toBe(12);
  });

  it.each([
    ["an unknown customer", "CT9,C00009,ip-service,ordered,2012-01-01,100,,,,,", "customer"],
    ["an unknown plan", "CT9,C00001,no-such-plan,ordered,2012-01-01,100,,,,,", "plan"],
    [
      "no bandwidth for a bandwidth plan",
      "CT9,C00001,ip-service,ordered,2012-01-01,,,,,,",
      "bandwidth_mbps",
    ],
    ["a contract ordered nowhere", "CT9,C00001,,activated,2012-01-01,,,,,,", "contract"],
    [
      "a fee outside the billing currency",
      "CT9,C00003,ip-service,ordered,2012-01-01,100,,900000,JPY,,",
      "currency",
    ],
    ["an event written twice", "CT8,C00001,ip-service,ordered,2012-01-01,100,,,,,", "event"],
    ["a bad date", "CT9,C00001,ip-service,ordered,2012-02-30,100,,,,,", "effective_date"],
  ])("writes nothing from a file with %s, naming line and field", async (_, row, field) => {
    const file = writeFile(
      "contracts.csv",
      `${HEADER}CT8,C00001,ip-service,ordered,2012-01-01,100,,,,,\n${row}\n`,
    );
    const error = await failure(importContractFile(t.store, file));
    expect(error.location).toEqual({ file, line: 3, field });
    expect(await eventCount()).toBe(0);
  });

  it("refuses to edit a stored event: a history is append-only", async () => {
    await importContractFile(t.store, writeFile("contracts.csv", CONTRACTS));
    const file = writeFile(
      "edited.csv",
      `${HEADER}CT1,C00001,,changed,2012-07-16,2000,,2800000,JPY,,upgrade to 2 Gbps\n`,
    );
    const error = await failure(importContractFile(t.store, file));
    expect(error.code).toBe("CONFLICT");
    expect(error.location).toEqual({ file, line: 2, field: "monthly_fee" });
    expect(error.message).toMatch(/record a "changed" event instead/);
  });

  it("says NOT_FOUND for a contract that is not there", async () => {
    expect((await failure(findContractHistory(t.store.db, "CT404"))).code).toBe("NOT_FOUND");
  });

  it("writes tens of thousands of events in one caller's transaction and sums them", async () => {
    const customers: Customer[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `B${String(i).padStart(5, "0")}`,
      name: `Bulk ${i}`,
      industry: "communication_it",
      country: "JP",
      groupCompanyId: "G1",
      billingCurrency: "JPY",
      status: "active",
      statusSince: "2011-04-01",
      billingAddress: "",
    }));
    const events: ContractEvent[] = [];
    for (let i = 0; i < 10_000; i++) {
      const base = {
        contractId: `BK${String(i).padStart(6, "0")}`,
        customerId: customers[i % customers.length]!.id,
        planId: null,
        priceBookId: null,
        bandwidthMbps: null,
        quantity: null,
        monthlyFee: null,
        note: "",
      };
      events.push(
        {
          ...base,
          kind: "ordered",
          effectiveDate: "2011-04-01",
          planId: "ip-service",
          priceBookId: "standard",
          bandwidthMbps: i % 10 === 0 ? 1000 : 100,
        },
        { ...base, kind: "activated", effectiveDate: "2011-04-01" },
      );
    }
    await t.store.db.transaction().execute(async (tx) => {
      await insertCustomers(tx, customers);
      await insertContractEvents(tx, events);
    });
    expect(await eventCount()).toBe(20_000);
    const [result] = await contractedBandwidthAt(t.store.db, ["2012-09-30"]);
    // 1,000 contracts at 1 Gbps and 9,000 at 100 Mbps.
    expect(result?.gbps.toFixed()).toBe("1900");
    expect(result?.contractsOver1Gbps).toBe(1000);
  });
});
