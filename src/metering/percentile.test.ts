import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MonthSeries } from "./monthly-percentile.js";
import {
  billedOf,
  burstablePercentile,
  burstableRank,
  percentileOf,
  selectInPlace,
} from "./percentile.js";
import { emptyBlock } from "./sample-block.js";
import { daysOfMonth } from "./sample-window.js";

/** The rule written the slow, obvious way: sort ascending, take rank ceil(0.95·n). */
function sortedReference(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((95 * values.length) / 100) - 1]!;
}

/** 1..n in a fixed scrambled order (n coprime with the step), so no test relies on input order. */
function scrambled(n: number): Float64Array {
  const values = new Float64Array(n);
  const step = [7919, 104729, 15485863].find((p) => n % p !== 0)!;
  for (let i = 0; i < n; i++) values[i] = ((i * step) % n) + 1;
  return values;
}

describe("the rank of the billed sample", () => {
  it.each([
    // n, 1-based rank ceil(0.95·n), samples discarded above it
    [1, 1, 0],
    [7, 7, 0],
    [19, 19, 0],
    [20, 19, 1],
    [21, 20, 1],
    [100, 95, 5],
    [8_064, 7_661, 403], // 28 days
    [8_640, 8_208, 432], // 30 days
    [8_928, 8_482, 446], // 31 days
  ])("among %i samples is %i, discarding the top %i", (n, rank, discarded) => {
    expect(burstableRank(n)).toBe(rank);
    expect(n - burstableRank(n)).toBe(discarded);
  });

  it("is computed in integers: ceil(19n/20) for every n of a month", () => {
    for (let n = 1; n <= 8_928; n++) {
      expect(burstableRank(n)).toBe(Math.ceil((19 * n) / 20));
    }
  });
});

