import { describe, expect, it } from "vitest";
import {
  daysOfMonth,
  isUsageMonth,
  isWindowStart,
  parseUtcTimestamp,
  windowContaining,
  windowStart,
} from "./sample-window.js";

describe("UTC timestamps", () => {
  it.each([
    ["2012-09-01T00:00:00Z", Date.UTC(2012, 8, 1)],
    ["2012-09-01T00:05Z", Date.UTC(2012, 8, 1, 0, 5)],
    ["2012-09-30T23:55:00.000Z", Date.UTC(2012, 8, 30, 23, 55)],
    ["2012-09-30T23:55:00+00:00", Date.UTC(2012, 8, 30, 23, 55)],
    ["2012-02-29T12:00:01.5Z", Date.UTC(2012, 1, 29, 12, 0, 1, 500)],
  ])("reads %s", (text, ms) => {
    expect(parseUtcTimestamp(text)).toBe(ms);
  });

  it.each([
    ["a local offset", "2012-09-01T09:00:00+09:00"],
    ["no zone", "2012-09-01T00:00:00"],
    ["a date that does not exist", "2012-09-31T00:00:00Z"],
    ["Feb 29 of a common year", "2013-02-29T00:00:00Z"],
    ["hour 24", "2012-09-01T24:00:00Z"],
    ["a date alone", "2012-09-01"],
    ["epoch seconds", "1346457600"],
  ])("refuses %s", (_, text) => {
    expect(parseUtcTimestamp(text)).toBeNull();
  });
});

describe("5-minute windows", () => {
  it.each([
    ["2012-09-01T00:00:00Z", "2012-09-01", 0, true],
    ["2012-09-01T00:04:59Z", "2012-09-01", 0, false],
    ["2012-09-01T00:05:00Z", "2012-09-01", 1, true],
    ["2012-09-01T12:00:00Z", "2012-09-01", 144, true],
    ["2012-09-30T23:59:59Z", "2012-09-30", 287, false],
  ])("puts %s in %s slot %i (window start: %s)", (text, day, slot, start) => {
    const ms = parseUtcTimestamp(text)!;
    expect(windowContaining(ms)).toEqual({ day, slot });
    expect(isWindowStart(ms)).toBe(start);
    expect(windowStart({ day, slot })).toBe(ms - (ms % 300_000));
  });
});

describe("months", () => {
  it.each([
    ["2012-09", 30],
    ["2012-08", 31],
    ["2012-02", 29],
    ["2013-02", 28],
  ])("%s has %i days", (month, days) => {
    const list = daysOfMonth(month);
    expect(list).toHaveLength(days);
    expect(list[0]).toBe(`${month}-01`);
    expect(list.at(-1)).toBe(`${month}-${days}`);
  });

  it.each([
    ["2012-09", true],
    ["2012-13", false],
    ["2012-9", false],
    ["Sep 2012", false],
  ])("%s is a month: %s", (text, ok) => {
    expect(isUsageMonth(text)).toBe(ok);
  });
});
