import { describe, expect, it } from "vitest";
import { Decimal, parsePeriod } from "../core/index.js";
import { type AccountType, STANDARD_CHART } from "./account.js";
import { rateBookFor } from "./translation-rate.js";
import { type MonthlyBalance, monthWindow, trialBalanceOf } from "./trial-balance.js";

const types = new Map(STANDARD_CHART.map((a) => [a.name, a.type]));
const typeOf = (name: string): AccountType => types.get(name) ?? "asset";
const row = (month: string, account: string, amount: number): MonthlyBalance => ({
  entity: "uplink",
  account,
  month,
  currency: "JPY",
  counterparty: null,
  amount: BigInt(amount),
});

describe("monthWindow", () => {
  it.each([
    ["2Q12", "2012-07", "2012-09", "2012-07-01", "2012-09-30"],
    ["FY11", "2011-04", "2012-03", "2011-04-01", "2012-03-31"],
    ["2012-02", "2012-02", "2012-02", "2012-02-01", "2012-02-29"],
  ])("%s covers %s to %s", (text, first, last, start, end) => {
    expect(monthWindow(parsePeriod(text))).toEqual({
      label: text,
      firstMonth: first,
      lastMonth: last,
      startDate: start,
      endDate: end,
    });
  });
});

describe("trialBalanceOf: a quarter is the sum of its months; the balance sheet runs on", () => {
  const balances = [
    row("2012-04", "Assets:Cash", 100),
    row("2012-04", "Revenue:ATM", -100),
    row("2012-07", "Assets:Cash", 50),
    row("2012-07", "Revenue:ATM", -50),
    row("2012-08", "Assets:Cash", 25),
    row("2012-08", "Revenue:ATM", -25),
    row("2012-10", "Assets:Cash", 1),
    row("2012-10", "Revenue:ATM", -1),
  ];

  it.each([
    [
      "1Q12",
      [
        ["Assets:Cash", 100n],
        ["Revenue:ATM", -100n],
      ],
    ],
    [
      "2Q12",
      [
        ["Assets:Cash", 175n],
        ["Equity:RetainedEarnings", -100n],
        ["Revenue:ATM", -75n],
      ],
    ],
    [
      "1H12",
      [
        ["Assets:Cash", 175n],
        ["Revenue:ATM", -175n],
      ],
    ],
    [
      "2012-08",
      [
        ["Assets:Cash", 175n],
        ["Equity:RetainedEarnings", -150n],
        ["Revenue:ATM", -25n],
      ],
    ],
    [
      "FY12",
      [
        ["Assets:Cash", 176n],
        ["Revenue:ATM", -176n],
      ],
    ],
    ["FY11", []],
  ])("%s", (period, expected) => {
    const lines = trialBalanceOf(balances, typeOf, monthWindow(parsePeriod(period)));
    expect(lines.map((l) => [l.account, l.balance])).toEqual(expected);
  });
});

describe("rateBookFor", () => {
  const rate = (kind: "average" | "closing", startsOn: string, endsOn: string, jpy: string) => ({
    currency: "USD" as const,
    kind,
    startsOn,
    endsOn,
    jpyPerUnit: new Decimal(jpy),
    source: "test",
  });
  const book = rateBookFor(
    [
      rate("average", "2012-04-01", "2013-03-31", "81"),
      rate("average", "2012-07-01", "2012-09-30", "78.5"),
      rate("average", "2012-08-01", "2012-08-31", "78.7"),
      rate("closing", "2012-09-27", "2012-09-27", "78.1"),
      rate("closing", "2012-09-28", "2012-09-28", "77.96"),
      rate("closing", "2012-10-01", "2012-10-01", "77"),
    ],
    "2012-09-30",
  );
  it.each([
    ["2012-08", "78.7"], // its own month
    ["2012-09", "78.5"], // its quarter
    ["2012-05", "81"], // its year
  ])("the average for %s is %s", (month, jpy) => {
    expect(book.average("USD", month).toFixed()).toBe(jpy);
  });
  it("takes the latest closing rate of the end month on or before the end", () => {
    expect(book.closing("USD").toFixed()).toBe("77.96");
  });
});
