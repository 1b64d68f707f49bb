import {
  type Currency,
  Decimal,
  type FiscalCalendar,
  type InputLocation,
  parsePeriod,
  periodEnd,
  periodStart,
  UplinkError,
} from "../core/index.js";
import { recordFields } from "../input/index.js";

export type RateKind = "average" | "closing";
export const RATE_KINDS: readonly RateKind[] = ["average", "closing"];

/**
 * A translation rate with its source: yen per unit of `currency`, the `average` over a span of
 * whole months (a month, quarter, half or year) for profit and loss, or the `closing` rate on one
 * day (`startsOn` = `endsOn`) for the balance sheet.
 */
export interface TranslationRate {
  readonly currency: Currency;
  readonly kind: RateKind;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly jpyPerUnit: Decimal;
  readonly source: string;
}

export const TRANSLATION_RATE_FIELDS = [
  "currency",
  "kind",
  "period",
  "jpy_per_unit",
  "source",
] as const;
export type RawTranslationRate = Partial<Record<(typeof TRANSLATION_RATE_FIELDS)[number], string>>;

export function translationRateKey(
  rate: Pick<TranslationRate, "currency" | "kind" | "startsOn" | "endsOn">,
): string {
  return `${rate.currency}|${rate.kind}|${rate.startsOn}|${rate.endsOn}`;
}

/**
 * Validates one written rate. `period` is a fiscal period for an average rate ("2012-09", "2Q12",
 * "FY11") and an ISO date for a closing rate ("2012-09-30").
 */
export function translationRateFromRaw(
  raw: RawTranslationRate,
  where: InputLocation,
  calendar: FiscalCalendar,
): TranslationRate {
  const f = recordFields(raw, where);
  const currency = f.currency("currency");
  if (currency === "JPY") f.fail("currency", "Rates are yen per unit of another currency.");
  const kind = f.oneOf("kind", RATE_KINDS);
  const jpyPerUnit = f.decimal("jpy_per_unit");
  if (jpyPerUnit.lte(0)) f.fail("jpy_per_unit", "A rate is a positive number of yen.");
  let startsOn: string;
  let endsOn: string;
  if (kind === "closing") {
    startsOn = f.date("period");
    endsOn = startsOn;
  } else {
    const text = f.text("period");
    try {
      const period = parsePeriod(text, calendar);
      startsOn = periodStart(period, calendar);
      endsOn = periodEnd(period, calendar);
    } catch (error) {
      throw new UplinkError(
        "INVALID_INPUT",
        `An average rate's period is a month, quarter, half or year ("2012-09", "2Q12", "FY11"): ${(error as Error).message}`,
        { cause: error, location: { ...where, field: "period" } },
      );
    }
  }
  return {
    currency,
    kind,
    startsOn,
    endsOn,
    jpyPerUnit: new Decimal(jpyPerUnit),
    source: f.text("source"),
  };
}

export function translationRateDifference(
  a: TranslationRate,
  b: TranslationRate,
): string | undefined {
  if (!a.jpyPerUnit.equals(b.jpyPerUnit)) return "jpy_per_unit";
  if (a.source !== b.source) return "source";
  return undefined;
}

/** The rates one translation uses: an average per month, a closing rate at the window's end. */
export interface RateBook {
  average(currency: Currency, month: string): Decimal;
  closing(currency: Currency): Decimal;
}

/**
 * Picks rates for a window ending `endDate`. A month's average rate is the average of the
 * shortest imported span that covers the whole month (the month's own, else its quarter's, half's
 * or year's); the closing rate is the latest closing rate dated in the end date's month on or
 * before it. A missing rate is NOT_FOUND, naming what to import.
 */
export function rateBookFor(rates: readonly TranslationRate[], endDate: string): RateBook {
  const averages = new Map<string, Decimal>();
  const closings = new Map<string, Decimal>();
  return {
    average(currency, month) {
      const key = `${currency}|${month}`;
      const cached = averages.get(key);
      if (cached) return cached;
      // Average rates span whole months, so covering the month is starting by its first day and
      // ending in it or later.
      let best: TranslationRate | undefined;
      for (const rate of rates) {
        if (rate.currency !== currency || rate.kind !== "average") continue;
        if (rate.startsOn > `${month}-01` || rate.endsOn.slice(0, 7) < month) continue;
        if (!best || spanOf(rate) < spanOf(best)) best = rate;
      }
      if (!best) {
        throw new UplinkError(
          "NOT_FOUND",
          `No average ${currency} rate covers ${month}; import one (uplink import translation-rates FILE).`,
        );
      }
      averages.set(key, best.jpyPerUnit);
      return best.jpyPerUnit;
    },
    closing(currency) {
      const cached = closings.get(currency);
      if (cached) return cached;
      let best: TranslationRate | undefined;
      for (const rate of rates) {
        if (rate.currency !== currency || rate.kind !== "closing") continue;
        if (rate.startsOn > endDate || rate.startsOn.slice(0, 7) !== endDate.slice(0, 7)) continue;
        if (!best || rate.startsOn > best.startsOn) best = rate;
      }
      if (!best) {
        throw new UplinkError(
          "NOT_FOUND",
          `No closing ${currency} rate dated in ${endDate.slice(0, 7)} on or before ${endDate}; import one (uplink import translation-rates FILE).`,
        );
      }
      closings.set(currency, best.jpyPerUnit);
      return best.jpyPerUnit;
    },
  };
}

function spanOf(rate: TranslationRate): number {
  return Date.parse(rate.endsOn) - Date.parse(rate.startsOn);
}
