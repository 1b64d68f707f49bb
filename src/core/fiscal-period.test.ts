import { describe, expect, it } from "vitest";
import { UplinkError } from "./errors.js";
import {
  APRIL_FISCAL_YEAR,
  comparePeriods,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  formatPeriodLong,
  lastQuarterOf,
  type PeriodKind,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodStart,
  periodsEqual,
  previousPeriod,
  samePeriodLastYear,
  subPeriods,
} from "./fiscal-period.js";

const JANUARY: FiscalCalendar = { startMonth: 1 };
const JULY: FiscalCalendar = { startMonth: 7 };

const p = (kind: PeriodKind, fiscalYear: number, index: number): FiscalPeriod => ({
  kind,
  fiscalYear,
  index,
});

/** Short forms, so that expectations read like the presentation. */
const short = (periods: readonly FiscalPeriod[], calendar?: FiscalCalendar): string[] =>
  periods.map((x) => formatPeriod(x, calendar));

function errorOf(fn: () => unknown): UplinkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UplinkError) return error;
    throw error;
  }
  throw new Error("expected an UplinkError, nothing was thrown");
}

describe("parsePeriod / formatPeriod / formatPeriodLong (April start)", () => {
  it.each([
    // text, parsed, short form, long form, start, end
    ["1Q12", p("quarter", 2012, 1), "1Q12", "1Q FY2012", "2012-04-01", "2012-06-30"],
    ["2Q12", p("quarter", 2012, 2), "2Q12", "2Q FY2012", "2012-07-01", "2012-09-30"],
    ["3Q12", p("quarter", 2012, 3), "3Q12", "3Q FY2012", "2012-10-01", "2012-12-31"],
    ["4Q11", p("quarter", 2011, 4), "4Q11", "4Q FY2011", "2012-01-01", "2012-03-31"],
    ["1H12", p("half", 2012, 1), "1H12", "1H FY2012", "2012-04-01", "2012-09-30"],
    ["2H11", p("half", 2011, 2), "2H11", "2H FY2011", "2011-10-01", "2012-03-31"],
    ["FY11", p("year", 2011, 1), "FY11", "FY2011", "2011-04-01", "2012-03-31"],
    ["FY2012", p("year", 2012, 1), "FY12", "FY2012", "2012-04-01", "2013-03-31"],
    ["fy12", p("year", 2012, 1), "FY12", "FY2012", "2012-04-01", "2013-03-31"],
    ["  2q12 ", p("quarter", 2012, 2), "2Q12", "2Q FY2012", "2012-07-01", "2012-09-30"],
    ["1h12", p("half", 2012, 1), "1H12", "1H FY2012", "2012-04-01", "2012-09-30"],
    ["2Q2012", p("quarter", 2012, 2), "2Q12", "2Q FY2012", "2012-07-01", "2012-09-30"],
    ["FY00", p("year", 2000, 1), "FY00", "FY2000", "2000-04-01", "2001-03-31"],
    ["FY1999", p("year", 1999, 1), "FY1999", "FY1999", "1999-04-01", "2000-03-31"],
    ["2012-09", p("month", 2012, 6), "2012-09", "Sep 2012", "2012-09-01", "2012-09-30"],
    ["2012-04", p("month", 2012, 1), "2012-04", "Apr 2012", "2012-04-01", "2012-04-30"],
    ["2013-03", p("month", 2012, 12), "2013-03", "Mar 2013", "2013-03-01", "2013-03-31"],
    ["2012-02", p("month", 2011, 11), "2012-02", "Feb 2012", "2012-02-01", "2012-02-29"],
    ["2013-02", p("month", 2012, 11), "2013-02", "Feb 2013", "2013-02-01", "2013-02-28"],
  ])("%s", (text, parsed, shortForm, longForm, start, end) => {
    const period = parsePeriod(text);
    expect(period).toEqual(parsed);
    expect(formatPeriod(period)).toBe(shortForm);
    expect(formatPeriodLong(period)).toBe(longForm);
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
    // The short form is the canonical text: it reads back to the same period.
    expect(parsePeriod(formatPeriod(period))).toEqual(period);
  });

  it("defaults to the April calendar", () => {
    expect(parsePeriod("2012-03", APRIL_FISCAL_YEAR)).toEqual(parsePeriod("2012-03"));
    expect(APRIL_FISCAL_YEAR.startMonth).toBe(4);
  });
});

