import { describe, expect, it } from "vitest";
import type { ContractEvent } from "../contracts/index.js";
import { yen } from "../core/index.js";
import { activeSegments, prorate } from "./proration.js";

function event(
  kind: ContractEvent["kind"],
  date: string,
  bandwidthMbps: number | null = null,
): ContractEvent {
  return {
    contractId: "CT1",
    customerId: "C1",
    kind,
    effectiveDate: date,
    planId: kind === "ordered" ? "ip" : null,
    priceBookId: kind === "ordered" ? "standard" : null,
    bandwidthMbps,
    quantity: null,
    monthlyFee: null,
    note: "",
  };
}

describe("proration: days active ÷ days in month, half-up per piece", () => {
  it.each([
    [300_000, 30, 30, 300_000],
    [300_000, 15, 30, 150_000],
    [100_001, 15, 30, 50_001], // 50,000.5 → up
    [100_000, 1, 31, 3_226], // 3,225.8
    [100_000, 1, 30, 3_333], // 3,333.3
    [100_000, 14, 28, 50_000],
    [100_000, 0, 30, 0],
  ])("%i yen for %i of %i days is %i", (fee, days, inMonth, expected) => {
    expect(prorate(yen(fee), days, inMonth)).toEqual(yen(expected));
  });

  it("cuts the month at each event and keeps only the active pieces", () => {
    const events = [
      event("ordered", "2012-08-20", 100),
      event("activated", "2012-09-05"),
      event("changed", "2012-09-15", 1000),
      event("cancelled", "2012-09-25"),
    ];
    expect(
      activeSegments(events, "2012-09").map((s) => [s.from, s.to, s.days, s.state.bandwidthMbps]),
    ).toEqual([
      ["2012-09-05", "2012-09-14", 10, 100],
      ["2012-09-15", "2012-09-24", 10, 1000],
    ]);
  });

  it("cuts at a price book's effective date inside the month", () => {
    const events = [event("ordered", "2012-01-10", 100), event("activated", "2012-02-01")];
    expect(
      activeSegments(events, "2012-09", ["2009-04-01", "2012-09-21"]).map((s) => [s.from, s.to]),
    ).toEqual([
      ["2012-09-01", "2012-09-20"],
      ["2012-09-21", "2012-09-30"],
    ]);
  });

  it("has no piece for a contract cancelled on the first day or activated after the month", () => {
    const cancelled = [
      event("ordered", "2012-01-10", 100),
      event("activated", "2012-02-01"),
      event("cancelled", "2012-09-01"),
    ];
    expect(activeSegments(cancelled, "2012-09")).toEqual([]);
    const later = [event("ordered", "2012-09-10", 100), event("activated", "2012-10-01")];
    expect(activeSegments(later, "2012-09")).toEqual([]);
  });
});
