import {
  type Decimal,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  formatPeriodLong,
  percentChange,
  percentOf,
  periodEnd,
  periodStart,
  previousPeriod,
  roundTo,
  samePeriodLastYear,
} from "../core/index.js";
import type { MetricUnit, ReportSection } from "./metric.js";
import { displayValue } from "./metric.js";
import { METRICS } from "./metric-catalogue.js";
import type { ValueResolver } from "./value-resolver.js";

/**
 * One line of the report. This shape is a contract (the CLI's JSON, the API, exports): keys are
 * never renamed. Values are in the metric's unit (JPY million for money), rounded half-up to the
 * presentation's precision; changes in percent to one decimal, null where there is no base.
 */
export interface ReportLine {
  metric: string;
  label: string;
  section: ReportSection;
  unit: MetricUnit;
  value: number | null;
  yoy_pct: number | null;
  qoq_pct: number | null;
  /** For ratios (unit %), changes are also given in percentage points. */
  yoy_pp?: number | null;
  qoq_pp?: number | null;
  target?: number;
  achievement_pct?: number | null;
  /**
   * Set when a report is compared with another (`compareReports`): the baseline's value, and this
   * value less it in the same unit and rounding, and as a percent of it (null for ratio lines,
   * whose difference is already in percentage points, and where the baseline is zero or missing).
   */
  reported?: number | null;
  difference?: number | null;
  difference_pct?: number | null;
}

export interface QuarterlyReport {
  period: string;
  period_label: string;
  start: string;
  end: string;
  lines: ReportLine[];
}

const ONE_DECIMAL = 1;

/**
 * Assembles the report for a quarter, half or year: every catalogue metric the period has (or
 * can derive) a value for, with YoY, QoQ (quarters only) and, where a target exists, achievement.
 */
export function buildQuarterlyReport(
  resolve: ValueResolver,
  period: FiscalPeriod,
  calendar?: FiscalCalendar,
): QuarterlyReport {
  const lastYear = samePeriodLastYear(period);
  const lastQuarter = period.kind === "quarter" ? previousPeriod(period) : null;
  const lines: ReportLine[] = [];
  for (const metric of METRICS) {
    const actual = resolve({ metric: metric.id, period })?.value ?? null;
    const target = resolve({ metric: metric.id, period, scenario: "target" })?.value ?? null;
    if (actual === null && target === null) continue;
    const yearAgo = resolve({ metric: metric.id, period: lastYear })?.value ?? null;
    const quarterAgo = lastQuarter
      ? (resolve({ metric: metric.id, period: lastQuarter })?.value ?? null)
      : null;
    const line: ReportLine = {
      metric: metric.id,
      label: metric.label,
      section: metric.section,
      unit: metric.unit,
      value: actual === null ? null : displayValue(metric, actual),
      yoy_pct: metric.unit === "%" ? null : change(actual, yearAgo),
      qoq_pct: metric.unit === "%" ? null : change(actual, quarterAgo),
    };
    if (metric.unit === "%") {
      line.yoy_pp = points(actual, yearAgo);
      line.qoq_pp = points(actual, quarterAgo);
    }
    if (target !== null) {
      line.target = displayValue(metric, target);
      line.achievement_pct =
        actual === null || metric.unit === "%" ? null : rounded(percentOf(actual, target));
    }
    lines.push(line);
  }
  return {
    period: formatPeriod(period, calendar),
    period_label: formatPeriodLong(period, calendar),
    start: periodStart(period, calendar),
    end: periodEnd(period, calendar),
    lines,
  };
}

function change(current: Decimal | null, base: Decimal | null): number | null {
  if (current === null || base === null) return null;
  return rounded(percentChange(current, base));
}

function points(current: Decimal | null, base: Decimal | null): number | null {
  if (current === null || base === null) return null;
  return roundTo(current.minus(base), ONE_DECIMAL).toNumber();
}

function rounded(value: Decimal | null): number | null {
  return value === null ? null : roundTo(value, ONE_DECIMAL).toNumber();
}
