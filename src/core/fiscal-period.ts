import { daysInMonth } from "./calendar-date.js";
import { UplinkError } from "./errors.js";

/**
 * Fiscal periods: months, quarters, halves and years of a fiscal calendar whose start month is a
 * setting. Everything here is integer calendar arithmetic on ISO `YYYY-MM-DD` strings, so that no
 * time zone or clock can move a date into the neighbouring period.
 */

export type PeriodKind = "month" | "quarter" | "half" | "year";

/**
 * `startMonth` is 1..12. The fiscal year that starts in calendar year Y is "FY Y": with an April
 * start FY2012 = Apr 2012 – Mar 2013; with a January start FY2012 = calendar 2012.
 */
export interface FiscalCalendar {
  readonly startMonth: number;
}

export const APRIL_FISCAL_YEAR: FiscalCalendar = Object.freeze({ startMonth: 4 });

/** A calendar whose fiscal year starts in `startMonth` (1–12), e.g. from a user's setting. */
export function fiscalCalendar(startMonth: number): FiscalCalendar {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The fiscal year's start month must be a whole number from 1 to 12, not "${startMonth}".`,
    );
  }
  return Object.freeze({ startMonth });
}

/** `index` counts within the fiscal year: month 1..12, quarter 1..4, half 1..2, year 1. */
export interface FiscalPeriod {
  readonly kind: PeriodKind;
  readonly fiscalYear: number;
  readonly index: number;
}

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const KINDS: readonly PeriodKind[] = ["month", "quarter", "half", "year"];
const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

// Four-digit years keep every derived ISO date four digits wide and sortable as text; a fiscal
// year may end in the following calendar year, hence the upper bound one below 9999.
const MIN_YEAR = 1000;
const MAX_FISCAL_YEAR = 9998;

const ACCEPTED_FORMS =
  'accepted forms are "1Q12".."4Q12" (quarter), "1H12"/"2H12" (half), "FY12" or "FY2012" ' +
  '(fiscal year), "2012-09" (calendar month); two-digit years mean 20yy';

function periodsPerYear(kind: PeriodKind): number {
  return 12 / MONTHS_IN[kind];
}