describe("the 95th percentile of one direction", () => {
  it.each([
    // hand-checked: n samples 1..n in scrambled order → the value at rank ceil(0.95·n)
    [1, 1],
    [7, 7],
    [20, 19],
    [100, 95],
    [8_640, 8_208],
  ])("of the samples 1..%i is %i", (n, expected) => {
    const values = scrambled(n);
    expect(percentileOf(values)).toEqual({ bps: expected, samples: n });
  });

  it("bills a single sample as it is", () => {
    expect(percentileOf(Float64Array.of(42_000_000)).bps).toBe(42_000_000);
  });

  it("leaves the samples where they were", () => {
    const values = scrambled(8_640);
    const before = Float64Array.from(values);
    percentileOf(values);
    expect(values).toEqual(before);
  });

  it("forgives bursts that fit in the top 5% of a 30-day month and bills the 433rd", () => {
    const month = new Float64Array(8_640).fill(10_000_000);
    for (let i = 0; i < 432; i++) month[(i * 20) % 8_640] = 1_000_000_000;
    expect(percentileOf(month).bps).toBe(10_000_000);
    month[8_639] = 1_000_000_000;
    expect(percentileOf(month).bps).toBe(1_000_000_000);
  });

  it("counts only the samples present (missing windows are not invented)", () => {
    // 20 days of a 30-day month reported: n = 5,760, rank 5,472.
    const values = scrambled(5_760);
    expect(percentileOf(values)).toEqual({ bps: 5_472, samples: 5_760 });
  });

  it("reads only the first `count` values when told so", () => {
    const values = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 1e12, 1e12);
    expect(percentileOf(values, 7)).toEqual({ bps: 7, samples: 7 });
  });

  it("has no percentile without samples", () => {
    expect(percentileOf(new Float64Array(0))).toEqual({ bps: null, samples: 0 });
  });

  it.each([
    ["ascending", (i: number) => i],
    ["descending", (i: number) => 8_640 - i],
    ["all equal", () => 5],
    ["organ pipe", (i: number) => Math.min(i, 8_640 - i)],
    ["two values", (i: number) => (i % 2) * 100],
  ])("agrees with sorting on %s input", (_, value) => {
    const values = new Float64Array(8_640);
    for (let i = 0; i < values.length; i++) values[i] = value(i);
    expect(percentileOf(values).bps).toBe(sortedReference([...values]));
  });

  it("stays exact when the narrowing's probes all land on peaks (it falls back to the full array)", () => {
    // percentileOf probes 256 evenly spaced positions; put a burst on each of them only.
    const values = new Float64Array(8_640).map((_, i) => i % 7);
    const step = 8_640 / 256;
    for (let p = 0; p < 256; p++) values[Math.floor(p * step + step / 2)] = 1e9 + p;
    expect(percentileOf(values).bps).toBe(sortedReference([...values]));
    expect(percentileOf(values).bps).toBe(6);
  });

  it("agrees with sorting on any samples (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 3_000 }),
          fc.array(fc.nat({ max: 10_000_000_000 }), { minLength: 1, maxLength: 3_000 }),
          fc.array(fc.nat(), { minLength: 1_024, maxLength: 9_000 }),
        ),
        (samples) => {
          expect(percentileOf(Float64Array.from(samples))).toEqual({
            bps: sortedReference(samples),
            samples: samples.length,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("selection", () => {
  it("puts the k-th smallest at k with no larger value before it and no smaller after (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 1, maxLength: 2_000 }),
        fc.nat(),
        (samples, seed) => {
          const values = Float64Array.from(samples);
          const k = seed % values.length;
          selectInPlace(values, k, 0, values.length - 1);
          const kth = values[k]!;
          expect(kth).toBe([...samples].sort((a, b) => a - b)[k]);
          for (let i = 0; i < k; i++) expect(values[i]!).toBeLessThanOrEqual(kth);
          for (let i = k + 1; i < values.length; i++)
            expect(values[i]!).toBeGreaterThanOrEqual(kth);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the billed rate", () => {
  it.each([
    [10, 20, 20],
    [20, 10, 20],
    [15, 15, 15],
    [null, 7, 7],
    [7, null, 7],
    [null, null, null],
  ])("of in %s and out %s is %s, the greater", (inBps, outBps, billed) => {
    expect(billedOf(inBps, outBps)).toBe(billed);
  });

  it("takes each direction's percentile on its own before taking the greater", () => {
    const reading = burstablePercentile(
      scrambled(100),
      scrambled(20).map((v) => v * 10),
    );
    expect(reading).toEqual({
      in: { bps: 95, samples: 100 },
      out: { bps: 190, samples: 20 },
      billedBps: 190,
    });
  });
});

describe("a month of one contract", () => {
  const month = "2012-09";
  const days = daysOfMonth(month);

  it("with gaps counts the windows present of the month's 8,640", () => {
    const series = new MonthSeries(month);
    let value = 0;
    // Every third day missing, and the first hour of each present day missing.
    for (const [index, day] of days.entries()) {
      if (index % 3 === 2) continue;
      const block = emptyBlock({ customerId: "C1", contractId: "CT1", day, port: "" });
      for (let slot = 12; slot < 288; slot++) {
        value++;
        block.inBps[slot] = value;
        block.outBps[slot] = 2 * value;
      }
      series.addBlock(block);
    }
    const n = 20 * 276;
    const reading = series.percentile("CT1");
    expect(reading).toMatchObject({ inSamples: n, outSamples: n, windows: 8_640 });
    expect(reading.inBps).toBe(Math.ceil(0.95 * n));
    expect(reading.outBps).toBe(2 * Math.ceil(0.95 * n));
    expect(reading.billedBps).toBe(reading.outBps);
  });

  it("sums a contract's ports per window before taking the percentile", () => {
    const series = new MonthSeries(month);
    const a = emptyBlock({ customerId: "C1", contractId: "CT1", day: "2012-09-01", port: "a" });
    const b = emptyBlock({ customerId: "C1", contractId: "CT1", day: "2012-09-01", port: "b" });
    // Port a bursts in windows 0–9, port b in windows 10–19: neither alone is over 60, the sum is.
    for (let slot = 0; slot < 20; slot++) {
      a.inBps[slot] = slot < 10 ? 60 : 40;
      a.outBps[slot] = 1;
      b.inBps[slot] = slot < 10 ? 40 : 60;
      b.outBps[slot] = 1;
    }
    // A window only port b reported counts with b's rate alone.
    b.inBps[20] = 5;
    b.outBps[20] = 5;
    series.addBlock(a);
    series.addBlock(b);
    expect(series.percentile("CT1")).toMatchObject({ inBps: 100, outBps: 2, inSamples: 21 });
  });

  it("refuses a day outside the month", () => {
    const series = new MonthSeries(month);
    const stray = emptyBlock({ customerId: "C1", contractId: "CT1", day: "2012-10-01", port: "" });
    expect(() => series.addBlock(stray)).toThrow(RangeError);
  });
});
