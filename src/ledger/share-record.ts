import {
  Decimal,
  type FiscalCalendar,
  formatPeriod,
  type InputLocation,
  parsePeriod,
  periodEnd,
  periodStart,
} from "../core/index.js";
import { recordFields } from "../input/index.js";
import type { Dividend, ShareCount, StockSplit } from "./per-share.js";

// The three kinds of share record an import reads, each validated field by field (errors name
// file, line and field), with the key a repeat is matched on and the field a change is named by.

/** A count of shares outstanding from `from` on, with where it comes from. */
export interface ShareCountRecord extends ShareCount {
  readonly source: string;
}

export interface StockSplitRecord extends StockSplit {
  readonly source: string;
}

export type DividendKind = "interim" | "year_end";
export const DIVIDEND_KINDS: readonly DividendKind[] = ["interim", "year_end"];

/** A dividend per share as declared (on the basis of its record date), for a fiscal year. */
export interface DividendRecord extends Dividend {
  /** Short form of the fiscal year: "FY11". */
  readonly fiscalPeriod: string;
  readonly kind: DividendKind;
  readonly source: string;
}

export const SHARE_COUNT_FIELDS = ["date", "shares", "source"] as const;
export const STOCK_SPLIT_FIELDS = ["effective_on", "ratio", "source"] as const;
export const DIVIDEND_FIELDS = [
  "fiscal_period",
  "kind",
  "yen_per_share",
  "record_date",
  "source",
] as const;

type Raw = Readonly<Record<string, string | undefined>>;

export function shareCountFromRaw(raw: Raw, where: InputLocation): ShareCountRecord {
  const f = recordFields(raw, where);
  const from = f.date("date");
  const text = f.text("shares");
  if (!/^[1-9]\d*$/.test(text)) {
    f.fail(
      "shares",
      `"${text}" is not a whole number of shares of 1 or more (write no separators).`,
    );
  }
  return { from, shares: BigInt(text), source: f.text("source") };
}

/** A split's ratio is written "200" or "1:200": each old share became 200. */
export function stockSplitFromRaw(raw: Raw, where: InputLocation): StockSplitRecord {
  const f = recordFields(raw, where);
  const effectiveOn = f.date("effective_on");
  const text = f.text("ratio");
  const match = /^(?:1:)?([1-9]\d*)$/.exec(text);
  if (!match?.[1] || BigInt(match[1]) < 2n) {
    f.fail(
      "ratio",
      `"${text}" is not a split ratio: write the new shares per old share, e.g. 200 for 1:200.`,
    );
  }
  return { effectiveOn, ratio: BigInt(match?.[1] ?? "0"), source: f.text("source") };
}

/**
 * A dividend row: the fiscal year it is paid for ("FY11" or "FY2011"), interim or year_end, yen
 * per share as declared (exact decimal, more than zero), and its record date, which must fall in
 * that fiscal year.
 */
export function dividendFromRaw(
  raw: Raw,
  where: InputLocation,
  calendar: FiscalCalendar,
): DividendRecord {
  const f = recordFields(raw, where);
  const periodText = f.text("fiscal_period");
  let fiscalPeriod: string;
  let start: string;
  let end: string;
  try {
    const period = parsePeriod(periodText, calendar);
    if (period.kind !== "year") throw new Error("not a fiscal year");
    fiscalPeriod = formatPeriod(period, calendar);
    start = periodStart(period, calendar);
    end = periodEnd(period, calendar);
  } catch {
    return f.fail("fiscal_period", `"${periodText}" is not a fiscal year: write FY11 or FY2011.`);
  }
  const kind = f.oneOf("kind", DIVIDEND_KINDS);
  const perShare = f.decimal("yen_per_share");
  if (perShare.lte(0)) f.fail("yen_per_share", "A dividend is a positive number of yen per share.");
  const recordDate = f.date("record_date");
  if (recordDate < start || recordDate > end) {
    f.fail("record_date", `${recordDate} is not in ${fiscalPeriod} (${start} to ${end}).`);
  }
  return {
    fiscalPeriod,
    kind,
    perShare: new Decimal(perShare),
    recordDate,
    source: f.text("source"),
  };
}

export const shareCountKey = (r: ShareCountRecord): string => r.from;
export const stockSplitKey = (r: StockSplitRecord): string => r.effectiveOn;
export const dividendKey = (r: DividendRecord): string => `${r.fiscalPeriod} ${r.kind}`;

export function shareCountDifference(a: ShareCountRecord, b: ShareCountRecord): string | undefined {
  if (a.shares !== b.shares) return "shares";
  if (a.source !== b.source) return "source";
  return undefined;
}

export function stockSplitDifference(a: StockSplitRecord, b: StockSplitRecord): string | undefined {
  if (a.ratio !== b.ratio) return "ratio";
  if (a.source !== b.source) return "source";
  return undefined;
}

export function dividendDifference(a: DividendRecord, b: DividendRecord): string | undefined {
  if (!a.perShare.equals(b.perShare)) return "yen_per_share";
  if (a.recordDate !== b.recordDate) return "record_date";
  if (a.source !== b.source) return "source";
  return undefined;
}