describe("edge months and year boundaries (April start)", () => {
  it.each([
    ["2012-03-31", "month", "2012-03"],
    ["2012-03-31", "quarter", "4Q11"],
    ["2012-03-31", "half", "2H11"],
    ["2012-03-31", "year", "FY11"],
    ["2012-04-01", "month", "2012-04"],
    ["2012-04-01", "quarter", "1Q12"],
    ["2012-04-01", "half", "1H12"],
    ["2012-04-01", "year", "FY12"],
    ["2012-02-29", "quarter", "4Q11"],
    ["2012-02-29", "month", "2012-02"],
    ["2012-01-01", "quarter", "4Q11"],
    ["2011-12-31", "quarter", "3Q11"],
    ["2012-09-30", "half", "1H12"],
    ["2012-10-01", "half", "2H12"],
    ["2013-03-31", "year", "FY12"],
  ] as const)("periodContaining(%s, %s) = %s", (date, kind, expected) => {
    expect(formatPeriod(periodContaining(date, kind))).toBe(expected);
  });

  it.each([
    ["1Q12", "4Q11"],
    ["4Q11", "3Q11"],
    ["2Q12", "1Q12"],
    ["1H12", "2H11"],
    ["2H12", "1H12"],
    ["FY12", "FY11"],
    ["2012-04", "2012-03"],
    ["2012-01", "2011-12"],
  ])("previousPeriod(%s) = %s", (text, expected) => {
    expect(formatPeriod(previousPeriod(parsePeriod(text)))).toBe(expected);
  });

  it.each([
    ["2Q12", "2Q11"],
    ["4Q11", "4Q10"],
    ["1H12", "1H11"],
    ["FY12", "FY11"],
    ["2012-09", "2011-09"],
    ["2012-02", "2011-02"],
  ])("samePeriodLastYear(%s) = %s", (text, expected) => {
    expect(formatPeriod(samePeriodLastYear(parsePeriod(text)))).toBe(expected);
  });
});

describe("other start months", () => {
  it.each([
    // calendar, text, start, end, short form, long form
    [JANUARY, "FY12", "2012-01-01", "2012-12-31", "FY12", "FY2012"],
    [JANUARY, "1Q12", "2012-01-01", "2012-03-31", "1Q12", "1Q FY2012"],
    [JANUARY, "4Q12", "2012-10-01", "2012-12-31", "4Q12", "4Q FY2012"],
    [JANUARY, "2H12", "2012-07-01", "2012-12-31", "2H12", "2H FY2012"],
    [JANUARY, "2012-03", "2012-03-01", "2012-03-31", "2012-03", "Mar 2012"],
    [JULY, "FY12", "2012-07-01", "2013-06-30", "FY12", "FY2012"],
    [JULY, "1Q12", "2012-07-01", "2012-09-30", "1Q12", "1Q FY2012"],
    [JULY, "3Q12", "2013-01-01", "2013-03-31", "3Q12", "3Q FY2012"],
    [JULY, "2H12", "2013-01-01", "2013-06-30", "2H12", "2H FY2012"],
    [JULY, "2016-02", "2016-02-01", "2016-02-29", "2016-02", "Feb 2016"],
  ])("start month %o: %s", (calendar, text, start, end, shortForm, longForm) => {
    const period = parsePeriod(text, calendar);
    expect(periodStart(period, calendar)).toBe(start);
    expect(periodEnd(period, calendar)).toBe(end);
    expect(formatPeriod(period, calendar)).toBe(shortForm);
    expect(formatPeriodLong(period, calendar)).toBe(longForm);
  });

  it.each([
    [JANUARY, "2012-03", p("month", 2012, 3)],
    [JANUARY, "2012-12", p("month", 2012, 12)],
    [JULY, "2012-06", p("month", 2011, 12)],
    [JULY, "2012-07", p("month", 2012, 1)],
    [JULY, "2013-01", p("month", 2012, 7)],
  ])("a calendar month under start %o: %s", (calendar, text, expected) => {
    expect(parsePeriod(text, calendar)).toEqual(expected);
  });

  it.each([
    [JANUARY, "2012-12-31", "quarter", "4Q12"],
    [JANUARY, "2013-01-01", "year", "FY13"],
    [JULY, "2012-06-30", "year", "FY11"],
    [JULY, "2012-07-01", "year", "FY12"],
    [JULY, "2013-02-28", "quarter", "3Q12"],
    [JULY, "2013-06-30", "half", "2H12"],
  ] as const)("periodContaining under start %o: %s %s = %s", (calendar, date, kind, expected) => {
    expect(formatPeriod(periodContaining(date, kind, calendar), calendar)).toBe(expected);
  });
});

