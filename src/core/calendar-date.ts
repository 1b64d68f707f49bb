// Calendar dates and months as ISO text (`YYYY-MM-DD`, `YYYY-MM`): the one home of month and day
// arithmetic for billing months, O&M terms, monthly recognition and input checks. Integer
// arithmetic on the text (days through UTC, which has no daylight-saving change), so no time zone
// or clock can move a date into the neighbouring month.

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** An existing date written `YYYY-MM-DD` (years 1000–9999). */
export function isCalendarDate(text: string): boolean {
  const match = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(text.slice(0, 7));
}

/** A month written `YYYY-MM` (years 1000–9999). */
export function isCalendarMonth(text: string): boolean {
  const match = /^([1-9]\d{3})-(\d{2})$/.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** The number of days of a `YYYY-MM` month (Gregorian leap years). */
export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The first day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
  return `${month}-${pad(daysInMonth(month), 2)}`;
}

/** Months counted continuously, so that "2013-01" − "2012-12" = 1. */
export function monthOrdinal(monthOrDate: string): number {
  return Number(monthOrDate.slice(0, 4)) * 12 + Number(monthOrDate.slice(5, 7)) - 1;
}

/** The `YYYY-MM` month of a `monthOrdinal`. */
export function monthFromOrdinal(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  return `${pad(year, 4)}-${pad((ordinal % 12) + 1, 2)}`;
}

/** The month after (or `by` months after; negative for before). */
export function addMonths(month: string, by = 1): string {
  return monthFromOrdinal(monthOrdinal(month) + by);
}

/** The `YYYY-MM` month of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function utcDay(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** The day after an ISO date (or `by` days after; negative for before). */
export function addDays(date: string, by = 1): string {
  return new Date(utcDay(date) + by * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` through `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((utcDay(to) - utcDay(from)) / 86_400_000) + 1);
}
