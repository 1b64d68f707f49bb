import { type Decimal, type InputLocation, parseDecimal, UplinkError } from "../core/index.js";
import { isCalendarDate, isCalendarMonth } from "./calendar-date.js";

/**
 * Reads the fields of one imported record, each error naming the file, line and field. Dates are
 * ISO `YYYY-MM-DD`, months `YYYY-MM`, yen plain integers ("1200000", "-500"), ids text keys.
 */
export interface RecordFields {
  /** The trimmed text; empty text is an error unless `optional`. */
  text(name: string, options?: { optional?: boolean }): string;
  /** An existing calendar date; the optional form gives null for an empty field. */
  date(name: string): string;
  optionalDate(name: string): string | null;
  month(name: string): string;
  yen(name: string, options?: { min?: bigint }): bigint;
  optionalYen(name: string, options?: { min?: bigint }): bigint | null;
  id(name: string): string;
  optionalId(name: string): string | null;
  /** One of `allowed`. */
  choice<T extends string>(name: string, allowed: readonly T[]): T;
  decimal(name: string, range: { min: Decimal; max: Decimal }): Decimal;
  /** The same record's location with `name` as the field, for errors found later. */
  at(name: string): InputLocation;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const YEN = /^-?(0|[1-9]\d*)$/;

export function recordFields(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): RecordFields {
  const at = (name: string): InputLocation => ({ ...where, field: name });
  const invalid = (name: string, message: string): UplinkError =>
    new UplinkError("INVALID_INPUT", message, { location: at(name) });
  const text = (name: string, options: { optional?: boolean } = {}): string => {
    const value = values[name]?.trim() ?? "";
    if (value === "" && !options.optional) {
      throw invalid(name, `The field "${name}" is empty.`);
    }
    return value;
  };
  const date = (name: string): string => {
    const value = text(name);
    if (!isCalendarDate(value)) {
      throw invalid(
        name,
        `"${value}" is not a date: write an existing calendar date as YYYY-MM-DD, e.g. 2012-09-30.`,
      );
    }
    return value;
  };
  const yen = (name: string, options: { min?: bigint } = {}): bigint => {
    const value = text(name);
    if (!YEN.test(value)) {
      throw invalid(
        name,
        `"${value}" is not an amount in yen: write a whole number without separators, e.g. 1200000.`,
      );
    }
    const amount = BigInt(value);
    if (options.min !== undefined && amount < options.min) {
      throw invalid(name, `The amount ${value} must be ${options.min} or more.`);
    }
    return amount;
  };
  const id = (name: string): string => {
    const value = text(name);
    if (!ID.test(value)) {
      throw invalid(
        name,
        `"${value}" is not an id: use letters, digits, "_", "-" or "." and start with a letter or digit.`,
      );
    }
    return value;
  };
  return {
    text,
    date,
    optionalDate: (name) => (text(name, { optional: true }) === "" ? null : date(name)),
    month: (name) => {
      const value = text(name);
      if (!isCalendarMonth(value)) {
        throw invalid(name, `"${value}" is not a month: write YYYY-MM, e.g. 2012-09.`);
      }
      return value;
    },
    yen,
    optionalYen: (name, options) =>
      text(name, { optional: true }) === "" ? null : yen(name, options),
    id,
    optionalId: (name) => (text(name, { optional: true }) === "" ? null : id(name)),
    choice: <T extends string>(name: string, allowed: readonly T[]): T => {
      const value = text(name);
      if (!(allowed as readonly string[]).includes(value)) {
        throw invalid(name, `"${value}" is not one of ${allowed.join(", ")}.`);
      }
      return value as T;
    },
    decimal: (name, range) => {
      const value = parseDecimal(text(name), at(name));
      if (value.lt(range.min) || value.gt(range.max)) {
        throw invalid(
          name,
          `${value.toFixed()} is outside ${range.min.toFixed()}..${range.max.toFixed()}.`,
        );
      }
      return value;
    },
    at,
  };
}
