import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import type { QuarterlyReport, ReportLine } from "./quarterly-report.js";
import { compareReports } from "./report-comparison.js";

function line(metric: string, unit: ReportLine["unit"], value: number | null): ReportLine {
  return { metric, label: metric, section: "revenue", unit, value, yoy_pct: null, qoq_pct: null };
}

function report(lines: ReportLine[], period = "2Q12"): QuarterlyReport {
  return { period, period_label: period, start: "2012-07-01", end: "2012-09-30", lines };
}

function compared(value: ReportLine, baseline: ReportLine | null): ReportLine {
  const [result] = compareReports(report([value]), report(baseline ? [baseline] : [])).lines;
  return result!;
}

describe("compareReports", () => {
  it("gives the baseline's value, the difference in the line's unit and its percent of the baseline", () => {
    // 6,300 − 6,265 = 35; 35 ÷ 6,265 = 0.5586…% → 0.6.
    expect(
      compared(
        line("revenue.network.wan", "JPY million", 6300),
        line("revenue.network.wan", "JPY million", 6265),
      ),
    ).toMatchObject({ value: 6300, reported: 6265, difference: 35, difference_pct: 0.6 });
  });

  it("subtracts exactly at the line's precision, not in binary floating point", () => {
    // 1,000.0 − 1,003.3 = −3.3 Gbps (a float subtraction gives −3.2999999999999545); −3.3 ÷ 1,003.3 = −0.3289…%.
    expect(
      compared(
        line("kpi.contracted_bandwidth_gbps", "Gbps", 1000),
        line("kpi.contracted_bandwidth_gbps", "Gbps", 1003.3),
      ),
    ).toMatchObject({ difference: -3.3, difference_pct: -0.3 });
  });

  it("rounds the percent half-up to one decimal", () => {
    // 17 − 16 = 1; 1 ÷ 16 = 6.25% → 6.3 half-up (6.2 half-even).
    expect(
      compared(line("revenue.atm", "JPY million", 17), line("revenue.atm", "JPY million", 16)),
    ).toMatchObject({ difference: 1, difference_pct: 6.3 });
  });

  it("measures the percent against the baseline's magnitude, so a smaller loss is a rise", () => {
    // −100 − (−200) = 100; 100 ÷ |−200| = +50.0%.
    expect(
      compared(
        line("operating_income", "JPY million", -100),
        line("operating_income", "JPY million", -200),
      ),
    ).toMatchObject({ difference: 100, difference_pct: 50 });
  });

  it("gives ratio lines their difference in percentage points and no percent", () => {
    // 20.5% − 20.3% = 0.2 pp.
    expect(
      compared(
        line("ratio.gross_margin.total", "%", 20.5),
        line("ratio.gross_margin.total", "%", 20.3),
      ),
    ).toMatchObject({ reported: 20.3, difference: 0.2, difference_pct: null });
  });

  it("has no percent against a zero baseline", () => {
    expect(
      compared(line("revenue.atm", "JPY million", 12), line("revenue.atm", "JPY million", 0)),
    ).toMatchObject({ reported: 0, difference: 12, difference_pct: null });
  });

  it("has no difference where either side has no value", () => {
    expect(compared(line("revenue.atm", "JPY million", 12), null)).toMatchObject({
      reported: null,
      difference: null,
      difference_pct: null,
    });
    expect(
      compared(line("revenue.atm", "JPY million", null), line("revenue.atm", "JPY million", 540)),
    ).toMatchObject({ reported: 540, difference: null, difference_pct: null });
  });

  it("keeps the report's own lines, keys and order, and leaves out lines only the baseline has", () => {
    const own = report([
      line("revenue.si", "JPY million", 5),
      line("revenue.atm", "JPY million", 7),
    ]);
    const result = compareReports(
      own,
      report([line("revenue.atm", "JPY million", 7), line("kpi.employees", "count", 2000)]),
    );
    expect(result.lines.map((l) => l.metric)).toEqual(["revenue.si", "revenue.atm"]);
    expect(result.lines[1]).toEqual({
      ...own.lines[1],
      reported: 7,
      difference: 0,
      difference_pct: 0,
    });
    expect(own.lines[0]).not.toHaveProperty("reported");
  });

  it("refuses to compare two different periods", () => {
    expect(() => compareReports(report([]), report([], "1Q12"))).toThrow(UplinkError);
  });
});
