import { describe, expect, it } from "vitest";
import { type CounterReading, ratesFromCounters } from "./counter-rates.js";

const T0 = Date.UTC(2012, 8, 1); // 2012-09-01T00:00:00Z
const MIN = 60_000;
const TEN_MBPS_5MIN = 375_000_000n; // octets in 300 s at 10 Mbps

function reading(
  at: number,
  inOctets: bigint,
  outOctets = inOctets / 2n,
  extra: Partial<CounterReading> = {},
): CounterReading {
  return { at, inOctets, outOctets, counterBits: 64, reset: false, lineRateBps: null, ...extra };
}

/** Readings every 5 minutes from T0 at a steady 10 Mbps in, 5 Mbps out. */
function steady(count: number, start = 0n, extra: Partial<CounterReading> = {}): CounterReading[] {
  return Array.from({ length: count }, (_, i) =>
    reading(
      T0 + i * 5 * MIN,
      start + BigInt(i) * TEN_MBPS_5MIN,
      start / 2n + (BigInt(i) * TEN_MBPS_5MIN) / 2n,
      extra,
    ),
  );
}

describe("rates from interface counters", () => {
  it("turns octet deltas into bits per second per 5-minute window", () => {
    const { rates, dropped } = ratesFromCounters(steady(4));
    expect(dropped).toEqual([]);
    expect(rates).toEqual(
      [0, 1, 2].map((slot) => ({ day: "2012-09-01", slot, inBps: 10_000_000, outBps: 5_000_000 })),
    );
  });

  it("takes the readings in time order whatever order they come in", () => {
    expect(ratesFromCounters(steady(4).reverse()).rates).toEqual(
      ratesFromCounters(steady(4)).rates,
    );
  });

  it.each([
    ["32", 32, 2n ** 32n],
    ["64", 64, 2n ** 64n],
  ] as const)("reads a %s-bit counter that went past its top as one wrap", (_, bits, top) => {
    const before = top - 1_000n;
    const after = TEN_MBPS_5MIN - 1_000n; // before + 375,000,000 octets, wrapped
    const { rates, dropped } = ratesFromCounters([
      reading(T0, before, 0n, { counterBits: bits }),
      reading(T0 + 5 * MIN, after, 0n, { counterBits: bits }),
    ]);
    expect(dropped).toEqual([]);
    expect(rates).toEqual([{ day: "2012-09-01", slot: 0, inBps: 10_000_000, outBps: 0 }]);
  });

  it("never bills a 64-bit counter going back (a device reset) as a burst", () => {
    const readings = [
      ...steady(3, 5_000_000_000_000n),
      reading(T0 + 15 * MIN, 1_000n),
      reading(T0 + 20 * MIN, 1_000n + TEN_MBPS_5MIN),
    ];
    const { rates, dropped } = ratesFromCounters(readings);
    expect(dropped).toEqual([{ from: T0 + 10 * MIN, to: T0 + 15 * MIN, reason: "reset" }]);
    expect(rates.map((r) => r.slot)).toEqual([0, 1, 3]);
    expect(Math.max(...rates.map((r) => r.inBps))).toBe(10_000_000);
  });

  it("drops the interval before a reading flagged as after a restart, even if its counters went up", () => {
    const readings = steady(3);
    readings[2] = { ...readings[2]!, inOctets: readings[2]!.inOctets * 3n, reset: true };
    const { rates, dropped } = ratesFromCounters(readings);
    expect(rates.map((r) => r.slot)).toEqual([0]);
    expect(dropped.map((d) => d.reason)).toEqual(["reset"]);
  });

  it("reads a 32-bit counter going back as a reset when one wrap would exceed the line rate", () => {
    // From 3,000,000,000 down to 1,000: a wrap would be 1.29 GB in 5 minutes, 34.5 Mbps, on a 10 Mbps port.
    const readings = [
      reading(T0, 3_000_000_000n, 0n, { counterBits: 32, lineRateBps: 10_000_000 }),
      reading(T0 + 5 * MIN, 1_000n, 0n, { counterBits: 32, lineRateBps: 10_000_000 }),
    ];
    expect(ratesFromCounters(readings)).toEqual({
      rates: [],
      dropped: [{ from: T0, to: T0 + 5 * MIN, reason: "reset" }],
    });
  });

  it("drops a delta beyond the port's line rate (a bad counter)", () => {
    const readings = steady(3, 0n, { lineRateBps: 100_000_000 });
    readings[2] = { ...readings[2]!, inOctets: readings[1]!.inOctets + 10n * TEN_MBPS_5MIN * 11n };
    const { rates, dropped } = ratesFromCounters(readings);
    expect(rates.map((r) => r.slot)).toEqual([0]);
    expect(dropped.map((d) => d.reason)).toEqual(["over-line-rate"]);
  });

  it("drops a change of counter width as a reset", () => {
    const readings = steady(3);
    readings[2] = { ...readings[2]!, counterBits: 32, inOctets: 5n, outOctets: 5n };
    expect(ratesFromCounters(readings).dropped.map((d) => d.reason)).toEqual(["reset"]);
  });

  it("gives a window retried twice one rate (its octets over its time), never two samples", () => {
    // Polls at 0:00, 0:02 (a retry) and 0:05: both intervals have their midpoint in window 0.
    const readings = [
      reading(T0, 0n, 0n),
      reading(T0 + 2 * MIN, 100_000_000n, 0n),
      reading(T0 + 5 * MIN, TEN_MBPS_5MIN, 0n),
    ];
    expect(ratesFromCounters(readings).rates).toEqual([
      { day: "2012-09-01", slot: 0, inBps: 10_000_000, outBps: 0 },
    ]);
  });

  it("ignores the same reading twice", () => {
    const readings = steady(3);
    expect(ratesFromCounters([...readings, readings[1]!])).toEqual(ratesFromCounters(readings));
  });

  it("drops two different readings of one instant", () => {
    const readings = [...steady(2), reading(T0 + 5 * MIN, 1n)];
    expect(ratesFromCounters(readings).dropped.map((d) => d.reason)).toEqual(["same-instant"]);
  });

  it("leaves the windows of a gap empty instead of inventing samples", () => {
    // The 0:05 and 0:10 polls were lost: 0:00 → 0:15 spans three windows.
    const readings = [
      reading(T0, 0n),
      reading(T0 + 15 * MIN, 3n * TEN_MBPS_5MIN),
      reading(T0 + 20 * MIN, 4n * TEN_MBPS_5MIN),
    ];
    const { rates, dropped } = ratesFromCounters(readings);
    expect(rates.map((r) => r.slot)).toEqual([3]);
    expect(dropped).toEqual([{ from: T0, to: T0 + 15 * MIN, reason: "gap" }]);
  });

  it("puts each interval in the window of its midpoint, so poll jitter moves no traffic", () => {
    const readings = [
      reading(T0 + 3_000, 0n),
      reading(T0 + 5 * MIN + 1_000, 1n),
      reading(T0 + 10 * MIN + 4_000, 2n),
    ];
    expect(ratesFromCounters(readings).rates.map((r) => r.slot)).toEqual([0, 1]);
  });

  it("rounds to whole bits per second, halves up", () => {
    // 300 s: 18 octets = 0.48 bps → 0; 19 octets = 0.5067 bps → 1; 75 octets / 240 s = 2.5 bps → 3.
    const rates = ratesFromCounters([
      reading(T0, 0n, 0n),
      reading(T0 + 5 * MIN, 18n, 19n),
      reading(T0 + 9 * MIN, 93n, 19n),
    ]).rates;
    expect(rates.map((r) => [r.inBps, r.outBps])).toEqual([
      [0, 1],
      [3, 0],
    ]);
  });

  it("crosses midnight into the next day's first window", () => {
    const late = Date.UTC(2012, 8, 30, 23, 55);
    const rates = ratesFromCounters([
      reading(late, 0n),
      reading(late + 5 * MIN, TEN_MBPS_5MIN),
      reading(late + 10 * MIN, 2n * TEN_MBPS_5MIN),
    ]).rates;
    expect(rates.map((r) => [r.day, r.slot])).toEqual([
      ["2012-09-30", 287],
      ["2012-10-01", 0],
    ]);
  });
});
