import { addMonths, isCalendarMonth, lastDayOf, UplinkError } from "../core/index.js";

// The billing month: a calendar month written `YYYY-MM` and the dates an invoice for it carries.
// The calendar arithmetic itself (days of a month, stepping months and days) lives in core.

/**
 * Reads a billing month written `YYYY-MM` (2012-09); anything else is INVALID_INPUT with an
 * example of the expected form.
 */
export function parseBillingMonth(text: string): string {
  const value = text.trim();
  if (!isCalendarMonth(value)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `"${text}" is not a billing month: write it as YYYY-MM, e.g. 2012-09.`,
    );
  }
  return value;
}

/**
 * The dates an invoice for `month` carries: issued on the month's last day (the month is closed
 * and billed as of its end, so the tax rate in force that day applies), due on the last day of
 * the following month.
 */
export function invoiceDates(month: string): { issueDate: string; dueDate: string } {
  return { issueDate: lastDayOf(month), dueDate: lastDayOf(addMonths(month)) };
}
