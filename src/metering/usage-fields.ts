import { type InputLocation, parseDecimal, UplinkError } from "../core/index.js";
import { isUsageDay, parseUtcTimestamp } from "./sample-window.js";

/**
 * Reads the fields of one usage record, each error naming the file, line and field: ids, days,
 * UTC timestamps, rates in whole bits per second, octet counters, counts and exact quantities.
 */
export interface UsageFields {
  id(name: string): string;
  /** An existing day written `YYYY-MM-DD`. */
  day(name: string): string;
  /** An ISO timestamp in UTC, as milliseconds since the epoch. */
  timestamp(name: string): number;
  /** A rate in whole bits per second, not negative. */
  rate(name: string): number;
  optionalRate(name: string): number | null;
  /** An unsigned counter value that fits `bits` bits. */
  counter(name: string, bits: 32 | 64): bigint;
  /** A whole number, not negative. */
  count(name: string): number;
  /** A router port's name as the device gives it, e.g. "ge-0/0/1" or "GigabitEthernet0/1". */
  port(name: string): string;
  /** A lower-case name: letters, digits, "_", "-" and ".". */
  name(name: string): string;
  /** An exact decimal, not negative, in plain notation; returned normalised ("1.50" → "1.5"). */
  quantity(name: string): string;
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T;
  at(name: string): InputLocation;
  fail(name: string, message: string): never;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const WHOLE = /^(0|[1-9]\d*)$/;
const NAME = /^[a-z][a-z0-9_.-]*$/;
const PORT = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/;

export function usageFields(
  values: Readonly<Record<string, string | undefined>>,
  where: InputLocation,
): UsageFields {
  const at = (name: string): InputLocation => ({ ...where, field: name });
  const fail = (name: string, message: string): never => {
    throw new UplinkError("INVALID_INPUT", message, { location: at(name) });
  };
  const optional = (name: string): string | undefined => {
    const value = values[name]?.trim() ?? "";
    return value === "" ? undefined : value;
  };
  const text = (name: string): string =>
    optional(name) ?? fail(name, `The field "${name}" is empty.`);
  const whole = (name: string, what: string, value: string): bigint => {
    if (value.startsWith("-")) fail(name, `${what} cannot be negative: "${value}".`);
    if (!WHOLE.test(value)) {
      fail(name, `"${value}" is not ${what}: write a whole number without separators or decimals.`);
    }
    return BigInt(value);
  };
  const rate = (name: string): number => {
    const value = whole(name, "a rate in bits per second", text(name));
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      fail(name, `The rate ${value} bps is not credible.`);
    return Number(value);
  };
  return {
    id: (name) => {
      const value = text(name);
      if (!ID.test(value)) {
        fail(name, `The id "${value}" may hold only letters, digits, ".", "-" and "_".`);
      }
      return value;
    },
    day: (name) => {
      const value = text(name);
      if (!isUsageDay(value)) {
        fail(
          name,
          `"${value}" is not a day: write an existing date as YYYY-MM-DD, e.g. 2012-09-30.`,
        );
      }
      return value;
    },
    timestamp: (name) => {
      const value = text(name);
      return (
        parseUtcTimestamp(value) ??
        fail(
          name,
          `"${value}" is not a UTC timestamp: write ISO 8601 in UTC, e.g. 2012-09-01T00:05:00Z.`,
        )
      );
    },
    rate,
    optionalRate: (name) => (optional(name) === undefined ? null : rate(name)),
    counter: (name, bits) => {
      const value = whole(name, "an octet counter", text(name));
      if (value >= 1n << BigInt(bits)) {
        fail(
          name,
          `${value} does not fit a ${bits}-bit counter (the most is ${(1n << BigInt(bits)) - 1n}).`,
        );
      }
      return value;
    },
    count: (name) => {
      const value = whole(name, "a count", text(name));
      if (value > 2_147_483_647n) fail(name, `The count ${value} is not credible.`);
      return Number(value);
    },
    port: (name) => {
      const value = text(name);
      if (!PORT.test(value)) {
        fail(
          name,
          `The port "${value}" may hold only letters, digits and "_", ".", ":", "/", "-" (64 at most).`,
        );
      }
      return value;
    },
    name: (name) => {
      const value = text(name);
      if (!NAME.test(value)) {
        fail(
          name,
          `"${value}" must be lower-case letters, digits, "_", "-" or ".", e.g. vcpu_hours.`,
        );
      }
      return value;
    },
    quantity: (name) => {
      const value = text(name);
      if (value.startsWith("-")) fail(name, `A quantity cannot be negative: "${value}".`);
      return parseDecimal(value, at(name)).toFixed();
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
      const value = optional(name);
      if (value === undefined) {
        return (
          fallback ??
          fail(name, `The field "${name}" is empty; write one of ${allowed.join(", ")}.`)
        );
      }
      if (!(allowed as readonly string[]).includes(value)) {
        fail(name, `"${value}" is not one of ${allowed.join(", ")}.`);
      }
      return value as T;
    },
    at,
    fail,
  };
}