describe("subPeriods and lastQuarterOf", () => {
  it.each([
    ["FY11", "quarter", ["1Q11", "2Q11", "3Q11", "4Q11"]],
    ["FY11", "half", ["1H11", "2H11"]],
    [
      "FY11",
      "month",
      [
        "2011-04",
        "2011-05",
        "2011-06",
        "2011-07",
        "2011-08",
        "2011-09",
        "2011-10",
        "2011-11",
        "2011-12",
        "2012-01",
        "2012-02",
        "2012-03",
      ],
    ],
    ["1H12", "quarter", ["1Q12", "2Q12"]],
    ["1H12", "month", ["2012-04", "2012-05", "2012-06", "2012-07", "2012-08", "2012-09"]],
    ["2H11", "quarter", ["3Q11", "4Q11"]],
    ["4Q11", "month", ["2012-01", "2012-02", "2012-03"]],
  ] as const)("subPeriods(%s, %s)", (text, kind, expected) => {
    expect(short(subPeriods(parsePeriod(text), kind))).toEqual(expected);
  });

  it.each([
    ["1Q12", "quarter"],
    ["1Q12", "half"],
    ["1H12", "year"],
    ["FY12", "year"],
    ["2012-04", "month"],
  ] as const)("subPeriods(%s, %s) throws: the kind is not finer", (text, kind) => {
    expect(errorOf(() => subPeriods(parsePeriod(text), kind)).code).toBe("INVALID_PERIOD");
  });

  it.each([
    ["2Q12", "2Q12"],
    ["1H12", "2Q12"],
    ["2H11", "4Q11"],
    ["FY11", "4Q11"],
    ["2012-04", "1Q12"],
    ["2012-09", "2Q12"],
    ["2012-03", "4Q11"],
  ])("lastQuarterOf(%s) = %s", (text, expected) => {
    expect(formatPeriod(lastQuarterOf(parsePeriod(text)))).toBe(expected);
  });
});

describe("comparePeriods and periodsEqual", () => {
  it("sorts by start date, then shorter first", () => {
    const texts = ["FY12", "2Q12", "1H12", "2012-04", "4Q11", "1Q12", "FY11", "2H11", "2012-03"];
    const sorted = texts.map((t) => parsePeriod(t)).sort((a, b) => comparePeriods(a, b));
    expect(short(sorted)).toEqual([
      "FY11",
      "2H11",
      "4Q11",
      "2012-03",
      "2012-04",
      "1Q12",
      "1H12",
      "FY12",
      "2Q12",
    ]);
  });

  it.each([
    ["1Q12", "1Q12", 0],
    ["4Q11", "1Q12", -1],
    ["1Q12", "4Q11", 1],
    ["1Q12", "1H12", -1],
    ["FY12", "1H12", 1],
  ])("comparePeriods(%s, %s) = %d", (a, b, expected) => {
    expect(comparePeriods(parsePeriod(a), parsePeriod(b))).toBe(expected);
  });

  it("compares by value", () => {
    expect(periodsEqual(parsePeriod("fy2012"), p("year", 2012, 1))).toBe(true);
    expect(periodsEqual(parsePeriod("1Q12"), parsePeriod("1H12"))).toBe(false);
    expect(periodsEqual(parsePeriod("1Q12"), parsePeriod("1Q11"))).toBe(false);
  });
});

describe("bad input", () => {
  it.each([
    "5Q12",
    "0Q12",
    "3H12",
    "Q2",
    "FY",
    "2012-13",
    "2012-00",
    "",
    "Q212",
    "1Q",
    "1Q123",
    "FY 12",
    "2Q FY2012",
    "2012-9",
    "12-09",
  ])("parsePeriod(%j) throws INVALID_PERIOD showing the accepted forms", (text) => {
    const error = errorOf(() => parsePeriod(text));
    expect(error.code).toBe("INVALID_PERIOD");
    expect(error.message).toContain(JSON.stringify(text));
    expect(error.message).toContain("1Q12");
    expect(error.message).toContain("FY2012");
    expect(error.message).toContain("2012-09");
  });

  it.each([
    "2012-02-30",
    "2011-02-29",
    "2012-13-01",
    "2012-04-31",
    "2012-4-1",
    "2012-04-01T00:00",
    "",
  ])("periodContaining(%j) throws INVALID_INPUT", (date) => {
    expect(errorOf(() => periodContaining(date, "quarter")).code).toBe("INVALID_INPUT");
  });

  it("accepts leap days that exist", () => {
    expect(formatPeriod(periodContaining("2000-02-29", "quarter"))).toBe("4Q1999");
    expect(errorOf(() => periodContaining("1900-02-29", "quarter")).code).toBe("INVALID_INPUT");
  });

  it.each([
    p("quarter", 2012, 5),
    p("half", 2012, 0),
    p("year", 2012, 2),
    p("month", 2012, 13),
    p("quarter", 2012.5, 1),
    { kind: "week", fiscalYear: 2012, index: 1 } as unknown as FiscalPeriod,
  ])("rejects the malformed period %o", (period) => {
    expect(errorOf(() => formatPeriod(period)).code).toBe("INVALID_PERIOD");
    expect(errorOf(() => periodStart(period)).code).toBe("INVALID_PERIOD");
  });

  it.each([0, 13, 4.5])("rejects start month %d", (startMonth) => {
    expect(errorOf(() => parsePeriod("1Q12", { startMonth })).code).toBe("INVALID_INPUT");
  });
});
