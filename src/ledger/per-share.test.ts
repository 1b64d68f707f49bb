import { describe, expect, it } from "vitest";
import { Decimal } from "../core/index.js";
import {
  perShare,
  restatedDividend,
  type ShareCount,
  type StockSplit,
  sharesOn,
  splitFactor,
  weightedAverageShares,
} from "./per-share.js";

// The presentation's split: 1:200 on 1 October 2012, per-share figures restated retroactively.
const SPLIT: StockSplit[] = [{ effectiveOn: "2012-10-01", ratio: 200n }];
const HISTORY: ShareCount[] = [
  { from: "2011-04-01", shares: 200_000n },
  { from: "2012-07-01", shares: 210_000n }, // 10,000 new shares issued
  { from: "2012-10-01", shares: 42_000_000n }, // counted after the split
];

describe("the 1:200 split, restated retroactively", () => {
  it.each([
    ["2012-09-30", "2012-09-30", 1n], // reported before the split: not restated
    ["2012-09-30", "2012-11-08", 200n], // reported after it: restated
    ["2012-10-01", "2012-11-08", 1n], // already on the new basis
  ])("a share of %s counts as %d shares as of %s", (date, asOf, factor) => {
    expect(splitFactor(SPLIT, date, asOf)).toBe(factor);
  });

  it("counts the shares of any date on the basis of the report's date", () => {
    expect(sharesOn(HISTORY, SPLIT, "2012-08-15", "2012-09-30")).toBe(210_000n);
    expect(sharesOn(HISTORY, SPLIT, "2012-08-15", "2012-11-08")).toBe(42_000_000n);
    expect(sharesOn(HISTORY, SPLIT, "2012-10-15", "2012-11-08")).toBe(42_000_000n);
  });

  it("weights shares by days: 1H12 = (200,000 × 91 + 210,000 × 92) ÷ 183, × 200 after the split", () => {
    const before = weightedAverageShares(HISTORY, SPLIT, "2012-04-01", "2012-09-30", "2012-09-30");
    expect(before.toFixed(4)).toBe(new Decimal(37_520_000).div(183).toFixed(4)); // 205,027.3224
    const after = weightedAverageShares(HISTORY, SPLIT, "2012-04-01", "2012-09-30", "2012-11-08");
    expect(after.toFixed(2)).toBe("41005464.48");
  });

  it("divides net income by restated shares, half-up to 2 decimals", () => {
    // 1,640,000,000 yen over 205,000 shares = 8,000.00; over 41,000,000 restated = 40.00
    expect(perShare(1_640_000_000n, new Decimal(205_000)).toFixed(2)).toBe("8000.00");
    expect(perShare(1_640_000_000n, new Decimal(41_000_000)).toFixed(2)).toBe("40.00");
    // 1,000 yen over 80,000 shares = 0.0125 → 0.01; 1,000 over 1,600 = 0.625 → 0.63
    expect(perShare(1000n, new Decimal(80_000)).toFixed(2)).toBe("0.01");
    expect(perShare(1000n, new Decimal(1600)).toFixed(2)).toBe("0.63");
    expect(perShare(-1000n, new Decimal(1600)).toFixed(2)).toBe("-0.63");
  });

  it.each([
    // FY2011 year-end dividend declared at 1,750 yen a share: JPY 8.75 on the new basis
    ["2012-03-31", "1750", "2012-11-08", "8.75"],
    ["2012-03-31", "1750", "2012-09-30", "1750.00"],
    // The 1H12 interim dividend of 1,500 yen: JPY 7.50
    ["2012-09-30", "1500", "2012-11-08", "7.50"],
    // Declared after the split: unchanged
    ["2013-03-31", "8.75", "2013-05-15", "8.75"],
  ])(
    "a dividend of record date %s at %s yen, as of %s, is %s",
    (recordDate, declared, asOf, shown) => {
      expect(
        restatedDividend({ recordDate, perShare: new Decimal(declared) }, SPLIT, asOf).toFixed(2),
      ).toBe(shown);
    },
  );
});