function checkCalendar(calendar: FiscalCalendar): number {
  const { startMonth } = calendar;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Invalid fiscal calendar: startMonth must be an integer 1..12, got ${String(startMonth)}`,
    );
  }
  return startMonth;
}

// Periods arrive as plain data (JSON, query strings, rows), so the public functions re-check them
// rather than trust the type.
function checkPeriod(p: FiscalPeriod): FiscalPeriod {
  const known = (KINDS as readonly string[]).includes(p.kind);
  const valid =
    known &&
    Number.isInteger(p.fiscalYear) &&
    p.fiscalYear >= MIN_YEAR &&
    p.fiscalYear <= MAX_FISCAL_YEAR &&
    Number.isInteger(p.index) &&
    p.index >= 1 &&
    p.index <= periodsPerYear(p.kind);
  if (!valid) {
    throw new UplinkError(
      "INVALID_PERIOD",
      `Invalid fiscal period ${JSON.stringify(p)}: expected kind month|quarter|half|year, ` +
        `fiscalYear ${MIN_YEAR}..${MAX_FISCAL_YEAR} and an index within the year`,
    );
  }
  return p;
}

function period(kind: PeriodKind, fiscalYear: number, index: number): FiscalPeriod {
  return checkPeriod(Object.freeze({ kind, fiscalYear, index }));
}

/** Months are numbered continuously (year × 12 + month − 1) so that stepping never special-cases December. */
function calendarMonthOrdinal(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** The calendar (year, month) of the n-th month (1-based) of a fiscal year. */
function fiscalMonthToCalendar(
  fiscalYear: number,
  monthIndex: number,
  startMonth: number,
): { year: number; month: number } {
  const ordinal = calendarMonthOrdinal(fiscalYear, startMonth) + (monthIndex - 1);
  return { year: Math.floor(ordinal / 12), month: (ordinal % 12) + 1 };
}

function firstMonthIndex(p: FiscalPeriod): number {
  return (p.index - 1) * MONTHS_IN[p.kind] + 1;
}

function lastMonthIndex(p: FiscalPeriod): number {
  return p.index * MONTHS_IN[p.kind];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function daysInYearMonth(year: number, month: number): number {
  return daysInMonth(`${pad(year, 4)}-${pad(month, 2)}`);
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function parseIsoDate(text: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1) {
      if (day <= daysInYearMonth(year, month)) return { year, month, day };
    }
  }
  throw new UplinkError(
    "INVALID_INPUT",
    `Invalid date "${text}": expected an existing calendar date written YYYY-MM-DD, e.g. 2012-09-30`,
  );
}

function parseYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Two digits round-trip through `parseYear` only within 2000..2099; other years keep all four. */
function shortYear(year: number): string {
  return year >= 2000 && year <= 2099 ? pad(year % 100, 2) : String(year);
}

function invalidPeriod(text: string): UplinkError {
  return new UplinkError("INVALID_PERIOD", `Invalid period "${text}": ${ACCEPTED_FORMS}`);
}

/**
 * Reads "1Q12", "2H11", "FY11", "FY2012", "fy12" (case-insensitive, surrounding blanks ignored) and
 * "2012-09" (a calendar month, placed in the fiscal year that contains it).
 */
export function parsePeriod(
  text: string,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): FiscalPeriod {
  const startMonth = checkCalendar(calendar);
  const input = text.trim();
  const year = "(\\d{2}|[1-9]\\d{3})";

  const quarterOrHalf = new RegExp(`^([1-4])([QH])${year}$`, "i").exec(input);
  if (quarterOrHalf) {
    const index = Number(quarterOrHalf[1]);
    const kind: PeriodKind = quarterOrHalf[2]?.toUpperCase() === "Q" ? "quarter" : "half";
    if (index > periodsPerYear(kind)) throw invalidPeriod(text);
    return period(kind, parseYear(quarterOrHalf[3] ?? ""), index);
  }

  const fiscalYear = new RegExp(`^FY${year}$`, "i").exec(input);
  if (fiscalYear) return period("year", parseYear(fiscalYear[1] ?? ""), 1);

  const month = /^([1-9]\d{3})-(\d{2})$/.exec(input);
  if (month) {
    const calendarMonth = Number(month[2]);
    if (calendarMonth < 1 || calendarMonth > 12) throw invalidPeriod(text);
    return containing(Number(month[1]), calendarMonth, "month", startMonth);
  }

  throw invalidPeriod(text);
}

/** The short form, which `parsePeriod` reads back: "2Q12", "1H12", "FY12", "2012-09". */
export function formatPeriod(
  p: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): string {
  checkPeriod(p);
  switch (p.kind) {
    case "month": {
      const { year, month } = fiscalMonthToCalendar(p.fiscalYear, p.index, checkCalendar(calendar));
      return `${pad(year, 4)}-${pad(month, 2)}`;
    }
    case "quarter":
      return `${p.index}Q${shortYear(p.fiscalYear)}`;
    case "half":
      return `${p.index}H${shortYear(p.fiscalYear)}`;
    case "year":
      return `FY${shortYear(p.fiscalYear)}`;
  }
}

/** The form report headings use: "2Q FY2012", "1H FY2012", "FY2012", "Sep 2012". */
export function formatPeriodLong(
  p: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): string {
  checkPeriod(p);
  switch (p.kind) {
    case "month": {
      const { year, month } = fiscalMonthToCalendar(p.fiscalYear, p.index, checkCalendar(calendar));
      return `${MONTH_NAMES[month - 1]} ${year}`;
    }
    case "quarter":
      return `${p.index}Q FY${p.fiscalYear}`;
    case "half":
      return `${p.index}H FY${p.fiscalYear}`;
    case "year":
      return `FY${p.fiscalYear}`;
  }
}

/** First day of the period, e.g. 2Q12 → "2012-07-01". */
export function periodStart(p: FiscalPeriod, calendar: FiscalCalendar = APRIL_FISCAL_YEAR): string {
  checkPeriod(p);
  const { year, month } = fiscalMonthToCalendar(
    p.fiscalYear,
    firstMonthIndex(p),
    checkCalendar(calendar),
  );
  return isoDate(year, month, 1);
}

/** Last day of the period, inclusive, e.g. 2Q12 → "2012-09-30". */
export function periodEnd(p: FiscalPeriod, calendar: FiscalCalendar = APRIL_FISCAL_YEAR): string {
  checkPeriod(p);
  const { year, month } = fiscalMonthToCalendar(
    p.fiscalYear,
    lastMonthIndex(p),
    checkCalendar(calendar),
  );
  return isoDate(year, month, daysInYearMonth(year, month));
}

function containing(
  year: number,
  month: number,
  kind: PeriodKind,
  startMonth: number,
): FiscalPeriod {
  const fiscalYear = month >= startMonth ? year : year - 1;
  const monthIndex =
    calendarMonthOrdinal(year, month) - calendarMonthOrdinal(fiscalYear, startMonth);
  return period(kind, fiscalYear, Math.floor(monthIndex / MONTHS_IN[kind]) + 1);
}

/** The period of the given kind that contains an ISO date (2012-03-31 → 4Q11, 2012-04-01 → 1Q12). */
export function periodContaining(
  isoDateText: string,
  kind: PeriodKind,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): FiscalPeriod {
  const startMonth = checkCalendar(calendar);
  if (!KINDS.includes(kind))
    throw new UplinkError("INVALID_PERIOD", `Unknown period kind "${kind}"`);
  const { year, month } = parseIsoDate(isoDateText);
  return containing(year, month, kind, startMonth);
}

function step(p: FiscalPeriod, by: number): FiscalPeriod {
  checkPeriod(p);
  const perYear = periodsPerYear(p.kind);
  const ordinal = p.fiscalYear * perYear + (p.index - 1) + by;
  return period(p.kind, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

/** Same kind, one step back: 1Q12 → 4Q11, 1H12 → 2H11, FY12 → FY11. */
export function previousPeriod(p: FiscalPeriod): FiscalPeriod {
  return step(p, -1);
}

/** The comparable period a year earlier, for year-over-year figures: 2Q12 → 2Q11. */
export function samePeriodLastYear(p: FiscalPeriod): FiscalPeriod {
  checkPeriod(p);
  return period(p.kind, p.fiscalYear - 1, p.index);
}

/** The periods of a finer kind that make up `p`, in order (FY11 → 1Q11..4Q11). */
export function subPeriods(p: FiscalPeriod, kind: PeriodKind): FiscalPeriod[] {
  checkPeriod(p);
  if (!KINDS.includes(kind) || MONTHS_IN[kind] >= MONTHS_IN[p.kind]) {
    throw new UplinkError(
      "INVALID_PERIOD",
      `Cannot split a ${p.kind} into ${kind}s: the kind must be finer than the period's own`,
    );
  }
  const count = MONTHS_IN[p.kind] / MONTHS_IN[kind];
  const first = (p.index - 1) * count + 1;
  return Array.from({ length: count }, (_, i) => period(kind, p.fiscalYear, first + i));
}

