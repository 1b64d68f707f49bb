import {
  type Currency,
  Decimal,
  type InputLocation,
  isCalendarMonth,
  isCurrency,
  MINOR_DIGITS,
  parseDecimal,
  periodContaining,
  UplinkError,
} from "../core/index.js";

/**
 * Reads the fields of one input record, each error naming file, line and field. An empty cell is
 * "not given": required fields refuse it, optional ones return undefined.
 */
export interface RecordFields {
  text(name: string): string;
  /** A key given by the file: letters, digits, ".", "-" and "_" only. */
  id(name: string): string;
  optionalId(name: string): string | undefined;
  optionalText(name: string): string | undefined;
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T;
  /** An existing calendar date written YYYY-MM-DD. */
  date(name: string): string;
  optionalDate(name: string): string | undefined;
  /** A calendar month written YYYY-MM. */
  month(name: string): string;
  /** A decimal number, within `range` (both ends included) when one is given. */
  decimal(name: string, range?: { min: Decimal; max: Decimal }): Decimal;
  optionalDecimal(name: string): Decimal | undefined;
  /** A whole number of at least `min` (default 0). */
  optionalInteger(name: string, min?: number): number | undefined;
  /** Whole yen without separators ("1200000", "-500"), of at least `min` when one is given. */
  yen(name: string, min?: bigint): bigint;
  optionalYen(name: string, min?: bigint): bigint | undefined;
  currency(name: string, fallback?: Currency): Currency;
  /** A non-negative amount in major units, as integer minor units of `currency`. */
  optionalAmount(name: string, currency: Currency): bigint | undefined;
  at(name: string): InputLocation;
  fail(name: string, message: string): never;
}

export function recordFields(
  raw: Readonly<Record<string, string | undefined>>,
  where: InputLocation,
): RecordFields {
  const at = (name: string): InputLocation => ({ ...where, field: name });
  const fail = (name: string, message: string): never => {
    throw new UplinkError("INVALID_INPUT", message, { location: at(name) });
  };
  const optionalText = (name: string): string | undefined => {
    const value = raw[name]?.trim() ?? "";
    return value === "" ? undefined : value;
  };
  const text = (name: string): string =>
    optionalText(name) ?? fail(name, `The field "${name}" is empty.`);
  const optionalDate = (name: string): string | undefined => {
    const value = optionalText(name);
    if (value === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      fail(name, `Invalid date "${value}": write it YYYY-MM-DD, e.g. 2012-09-30.`);
    }
    try {
      periodContaining(value, "month");
    } catch (error) {
      fail(name, (error as Error).message);
    }
    return value;
  };
  const optionalId = (name: string): string | undefined => {
    const value = optionalText(name);
    if (value !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
      fail(name, `The id "${value}" may hold only letters, digits, ".", "-" and "_".`);
    }
    return value;
  };
  const optionalYen = (name: string, min?: bigint): bigint | undefined => {
    const value = optionalText(name);
    if (value === undefined) return undefined;
    if (!/^-?(0|[1-9]\d*)$/.test(value)) {
      fail(
        name,
        `"${value}" is not an amount in yen: write a whole number without separators, e.g. 1200000.`,
      );
    }
    const amount = BigInt(value);
    if (min !== undefined && amount < min) {
      fail(name, `The amount ${value} must be ${min} or more.`);
    }
    return amount;
  };
  return {
    text,
    id: (name) => optionalId(name) ?? fail(name, `The field "${name}" is empty.`),
    optionalId,
    optionalText,
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
      const value = optionalText(name);
      if (value === undefined) {
        if (fallback !== undefined) return fallback;
        return fail(name, `The field "${name}" is empty; choose one of ${allowed.join(", ")}.`);
      }
      if (!(allowed as readonly string[]).includes(value)) {
        fail(name, `"${value}" is not one of ${allowed.join(", ")}.`);
      }
      return value as T;
    },
    date: (name) => optionalDate(name) ?? fail(name, `The field "${name}" is empty.`),
    optionalDate,
    month(name: string): string {
      const value = text(name);
      if (!isCalendarMonth(value)) {
        fail(name, `"${value}" is not a month: write YYYY-MM, e.g. 2012-09.`);
      }
      return value;
    },
    decimal(name: string, range?: { min: Decimal; max: Decimal }): Decimal {
      const value = parseDecimal(text(name), at(name));
      if (range && (value.lt(range.min) || value.gt(range.max))) {
        fail(name, `${value.toFixed()} is outside ${range.min.toFixed()}..${range.max.toFixed()}.`);
      }
      return value;
    },
    optionalDecimal(name: string): Decimal | undefined {
      const value = optionalText(name);
      return value === undefined ? undefined : parseDecimal(value, at(name));
    },
    optionalInteger(name: string, min = 0): number | undefined {
      const value = optionalText(name);
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
        fail(name, `"${value}" is not a whole number of at least ${min}.`);
      }
      return n;
    },
    yen: (name, min) => optionalYen(name, min) ?? fail(name, `The field "${name}" is empty.`),
    optionalYen,
    currency(name: string, fallback?: Currency): Currency {
      const value = optionalText(name);
      if (value === undefined && fallback !== undefined) return fallback;
      const code = value ?? fail(name, `The field "${name}" is empty.`);
      if (!isCurrency(code)) {
        fail(
          name,
          `Unknown currency "${code}"; use one of ${Object.keys(MINOR_DIGITS).join(", ")}.`,
        );
      }
      return code as Currency;
    },
    optionalAmount(name: string, currency: Currency): bigint | undefined {
      const value = optionalText(name);
      return value === undefined ? undefined : minorUnitsFrom(value, currency, at(name));
    },
    at,
    fail,
  };
}

/** A non-negative amount written in major units ("1500000", "12.34") as integer minor units. */
export function minorUnitsFrom(text: string, currency: Currency, where: InputLocation): bigint {
  const value = parseDecimal(text, where);
  const scaled = value.times(new Decimal(10).pow(MINOR_DIGITS[currency]));
  if (value.isNegative() || !scaled.isInteger()) {
    throw new UplinkError(
      "INVALID_INPUT",
      `"${text}" is not a ${currency} amount: write a non-negative number with at most ${MINOR_DIGITS[currency]} decimals.`,
      { location: where },
    );
  }
  return BigInt(scaled.toFixed(0));
}
