import { UplinkError } from "../core/index.js";

// The billing month: a calendar month written `YYYY-MM`, its days as ISO dates, and the dates an
// invoice for it carries. Integer arithmetic on ISO text only, so no time zone, daylight-saving
// change or clock can move a day into the neighbouring month.

/**
 * Reads a billing month written `YYYY-MM` (2012-09); anything else is INVALID_INPUT with an
 * example of the expected form.
 */
export function parseBillingMonth(text: string): string {
  const value = text.trim();
  const match = /^([1-9]\d{3})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new UplinkError(
      "INVALID_INPUT",
      `"${text}" is not a billing month: write it as YYYY-MM, e.g. 2012-09.`,
    );
  }
  return value;
}

export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}

/** The month after (or `by` months after; negative for before). */
export function addMonths(month: string, by = 1): string {
  const ordinal = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(ordinal / 12)).padStart(4, "0")}-${String((ordinal % 12) + 1).padStart(2, "0")}`;
}

/** The `YYYY-MM` month of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The day after an ISO date (or `by` days after). */
export function addDays(date: string, by = 1): string {
  const ms = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return new Date(ms + by * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` through `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const start = Date.UTC(
    Number(from.slice(0, 4)),
    Number(from.slice(5, 7)) - 1,
    Number(from.slice(8, 10)),
  );
  const end = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.max(0, Math.round((end - start) / 86_400_000) + 1);
}

/**
 * The dates an invoice for `month` carries: issued on the month's last day (the month is closed
 * and billed as of its end, so the tax rate in force that day applies), due on the last day of
 * the following month.
 */
export function invoiceDates(month: string): { issueDate: string; dueDate: string } {
  return { issueDate: lastDayOf(month), dueDate: lastDayOf(addMonths(month)) };
}
