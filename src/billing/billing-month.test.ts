import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  invoiceDates,
  lastDayOf,
  parseBillingMonth,
} from "./billing-month.js";

describe("billing months", () => {
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

  it.each(["2012-9", "2012-13", "2012-00", "12-09", "2012/09", "Sep 2012", "", "2012-09-01"])(
    "refuses %j as a billing month, showing the expected form",
    (text) => {
      expect(() => parseBillingMonth(text)).toThrow(/write it as YYYY-MM, e\.g\. 2012-09/);
    },
  );

  it.each([
    ["2012-09", "2012-09-30", "2012-10-31"],
    ["2012-12", "2012-12-31", "2013-01-31"],
    ["2014-03", "2014-03-31", "2014-04-30"],
    ["2012-01", "2012-01-31", "2012-02-29"],
  ])("an invoice for %s is issued on %s and due on %s", (month, issueDate, dueDate) => {
    expect(invoiceDates(month)).toEqual({ issueDate, dueDate });
  });

  it("counts days and months across year ends and leap days", () => {
    expect(addMonths("2012-12")).toBe("2013-01");
    expect(addMonths("2012-01", -1)).toBe("2011-12");
    expect(addDays("2012-02-28")).toBe("2012-02-29");
    expect(addDays("2012-03-01", -1)).toBe("2012-02-29");
    expect(daysBetween("2012-09-16", "2012-09-30")).toBe(15);
    expect(daysBetween("2012-09-30", "2012-09-01")).toBe(0);
    // A daylight-saving change anywhere does not change a calendar day count.
    expect(daysBetween("2012-03-01", lastDayOf("2012-03"))).toBe(31);
    expect(daysBetween("2012-11-01", lastDayOf("2012-11"))).toBe(30);
  });
});
