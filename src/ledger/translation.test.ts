import { describe, expect, it } from "vitest";
import { type Currency, Decimal, UplinkError } from "../core/index.js";
import { type AccountType, STANDARD_CHART } from "./account.js";
import { roundYen, translateBooks } from "./translation.js";
import { rateBookFor, type TranslationRate } from "./translation-rate.js";
import type { MonthlyBalance } from "./trial-balance.js";

const types = new Map(STANDARD_CHART.map((a) => [a.name, a.type]));
const typeOf = (name: string): AccountType => types.get(name) ?? "asset";

const row = (
  month: string,
  account: string,
  amount: number,
  currency: Currency = "USD",
  entity = "america",
): MonthlyBalance => ({
  entity,
  account,
  month,
  currency,
  counterparty: null,
  amount: BigInt(amount),
});

const rate = (
  kind: "average" | "closing",
  startsOn: string,
  endsOn: string,
  jpy: string,
  currency: Currency = "USD",
): TranslationRate => ({
  currency,
  kind,
  startsOn,
  endsOn,
  jpyPerUnit: new Decimal(jpy),
  source: "test",
});

const RATES = [
  rate("average", "2012-04-01", "2012-06-30", "80.20"), // 1Q12
  rate("average", "2012-07-01", "2012-09-30", "78.50"), // 2Q12
  rate("closing", "2012-09-28", "2012-09-28", "77.96"),
  rate("closing", "2012-06-29", "2012-06-29", "79.31"),
];
const Q2 = { firstMonth: "2012-07", lastMonth: "2012-09" };

// A dollar subsidiary: capital in April, a sale in May (1Q12), a sale and a cost in August (2Q12).
const BOOKS = [
  row("2012-04", "Assets:Cash", 1_000_000),
  row("2012-04", "Equity:CommonStock", -1_000_000),
  row("2012-05", "Assets:Receivables", 200_000),
  row("2012-05", "Revenue:Network:Outsourcing", -200_000),
  row("2012-08", "Assets:Receivables", 300_000),
  row("2012-08", "Revenue:Network:Outsourcing", -300_000),
  row("2012-08", "Expenses:Cost:Network:Other", 100_005),
  row("2012-08", "Assets:Cash", -100_005),
];

describe("translateBooks: the current rate method, worked by hand (2Q12, USD)", () => {
  const books = translateBooks("america", BOOKS, typeOf, Q2, rateBookFor(RATES, "2012-09-30"));
  const byAccount = new Map(books.lines.map((l) => [l.account, l.balance]));

  it.each([
    // USD 8,999.95 × 77.96 (closing) = 701,636.102 → 701,636
    ["Assets:Cash", 701_636n],
    // USD 5,000.00 × 77.96 = 389,800
    ["Assets:Receivables", 389_800n],
    // contributed in April: USD 10,000 × 80.20 (1Q12 average, historical) = 802,000
    ["Equity:CommonStock", -802_000n],
    // May's sale, before the window: USD 2,000 × 80.20 = 160,400 into retained earnings
    ["Equity:RetainedEarnings", -160_400n],
    // August at the 2Q12 average: USD 3,000 × 78.50 = 235,500
    ["Revenue:Network:Outsourcing", -235_500n],
    // USD 1,000.05 × 78.50 = 78,503.925 → 78,504 (half-up at the translated amount)
    ["Expenses:Cost:Network:Other", 78_504n],
    // the difference: −(701,636 + 389,800 − 802,000 − 160,400 − 235,500 + 78,504) = 27,960
    ["Equity:AccumulatedOCI:TranslationAdjustment", 27_960n],
  ])("%s = %d yen", (account, yen) => {
    expect(byAccount.get(account)).toBe(yen);
  });

  it("balances, and reports the window's net income and the translation difference", () => {
    expect(books.lines.reduce((s, l) => s + l.balance, 0n)).toBe(0n);
    expect(books.netIncome).toBe(235_500n - 78_504n);
    expect(books.translationAdjustment).toBe(27_960n);
  });

  it("uses a month's own average before its quarter's", () => {
    const monthly = [...RATES, rate("average", "2012-08-01", "2012-08-31", "78.70")];
    const again = translateBooks("america", BOOKS, typeOf, Q2, rateBookFor(monthly, "2012-09-30"));
    const revenue = again.lines.find((l) => l.account === "Revenue:Network:Outsourcing");
    expect(revenue?.balance).toBe(-236_100n); // 3,000 × 78.70
  });

  it("takes yen amounts as they are and needs no rate for them", () => {
    const yen = [
      row("2012-08", "Assets:Cash", 500, "JPY"),
      row("2012-08", "Revenue:ATM", -500, "JPY"),
    ];
    const translated = translateBooks("america", yen, typeOf, Q2, rateBookFor([], "2012-09-30"));
    expect(translated.lines.map((l) => [l.account, l.balance])).toEqual([
      ["Assets:Cash", 500n],
      ["Revenue:ATM", -500n],
    ]);
    expect(translated.translationAdjustment).toBe(0n);
  });

  it("closes profit earned before the company entered the group into retained earnings", () => {
    const acquired = translateBooks(
      "america",
      BOOKS,
      typeOf,
      { firstMonth: "2012-04", lastMonth: "2012-09" },
      rateBookFor(RATES, "2012-09-30"),
      "2012-07",
    );
    const lines = new Map(acquired.lines.map((l) => [l.account, l.balance]));
    expect(lines.get("Equity:RetainedEarnings")).toBe(-160_400n);
    expect(acquired.netIncome).toBe(156_996n);
    expect(acquired.earningsBroughtForward).toBe(0n);
  });

  it("names the missing rate", () => {
    const noClosing = RATES.filter((r) => r.kind === "average");
    const run = () =>
      translateBooks("america", BOOKS, typeOf, Q2, rateBookFor(noClosing, "2012-09-30"));
    expect(run).toThrow(UplinkError);
    expect(run).toThrow("No closing USD rate dated in 2012-09");
    const noAverage = RATES.filter((r) => r.kind === "closing");
    expect(() =>
      translateBooks("america", BOOKS, typeOf, Q2, rateBookFor(noAverage, "2012-09-30")),
    ).toThrow("No average USD rate covers 2012-04");
  });
});

describe("roundYen: half-up, ties away from zero", () => {
  it.each([
    ["38.5", 39n],
    ["-38.5", -39n],
    ["78503.925", 78_504n],
    ["2.4999", 2n],
    ["-2.4999", -2n],
    ["0", 0n],
  ])("%s → %d", (value, expected) => {
    expect(roundYen(new Decimal(value))).toBe(expected);
  });
});
