import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueCreditNote, runBilling } from "../../src/billing/index.js";
import { Decimal, UplinkError } from "../../src/core/index.js";
import { bookMonth, creditInvoice, isMonthBooked, monthlyClose } from "../../src/flows/index.js";
import {
  closeMonth,
  countPostings,
  findEntry,
  monthlyBalances,
  monthlySumsOfPostings,
} from "../../src/ledger/index.js";
import { writeWithdrawals } from "../../src/metering/index.js";
import {
  insertAtms,
  insertCostRecords,
  insertDeliveries,
  insertProgressReports,
  insertProjects,
} from "../../src/operations/index.js";
import type { Database } from "../../src/store/index.js";
import {
  contractEvents,
  customer,
  seedBillingWorld,
  TestClock,
  writeEvents,
} from "../billing/billing-fixtures.js";
import { runCli } from "../support/run-cli.js";
import { tableDigest } from "../support/table-digest.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();

const LEDGER_TABLES = ["journal_entries", "journal_lines", "ledger_balances", "uplink_meta"];

async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

/**
 * One month's movements per "company account", revenue shown positive (the ledger keeps it as a
 * credit), everything else debit-positive; zero sums left out.
 */
async function movements(db: Kysely<Database>, month: string): Promise<Record<string, bigint>> {
  const out: Record<string, bigint> = {};
  for (const row of await monthlyBalances(db, { through: month })) {
    if (row.month !== month) continue;
    const key = `${row.entity} ${row.account}`;
    const signed = row.account.startsWith("Revenue:") ? -row.amount : row.amount;
    out[key] = (out[key] ?? 0n) + signed;
  }
  for (const [key, value] of Object.entries(out)) if (value === 0n) delete out[key];
  return out;
}

/** Revenue and expense accounts only: the month's profit and loss. */
async function profitAndLoss(db: Kysely<Database>, month: string) {
  return Object.fromEntries(
    Object.entries(await movements(db, month)).filter(([key]) =>
      /^\S+ (Revenue|Expenses):/.test(key),
    ),
  );
}

/** A balance-sheet account's balance at the end of `month` (debit positive). */
async function balanceAt(db: Kysely<Database>, entity: string, account: string, month: string) {
  let sum = 0n;
  for (const row of await monthlyBalances(db, { through: month, entities: [entity] })) {
    if (row.account === account) sum += row.amount;
  }
  return sum;
}

async function expectLedgerSound(db: Kysely<Database>): Promise<void> {
  const unbalanced = await sql<{ entry_id: string }>`
    select entry_id from journal_lines group by entry_id, currency having sum(amount) <> 0`.execute(
    db,
  );
  expect(unbalanced.rows).toEqual([]);
  const shown = (rows: { entity: string; account: string; month: string; amount: bigint }[]) =>
    rows
      .filter((r) => r.amount !== 0n)
      .map((r) => `${r.entity}|${r.account}|${r.month}=${r.amount}`)
      .sort();
  expect(shown(await monthlyBalances(db, { through: "9999-12" }))).toEqual(
    shown(await monthlySumsOfPostings(db, { through: "9999-12" })),
  );
}

/**
 * The small company: a data-center circuit started mid-July with a 30,000 set-up fee (C1), a
 * resold FLET'S line (C2), an ATM bank network of the subsidiary "trust" (BANKNET), and an SI
 * customer (C4) with a construction project by percentage of completion, one on acceptance, an
 * O&M contract that follows it and an equipment delivery; July's cost records of both companies.
 */
