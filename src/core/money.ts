import { Decimal, parseDecimal, type RoundingMode, roundTo } from "./decimal.js";
import { UplinkError } from "./errors.js";

/**
 * Money as an immutable value with its currency in the type, so that adding yen to dollars is a
 * compile error, and a run-time error (CURRENCY_MISMATCH) for values whose currency the compiler
 * could not see. Amounts are integer minor units held as bigint: sums over a ledger outgrow 2^53,
 * and floats are never acceptable for money.
 *
 * Products with a decimal (multiply, convert, allocate) are computed exactly as fractions of
 * bigints and rounded once, so the result does not depend on a decimal precision setting however
 * large the amount.
 */

export type Currency = "JPY" | "USD" | "CNY" | "THB";

/** Digits after the decimal point of each currency's minor unit (JPY has none). */
export const MINOR_DIGITS: Readonly<Record<Currency, number>> = Object.freeze({
  JPY: 0,
  USD: 2,
  CNY: 2,
  THB: 2,
});

export interface Money<C extends Currency = Currency> {
  /** Integer minor units: yen for JPY, cents for USD. */
  readonly amount: bigint;
  readonly currency: C;
}

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(MINOR_DIGITS, value);
}

function checkCurrency(value: string): Currency {
  if (!isCurrency(value)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Unknown currency ${JSON.stringify(value)}: expected one of ${Object.keys(MINOR_DIGITS).join(", ")}`,
    );
  }
  return value;
}

function make<C extends Currency>(amount: bigint, currency: C): Money<C> {
  return Object.freeze({ amount, currency });
}

/** `amount` is in minor units; a number must be a safe integer, since anything else has lost digits. */
export function money<C extends Currency>(amount: bigint | number, currency: C): Money<C> {
  checkCurrency(currency);
  if (typeof amount === "bigint") return make(amount, currency);
  if (!Number.isSafeInteger(amount)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid ${currency} amount ${amount}: expected a safe integer number of minor units (or a bigint)`,
    );
  }
  return make(BigInt(amount), currency);
}

export function yen(amount: bigint | number): Money<"JPY"> {
  return money(amount, "JPY");
}

function sameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currency !== b.currency) {
    throw new UplinkError(
      "CURRENCY_MISMATCH",
      `Cannot ${operation} ${a.currency} and ${b.currency}: convert one of them first`,
    );
  }
}

// NoInfer makes the first argument alone fix C, so a second argument in another currency is
// reported as a type error instead of widening C to a union.
export function add<C extends Currency>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  sameCurrency(a, b, "add");
  return make(a.amount + b.amount, a.currency);
}

export function subtract<C extends Currency>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  sameCurrency(a, b, "subtract");
  return make(a.amount - b.amount, a.currency);
}

export function negate<C extends Currency>(m: Money<C>): Money<C> {
  return make(-m.amount, m.currency);
}

/** The currency is an argument so that an empty list still has a typed zero. */
export function sum<C extends Currency>(list: readonly Money<NoInfer<C>>[], currency: C): Money<C> {
  const zero = money(0n, currency);
  let total = 0n;
  for (const m of list) {
    sameCurrency(zero, m, "sum");
    total += m.amount;
  }
  return make(total, currency);
}

/** A finite decimal as num / 10^places (den = 10^places), exactly. */
function toFraction(value: Decimal): { num: bigint; den: bigint; places: number } {
  const [whole = "0", fraction = ""] = value.toFixed().split(".");
  const places = fraction.length;
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(places), places };
}

