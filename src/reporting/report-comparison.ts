import { Decimal, percentChange, roundTo, UplinkError } from "../core/index.js";
import { metricById } from "./metric-catalogue.js";
import type { QuarterlyReport, ReportLine } from "./quarterly-report.js";

/**
 * A report with each line set beside the same line of a baseline (the ledger's report beside the
 * reported figures): `reported` is the baseline's value, `difference` = value − reported in the
 * line's unit at its printed precision, `difference_pct` = difference ÷ |reported| × 100 to one
 * decimal, half-up. Both are computed from the values as shown, so they agree with what a reader
 * works out from the two columns. Ratio lines (unit %) give their difference in percentage points
 * and no percent; a zero or missing baseline has no percent. Lines only the baseline has are not
 * added: the report keeps its own lines, in its own order.
 */
export function compareReports(
  report: QuarterlyReport,
  baseline: QuarterlyReport | null,
): QuarterlyReport {
  if (baseline && baseline.period !== report.period) {
    throw new UplinkError(
      "INTERNAL",
      `A report of ${report.period} cannot be compared with one of ${baseline.period}.`,
    );
  }
  const reported = new Map(baseline?.lines.map((line) => [line.metric, line.value]) ?? []);
  return {
    ...report,
    lines: report.lines.map((line) => compareLine(line, reported.get(line.metric) ?? null)),
  };
}

function compareLine(line: ReportLine, reported: number | null): ReportLine {
  if (line.value === null || reported === null) {
    return { ...line, reported, difference: null, difference_pct: null };
  }
  const value = new Decimal(line.value);
  const base = new Decimal(reported);
  const decimals = metricById(line.metric).decimals;
  const difference = roundTo(value.minus(base), decimals).toNumber();
  const percent = line.unit === "%" ? null : percentChange(value, base);
  return {
    ...line,
    reported,
    difference,
    difference_pct: percent === null ? null : roundTo(percent, 1).toNumber(),
  };
}
