import { describe, expect, it } from "vitest";
import { invoiceDates, parseBillingMonth } from "./billing-month.js";

describe("billing months", () => {
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
});
