import {
  type Currency,
  Decimal,
  type InputLocation,
  MINOR_DIGITS,
  type Money,
  money,
  UplinkError,
} from "../core/index.js";
import { recordFields } from "../input/index.js";

/**
 * A rate from the FX-rate table: how many yen one unit of `currency` was worth on `rateDate`
 * (USD 78.97), and where the figure came from. A foreign customer's month is converted at the
 * latest rate dated on or before its invoice's issue date.
 */
export interface FxRate {
  readonly currency: Currency;
  readonly rateDate: string;
  readonly jpyPerUnit: Decimal;
  readonly source: string;
}

export const FX_RATE_FIELDS = ["currency", "rate_date", "jpy_per_unit", "source"] as const;
export type RawFxRate = Partial<Record<(typeof FX_RATE_FIELDS)[number], string>>;

export function fxRateKey(rate: Pick<FxRate, "currency" | "rateDate">): string {
  return `${rate.currency}|${rate.rateDate}`;
}

/** Validates one written rate: a currency other than JPY, a date, a positive exact decimal. */
export function fxRateFromRaw(raw: RawFxRate, where: InputLocation): FxRate {
  const f = recordFields(raw, where);
  const currency = f.currency("currency");
  if (currency === "JPY") f.fail("currency", "Rates are yen per unit of another currency.");
  const jpyPerUnit = f.decimal("jpy_per_unit");
  if (jpyPerUnit.lte(0)) f.fail("jpy_per_unit", "A rate is a positive number of yen.");
  return {
    currency,
    rateDate: f.date("rate_date"),
    jpyPerUnit: new Decimal(jpyPerUnit),
    source: f.text("source"),
  };
}

export function fxRateDifference(a: FxRate, b: FxRate): string | undefined {
  if (!a.jpyPerUnit.equals(b.jpyPerUnit)) return "jpy_per_unit";
  if (a.source !== b.source) return "source";
  return undefined;
}

/** The latest rate of `currency` dated on or before `date`, if the table has one. */
export function fxRateOn(
  rates: readonly FxRate[],
  currency: Currency,
  date: string,
): FxRate | undefined {
  let found: FxRate | undefined;
  for (const rate of rates) {
    if (rate.currency !== currency || rate.rateDate > date) continue;
    if (found === undefined || rate.rateDate > found.rateDate) found = rate;
  }
  return found;
}

/**
 * Converts between currencies through the yen: `jpyPerUnit` gives the rate of each non-yen side.
 * The product is exact (fractions of bigints) and rounded once, half-up (ties away from zero), to
 * the target's minor unit.
 */
export function convertMoney<T extends Currency>(
  m: Money,
  to: T,
  jpyPerUnit: (currency: Currency) => Decimal,
): Money<T> {
  if (m.currency === to) return money(m.amount, to);
  // value in yen = minor × rate(from) / 10^digits(from); target minor = yen × 10^digits(to) / rate(to)
  let num = m.amount * 10n ** BigInt(MINOR_DIGITS[to]);
  let den = 10n ** BigInt(MINOR_DIGITS[m.currency]);
  if (m.currency !== "JPY") {
    const rate = fraction(jpyPerUnit(m.currency));
    num *= rate.num;
    den *= rate.den;
  }
  if (to !== "JPY") {
    const rate = fraction(jpyPerUnit(to));
    num *= rate.den;
    den *= rate.num;
  }
  return money(divideHalfUp(num, den), to);
}

/** num / den (den > 0) rounded half-up, ties away from zero. */
export function divideHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new UplinkError("INTERNAL", "Division by a non-positive number.");
  const quotient = num / den;
  const remainder = num % den;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice >= den && remainder !== 0n) return quotient + (num < 0n ? -1n : 1n);
  return quotient;
}

/** A positive finite decimal as num / den exactly. */
export function fraction(value: Decimal): { num: bigint; den: bigint } {
  const d = new Decimal(value);
  if (!d.isFinite() || d.lte(0)) {
    throw new UplinkError("INVALID_INPUT", `Invalid exchange rate ${d.toString()}.`);
  }
  const [whole = "0", frac = ""] = d.toFixed().split(".");
  return { num: BigInt(whole + frac), den: 10n ** BigInt(frac.length) };
}
