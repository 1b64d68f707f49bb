import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/index.js";
import type { DividendRecord } from "../../ledger/index.js";
import { createValueResolver, readFactFile, reportedDataDirectory } from "../../reporting/index.js";
import { demoBelowTheLine, demoDividendPayments } from "./demo-below-the-line.js";

// The shipped reported figures, as the demo build reads them.
const factsDir = path.join(reportedDataDirectory(), "facts");
const resolve = createValueResolver(
  fs
    .readdirSync(factsDir)
    .filter((f) => f.endsWith(".csv"))
    .flatMap((f) => readFactFile(path.join(factsDir, f)))
    .map((located) => located.fact),
);
const byMonth = demoBelowTheLine(resolve);
const entry = (month: string, id: string) =>
  byMonth.get(month)?.find((e) => e.id === `DEMO/${id}/${month}`);
const amountOf = (month: string, id: string, account: string) =>
  entry(month, id)?.lines.find((l) => l.account === account)?.amount;

describe("what the demo posts below operating income", () => {
  it("accrues each quarter's reported income tax in thirds, the odd yen to the first months", () => {
    // Ⅱ-8: income tax 1Q11 = JPY 425 million = 141,666,667 + 141,666,667 + 141,666,666.
    expect(amountOf("2011-04", "income-tax", "Expenses:IncomeTax")).toBe(141_666_667n);
    expect(amountOf("2011-05", "income-tax", "Expenses:IncomeTax")).toBe(141_666_667n);
    expect(amountOf("2011-06", "income-tax", "Expenses:IncomeTax")).toBe(141_666_666n);
  });

  it("pays in November the tax accrued from April to September", () => {
    // 1Q11 425 + 2Q11 631 = JPY 1,056 million, accrued 2011-04 to 2011-09.
    const paid = byMonth.get("2011-11")?.find((e) => e.id === "DEMO/income-tax-paid/2011-11");
    expect(paid?.lines).toEqual([
      { account: "Liabilities:IncomeTaxes", amount: 1_056_000_000n, currency: "JPY" },
      { account: "Assets:Cash", amount: -1_056_000_000n, currency: "JPY" },
    ]);
    // May 2011 would pay October 2010 to March 2011, before the demo's books: nothing.
    expect(byMonth.get("2011-05")?.some((e) => e.id.startsWith("DEMO/income-tax-paid"))).toBe(
      false,
    );
  });

  it("splits FY11's other expense not published by quarter evenly over 3Q11 and 4Q11", () => {
    // FY11 −376 less 1Q11 −49 and 2Q11 −109 leaves −218: −109 a quarter, −36,333,334 in October.
    expect(amountOf("2011-10", "other-income", "Expenses:Other:Expense")).toBe(36_333_334n);
    expect(amountOf("2012-01", "other-income", "Expenses:Other:Expense")).toBe(36_333_334n);
  });

  it("books five times the equity-method income in the 20%-owned investee's books", () => {
    // 2Q12 equity in income of investees JPY 50 million: 16,666,667 in July, × 5 = 83,333,335.
    expect(
      entry("2012-07", "investee-profit")?.lines.find((l) => l.account === "Revenue:OtherIncome")
        ?.amount,
    ).toBe(-83_333_335n);
    expect(entry("2012-07", "investee-profit")?.entity).toBe("multifeed");
  });

  it("pays a dividend three months after its record date, per share times the shares outstanding", () => {
    const dividends: DividendRecord[] = [
      {
        fiscalPeriod: "FY11",
        kind: "year_end",
        recordDate: "2012-03-31",
        perShare: new Decimal(1750),
        source: "test",
      },
    ];
    const counts = [{ from: "2011-04-01", shares: 202_683n }];
    expect(demoDividendPayments("2012-05", dividends, counts, [])).toEqual([]);
    const [paid] = demoDividendPayments("2012-06", dividends, counts, []);
    // JPY 1,750 × 202,683 shares = 354,695,250, out of retained earnings on 2012-06-30.
    expect(paid?.date).toBe("2012-06-30");
    expect(paid?.lines).toEqual([
      { account: "Equity:RetainedEarnings", amount: 354_695_250n, currency: "JPY" },
      { account: "Assets:Cash", amount: -354_695_250n, currency: "JPY" },
    ]);
  });
});