/**
 * The quarter a period ends with: a quarter is its own, a month belongs to its quarter, a half
 * ends with its second quarter and a year with 4Q. Quarterly reports anchor on this.
 */
export function lastQuarterOf(p: FiscalPeriod): FiscalPeriod {
  checkPeriod(p);
  return period("quarter", p.fiscalYear, Math.ceil(lastMonthIndex(p) / 3));
}

/**
 * Sort order: earlier start first; for the same start the shorter period first (Apr 2012, 1Q12,
 * 1H12, FY12). The calendar shifts every period's start by the same number of months, so it cannot
 * change the order; it is accepted so that call sites look like the other functions and is checked.
 */
export function comparePeriods(
  a: FiscalPeriod,
  b: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): number {
  checkCalendar(calendar);
  checkPeriod(a);
  checkPeriod(b);
  const startA = a.fiscalYear * 12 + firstMonthIndex(a);
  const startB = b.fiscalYear * 12 + firstMonthIndex(b);
  if (startA !== startB) return startA < startB ? -1 : 1;
  const lengthA = MONTHS_IN[a.kind];
  const lengthB = MONTHS_IN[b.kind];
  return lengthA === lengthB ? 0 : lengthA < lengthB ? -1 : 1;
}

export function periodsEqual(a: FiscalPeriod, b: FiscalPeriod): boolean {
  return a.kind === b.kind && a.fiscalYear === b.fiscalYear && a.index === b.index;
}
