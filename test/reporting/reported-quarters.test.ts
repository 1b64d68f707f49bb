import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/core/index.js";
import {
  buildQuarterlyReport,
  loadValueResolver,
  type QuarterlyReport,
} from "../../src/reporting/index.js";
import { openTestStore, type TestStore } from "../support/test-stores.js";

// The report for several periods, computed from the shipped facts, against the figures the
// presentation prints (company presentation, 2Q FY2012; the slide is named on each row). Stored
// lines must match exactly. Derived lines (totals, margins, income) are computed from the printed
// parts, so they may differ from the printed total by the rounding of those parts: `within`.

let t: TestStore;
const reports = new Map<string, QuarterlyReport>();

beforeAll(async () => {
  t = await openTestStore("sqlite");
  const resolve = await loadValueResolver(t.store);
  for (const period of ["2Q12", "1Q12", "1H12", "FY11"]) {
    reports.set(period, buildQuarterlyReport(resolve, parsePeriod(period)));
  }
});
afterAll(async () => {
  await t.dispose();
});

function line(period: string, metric: string) {
  const found = reports.get(period)?.lines.find((l) => l.metric === metric);
  if (!found) throw new Error(`${period} has no line ${metric}`);
  return found;
}

describe("the quarterly report from the reported facts", () => {
  it.each([
    // period, metric, printed value, within, printed YoY %, slide
    ["2Q12", "revenue.network.connectivity_corporate", 3951, 0, 6.9, "Ⅱ-4 (1)"],
    ["2Q12", "revenue.network.connectivity_home", 1339, 0, -7.3, "Ⅱ-4 (1)"],
    ["2Q12", "revenue.network.outsourcing", 4612, 0, 8.1, "Ⅱ-4 (1)"],
    ["2Q12", "revenue.network.wan", 6265, 0, -2.0, "Ⅱ-4 (1)"],
    ["2Q12", "revenue.si.construction", 3934, 0, 46.9, "Ⅱ-5 (1)"],
    ["2Q12", "revenue.si.operation", 5241, 0, 8.8, "Ⅱ-5 (1)"],
    ["2Q12", "revenue.total", 26268, 2, null, "Ⅱ-2"],
    ["2Q12", "cost.network", 12619, 2, 0.1, "Ⅱ-4 (2)"],
    ["2Q12", "cost.si", 7526, 2, 26.3, "Ⅱ-5 (2)"],
    ["2Q12", "operating_income", 1889, 3, null, "Ⅱ-8"],
    ["2Q12", "income_before_tax", 1803, 3, null, "Ⅱ-8"],
    ["2Q12", "net_income", 1110, 3, null, "Ⅱ-8"],
    ["2Q12", "adjusted_ebitda", 3730, 3, null, "Ⅱ-11"],
    ["2Q12", "kpi.contracted_bandwidth_gbps", 1003.3, 0, null, "Ⅱ-4 (1)"],
    ["2Q12", "kpi.employees", 2081, 0, null, "Ⅱ-6"],
    ["1H12", "revenue.total", 51109, 3, 8.3, "Ⅰ summary"],
    ["1H12", "revenue.network", 32259, 3, 3.0, "Ⅱ-2"],
    ["1H12", "revenue.si", 17127, 2, 16.4, "Ⅱ-2"],
    ["1H12", "revenue.recurring", 42692, 3, 4.5, "Ⅱ-2"],
    ["1H12", "revenue.one_time", 7335, 2, 26.4, "Ⅱ-2"],
    ["1H12", "gross_margin.total", 10148, 5, 9.9, "Ⅰ summary"],
    ["1H12", "operating_income", 3263, 6, 33.3, "Ⅰ summary"],
    ["1H12", "net_income", 2007, 8, 47.4, "Ⅰ summary"],
    ["FY11", "revenue.total", 97315, 4, 18.1, "Ⅱ-2"],
    ["FY11", "cost.total", 77326, 4, null, "Ⅱ-3"],
    ["FY11", "operating_income", 6353, 8, 53.4, "Income Growth / Revenue Growth"],
  ] as const)(
    "%s %s is %d (±%d) as printed, YoY %s%% (slide %s)",
    (period, metric, printed, within, yoy, _slide) => {
      const reported = line(period, metric);
      expect(Math.abs((reported.value ?? Number.NaN) - printed)).toBeLessThanOrEqual(within);
      if (yoy !== null)
        expect(Math.abs((reported.yoy_pct ?? Number.NaN) - yoy)).toBeLessThanOrEqual(0.15);
    },
  );

  it.each([
    // metric, printed QoQ % — slide Ⅱ-4 (1); WAN's printed −0.8 comes from unrounded figures,
    // the printed millions give −0.74, so the report says −0.7.
    ["revenue.network.connectivity_corporate", 2.2],
    ["revenue.network.connectivity_home", -6.3],
    ["revenue.network.outsourcing", 2.8],
    ["revenue.network.wan", -0.7],
  ] as const)("2Q12 %s changed %d%% on the quarter", (metric, qoq) => {
    expect(line("2Q12", metric).qoq_pct).toBe(qoq);
  });

  it.each([
    // metric, printed target (JPY million), printed achievement % — slide Ⅱ-1, 1H12 target column
    ["revenue.total", 50500, 101.2],
    ["operating_income", 2700, 120.8],
    ["income_before_tax", 2500, 127.1],
    ["net_income", 1400, 143.4],
  ] as const)("1H12 %s achieved its target of %d by %d%%", (metric, target, achievement) => {
    const reported = line("1H12", metric);
    expect(reported.target).toBe(target);
    expect(Math.abs((reported.achievement_pct ?? Number.NaN) - achievement)).toBeLessThanOrEqual(
      0.3,
    );
  });

  it("gives halves and years no quarter-on-quarter change", () => {
    expect(reports.get("1H12")!.lines.every((l) => l.qoq_pct === null)).toBe(true);
  });
});
