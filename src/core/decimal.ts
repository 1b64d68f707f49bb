import { Decimal as DecimalJs } from "decimal.js";
import { formatLocation, type InputLocation, UplinkError } from "./errors.js";

/**
 * Decimal arithmetic for ratios and FX. The rounding rule for printed figures is half-up to the
 * printed precision, ties away from zero (6.85 → 6.9, −2.05 → −2.1), because that is how the
 * company's presentation rounds, and Uplink checks its results against the printed figures.
 *
 * A clone rather than the global decimal.js constructor, so that no other code configuring the
 * global one can change Uplink's precision or rounding. Operations use the configuration of the
 * left operand's constructor, so the functions here re-wrap their inputs in this clone.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export type RoundingMode = "half-up" | "half-even" | "down" | "up" | "floor" | "ceiling";

const ROUNDING: Record<RoundingMode, DecimalJs.Rounding> = {
  "half-up": DecimalJs.ROUND_HALF_UP,
  "half-even": DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceiling: DecimalJs.ROUND_CEIL,
};

// Plain decimal notation only: exponents, thousands separators, a leading "+" or ".", and
// leading zeros are all signs of a mangled export, so they are refused rather than guessed at.
const STRICT_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Parses a number written in plain decimal notation ("1003.3", "-1866", "89.82"). Anything else,
 * "1e3" included, throws INVALID_INPUT naming `where` (file, line, field).
 */
export function parseDecimal(text: string, where?: InputLocation): Decimal {
  if (!STRICT_DECIMAL.test(text)) {
    const at = formatLocation(where);
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid number ${JSON.stringify(text)}${at ? ` in ${at}` : ""}: expected plain decimal ` +
        'notation such as "1003.3" or "-1866" (no exponent, thousands separator, "+" or spaces)',
      where ? { location: where } : {},
    );
  }
  return normalizeZero(new Decimal(text));
}

// A rounded "-0" would print as "-0.0"; a figure that rounds to nothing has no sign.
function normalizeZero(value: Decimal): Decimal {
  return value.isZero() ? new Decimal(0) : value;
}

/**
 * Rounds to `decimals` places (negative: to tens, hundreds, …). The default is the printed-figure
 * rule, half-up with ties away from zero.
 */
export function roundTo(value: Decimal, decimals: number, mode: RoundingMode = "half-up"): Decimal {
  if (!Number.isInteger(decimals) || Math.abs(decimals) > 1000) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid number of decimals ${decimals}: expected an integer from -1000 to 1000`,
    );
  }
  const rounding = ROUNDING[mode];
  if (rounding === undefined) {
    throw new UplinkError("INVALID_INPUT", `Unknown rounding mode "${String(mode)}"`);
  }
  const v = new Decimal(value);
  if (decimals >= 0) return normalizeZero(v.toDecimalPlaces(decimals, rounding));
  // Scaling by a power of ten is exact in decimal, so rounding the scaled value is rounding the original.
  const scale = new Decimal(10).pow(-decimals);
  return normalizeZero(v.div(scale).toDecimalPlaces(0, rounding).mul(scale));
}

/** (current − base) / |base| × 100, unrounded; null when the base is zero (no meaningful change). */
export function percentChange(current: Decimal, base: Decimal): Decimal | null {
  const b = new Decimal(base);
  if (b.isZero()) return null;
  return new Decimal(current).minus(b).div(b.abs()).times(100);
}

/** part / whole × 100, unrounded; null when the whole is zero. */
export function percentOf(part: Decimal, whole: Decimal): Decimal | null {
  const w = new Decimal(whole);
  if (w.isZero()) return null;
  return new Decimal(part).div(w).times(100);
}

// Looser than STRICT_DECIMAL on purpose: this reads figures as a document prints them
// ("1,003.3", "−2.0%", "+6.9%") to learn their precision, not to take their value.
const PRINTED_NUMBER = /^[-+\u2212]?\d[\d,]*(\.(\d+))?%?$/;

/** How many decimals a number is printed with, as written ("107.0" → 1, "1,866" → 0, "6.9%" → 1). */
export function decimalsOf(text: string): number {
  const match = PRINTED_NUMBER.exec(text.trim());
  if (!match) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid printed number ${JSON.stringify(text)}: expected digits with an optional sign, ` +
        "thousands separators, decimal point and trailing %",
    );
  }
  return match[2]?.length ?? 0;
}
