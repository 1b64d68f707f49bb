import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  firstDayOf,
  isCalendarDate,
  isCalendarMonth,
  lastDayOf,
  monthFromOrdinal,
  monthOf,
  monthOrdinal,
} from "./calendar-date.js";

describe("calendar dates and months written as ISO text", () => {
  it.each([
    ["2012-02-29", true], // 2012 is a leap year
    ["2011-02-29", false],
    ["2000-02-29", true], // divisible by 400
    ["1900-02-29", false], // divisible by 100 but not 400
    ["2012-04-31", false],
    ["2012-13-01", false],
    ["0999-12-31", false], // years below 1000 would not stay four digits wide
    ["2012-9-30", false],
  ])("%s is an existing date: %s", (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it.each([
    ["2012-09", true],
    ["2012-00", false],
    ["2012-13", false],
    ["2012-09-01", false],
  ])("%s is a month: %s", (text, expected) => {
    expect(isCalendarMonth(text)).toBe(expected);
  });

  it.each([
    ["2012-02", "2012-02-29"],
    ["2013-02", "2013-02-28"],
    ["2012-09", "2012-09-30"],
    ["2012-12", "2012-12-31"],
  ])("the last day of %s is %s", (month, expected) => {
    expect(lastDayOf(month)).toBe(expected);
  });

  it("counts months across a year end without a gap", () => {
    expect(monthOrdinal("2013-01") - monthOrdinal("2012-12")).toBe(1);
    expect(monthOrdinal("2013-03-31") - monthOrdinal("2012-04-01")).toBe(11);
    expect(monthFromOrdinal(monthOrdinal("2012-12-15") + 1)).toBe("2013-01");
  });

  it.each([
    ["2012-09", 30],
    ["2012-10", 31],
    ["2012-02", 29],
    ["2013-02", 28],
    ["2000-02", 29],
    ["1900-02", 28],
  ])("%s has %i days", (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it("names a month's first day and a date's month", () => {
    expect(firstDayOf("2012-09")).toBe("2012-09-01");
    expect(monthOf("2012-09-30")).toBe("2012-09");
  });

  it("counts days and months across year ends and leap days", () => {
    expect(addMonths("2012-12")).toBe("2013-01");
    expect(addMonths("2012-01", -1)).toBe("2011-12");
    expect(addMonths("2012-04", 11)).toBe("2013-03");
    expect(addDays("2012-02-28")).toBe("2012-02-29");
    expect(addDays("2012-03-01", -1)).toBe("2012-02-29");
    expect(addDays("2012-12-31")).toBe("2013-01-01");
    expect(daysBetween("2012-09-16", "2012-09-30")).toBe(15);
    expect(daysBetween("2012-09-30", "2012-09-01")).toBe(0);
    // A daylight-saving change anywhere does not change a calendar day count.
    expect(daysBetween("2012-03-01", lastDayOf("2012-03"))).toBe(31);
    expect(daysBetween("2012-11-01", lastDayOf("2012-11"))).toBe(30);
  });
});
