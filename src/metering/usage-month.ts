import { formatLocation, type InputLocation, UplinkError } from "../core/index.js";

/**
 * A usage file holds one month: the month the user names, or else the month of its first record.
 * Returns a check to call on each record's day: a record outside that month is refused with its
 * line and field, so a misplaced sample can never land in a month already billed.
 */
export function usageMonthGuard(
  month: string | undefined,
): (day: string, where: InputLocation, field: string) => void {
  let expected = month;
  let firstAt: string | undefined;
  return (day, where, field) => {
    if (expected === undefined) {
      expected = day.slice(0, 7);
      firstAt = formatLocation(where);
      return;
    }
    if (day.slice(0, 7) === expected) return;
    throw new UplinkError(
      "INVALID_INPUT",
      firstAt === undefined
        ? `${day} is outside the month ${expected} being imported.`
        : `${day} is outside ${expected}, the month of this file's first record (${firstAt}); a usage file holds one month.`,
      { location: { ...where, field } },
    );
  };
}