async function seedCompany(t: TestStore): Promise<void> {
  await seedBillingWorld(t.store, [
    customer("C1"),
    customer("C2"),
    customer("C4"),
    customer("BANKNET", { groupCompanyId: "trust", industry: "financial" }),
  ]);
  await writeEvents(t.store, [
    ...contractEvents("CT1", "C1", "dc-connectivity", [
      { kind: "ordered", on: "2012-07-01", bandwidthMbps: 10 },
      { kind: "activated", on: "2012-07-16" },
    ]),
    ...contractEvents("CT2", "C2", "flets-reseller", [
      { kind: "ordered", on: "2012-06-01", quantity: 1 },
      { kind: "activated", on: "2012-06-01" },
    ]),
    ...contractEvents("CT3", "BANKNET", "atm-withdrawal", [
      { kind: "ordered", on: "2012-03-01" },
      { kind: "activated", on: "2012-04-01" },
    ]),
  ]);
  await t.store.db.transaction().execute(async (tx) => {
    await insertAtms(tx, [
      {
        id: "A1",
        location: "Tokyo",
        placedOn: "2012-01-01",
        removedOn: null,
        groupCompanyId: "trust",
      },
    ]);
    await writeWithdrawals(tx, [
      { atmId: "A1", day: "2012-07-31", count: 100 },
      { atmId: "A1", day: "2012-08-01", count: 50 },
    ]);
    const construction = {
      customerId: "C4",
      kind: "construction" as const,
      followsProjectId: null,
      startsOn: null,
      endsOn: null,
      monthlyFeeYen: null,
    };
    await insertProjects(tx, [
      {
        ...construction,
        id: "P1",
        name: "Core network",
        recognition: "percentage_of_completion",
        orderedOn: "2012-07-02",
        orderValueYen: 10_000_000n,
        acceptedOn: null,
      },
      {
        ...construction,
        id: "P2",
        name: "Branch VPN",
        recognition: "on_acceptance",
        orderedOn: "2012-07-02",
        orderValueYen: 4_000_000n,
        acceptedOn: "2012-08-25",
      },
      {
        id: "P3",
        customerId: "C4",
        name: "Branch VPN operation",
        kind: "operation",
        recognition: "monthly",
        orderedOn: "2012-07-02",
        orderValueYen: 3_600_000n,
        followsProjectId: "P2",
        acceptedOn: null,
        startsOn: "2012-08-01",
        endsOn: "2013-07-31",
        monthlyFeeYen: 300_000n,
      },
    ]);
    await insertProgressReports(tx, [
      {
        projectId: "P1",
        customerId: "C4",
        reportedOn: "2012-07-31",
        percentComplete: new Decimal(20),
      },
      {
        projectId: "P1",
        customerId: "C4",
        reportedOn: "2012-08-20",
        percentComplete: new Decimal(50),
      },
    ]);
    await insertDeliveries(tx, [
      {
        id: "D1",
        customerId: "C4",
        projectId: "P1",
        orderedOn: "2012-07-02",
        deliveredOn: "2012-09-10",
        amountYen: 800_000n,
        costYen: 600_000n,
        description: "Core routers",
      },
    ]);
    const cost =
      (groupCompanyId: string, segment: "network" | "si" | "atm" | "sga") =>
      (category: string, amountYen: bigint) => ({
        month: "2012-07",
        groupCompanyId,
        segment,
        category,
        amountYen,
      });
    await insertCostRecords(tx, [
      cost("iij", "network")("circuit", 1_000_000n),
      cost("iij", "si")("outsourcing", 500_000n),
      cost("iij", "sga")("sales_marketing", 200_000n),
      cost("iij", "sga")("rnd", 50_000n),
      cost("trust", "atm")("other", 7_000n),
    ]);
  });
}