function toDecimal(value: Decimal | string | number | bigint, what: string): Decimal {
  const d =
    typeof value === "string"
      ? parseDecimal(value, { field: what })
      : new Decimal(typeof value === "bigint" ? value.toString() : value);
  if (!d.isFinite()) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid ${what} ${d.toString()}: expected a finite number`,
    );
  }
  return d;
}

/** num / den (den > 0) rounded to an integer with the same rules as `roundTo`. */
function divideRounded(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const quotient = num / den; // truncates toward zero
  const remainder = num % den; // carries the sign of num
  if (remainder === 0n) return quotient;
  const away = quotient + (num < 0n ? -1n : 1n);
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case "down":
      return quotient;
    case "up":
      return away;
    case "floor":
      return num < 0n ? away : quotient;
    case "ceiling":
      return num > 0n ? away : quotient;
    case "half-up":
      return twiceRemainder >= den ? away : quotient;
    case "half-even":
      if (twiceRemainder !== den) return twiceRemainder > den ? away : quotient;
      return quotient % 2n === 0n ? quotient : away;
    default:
      throw new UplinkError("INVALID_INPUT", `Unknown rounding mode "${String(mode)}"`);
  }
}

/** m × factor, rounded to whole minor units (half-up unless told otherwise). */
export function multiply<C extends Currency>(
  m: Money<C>,
  factor: Decimal | string,
  mode: RoundingMode = "half-up",
): Money<C> {
  const { num, den } = toFraction(toDecimal(factor, "factor"));
  return make(divideRounded(m.amount * num, den, mode), m.currency);
}

/**
 * Splits m in proportion to `ratios` by the largest-remainder method: every part gets the floor of
 * its exact share, and the units left over go one each to the parts with the largest remainders
 * (the earlier part on a tie). The parts always add up to m exactly. Ratios are non-negative
 * (decimals allowed, e.g. [79.5, 20.5]) and not all zero. A negative m splits like its absolute
 * value, negated, so that allocating a refund mirrors allocating the charge.
 */
export function allocate<C extends Currency>(
  m: Money<C>,
  ratios: readonly (number | bigint)[],
): Money<C>[] {
  if (ratios.length === 0) {
    throw new UplinkError("INVALID_INPUT", "Cannot allocate over an empty list of ratios");
  }
  const fractions = ratios.map((r) => {
    const d = toDecimal(r, "ratio");
    if (d.isNegative() && !d.isZero()) {
      throw new UplinkError("INVALID_INPUT", `Invalid ratio ${d.toString()}: ratios must be ≥ 0`);
    }
    return toFraction(d);
  });
  // A loop, not Math.max(...spread): a demo month allocates over a few hundred thousand ratios.
  const places = fractions.reduce((most, f) => Math.max(most, f.places), 0);
  const weights = fractions.map((f) => f.num * 10n ** BigInt(places - f.places));
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) {
    throw new UplinkError("INVALID_INPUT", "Cannot allocate: all ratios are zero");
  }

  const negative = m.amount < 0n;
  const amount = negative ? -m.amount : m.amount;
  const shares = weights.map((w) => (amount * w) / total);
  const remainders = weights.map((w) => (amount * w) % total);
  let left = amount - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((x, y) =>
      x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1,
    );
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => make(negative ? -s : s, m.currency));
}

/**
 * Converts at `rate` = units of `to` per one unit of the source currency (major units, e.g.
 * 78.97 JPY per USD), rounding once to the target's minor unit (half-up unless told otherwise).
 */
export function convert<F extends Currency, T extends Currency>(
  m: Money<F>,
  rate: Decimal | string,
  to: T,
  mode: RoundingMode = "half-up",
): Money<T> {
  checkCurrency(to);
  const r = toDecimal(rate, "exchange rate");
  if (r.lte(0)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid exchange rate ${r.toString()}: expected a positive number`,
    );
  }
  const { num, den } = toFraction(r);
  const fromScale = 10n ** BigInt(MINOR_DIGITS[m.currency]);
  const toScale = 10n ** BigInt(MINOR_DIGITS[to]);
  return make(divideRounded(m.amount * num * toScale, den * fromScale, mode), to);
}

/** −1, 0 or 1, for sorting; throws CURRENCY_MISMATCH across currencies, which have no order. */
export function compare<C extends Currency>(a: Money<C>, b: Money<NoInfer<C>>): number {
  sameCurrency(a, b, "compare");
  return a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1;
}

export function isZero(m: Money): boolean {
  return m.amount === 0n;
}

export function isNegative(m: Money): boolean {
  return m.amount < 0n;
}

/** Amounts in different currencies are simply not equal (no error: the question has an answer). */
export function equals<C extends Currency>(a: Money<C>, b: Money<NoInfer<C>>): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

/** The amount in major units, exactly: 1234 USD minor units → 12.34. */
export function toMajor(m: Money): Decimal {
  return new Decimal(`${m.amount}e-${MINOR_DIGITS[m.currency]}`);
}

/** "JPY 1,234", "USD 12.34", and a leading minus for negatives: "-JPY 1,234". */
export function formatMoney(m: Money): string {
  const digitsAfter = MINOR_DIGITS[m.currency];
  const negative = m.amount < 0n;
  const digits = (negative ? -m.amount : m.amount).toString().padStart(digitsAfter + 1, "0");
  const whole = digits.slice(0, digits.length - digitsAfter);
  const fraction = digits.slice(digits.length - digitsAfter);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${m.currency} ${grouped}${digitsAfter > 0 ? `.${fraction}` : ""}`;
}

/** Yen → JPY million, rounded half-up to `decimals` places: the unit every report prints. */
export function toMillions(m: Money<"JPY">, decimals = 0): Decimal {
  if (m.currency !== "JPY") {
    throw new UplinkError(
      "CURRENCY_MISMATCH",
      `Cannot express ${m.currency} in JPY million: convert to JPY first`,
    );
  }
  return roundTo(new Decimal(`${m.amount}e-6`), decimals, "half-up");
}
