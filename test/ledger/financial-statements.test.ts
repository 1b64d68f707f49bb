import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APRIL_FISCAL_YEAR, Decimal, parsePeriod, UplinkError } from "../../src/core/index.js";
import {
  postEntries,
  quarterEndStatements,
  saveTranslationRates,
  type TranslationRate,
} from "../../src/ledger/index.js";
import type { Database } from "../../src/store/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { entry, line, sale, seedLedgerWorld } from "./ledger-fixtures.js";

const kinds = await storeKinds();

const usd = (kind: "average" | "closing", startsOn: string, endsOn: string, jpy: string) =>
  ({
    currency: "USD",
    kind,
    startsOn,
    endsOn,
    jpyPerUnit: new Decimal(jpy),
    source: "test",
  }) satisfies TranslationRate;

/**
 * The parent's capital and a loan in 4Q11; a sale, a cost, equipment, a collection and tax in
 * 1Q12; in 2Q12 another sale, a payment, a dividend, a repayment, inventory, a deferred fee, the
 * 79.5%-owned `atm` earning 100,000 and the USD subsidiary `america` paid in USD 1,000.00
 * (translated: capital at the 2Q12 average 79, cash at the closing 78).
 */
async function bookTwoQuarters(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await saveTranslationRates(tx, [
      usd("average", "2012-07-01", "2012-09-30", "79"),
      usd("closing", "2012-09-28", "2012-09-28", "78"),
    ]);
    await postEntries(tx, [
      entry("CAP", "2012-01-05", [
        line("Assets:Cash", 1_000_000),
        line("Equity:CommonStock", -1_000_000),
      ]),
      entry("LOAN", "2012-02-01", [
        line("Assets:Cash", 500_000),
        line("Liabilities:Borrowings", -500_000),
      ]),
      sale("S1", "2012-04-30", 300_000),
      entry("COST1", "2012-05-31", [
        line("Expenses:Cost:Network:Circuit", 120_000),
        line("Liabilities:Payables", -120_000),
      ]),
      entry("PPE1", "2012-06-01", [
        line("Assets:PropertyAndEquipment", 400_000),
        line("Assets:Cash", -400_000),
      ]),
      entry("COLL1", "2012-06-15", [
        line("Assets:Cash", 200_000),
        line("Assets:Receivables", -200_000),
      ]),
      entry("TAX1", "2012-06-30", [
        line("Expenses:IncomeTax", 50_000),
        line("Liabilities:IncomeTaxes", -50_000),
      ]),
      sale("S2", "2012-07-31", 350_000),
      entry("PAY1", "2012-08-10", [
        line("Liabilities:Payables", 120_000),
        line("Assets:Cash", -120_000),
      ]),
      entry("DIV", "2012-08-20", [
        line("Equity:RetainedEarnings", 30_000),
        line("Assets:Cash", -30_000),
      ]),
      entry("REPAY", "2012-09-01", [
        line("Liabilities:Borrowings", 100_000),
        line("Assets:Cash", -100_000),
      ]),
      entry("INV", "2012-09-15", [
        line("Assets:Inventories", 60_000),
        line("Liabilities:Payables", -60_000),
      ]),
      entry("DEF", "2012-09-20", [
        line("Assets:Cash", 24_000),
        line("Liabilities:DeferredRevenue", -24_000),
      ]),
      entry("ATM1", "2012-09-30", [line("Assets:Cash", 100_000), line("Revenue:ATM", -100_000)], {
        entity: "atm",
      }),
      entry(
        "US1",
        "2012-08-15",
        [
          line("Assets:Cash", 100_000, { currency: "USD" }),
          line("Equity:CommonStock", -100_000, { currency: "USD" }),
        ],
        { entity: "america" },
      ),
    ]);
  });
}

