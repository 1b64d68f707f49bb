import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/index.js";
import {
  type Atm,
  atmCountOn,
  type CostRecord,
  costsByMonth,
  importAtmFile,
  importCostFile,
  insertAtms,
  insertCostRecords,
  insertDeliveries,
  insertProgressReports,
  insertProjects,
  listAtms,
  listCostRecords,
} from "../../src/operations/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { failure, rowCount, seedGroupAndCustomers, writeFile } from "./operations-fixture.js";

const kinds = await storeKinds();

const ATMS = `id,location,placed_on,removed_on,group_company
A001,Shinjuku,2011-06-01,,trust-networks
A002,Shibuya,2011-12-20,2012-08-31,trust-networks
A003,Ueno,2012-04-01,,trust-networks
A004,Ikebukuro,2012-09-30,,trust-networks
`;
const COSTS = `month,group_company,segment,category,amount_yen
2012-07,iij,network,circuit,2000000000
2012-07,iij,network,personnel,500000000
2012-07,trust-networks,atm,purchasing,40000000
2012-07,trust-networks,atm,other,10000000
2012-08,iij,network,circuit,2100000000
2012-08,iij,sga,rnd,30000000
2012-08,trust-networks,sga,rnd,1000000
`;

describe.each(kinds)("ATMs and cost records on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedGroupAndCustomers(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it.each([
    ["2011-06-30", 1],
    ["2011-12-31", 2],
    ["2012-03-31", 2],
    ["2012-06-30", 3],
    ["2012-09-29", 2],
    ["2012-09-30", 3],
  ])("counts the ATMs in place at the end of %s", async (date, count) => {
    await importAtmFile(t.store, writeFile("atms.csv", ATMS));
    expect(await atmCountOn(t.store.db, date)).toBe(count);
    expect(await listAtms(t.store.db, { on: date })).toHaveLength(count);
  });

  it("changes nothing when the same ATM file is imported twice, and records a removal with --replace", async () => {
    const file = writeFile("atms.csv", ATMS);
    expect(await importAtmFile(t.store, file)).toMatchObject({ added: 4, unchanged: 0 });
    expect(await importAtmFile(t.store, file)).toMatchObject({ added: 0, unchanged: 4 });
    const removal = writeFile(
      "atms.csv",
      ATMS.replace("A003,Ueno,2012-04-01,,", "A003,Ueno,2012-04-01,2012-09-01,"),
    );
    const error = await failure(importAtmFile(t.store, removal));
    expect(error).toMatchObject({
      code: "CONFLICT",
      location: { file: removal, line: 4, field: "removed_on" },
    });
    expect(await importAtmFile(t.store, removal, { replace: true })).toMatchObject({ replaced: 1 });
    expect(await atmCountOn(t.store.db, "2012-09-30")).toBe(2);
  });

  it.each([
    ["an unknown group company", "A9,Kanda,2012-01-01,,nobody", "group_company"],
    ["a removal before placement", "A9,Kanda,2012-01-01,2011-01-01,trust-networks", "removed_on"],
    ["no location", "A9,,2012-01-01,,trust-networks", "location"],
  ])("writes no ATM from a file with %s, naming file, line and field", async (_, row, field) => {
    const file = writeFile("atms.csv", `${ATMS}${row}\n`);
    const error = await failure(importAtmFile(t.store, file));
    expect(error.location).toEqual({ file, line: 6, field });
    expect(await rowCount(t.store, "atms")).toBe(0);
  });

  it("sums costs per month and catalogue metric over group companies", async () => {
    await importCostFile(t.store, writeFile("costs.csv", COSTS));
    const totals = await costsByMonth(t.store.db, { fromMonth: "2012-07", toMonth: "2012-09" });
    expect(totals.map((c) => [c.month, c.metric, c.amountYen])).toEqual([
      ["2012-07", "cost.atm", 50_000_000n],
      ["2012-07", "cost.network.circuit", 2_000_000_000n],
      ["2012-07", "cost.network.personnel", 500_000_000n],
      ["2012-08", "cost.network.circuit", 2_100_000_000n],
      ["2012-08", "sga.rnd", 31_000_000n],
    ]);
    const atm = await listCostRecords(t.store.db, {
      segment: "atm",
      groupCompanyId: "trust-networks",
    });
    expect(atm.map((r) => r.category)).toEqual(["other", "purchasing"]);
  });

  it("changes nothing when the same cost file is imported twice", async () => {
    const file = writeFile("costs.csv", COSTS);
    expect(await importCostFile(t.store, file)).toMatchObject({ added: 7, unchanged: 0 });
    expect(await importCostFile(t.store, file)).toMatchObject({
      added: 0,
      unchanged: 7,
      replaced: 0,
    });
    expect(await rowCount(t.store, "cost_records")).toBe(7);
  });

  it.each([
    ["an amount with a separator", '2012-09,iij,network,circuit,"1,000"', "amount_yen"],
    ["an SI category under network", "2012-09,iij,network,purchasing,1000", "category"],
    ["an unknown segment", "2012-09,iij,cloud,other,1000", "segment"],
    ["a month written as a date", "2012-09-01,iij,network,circuit,1000", "month"],
    ["an unknown group company", "2012-09,nobody,network,circuit,1000", "group_company"],
    ["a key written twice", "2012-07,iij,network,circuit,1", "category"],
  ])("writes no cost from a file with %s, naming file, line and field", async (_, row, field) => {
    const file = writeFile("costs.csv", `${COSTS}${row}\n`);
    const error = await failure(importCostFile(t.store, file));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual({ file, line: 9, field });
    expect(await rowCount(t.store, "cost_records")).toBe(0);
  });

  it("refuses a changed amount unless told to replace it, writing none of the file's new rows", async () => {
    await importCostFile(t.store, writeFile("costs.csv", COSTS));
    const file = writeFile(
      "costs.csv",
      "month,group_company,segment,category,amount_yen\n2012-09,iij,si,purchasing,9\n2012-08,iij,sga,rnd,31000000\n",
    );
    const error = await failure(importCostFile(t.store, file));
    expect(error).toMatchObject({
      code: "CONFLICT",
      location: { file, line: 3, field: "amount_yen" },
    });
    expect(await rowCount(t.store, "cost_records")).toBe(7);
    expect(await importCostFile(t.store, file, { replace: true })).toMatchObject({
      added: 1,
      replaced: 1,
    });
    const [rnd] = await listCostRecords(t.store.db, {
      fromMonth: "2012-08",
      toMonth: "2012-08",
      segment: "sga",
      groupCompanyId: "iij",
    });
    expect(rnd?.amountYen).toBe(31_000_000n);
  });
});

