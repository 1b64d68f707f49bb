import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  closeBillingMonth,
  findInvoice,
  type Invoice,
  issueCreditNote,
  listInvoices,
  monthInvoices,
  runBilling,
} from "../../src/billing/index.js";
import { Decimal, money, UplinkError, yen } from "../../src/core/index.js";
import {
  blocksFromSamples,
  writeCloudUsage,
  writeSampleBlocks,
  writeWithdrawals,
} from "../../src/metering/index.js";
import {
  insertAtms,
  insertDeliveries,
  insertProgressReports,
  insertProjects,
} from "../../src/operations/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import {
  contractEvents,
  customer,
  rowCount,
  seedBillingWorld,
  TestClock,
  writeEvents,
} from "./billing-fixtures.js";

const kinds = await storeKinds();

function lines(invoice: Invoice) {
  return invoice.lines.map((l) => ({
    kind: l.kind,
    from: l.serviceFrom,
    to: l.serviceTo,
    amount: Number(l.amount.amount),
  }));
}

async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

describe.each(kinds)("the monthly billing run on %s", (kind) => {
  let t: TestStore;
  let clock: TestClock;
  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new TestClock("2012-09-01");
  });
  afterEach(async () => {
    await t.dispose();
  });

  const bill = (month: string) => runBilling(t.store.db, { month, now: clock.now, chunkSize: 2 });

  it("prorates a start, a bandwidth change and a cancellation by day, month after month", async () => {
    await seedBillingWorld(t.store, [customer("C00001")]);
    clock.advanceDays(2);
    await writeEvents(
      t.store,
      contractEvents("CT1", "C00001", "ip-service", [
        { kind: "ordered", on: clock.today, bandwidthMbps: 10 },
      ]),
    );
    clock.advanceDays(13); // 2012-09-16: live
    await writeEvents(
      t.store,
      contractEvents("CT1", "C00001", "", [{ kind: "activated", on: clock.today }]),
    );
    clock.advanceMonths(); // 2012-10-16
    await bill("2012-09");
    const september = await findInvoice(t.store.db, "INV-2012-09-C00001");
    // 15/30 × 350,000 and the set-up fee; tax 5% of 225,000
    expect(lines(september)).toEqual([
      { kind: "recurring", from: "2012-09-16", to: "2012-09-30", amount: 175_000 },
      { kind: "setup", from: "2012-09-16", to: "2012-09-16", amount: 50_000 },
    ]);
    expect([september.subtotal, september.tax, september.total]).toEqual([
      yen(225_000),
      yen(11_250),
      yen(236_250),
    ]);

    clock.advanceDays(-5); // 2012-10-11: upgraded to 100 Mbps
    await writeEvents(
      t.store,
      contractEvents("CT1", "C00001", "", [
        { kind: "changed", on: clock.today, bandwidthMbps: 100 },
      ]),
    );
    clock.advanceMonths();
    await bill("2012-10");
    const october = await findInvoice(t.store.db, "INV-2012-10-C00001");
    // 10/31 × 350,000 = 112,903.2; 21/31 × 780,000 = 528,387.1; tax 5% of 641,290 = 32,064.5
    expect(lines(october)).toEqual([
      { kind: "recurring", from: "2012-10-01", to: "2012-10-10", amount: 112_903 },
      { kind: "recurring", from: "2012-10-11", to: "2012-10-31", amount: 528_387 },
    ]);
    expect([october.tax, october.total]).toEqual([yen(32_064), yen(673_354)]);
    expect(october.lines.map((l) => [l.daysCharged, l.daysInPeriod])).toEqual([
      [10, 31],
      [21, 31],
    ]);

    clock.advanceDays(10); // 2012-11-21: cancelled
    await writeEvents(
      t.store,
      contractEvents("CT1", "C00001", "", [{ kind: "cancelled", on: clock.today }]),
    );
    clock.advanceMonths();
    await bill("2012-11");
    const november = await findInvoice(t.store.db, "INV-2012-11-C00001");
    expect(lines(november)).toEqual([
      { kind: "recurring", from: "2012-11-01", to: "2012-11-20", amount: 520_000 },
    ]);
    clock.advanceMonths();
    await bill("2012-12");
    expect(await listInvoices(t.store.db, { month: "2012-12" })).toEqual([]);
  });

  it("bills burst overage from the 95th percentile and names burstable contracts without samples", async () => {
    await seedBillingWorld(t.store, [customer("C00002")]);
    await writeEvents(t.store, [
      ...contractEvents("CT2", "C00002", "ip-service-burst", [
        { kind: "ordered", on: "2012-07-20", bandwidthMbps: 10 },
        { kind: "activated", on: "2012-08-01" },
      ]),
      ...contractEvents("CT3", "C00002", "ip-service-burst", [
        { kind: "ordered", on: "2012-07-20", bandwidthMbps: 100 },
        { kind: "activated", on: "2012-08-01" },
      ]),
    ]);
    // 20 five-minute samples of 1..20 Mbps in: the 95th percentile is the 19th, 19 Mbps.
    const samples = Array.from({ length: 20 }, (_, i) => ({
      contractId: "CT2",
      day: "2012-09-01",
      slot: i,
      inBps: (i + 1) * 1_000_000,
      outBps: 1_000_000,
    }));
    await t.store.db.transaction().execute((tx) =>
      writeSampleBlocks(
        tx,
        blocksFromSamples(samples, () => "C00002"),
      ),
    );
    clock.advanceMonths();
    const summary = await bill("2012-09");
    const invoice = await findInvoice(t.store.db, "INV-2012-09-C00002");
    // Commitments 280,000 (10 Mbps) and 650,000 (100 Mbps); 9 Mbps over × 30,000 = 270,000.
    expect(lines(invoice)).toEqual([
      { kind: "recurring", from: "2012-09-01", to: "2012-09-30", amount: 280_000 },
      { kind: "burst", from: "2012-09-01", to: "2012-09-30", amount: 270_000 },
      { kind: "recurring", from: "2012-09-01", to: "2012-09-30", amount: 650_000 },
    ]);
    expect(invoice.lines[1]?.quantity).toBe("9");
    expect(summary.anomalies.map((a) => [a.kind, a.contractId])).toEqual([
      ["burstable_without_samples", "CT3"],
      ["sparse_samples", "CT2"],
    ]);
  });

  it("charges set-up fees per unit on activation, and ATM commissions to the operator's bank network", async () => {
    await seedBillingWorld(t.store, [
      customer("C00003"),
      customer("BANKNET", { name: "Bank network", groupCompanyId: "trust", industry: "financial" }),
    ]);
    await writeEvents(t.store, [
      ...contractEvents("CT4", "C00003", "mobile-lte", [
        { kind: "ordered", on: "2012-09-03", quantity: 5 },
        { kind: "activated", on: "2012-09-10" },
      ]),
      ...contractEvents("CT5", "BANKNET", "atm-withdrawal", [
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
        {
          id: "A2",
          location: "Osaka",
          placedOn: "2012-01-01",
          removedOn: null,
          groupCompanyId: "trust",
        },
        {
          id: "A3",
          location: "Nagoya",
          placedOn: "2012-01-01",
          removedOn: null,
          groupCompanyId: "iij",
        },
      ]);
      await writeWithdrawals(tx, [
        { atmId: "A1", day: "2012-09-01", count: 100 },
        { atmId: "A1", day: "2012-09-30", count: 100 },
        { atmId: "A2", day: "2012-09-15", count: 50 },
        { atmId: "A3", day: "2012-09-15", count: 7 },
        { atmId: "A1", day: "2012-10-01", count: 999 },
      ]);
    });
    clock.advanceMonths();
    const summary = await bill("2012-09");
    // 5 SIMs: 21/30 × 19,500 = 13,650 and 5 × 3,150 set-up
    expect(lines(await findInvoice(t.store.db, "INV-2012-09-C00003"))).toEqual([
      { kind: "recurring", from: "2012-09-10", to: "2012-09-30", amount: 13_650 },
      { kind: "setup", from: "2012-09-10", to: "2012-09-10", amount: 15_750 },
    ]);
    // 250 withdrawals at trust's ATMs × JPY 120; A3 belongs to another operator
    const atm = await findInvoice(t.store.db, "INV-2012-09-BANKNET");
    expect(lines(atm)).toEqual([
      { kind: "per_use", from: "2012-09-01", to: "2012-09-30", amount: 30_000 },
    ]);
    expect(atm.groupCompanyId).toBe("trust");
    expect(atm.lines[0]?.revenueMetric).toBe("revenue.atm");
    expect(summary.anomalies.map((a) => a.kind)).toEqual(["withdrawals_without_contract"]);
  });

  it("bills SI revenue, equipment deliveries and cloud usage of the month", async () => {
    await seedBillingWorld(t.store, [customer("C00004")]);
    await writeEvents(
      t.store,
      contractEvents("CT6", "C00004", "gio-hosting", [
        { kind: "ordered", on: "2012-05-01", quantity: 2 },
        { kind: "activated", on: "2012-06-01" },
      ]),
    );
    await t.store.db.transaction().execute(async (tx) => {
      await insertProjects(tx, [
        {
          id: "P1",
          customerId: "C00004",
          name: "Core network",
          kind: "construction",
          recognition: "percentage_of_completion",
          orderedOn: "2012-08-01",
          orderValueYen: 10_000_000n,
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
          customerId: "C00004",
          reportedOn: "2012-08-31",
          percentComplete: new Decimal(10),
        },
        {
          projectId: "P1",
          customerId: "C00004",
          reportedOn: "2012-09-15",
          percentComplete: new Decimal(40),
        },
      ]);
      await insertDeliveries(tx, [
        {
          id: "D1",
          customerId: "C00004",
          projectId: "P1",
          orderedOn: "2012-08-01",
          deliveredOn: "2012-09-20",
          amountYen: 500_000n,
          costYen: 400_000n,
          description: "Core routers",
        },
      ]);
      await writeCloudUsage(tx, [
        {
          customerId: "C00004",
          contractId: "CT6",
          day: "2012-09-01",
          resource: "vcpu_hours",
          quantity: "480",
        },
        {
          customerId: "C00004",
          contractId: "CT6",
          day: "2012-09-02",
          resource: "vcpu_hours",
          quantity: "520.5",
        },
      ]);
    });
    clock.advanceMonths();
    await bill("2012-09");
    const invoice = await findInvoice(t.store.db, "INV-2012-09-C00004");
    expect(invoice.lines.map((l) => [l.kind, l.revenueMetric, Number(l.amount.amount)])).toEqual([
      ["recurring", "revenue.network.outsourcing", 50_000],
      ["usage", "revenue.network.outsourcing", 3_502], // 1,000.5 × 3.5 = 3,501.75
      ["si", "revenue.si.construction", 3_000_000], // 40% − 10% of 10,000,000
      ["equipment", "revenue.equipment", 500_000],
    ]);
    expect(invoice.lines.map((l) => [l.projectId, l.deliveryId])).toEqual([
      [null, null],
      [null, null],
      ["P1", null],
      ["P1", "D1"],
    ]);
  });

  it("taxes by the rate in force on the issue date: 5%, 8% from 2014-04, 10% from 2019-10", async () => {
    await seedBillingWorld(t.store, [customer("C00005")]);
    await writeEvents(
      t.store,
      contractEvents("CT7", "C00005", "ip-service", [
        { kind: "ordered", on: "2013-12-01", bandwidthMbps: 10 },
        { kind: "activated", on: "2014-01-01" },
      ]),
    );
    clock.advanceMonths(86); // 2019-11-01
    const taxes: [string, string, bigint][] = [];
    for (const month of ["2014-03", "2014-04", "2019-09", "2019-10"]) {
      await bill(month);
      const invoice = await findInvoice(t.store.db, `INV-${month}-C00005`);
      taxes.push([month, invoice.lines[0]!.taxRatePercent, invoice.tax.amount]);
    }
    expect(taxes).toEqual([
      ["2014-03", "5", 17_500n],
      ["2014-04", "8", 28_000n],
      ["2019-09", "8", 28_000n],
      ["2019-10", "10", 35_000n],
    ]);
  });

  it("invoices a foreign customer in its currency at the month's rate, free of Japanese tax", async () => {
    await seedBillingWorld(t.store, [
      customer("U00001", { country: "US", billingCurrency: "USD", groupCompanyId: "iij-us" }),
    ]);
    await writeEvents(
      t.store,
      contractEvents("CT8", "U00001", "ip-service", [
        { kind: "ordered", on: "2012-06-01", bandwidthMbps: 100 },
        { kind: "activated", on: "2012-07-01" },
      ]),
    );
    clock.advanceMonths();
    await bill("2012-09");
    const invoice = await findInvoice(t.store.db, "INV-2012-09-U00001");
    // 780,000 / 77.96 = 10,005.1308 → USD 10,005.13
    expect(invoice).toMatchObject({
      currency: "USD",
      groupCompanyId: "iij-us",
      subtotal: money(1_000_513n, "USD"),
      tax: money(0n, "USD"),
      total: money(1_000_513n, "USD"),
      fxRate: { currency: "USD", rateDate: "2012-09-28", jpyPerUnit: "77.96", source: "TTM" },
    });
    expect(invoice.lines[0]?.amountYen).toBe(780_000n);
  });

  it("corrects with credit notes and never edits the invoice", async () => {
    await seedBillingWorld(t.store, [customer("C00001")]);
    await writeEvents(
      t.store,
      contractEvents("CT1", "C00001", "ip-service", [
        { kind: "ordered", on: "2012-08-01", bandwidthMbps: 10 },
        { kind: "activated", on: "2012-08-01" },
      ]),
    );
    clock.advanceMonths(); // 2012-10-01
    await bill("2012-09");
    await closeBillingMonth(t.store.db, "2012-09", { now: clock.now });
    const original = await findInvoice(t.store.db, "INV-2012-09-C00001");
    const partial = await issueCreditNote(t.store.db, original.id, {
      reason: "Outage on 2012-09-12",
      issueDate: clock.today,
      lines: [{ lineNo: 1, amount: 11_667n }],
    });
    expect(partial).toMatchObject({ id: "CN-2012-09-C00001-1", total: yen(-12_250) });
    const rest = await issueCreditNote(t.store.db, original.id, {
      reason: "Contract voided",
      issueDate: clock.advanceDays(3),
    });
    expect(rest.lines.map((l) => l.amount)).toEqual([yen(-338_333)]);
    expect(rest.tax.amount + partial.tax.amount).toBe(-original.tax.amount + 1n); // each rounded toward zero
    expect(await findInvoice(t.store.db, original.id)).toEqual(original);
    const listed = await listInvoices(t.store.db, { customerId: "C00001" });
    expect(listed.map((h) => [h.id, h.kind, h.total.amount])).toEqual([
      ["CN-2012-09-C00001-1", "credit_note", -12_250n],
      ["CN-2012-09-C00001-2", "credit_note", -355_249n],
      ["INV-2012-09-C00001", "invoice", 367_500n],
    ]);
    const third = await failure(
      issueCreditNote(t.store.db, original.id, { reason: "Again", issueDate: clock.today }),
    );
    expect(third.message).toMatch(/nothing left to credit/);
  });

  it("changes nothing on a second run, refuses a closed month, and explains a bad month", async () => {
    await seedBillingWorld(t.store, [customer("C00001"), customer("C00002"), customer("C00003")]);
    await writeEvents(t.store, [
      ...contractEvents("CT1", "C00001", "ip-service", [
        { kind: "ordered", on: "2012-08-01", bandwidthMbps: 10 },
        { kind: "activated", on: "2012-08-01" },
      ]),
      ...contractEvents("CT2", "C00003", "consumer-fiber", [
        { kind: "ordered", on: "2012-08-01", quantity: 30 },
        { kind: "activated", on: "2012-09-15" },
      ]),
    ]);
    const early = await failure(bill("2012-09"));
    expect(early.message).toBe(
      "2012-09 has not ended yet (today is 2012-09-01); a month is billed from the day after its last day.",
    );
    clock.advanceMonths(); // 2012-10-01
    const first = await bill("2012-09");
    expect(first).toMatchObject({
      outcome: "completed",
      status: "completed",
      invoices: 2,
      customers: 3,
    });
    const before = await monthInvoices(t.store.db, "2012-09");
    const counts = [await rowCount(t.store, "invoices"), await rowCount(t.store, "invoice_lines")];
    clock.advanceDays(1);
    const second = await bill("2012-09");
    expect(second).toMatchObject({ outcome: "already_completed", invoices: 2, invoicesThisRun: 0 });
    expect(second.totals).toEqual(first.totals);
    expect(await monthInvoices(t.store.db, "2012-09")).toEqual(before);
    expect([await rowCount(t.store, "invoices"), await rowCount(t.store, "invoice_lines")]).toEqual(
      counts,
    );

    await closeBillingMonth(t.store.db, "2012-09", { now: clock.now });
    const closed = await failure(bill("2012-09"));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.message).toMatch(/2012-09 was closed on 2012-10-02.*credit notes/);
    const notBilled = await failure(closeBillingMonth(t.store.db, "2012-10"));
    expect(notBilled.message).toMatch(/2012-10 has not been billed/);
    for (const month of ["2012-9", "2012-13", "September"]) {
      const bad = await failure(bill(month));
      expect(bad.code).toBe("INVALID_INPUT");
      expect(bad.message).toMatch(/is not a billing month: write it as YYYY-MM, e\.g\. 2012-09/);
    }
  });

  it("writes nothing when a contract cannot be priced, and names it", async () => {
    await seedBillingWorld(t.store, [customer("C00001"), customer("C00002")]);
    await writeEvents(t.store, [
      ...contractEvents("CT1", "C00001", "ip-service", [
        { kind: "ordered", on: "2012-08-01", bandwidthMbps: 10 },
        { kind: "activated", on: "2012-08-01" },
      ]),
      ...contractEvents("CT2", "C00002", "ip-service", [
        { kind: "ordered", on: "2012-08-01", bandwidthMbps: 200_000 },
        { kind: "activated", on: "2012-08-01" },
      ]),
    ]);
    clock.advanceMonths();
    const error = await failure(bill("2012-09"));
    expect(error.message).toMatch(/1 customer could not be rated, so nothing was written/);
    expect(error.message).toMatch(/Contract CT2 \(customer C00002\).*covers 200000 Mbps/);
    expect(await rowCount(t.store, "invoices")).toBe(0);
    expect(await rowCount(t.store, "billing_runs")).toBe(0);
  });
});
