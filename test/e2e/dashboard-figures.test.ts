// The dashboard's pure rules, without a browser: how it prints figures and changes, and how it
// names and relates fiscal periods (a fiscal year starting in April).

import { describe, expect, it } from "vitest";
import {
  describePeriod,
  halfOf,
  lastMonthOf,
  parsePeriod,
  quarterEarlier,
  quartersBetween,
  quartersOf,
  yearEarlier,
  yearOf,
} from "../../web/src/fiscal-periods.js";
import {
  changeTone,
  formatBitRate,
  formatChangePct,
  formatChangePp,
  formatMbps,
  formatMoney,
  formatValue,
  formatWithUnit,
  humanize,
  industryLabel,
  risingIsGood,
} from "../../web/src/format.js";

const MINUS = "\u2212";

function period(id: string) {
  const parsed = parsePeriod(id);
  if (!parsed) throw new Error(`not a period: ${id}`);
  return parsed;
}

describe("figures print the way the presentation prints them", () => {
  it.each([
    [26267, "JPY million", "26,267"],
    [-923, "JPY million", `${MINUS}923`],
    [20.3, "%", "20.3%"],
    [7, "%", "7.0%"],
    [1003.3, "Gbps", "1,003.3"],
    [98.68, "JPY", "98.68"],
    [6500, "count", "6,500"],
    [null, "JPY million", "\u2014"],
  ])("%s in %s reads %s", (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it.each([
    [26267, "JPY million", "¥26,267m"],
    [1003.3, "Gbps", "1,003.3 Gbps"],
    [81.5, "%", "81.5%"],
  ])("a card shows %s %s as %s", (value, unit, expected) => {
    expect(formatWithUnit(value, unit)).toBe(expected);
  });

  it.each([
    [10.2, "+10.2%"],
    [-7.3, `${MINUS}7.3%`],
    [0, "0.0%"],
    [-0.04, "0.0%"],
    [8500, "+8,500.0%"],
    [null, "\u2014"],
  ])("a change of %s%% reads %s, signed", (value, expected) => {
    expect(formatChangePct(value)).toBe(expected);
  });

  it.each([
    [0.4, "+0.4 pp"],
    [-5, `${MINUS}5.0 pp`],
  ])("a change of a ratio of %s points reads %s", (value, expected) => {
    expect(formatChangePp(value)).toBe(expected);
  });

  it.each([
    [10.2, "revenue.total", "good"],
    [-7.3, "revenue.network.connectivity_home", "bad"],
    [9.6, "cost.total", "bad"],
    [-2.6, "cost.network.circuit", "good"],
    [7.5, "sga.total", "bad"],
    [0.01, "revenue.total", "neutral"],
    [null, "revenue.total", "neutral"],
  ] as const)("a change of %s in %s is %s news", (value, metric, tone) => {
    expect(changeTone(value, risingIsGood(metric))).toBe(tone);
  });

  it.each([
    [143559040, "JPY", "¥143,559,040"],
    ["143559040", "JPY", "¥143,559,040"],
    [1250, "USD", "$12.50"],
    ["12.50", "USD", "$12.50"],
    [-500, "JPY", `${MINUS}¥500`],
  ])("money %s %s (minor units, or decimal text) reads %s", (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it.each([
    [701_200_000, "701.2 Mbps"],
    [1_250_000_000, "1.25 Gbps"],
    [950, "950 bps"],
  ])("a rate of %s bit/s reads %s", (bps, expected) => {
    expect(formatBitRate(bps)).toBe(expected);
  });

  it.each([
    [100, "100 Mbps"],
    [1000, "1 Gbps"],
    [12551, "12.6 Gbps"],
  ])("a contracted %s Mbps reads %s", (mbps, expected) => {
    expect(formatMbps(mbps)).toBe(expected);
  });

  it.each([
    ["ip_service", "IP service"],
    ["datacenter_connectivity", "Datacenter connectivity"],
    ["credit_note", "Credit note"],
  ])("the id %s reads %s", (id, expected) => {
    expect(humanize(id)).toBe(expected);
  });

  it("names industries as the presentation does", () => {
    expect(industryLabel("communication_it")).toBe("Communication/IT");
    expect(industryLabel("government_public")).toBe("Government/Public sector");
    expect(industryLabel("space")).toBe("Space");
  });
});

describe("fiscal periods of a year starting in April", () => {
  it.each(["2Q12", "1H12", "FY12", "4Q11"])("%s reads back as itself", (id) => {
    expect(period(id).id).toBe(id);
  });

  it.each(["Q2", "5Q12", "3H12", "FY2012", ""])("%s is not a period", (id) => {
    expect(parsePeriod(id)).toBeNull();
  });

  it.each([
    ["2Q12", "2Q FY2012 (Jul–Sep 2012)"],
    ["4Q11", "4Q FY2011 (Jan–Mar 2012)"],
    ["1H12", "1H FY2012 (Apr–Sep 2012)"],
    ["FY11", "FY2011 (Apr 2011 – Mar 2012)"],
  ])("%s is %s", (id, expected) => {
    expect(describePeriod(period(id))).toBe(expected);
  });

  it.each([
    ["2Q12", "2Q11", "1Q12"],
    ["1Q12", "1Q11", "4Q11"],
    ["1H12", "1H11", null],
    ["FY12", "FY11", null],
  ])("%s compares with %s a year earlier and %s a quarter earlier", (id, yoy, qoq) => {
    expect(yearEarlier(period(id)).id).toBe(yoy);
    expect(quarterEarlier(period(id))?.id ?? null).toBe(qoq);
  });

  it.each([
    ["2Q12", "1H12", "FY12"],
    ["3Q12", "2H12", "FY12"],
    ["FY11", "1H11", "FY11"],
  ])("%s falls in the half %s and the year %s", (id, half, year) => {
    expect(halfOf(period(id)).id).toBe(half);
    expect(yearOf(period(id)).id).toBe(year);
  });

  it("lists the quarters a half or year covers, and those between two quarters", () => {
    expect(quartersOf(period("1H12")).map((q) => q.id)).toEqual(["1Q12", "2Q12"]);
    expect(quartersOf(period("FY11")).map((q) => q.id)).toEqual(["1Q11", "2Q11", "3Q11", "4Q11"]);
    expect(quartersBetween(period("3Q11"), period("2Q12")).map((q) => q.id)).toEqual([
      "3Q11",
      "4Q11",
      "1Q12",
      "2Q12",
    ]);
  });

  it.each([
    ["2Q12", "2012-09"],
    ["4Q11", "2012-03"],
    ["1H12", "2012-09"],
    ["FY11", "2012-03"],
  ])("%s ends in the month %s", (id, month) => {
    expect(lastMonthOf(period(id))).toBe(month);
  });
});
