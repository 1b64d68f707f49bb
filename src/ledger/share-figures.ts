import { Decimal, UplinkError } from "../core/index.js";
import {
  perShare,
  restatedDividend,
  type ShareCount,
  type StockSplit,
  splitFactor,
  weightedAverageShares,
} from "./per-share.js";
import type { DividendKind, DividendRecord } from "./share-record.js";

/**
 * The basis per-share figures are shown on by default: the later of the period's end and the
 * last split, so that every figure is restated for every split since (as the presentation
 * restates FY2006–FY2012 for the split of 1 Oct 2012).
 */
export function splitAdjustedBasis(splits: readonly StockSplit[], date: string): string {
  let basis = date;
  for (const split of splits) if (split.effectiveOn > basis) basis = split.effectiveOn;
  return basis;
}

/** One dividend of a period: as declared, and restated to the figures' basis. */
export interface DividendFigure {
  readonly fiscalPeriod: string;
  readonly kind: DividendKind;
  readonly recordDate: string;
  readonly declared: Decimal;
  readonly restated: Decimal;
}

/** EPS and dividends per share of a period, on the basis of `asOf`. */
export interface PerShareFigures {
  readonly period: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The date the figures are restated to: splits after the period and on or before it count. */
  readonly asOf: string;
  /** What one share of the period's end became by `asOf` (200 across the 1:200 split). */
  readonly splitFactor: bigint;
  /** Day-weighted over the period, on the `asOf` basis; exact. */
  readonly weightedAverageShares: Decimal;
  /** Net income attributable to the parent, yen. */
  readonly netIncome: bigint;
  /** Net income ÷ weighted average shares, 2 decimals half-up. */
  readonly netIncomePerShare: Decimal;
  /** The dividends whose record date falls in the period, each restated. */
  readonly dividends: readonly DividendFigure[];
  /** The sum of the restated dividends; null when none has its record date in the period. */
  readonly dividendPerShare: Decimal | null;
}

/**
 * Per-share figures of a period: net income per share over the day-weighted average of shares
 * outstanding, and the dividends whose record date is in the period, both restated retroactively
 * for the splits after the period up to `asOf` (default: the split-adjusted basis). Each dividend
 * is restated and rounded on its own (2 decimals, half-up) before they are added, as the
 * presentation's bars are.
 */
export function perShareFiguresOf(input: {
  readonly period: { readonly label: string; readonly startDate: string; readonly endDate: string };
  readonly history: readonly ShareCount[];
  readonly splits: readonly StockSplit[];
  readonly dividends: readonly DividendRecord[];
  readonly netIncome: bigint;
  readonly asOf?: string;
}): PerShareFigures {
  const { period, history, splits } = input;
  const asOf = input.asOf ?? splitAdjustedBasis(splits, period.endDate);
  if (asOf < period.endDate) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Per-share figures of ${period.label} are restated to a date on or after its end (${period.endDate}), not ${asOf}.`,
    );
  }
  if (history.length === 0) {
    throw new UplinkError(
      "NOT_FOUND",
      "No shares outstanding are recorded; import them (uplink import shares FILE).",
    );
  }
  const shares = weightedAverageShares(history, splits, period.startDate, period.endDate, asOf);
  const dividends = input.dividends
    .filter((d) => d.recordDate >= period.startDate && d.recordDate <= period.endDate)
    .sort((a, b) => (a.recordDate < b.recordDate ? -1 : a.recordDate > b.recordDate ? 1 : 0))
    .map((d) => ({
      fiscalPeriod: d.fiscalPeriod,
      kind: d.kind,
      recordDate: d.recordDate,
      declared: d.perShare,
      restated: restatedDividend(d, splits, asOf),
    }));
  return {
    period: period.label,
    startDate: period.startDate,
    endDate: period.endDate,
    asOf,
    splitFactor: splitFactor(splits, period.endDate, asOf),
    weightedAverageShares: shares,
    netIncome: input.netIncome,
    netIncomePerShare: perShare(input.netIncome, shares),
    dividends,
    dividendPerShare:
      dividends.length === 0
        ? null
        : dividends.reduce((sum, d) => sum.plus(d.restated), new Decimal(0)),
  };
}

/** A line of the share history with its count restated to a basis. */
export interface SplitAdjustedCount {
  readonly from: string;
  readonly shares: bigint;
  readonly splitFactor: bigint;
  readonly splitAdjusted: bigint;
}

/** The share count history, each count also on the basis of `asOf` (× the splits since). */
export function splitAdjustedHistory(
  history: readonly ShareCount[],
  splits: readonly StockSplit[],
  asOf: string,
): SplitAdjustedCount[] {
  return [...history]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((count) => {
      const factor = splitFactor(splits, count.from, asOf);
      return {
        from: count.from,
        shares: count.shares,
        splitFactor: factor,
        splitAdjusted: count.shares * factor,
      };
    });
}