describe.each(kinds)("bulk writes for the demo builder on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedGroupAndCustomers(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const atms: Atm[] = Array.from({ length: 1200 }, (_, i) => ({
    id: `A${String(i).padStart(5, "0")}`,
    location: `Site ${i}`,
    placedOn: i < 567 ? "2012-06-30" : "2012-12-01",
    removedOn: null,
    groupCompanyId: "trust-networks",
  }));

  it("inserts many rows in batches inside the caller's transaction", async () => {
    const costs: CostRecord[] = Array.from({ length: 700 }, (_, i) => ({
      month: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      groupCompanyId: "iij",
      segment: "network",
      category: "circuit",
      amountYen: 9_000_000_000_000n + BigInt(i),
    }));
    await t.store.db.transaction().execute(async (tx) => {
      await insertAtms(tx, atms);
      await insertCostRecords(tx, costs);
      // An O&M project given before the project it follows still finds it.
      await insertProjects(tx, [
        {
          id: "P2",
          customerId: "C00001",
          name: "",
          kind: "operation",
          recognition: "monthly",
          orderedOn: "2012-04-01",
          orderValueYen: 1200n,
          followsProjectId: "P1",
          acceptedOn: null,
          startsOn: "2012-04-01",
          endsOn: "2013-03-31",
          monthlyFeeYen: 100n,
        },
        {
          id: "P1",
          customerId: "C00001",
          name: "",
          kind: "construction",
          recognition: "percentage_of_completion",
          orderedOn: "2012-01-10",
          orderValueYen: 1000n,
          followsProjectId: null,
          acceptedOn: null,
          startsOn: null,
          endsOn: null,
          monthlyFeeYen: null,
        },
      ]);
      await insertProgressReports(tx, [
        {
          projectId: "P1",
          customerId: "C00001",
          reportedOn: "2012-03-31",
          percentComplete: new Decimal(40),
        },
      ]);
      await insertDeliveries(tx, [
        {
          id: "D1",
          customerId: "C00002",
          projectId: null,
          orderedOn: "2012-04-01",
          deliveredOn: "2012-04-02",
          amountYen: 5n,
          costYen: 4n,
          description: "",
        },
      ]);
    });
    expect(await atmCountOn(t.store.db, "2012-09-30")).toBe(567);
    const [last] = await listCostRecords(t.store.db, { fromMonth: "2058-04", toMonth: "2058-04" });
    expect(last?.amountYen).toBe(9_000_000_000_000n + 699n);
    expect(await rowCount(t.store, "si_projects")).toBe(2);
  });

  it("leaves nothing behind when the caller's transaction fails", async () => {
    const attempt = t.store.db.transaction().execute(async (tx) => {
      await insertAtms(tx, atms);
      await insertAtms(tx, [atms[0]!]);
    });
    await expect(attempt).rejects.toThrow();
    expect(await rowCount(t.store, "atms")).toBe(0);
  });
});
