import { Decimal, roundTo, UplinkError } from "../core/index.js";

/** Shares outstanding from `from` on, as counted at the time (before any later split). */
export interface ShareCount {
  readonly from: string;
  readonly shares: bigint;
}

/** A stock split: from `effectiveOn`, each old share is `ratio` new ones (200 for 1:200). */
export interface StockSplit {
  readonly effectiveOn: string;
  readonly ratio: bigint;
}

/** A dividend as declared: yen per share on the basis of its record date. */
export interface Dividend {
  readonly recordDate: string;
  readonly perShare: Decimal;
}

/**
 * How many of today's shares one share of `date` became: the product of the ratios of the splits
 * effective after `date` and on or before `asOf` (the date the figures are restated to).
 */
export function splitFactor(splits: readonly StockSplit[], date: string, asOf: string): bigint {
  let factor = 1n;
  for (const split of splits) {
    if (split.ratio < 1n) {
      throw new UplinkError("INVALID_INPUT", `A split ratio is a whole number of 1 or more.`);
    }
    if (split.effectiveOn > date && split.effectiveOn <= asOf) factor *= split.ratio;
  }
  return factor;
}

/** The shares outstanding on `date`, counted on the basis of `asOf` (retroactively for splits). */
export function sharesOn(
  history: readonly ShareCount[],
  splits: readonly StockSplit[],
  date: string,
  asOf: string,
): bigint {
  const count = countOn(history, date);
  return count.shares * splitFactor(splits, count.from, asOf);
}

/**
 * The day-weighted average of shares outstanding from `startDate` to `endDate` inclusive, every
 * day's count restated to the basis of `asOf`. Exact (a decimal, not rounded).
 */
export function weightedAverageShares(
  history: readonly ShareCount[],
  splits: readonly StockSplit[],
  startDate: string,
  endDate: string,
  asOf: string,
): Decimal {
  const start = dayNumber(startDate);
  const end = dayNumber(endDate);
  if (end < start) throw new UplinkError("INVALID_INPUT", `${endDate} is before ${startDate}.`);
  const sorted = [...history].sort((a, b) => (a.from < b.from ? -1 : 1));
  let shareDays = 0n;
  for (let i = 0; i < sorted.length; i++) {
    const count = sorted[i];
    if (!count) continue;
    const next = sorted[i + 1];
    const from = Math.max(dayNumber(count.from), start);
    const to = Math.min(next ? dayNumber(next.from) - 1 : end, end);
    if (to < from) continue;
    shareDays += count.shares * splitFactor(splits, count.from, asOf) * BigInt(to - from + 1);
  }
  countOn(sorted, startDate); // the period must start inside the history
  return new Decimal(shareDays.toString()).div(end - start + 1);
}

/**
 * A per-share figure: yen ÷ shares, rounded half-up (ties away from zero) to 2 decimals, as the
 * presentation prints them (JPY 8.75).
 */
export function perShare(yen: bigint, shares: Decimal): Decimal {
  if (shares.lte(0)) throw new UplinkError("INVALID_INPUT", "Per share needs shares outstanding.");
  return roundTo(new Decimal(yen.toString()).div(shares), 2, "half-up");
}

/** A dividend per share restated to the basis of `asOf` (÷ the splits since its record date), 2 decimals half-up. */
export function restatedDividend(
  dividend: Dividend,
  splits: readonly StockSplit[],
  asOf: string,
): Decimal {
  const factor = splitFactor(splits, dividend.recordDate, asOf);
  return roundTo(new Decimal(dividend.perShare).div(factor.toString()), 2, "half-up");
}

function countOn(history: readonly ShareCount[], date: string): ShareCount {
  let found: ShareCount | undefined;
  for (const count of history) {
    if (count.from <= date && (!found || count.from > found.from)) found = count;
  }
  if (!found) {
    throw new UplinkError("NOT_FOUND", `No count of shares outstanding on ${date}.`);
  }
  return found;
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}
