// Calendar dates and months as ISO text: integer arithmetic only, so no time zone or clock can
// move a date into the neighbouring month.

/** An existing date written `YYYY-MM-DD` (years 1000–9999). */
export function isCalendarDate(text: string): boolean {
  const match = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function isCalendarMonth(text: string): boolean {
  const match = /^([1-9]\d{3})-(\d{2})$/.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}`;
}

/** Months counted continuously, so that "2013-01" − "2012-12" = 1. */
export function monthOrdinal(monthOrDate: string): number {
  return Number(monthOrDate.slice(0, 4)) * 12 + Number(monthOrDate.slice(5, 7)) - 1;
}

export function monthFromOrdinal(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  return `${String(year).padStart(4, "0")}-${String((ordinal % 12) + 1).padStart(2, "0")}`;
}
