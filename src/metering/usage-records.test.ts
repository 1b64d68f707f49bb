import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { withdrawalFromRaw } from "./atm-withdrawal.js";
import { cloudUsageFromRaw } from "./cloud-usage.js";
import { counterReadingFromRaw } from "./counter-reading.js";
import { usageMonthGuard } from "./usage-month.js";
import { blocksFromSamples, sampleFromRaw } from "./usage-sample.js";

const where = { file: "usage.csv", line: 4 };

function fieldOf(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(UplinkError);
    return (error as UplinkError).location?.field;
  }
  throw new Error("expected the record to be refused");
}

describe("a sample row", () => {
  const good = {
    contract_id: "CT000001",
    timestamp: "2012-09-01T00:05:00Z",
    in_bps: "1200000",
    out_bps: "800000",
  };

  it("is a contract's window with whole bits per second each way", () => {
    expect(sampleFromRaw(good, where)).toEqual({
      contractId: "CT000001",
      day: "2012-09-01",
      slot: 1,
      inBps: 1_200_000,
      outBps: 800_000,
    });
  });

  it.each([
    ["a negative rate", { in_bps: "-5" }, "in_bps"],
    ["a fractional rate", { out_bps: "1.5" }, "out_bps"],
    ["a rate with separators", { in_bps: "1,200,000" }, "in_bps"],
    ["an empty rate", { out_bps: "" }, "out_bps"],
    ["a timestamp inside a window", { timestamp: "2012-09-01T00:07:00Z" }, "timestamp"],
    ["a timestamp with seconds", { timestamp: "2012-09-01T00:05:01Z" }, "timestamp"],
    ["a local time", { timestamp: "2012-09-01T09:05:00+09:00" }, "timestamp"],
    ["a malformed timestamp", { timestamp: "yesterday" }, "timestamp"],
    ["a malformed contract id", { contract_id: "CT 1" }, "contract_id"],
  ])("is refused with %s, naming the field", (_, change, field) => {
    expect(fieldOf(() => sampleFromRaw({ ...good, ...change }, where))).toBe(field);
  });

  it("packs into one block per contract and day, the rest of the day missing", () => {
    const samples = [
      sampleFromRaw(good, where),
      sampleFromRaw({ ...good, timestamp: "2012-09-01T23:55:00Z" }, where),
      sampleFromRaw({ ...good, timestamp: "2012-09-02T00:00:00Z" }, where),
    ];
    const blocks = blocksFromSamples(samples, () => "C00001");
    expect(blocks.map((b) => [b.day, b.port, b.customerId])).toEqual([
      ["2012-09-01", "", "C00001"],
      ["2012-09-02", "", "C00001"],
    ]);
    expect([...blocks[0]!.inBps].filter((v) => v >= 0)).toEqual([1_200_000, 1_200_000]);
  });
});

describe("a counter row", () => {
  const good = {
    contract_id: "CT000001",
    port: "ge-0/0/1",
    timestamp: "2012-09-01T00:05:02Z",
    in_octets: "18446744073709551615",
    out_octets: "0",
    counter_bits: "64",
  };

  it("reads 64-bit counters exactly and defaults reset and line rate", () => {
    expect(counterReadingFromRaw(good, where)).toMatchObject({
      port: "ge-0/0/1",
      at: Date.UTC(2012, 8, 1, 0, 5, 2),
      inOctets: 18_446_744_073_709_551_615n,
      counterBits: 64,
      reset: false,
      lineRateBps: null,
    });
  });

  it.each([
    [
      "a 32-bit counter past 2^32 − 1",
      { counter_bits: "32", in_octets: "4294967296" },
      "in_octets",
    ],
    ["a 64-bit counter past 2^64 − 1", { out_octets: "18446744073709551616" }, "out_octets"],
    ["a negative counter", { out_octets: "-1" }, "out_octets"],
    ["a width other than 32 or 64", { counter_bits: "16" }, "counter_bits"],
    ["a reset flag other than 0 or 1", { reset: "yes" }, "reset"],
    ["a zero line rate", { line_rate_bps: "0" }, "line_rate_bps"],
    ["a port name with a space", { port: "ge 0" }, "port"],
  ])("is refused with %s, naming the field", (_, change, field) => {
    expect(fieldOf(() => counterReadingFromRaw({ ...good, ...change }, where))).toBe(field);
  });
});

describe("withdrawal and cloud usage rows", () => {
  it("read a day's count and a day's exact quantity", () => {
    expect(withdrawalFromRaw({ atm_id: "ATM001", day: "2012-09-03", count: "412" }, where)).toEqual(
      {
        atmId: "ATM001",
        day: "2012-09-03",
        count: 412,
      },
    );
    expect(
      cloudUsageFromRaw(
        { contract_id: "CT1", day: "2012-09-03", resource: "storage_gb", quantity: "500.50" },
        where,
      ),
    ).toEqual({ contractId: "CT1", day: "2012-09-03", resource: "storage_gb", quantity: "500.5" });
  });

  it.each([
    [() => withdrawalFromRaw({ atm_id: "ATM001", day: "2012-09-31", count: "1" }, where), "day"],
    [() => withdrawalFromRaw({ atm_id: "ATM001", day: "2012-09-03", count: "-1" }, where), "count"],
    [
      () => withdrawalFromRaw({ atm_id: "ATM001", day: "2012-09-03", count: "1.5" }, where),
      "count",
    ],
    [
      () =>
        cloudUsageFromRaw(
          { contract_id: "CT1", day: "2012-09-03", resource: "VCPU", quantity: "1" },
          where,
        ),
      "resource",
    ],
    [
      () =>
        cloudUsageFromRaw(
          { contract_id: "CT1", day: "2012-09-03", resource: "vcpu_hours", quantity: "-2" },
          where,
        ),
      "quantity",
    ],
    [
      () =>
        cloudUsageFromRaw(
          { contract_id: "CT1", day: "2012-09-03", resource: "vcpu_hours", quantity: "1e3" },
          where,
        ),
      "quantity",
    ],
  ])("are refused naming the field (%#)", (read, field) => {
    expect(fieldOf(read)).toBe(field);
  });
});

describe("the month of a usage file", () => {
  it("is the first record's unless named, and a record outside it is refused", () => {
    const guard = usageMonthGuard(undefined);
    guard("2012-09-01", { file: "f.csv", line: 2 }, "day");
    guard("2012-09-30", { file: "f.csv", line: 3 }, "day");
    expect(fieldOf(() => guard("2012-10-01", { file: "f.csv", line: 4 }, "day"))).toBe("day");
  });

  it("is the named one when given", () => {
    const guard = usageMonthGuard("2012-08");
    expect(fieldOf(() => guard("2012-09-01", where, "timestamp"))).toBe("timestamp");
  });
});