describe.each(kinds)("quarter-end statements from the ledger on %s", (kind) => {
  let t: TestStore;
  let db: Kysely<Database>;

  beforeEach(async () => {
    t = await openTestStore(kind);
    db = t.store.db;
    await seedLedgerWorld(t.store);
    await bookTwoQuarters(db);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const statementsOf = (period: string, entity?: string) =>
    quarterEndStatements(db, parsePeriod(period), APRIL_FISCAL_YEAR, entity);

  it("gives one quarter end for 2Q12, two for 1H12 and four for FY11", async () => {
    expect((await statementsOf("2Q12")).map((q) => q.endDate)).toEqual(["2012-09-30"]);
    expect((await statementsOf("1H12")).map((q) => q.quarter)).toEqual(["1Q12", "2Q12"]);
    const fy11 = await statementsOf("FY11");
    expect(fy11.map((q) => q.quarter)).toEqual(["1Q11", "2Q11", "3Q11", "4Q11"]);
    expect(fy11[3]?.balanceSheet.lines.cash).toBe(1_500_000n); // capital 1,000,000 + loan 500,000
    expect(fy11[3]?.cashFlow.financing).toBe(1_500_000n);
    expect(fy11.every((q) => q.balanceSheet.balances && q.cashFlow.agrees)).toBe(true);
  });

  it("sums 1Q12 into a balance sheet that balances and cash flows that add up to its change in cash", async () => {
    const [q1] = await statementsOf("1H12");
    // Hand-worked from the entries: cash 1,500,000 − 400,000 + 200,000; profit 300,000 − 120,000 − 50,000.
    expect(q1?.balanceSheet).toMatchObject({
      date: "2012-06-30",
      totalAssets: 1_800_000n,
      totalLiabilities: 670_000n,
      totalEquity: 1_130_000n,
      difference: 0n,
      netIncome: 130_000n,
    });
    expect(q1?.balanceSheet.lines).toMatchObject({
      cash: 1_300_000n,
      receivables: 100_000n,
      property_equipment: 400_000n,
      payables: 120_000n,
      tax_payables: 50_000n,
      borrowings: 500_000n,
      common_stock: 1_000_000n,
      retained_earnings: 130_000n,
    });
    expect(q1?.cashFlow).toMatchObject({
      startDate: "2012-03-31",
      endDate: "2012-06-30",
      operating: 200_000n, // 130,000 − 100,000 receivables + 120,000 payables + 50,000 tax
      investing: -400_000n,
      financing: 0n,
      translation: 0n,
      changeInCash: -200_000n,
      agrees: true,
    });
  });

  it("carries 1Q12's end into 2Q12: NCI, the dividend and the translation adjustment", async () => {
    const [q1, q2] = await statementsOf("1H12");
    expect(q2?.openingBalanceSheet).toEqual(q1?.balanceSheet);
    const bs = q2?.balanceSheet;
    // Cash 1,300,000 − 120,000 − 30,000 − 100,000 + 24,000 + 100,000 (atm) + 78,000 (USD 1,000 at 78).
    expect(bs?.lines).toMatchObject({
      cash: 1_252_000n,
      receivables: 450_000n,
      inventories: 60_000n,
      payables: 60_000n,
      deferred_revenue: 24_000n,
      borrowings: 400_000n,
      common_stock: 1_079_000n, // + USD 1,000 at the average 79
      retained_earnings: 529_500n, // 130,000 − 30,000 + 429,500
      accumulated_oci: -1_000n, // 78,000 of cash against 79,000 of capital
      noncontrolling_interests: 20_500n, // 20.5% of atm's 100,000
    });
    expect(bs?.totalAssets).toBe(2_162_000n);
    expect(bs?.totalLiabilitiesAndEquity).toBe(2_162_000n);
    // 350,000 + 100,000 − NCI's 20,500
    expect(bs?.netIncome).toBe(429_500n);
    expect(bs?.noncontrollingInterestsIncome).toBe(20_500n);
    const cf = q2?.cashFlow;
    expect(cf?.lines).toMatchObject({
      net_income: 450_000n,
      receivables: -350_000n,
      inventories: -60_000n,
      payables: -60_000n,
      deferred_revenue: 24_000n,
      borrowings: -100_000n,
      share_capital: 79_000n,
      dividends: -30_000n,
      noncontrolling_interests: 0n,
      translation: -1_000n,
    });
    expect(cf).toMatchObject({
      operating: 4_000n,
      investing: 0n,
      financing: -51_000n,
      translation: -1_000n,
      total: -48_000n,
      changeInCash: -48_000n,
      difference: 0n,
      agrees: true,
    });
  });

  it("shows one company's own books with --entity", async () => {
    const [q2] = await statementsOf("2Q12", "parent");
    expect(q2?.balanceSheet.lines.cash).toBe(1_074_000n);
    expect(q2?.balanceSheet.lines.noncontrolling_interests).toBe(0n);
    expect(q2?.balanceSheet.balances).toBe(true);
    expect(q2?.cashFlow.changeInCash).toBe(-226_000n);
    expect(q2?.cashFlow.agrees).toBe(true);
  });

  it("refuses a month: statements are per quarter end", async () => {
    const error = await statementsOf("2012-09").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UplinkError);
    expect((error as UplinkError).code).toBe("INVALID_PERIOD");
  });
});