describe.each(kinds)("the books of a month on %s", (kind) => {
  let t: TestStore;
  let clock: TestClock;
  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new TestClock("2012-07-01");
  });
  afterEach(async () => {
    await t.dispose();
  });

  const bill = (month: string) => runBilling(t.store.db, { month, now: clock.now });
  const close = async (month: string) => {
    await bill(month);
    return bookMonth(t.store, month);
  };

  it("recognise each rule month by month, settle the month before in cash, and change nothing on a re-run", async () => {
    await seedCompany(t);
    const db = t.store.db;
    clock.advanceMonths(3); // 2012-10-01: July to September have ended
    await close("2012-07");

    // July, worked by hand:
    // - C1: 16 of 31 days × 250,000 = 129,032.26 → 129,032, plus the first 1,250 of the 30,000
    //   set-up fee spread over 24 months = 130,282 corporate connectivity;
    // - C2: FLET'S 5,460 presented net, 8.5% = 464.1 → 464 home connectivity;
    // - C4: P1 20% of 10,000,000 = 2,000,000 construction (percentage of completion);
    // - BANKNET: 100 withdrawals on 07-31 × 120 = 12,000 ATM revenue in trust's books;
    // - July's cost records by segment and category, SG&A and R&D.
    expect(await profitAndLoss(db, "2012-07")).toEqual({
      "iij Revenue:Network:ConnectivityCorporate": 130_282n,
      "iij Revenue:Network:ConnectivityHome": 464n,
      "iij Revenue:SI:Construction": 2_000_000n,
      "iij Expenses:Cost:Network:Circuit": 1_000_000n,
      "iij Expenses:Cost:SI:Outsourcing": 500_000n,
      "iij Expenses:SGA:SalesMarketing": 200_000n,
      "iij Expenses:SGA:RnD": 50_000n,
      "trust Revenue:ATM": 12_000n,
      "trust Expenses:Cost:ATM": 7_000n,
    });
    // What is owed at the end of July. Receivables: C1 159,032 + 5% tax 7,951 (7,951.6 rounded
    // down) = 166,983; C2 5,460 + 273 = 5,733; C4 2,000,000 + 100,000 = 2,100,000; together
    // 2,272,716. Tax 7,951 + 273 + 100,000 = 108,224. Payables: the carrier's 5,460 − 464 = 4,996
    // and July's costs 1,750,000 = 1,754,996. Deferred: 30,000 − 1,250 = 28,750.
    expect(await balanceAt(db, "iij", "Assets:Receivables", "2012-07")).toBe(2_272_716n);
    expect(await balanceAt(db, "iij", "Liabilities:ConsumptionTax", "2012-07")).toBe(-108_224n);
    expect(await balanceAt(db, "iij", "Liabilities:Payables", "2012-07")).toBe(-1_754_996n);
    expect(await balanceAt(db, "iij", "Liabilities:DeferredRevenue", "2012-07")).toBe(-28_750n);
    expect(await balanceAt(db, "iij", "Assets:Cash", "2012-07")).toBe(0n);

    await close("2012-08");
    // August: C1 the whole month 250,000 + 1,250 released; C2 464; P1 50% − 20% = 3,000,000 and
    // P2 accepted 4,000,000 construction; P3's first O&M month 300,000; the 50 withdrawals of
    // 08-01 × 120 = 6,000 (the 100 of 07-31 stayed in July).
    expect(await profitAndLoss(db, "2012-08")).toEqual({
      "iij Revenue:Network:ConnectivityCorporate": 251_250n,
      "iij Revenue:Network:ConnectivityHome": 464n,
      "iij Revenue:SI:Construction": 7_000_000n,
      "iij Revenue:SI:Operation": 300_000n,
      "trust Revenue:ATM": 6_000n,
    });
    // July's balances settled on 08-31: cash 2,272,716 − 108,224 − 1,754,996 = 409,496 for iij;
    // trust 12,600 − 600 − 7,000 = 5,000.
    const settlement = await findEntry(db, "SETTLE/2012-08/iij/JPY");
    expect(settlement.date).toBe("2012-08-31");
    expect(settlement.lines.map((l) => [l.account, l.amount])).toEqual([
      ["Assets:Cash", 409_496n],
      ["Assets:Receivables", -2_272_716n],
      ["Liabilities:ConsumptionTax", 108_224n],
      ["Liabilities:Payables", 1_754_996n],
    ]);
    expect(await balanceAt(db, "trust", "Assets:Cash", "2012-08")).toBe(5_000n);

    await close("2012-09");
    // September: C1 251,250; C2 464; O&M 300,000; no progress on P1; the routers delivered on
    // 09-10, 800,000 revenue with their 600,000 cost; no withdrawals, no ATM revenue.
    expect(await profitAndLoss(db, "2012-09")).toEqual({
      "iij Revenue:Network:ConnectivityCorporate": 251_250n,
      "iij Revenue:Network:ConnectivityHome": 464n,
      "iij Revenue:SI:Operation": 300_000n,
      "iij Revenue:Equipment": 800_000n,
      "iij Expenses:Cost:Equipment": 600_000n,
    });
    expect((await findEntry(db, "DLV/D1")).date).toBe("2012-09-10");
    // August's balances settled: receivables C1 262,500 + C2 5,733 + C4 (7,300,000 + 365,000) =
    // 7,933,233; tax 12,500 + 273 + 365,000 = 377,773; payables 4,996. Cash 7,550,464, on top of
    // July's 409,496 = 7,959,960.
    expect(await balanceAt(db, "iij", "Assets:Cash", "2012-09")).toBe(7_959_960n);
    expect(await balanceAt(db, "iij", "Liabilities:DeferredRevenue", "2012-09")).toBe(-26_250n);
    await expectLedgerSound(db);

    // Booking again, month by month, changes nothing.
    const before = await tableDigest(t.store, LEDGER_TABLES);
    for (const month of ["2012-07", "2012-08", "2012-09"]) {
      const again = await bookMonth(t.store, month);
      expect(again.posted).toBe(0);
      expect(again.unchanged).toBe(again.entries);
    }
    expect(await tableDigest(t.store, LEDGER_TABLES)).toEqual(before);
  });

  it("books a credit note in its month of issue, and a credited set-up fee catches up there", async () => {
    await seedCompany(t);
    const db = t.store.db;
    clock.advanceMonths(3); // 2012-10-01
    for (const month of ["2012-07", "2012-08", "2012-09"]) await close(month);
    const july = await movements(db, "2012-07");

    clock.advanceDays(14); // 2012-10-15: C1's set-up fee is waived
    const credit = await issueCreditNote(db, "INV-2012-07-C1", {
      reason: "Set-up fee waived",
      issueDate: clock.today,
      lines: [{ lineNo: 2 }],
    });
    expect(credit.total.amount).toBe(-31_500n); // 30,000 + 5% tax
    clock.advanceMonths(); // 2012-11-15
    await close("2012-10");

    // The credit note is booked on its issue date in October; July is untouched.
    const entry = await findEntry(db, "REV/CN-2012-07-C1-1");
    expect(entry.date).toBe("2012-10-15");
    expect(entry.lines.map((l) => [l.account, l.amount])).toEqual([
      ["Assets:Receivables", -31_500n],
      ["Liabilities:DeferredRevenue", 30_000n],
      ["Liabilities:ConsumptionTax", 1_500n],
    ]);
    expect(await movements(db, "2012-07")).toEqual(july);
    // October's corporate revenue: the fee 250,000, its 4th release +1,250, and the credit's
    // catch-up of Jul–Oct −4 × 1,250 = −5,000: 250,000 − 3,750 = 246,250. Deferred revenue is
    // back to 0 (30,000 charged − 5,000 released − 30,000 credited + 5,000 given back).
    const october = await profitAndLoss(db, "2012-10");
    expect(october["iij Revenue:Network:ConnectivityCorporate"]).toBe(246_250n);
    expect(await balanceAt(db, "iij", "Liabilities:DeferredRevenue", "2012-10")).toBe(0n);
    // Over July–October the waived fee adds nothing to revenue: 129,032 + 3 × 250,000 = 879,032.
    let corporate = 0n;
    for (const month of ["2012-07", "2012-08", "2012-09", "2012-10"]) {
      corporate +=
        (await profitAndLoss(db, month))["iij Revenue:Network:ConnectivityCorporate"] ?? 0n;
    }
    expect(corporate).toBe(879_032n);
    // November: the fee and its credit release +1,250 and −1,250 — nothing to post for set-up fees.
    clock.advanceMonths();
    await close("2012-11");
    expect((await profitAndLoss(db, "2012-11"))["iij Revenue:Network:ConnectivityCorporate"]).toBe(
      250_000n,
    );
    await expectLedgerSound(db);
  });

  it("refuses a credit note dated in a month already booked, naming the first open month", async () => {
    await seedCompany(t);
    clock.advanceMonths(2); // 2012-09-01
    for (const month of ["2012-07", "2012-08"]) await close(month);
    const late = creditInvoice(t.store, "INV-2012-07-C1", {
      reason: "Set-up fee waived",
      issueDate: "2012-08-20",
      lines: [{ lineNo: 2 }],
    });
    await expect(late).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("date the credit note in 2012-09 or later"),
    });
    const issued = await creditInvoice(t.store, "INV-2012-07-C1", {
      reason: "Set-up fee waived",
      issueDate: "2012-09-03",
      lines: [{ lineNo: 2 }],
    });
    expect(issued.id).toBe("CN-2012-07-C1-1");
  });

  it("refuses an unbilled month and a month whose billed month before is not booked", async () => {
    await seedCompany(t);
    clock.advanceMonths(2); // 2012-09-01
    const unbilled = await failure(bookMonth(t.store, "2012-07"));
    expect(unbilled.code).toBe("CONFLICT");
    expect(unbilled.message).toMatch(
      /^2012-07 is not billed yet: run `uplink bill --month 2012-07`/,
    );

    await bill("2012-07");
    await bill("2012-08");
    const early = await failure(bookMonth(t.store, "2012-08"));
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toBe(
      "2012-07 is billed but not booked: book it first (`uplink close --month 2012-07`).",
    );
    expect(await isMonthBooked(t.store.db, "2012-08")).toBe(false);
    expect(await countPostings(t.store.db)).toBe(0);

    await bookMonth(t.store, "2012-07");
    await bookMonth(t.store, "2012-08");
    expect(await isMonthBooked(t.store.db, "2012-08")).toBe(true);
  });

  it("refuses a month once a later month is booked: its balances would never be settled", async () => {
    await seedCompany(t);
    clock.advanceMonths(2); // 2012-09-01
    await bill("2012-08");
    await bookMonth(t.store, "2012-08"); // July is not billed, so August may go first
    await bill("2012-07");
    const late = await failure(bookMonth(t.store, "2012-07"));
    expect(late.code).toBe("CONFLICT");
    expect(late.message).toMatch(/^2012-08 is already booked, so 2012-07 can no longer be/);
    expect(await isMonthBooked(t.store.db, "2012-07")).toBe(false);
  });

  it("refuses to book into a closed ledger month and writes nothing", async () => {
    await seedCompany(t);
    clock.advanceMonths(1); // 2012-08-01
    await bill("2012-07");
    await t.store.db
      .transaction()
      .execute((tx) => closeMonth(tx, { month: "2012-07", closedAt: clock.now().toISOString() }));
    const before = await tableDigest(t.store, LEDGER_TABLES);
    const refused = await failure(bookMonth(t.store, "2012-07"));
    expect(refused.code).toBe("CONFLICT");
    expect(await tableDigest(t.store, LEDGER_TABLES)).toEqual(before);
    expect(await isMonthBooked(t.store.db, "2012-07")).toBe(false);
  });

  it("closes a month in one call: bills it, then books it, and again changes nothing", async () => {
    await seedCompany(t);
    clock.advanceMonths(1);
    const first = await monthlyClose(t.store, "2012-07");
    // Invoices for C1, C2, C4 and BANKNET; entries: 4 invoices, 1 set-up release, 5 cost records.
    expect(first.billing.invoices).toBe(4);
    expect(first.books).toMatchObject({ month: "2012-07", entries: 10, posted: 10, unchanged: 0 });
    const again = await monthlyClose(t.store, "2012-07");
    expect(again.books).toMatchObject({ entries: 10, posted: 0, unchanged: 10 });
  });

  it("runs `uplink close --month` from the command line, as text and as JSON", async () => {
    await seedBillingWorld(t.store, [customer("C1")]);
    await writeEvents(
      t.store,
      contractEvents("CT1", "C1", "dc-connectivity", [
        { kind: "ordered", on: "2012-07-01", bandwidthMbps: 10 },
        { kind: "activated", on: "2012-07-16" },
      ]),
    );
    const text = runCli(["close", "--month", "2012-07"], t.env);
    expect(text.stderr).not.toMatch(/Error|at /);
    expect(text.status).toBe(0);
    // The invoice (receivable, revenue, deferred set-up fee, tax: 4 lines) and the first release
    // of the set-up fee (2 lines).
    expect(text.stdout).toMatch(/^Billed 2012-07\./);
    expect(text.stdout).toMatch(
      /\nBooked 2012-07: 2 journal entries \(6 lines\); 2 posted now, 0 already in the ledger\.\n$/,
    );
    const json = runCli(["close", "--month", "2012-07", "--format", "json"], t.env);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      month: "2012-07",
      books: { month: "2012-07", entries: 2, posted: 0, unchanged: 2, lines: 6 },
      invoices: 1,
    });
    const missing = runCli(["close"], t.env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/uplink close --month 2012-09/);
  });
});
