import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  importCloudUsageFile,
  importCounterFile,
  importSampleFile,
  importWithdrawalFile,
  monthBlocks,
  monthlyCloudUsage,
  monthlyPercentile,
  monthlyWithdrawals,
} from "../../src/metering/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { countRows, failure, seedReferences, writeCsv } from "./metering-fixtures.js";

const kinds = await storeKinds();

const SAMPLES = "contract_id,timestamp,in_bps,out_bps";
const COUNTERS = "contract_id,port,timestamp,in_octets,out_octets,counter_bits,reset,line_rate_bps";

/** n samples of a contract from 2012-09-01T00:00Z, one per window, in_bps = base + i. */
function sampleLines(
  contractId: string,
  n: number,
  base = 1_000,
  startMs = Date.UTC(2012, 8, 1),
): string[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(startMs + i * 300_000).toISOString().replace(".000Z", "Z");
    return `${contractId},${at},${base + i},${(base + i) * 2}`;
  });
}

/** Counter readings of a port every 5 minutes (plus jitter) at `octetsPer5Min`. */
function counterLines(
  contractId: string,
  port: string,
  startMs: number,
  n: number,
  octetsPer5Min: bigint,
  options: { bits?: 32 | 64; start?: bigint } = {},
): string[] {
  const bits = options.bits ?? 64;
  const top = 1n << BigInt(bits);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(startMs + i * 300_000 + (i % 3) * 1_000).toISOString();
    const octets = ((options.start ?? 0n) + BigInt(i) * octetsPer5Min) % top;
    return `${contractId},${port},${at},${octets},${octets / 2n},${bits},,`;
  });
}

describe.each(kinds)("usage imports on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedReferences(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  describe("samples", () => {
    it("imports a file once: a repeat changes nothing, and the month's percentile reads it", async () => {
      const file = writeCsv("samples.csv", [
        SAMPLES,
        ...sampleLines("CT000001", 100),
        ...sampleLines("CT000002", 20, 5),
      ]);
      expect(await importSampleFile(t.store, file)).toMatchObject({
        added: 120,
        unchanged: 0,
        repeated: false,
      });
      expect(await importSampleFile(t.store, file)).toMatchObject({
        added: 0,
        unchanged: 120,
        repeated: true,
      });
      expect(await countRows(t.store, "usage_samples")).toBe(2);
      expect(await monthlyPercentile(t.store.db, "CT000001", "2012-09")).toMatchObject({
        inBps: 1_094, // 1,000 + rank 95 − 1
        outBps: 2_188,
        billedBps: 2_188,
        inSamples: 100,
      });
    });

    it("keeps a window written twice with the same rates once", async () => {
      const lines = sampleLines("CT000001", 3);
      const file = writeCsv("twice.csv", [SAMPLES, ...lines, lines[1]!]);
      expect(await importSampleFile(t.store, file)).toMatchObject({ added: 3, unchanged: 1 });
    });

    it.each([
      ["a negative rate", "CT000001,2012-09-01T00:10:00Z,-5,10", "in_bps"],
      ["a sample outside the file's month", "CT000001,2012-10-01T00:00:00Z,5,10", "timestamp"],
      ["an unknown contract", "CT999999,2012-09-01T00:10:00Z,5,10", "contract_id"],
      ["a malformed line", "CT000001,2012-09-01T00:10:00Z,5x,10", "in_bps"],
      ["a window given two different rates", "CT000001,2012-09-01T00:05:00Z,7,10", "timestamp"],
    ])(
      "refuses a file with %s, naming file, line and field, and stores nothing of it",
      async (_, bad, field) => {
        const file = writeCsv("bad.csv", [
          SAMPLES,
          ...sampleLines("CT000002", 2),
          ...sampleLines("CT000001", 2),
          bad,
        ]);
        const error = await failure(importSampleFile(t.store, file));
        expect(error.code).toBe("INVALID_INPUT");
        expect(error.location).toEqual({ file, line: 6, field });
        expect(await countRows(t.store, "usage_samples")).toBe(0);
        expect(await countRows(t.store, "usage_batches")).toBe(0);
      },
    );

    it("refuses a line with a column too many", async () => {
      const file = writeCsv("ragged.csv", [
        SAMPLES,
        ...sampleLines("CT000001", 2),
        "CT000001,2012-09-01T00:10:00Z,5,10,11",
      ]);
      const error = await failure(importSampleFile(t.store, file));
      expect(error.location).toMatchObject({ file, line: 4 });
      expect(await countRows(t.store, "usage_samples")).toBe(0);
    });

    it("refuses samples outside the month named", async () => {
      const one = writeCsv("aug.csv", [SAMPLES, ...sampleLines("CT000001", 1)]);
      const error = await failure(importSampleFile(t.store, one, { month: "2012-08" }));
      expect(error.location).toEqual({ file: one, line: 2, field: "timestamp" });
      // Several bad rows are reported together, each with its line and field.
      const two = writeCsv("aug.csv", [SAMPLES, ...sampleLines("CT000001", 2)]);
      const both = await failure(importSampleFile(t.store, two, { month: "2012-08" }));
      expect(both.message).toMatch(/2 problems; nothing was written/);
      expect(both.message).toContain(`${two}:3, field "timestamp"`);
    });

    it("refuses a changed sample as a conflict naming its line, storing nothing of that file, unless replacing", async () => {
      await importSampleFile(
        t.store,
        writeCsv("first.csv", [SAMPLES, ...sampleLines("CT000001", 10)]),
      );
      const changed = writeCsv("changed.csv", [
        SAMPLES,
        ...sampleLines("CT000002", 3),
        ...sampleLines("CT000001", 10).map((line, i) =>
          i === 4 ? line.replace(",1004,", ",9999,") : line,
        ),
      ]);
      const error = await failure(importSampleFile(t.store, changed));
      expect(error.code).toBe("CONFLICT");
      expect(error.location).toEqual({ file: changed, line: 9, field: "in_bps" });
      expect(await countRows(t.store, "usage_samples")).toBe(1);
      expect(await importSampleFile(t.store, changed, { replace: true })).toMatchObject({
        added: 3,
        replaced: 1,
        unchanged: 9,
      });
      const [block] = await monthBlocks(t.store.db, "CT000001", "2012-09");
      expect(block!.inBps[4]).toBe(9_999);
    });
  });

  describe("router counters", () => {
    const start = Date.UTC(2012, 9, 1); // 2012-10-01T00:00Z

    it("turns each port's counters into rates and sums the ports per window", async () => {
      const file = writeCsv("counters.csv", [
        COUNTERS,
        // Port 1: 64-bit, 10 Mbps. Port 2: 32-bit that wraps, 40 Mbps.
        ...counterLines("CT000001", "ge-0/0/1", start, 13, 375_000_000n),
        ...counterLines("CT000001", "ge-0/0/2", start, 13, 1_500_000_000n, {
          bits: 32,
          start: 4_000_000_000n,
        }),
      ]);
      const outcome = await importCounterFile(t.store, file);
      expect(outcome).toMatchObject({ added: 24, readings: 26, repeated: false });
      expect(outcome.dropped).toEqual({ reset: 0, "over-line-rate": 0, gap: 0, "same-instant": 0 });
      const reading = await monthlyPercentile(t.store.db, "CT000001", "2012-10");
      expect(reading.inSamples).toBe(12);
      // Jitter of a second or two moves each rate a little around 50 Mbps; none is a wrap's burst.
      expect(Math.abs(reading.inBps! - 50_000_000)).toBeLessThan(400_000);
      expect(await importCounterFile(t.store, file)).toMatchObject({
        added: 0,
        unchanged: 24,
        repeated: true,
      });
      expect(await countRows(t.store, "usage_counter_ports")).toBe(2);
    });

    it("never bills a device reset as a burst", async () => {
      const before = counterLines("CT000002", "xe-1/0/0", start, 4, 375_000_000n, {
        start: 9_000_000_000_000n,
      });
      const after = counterLines("CT000002", "xe-1/0/0", start + 20 * 60_000, 4, 375_000_000n, {
        start: 1_000n,
      });
      const flagged = `CT000002,xe-1/0/0,${new Date(start + 40 * 60_000).toISOString()},999999999999,0,64,1,`;
      const file = writeCsv("reset.csv", [COUNTERS, ...before, ...after, flagged]);
      const outcome = await importCounterFile(t.store, file);
      expect(outcome.dropped.reset).toBe(2);
      const reading = await monthlyPercentile(t.store.db, "CT000002", "2012-10");
      expect(reading.inSamples).toBe(6);
      expect(reading.inBps!).toBeLessThan(10_100_000);
    });

    it("continues a port from the latest stored reading when the next file comes", async () => {
      const lines = counterLines("CT000003", "eth0", Date.UTC(2012, 9, 1, 23, 0), 25, 375_000_000n);
      const first = writeCsv("day1.csv", [COUNTERS, ...lines.slice(0, 12)]);
      const second = writeCsv("day2.csv", [COUNTERS, ...lines.slice(12)]);
      await importCounterFile(t.store, first);
      const outcome = await importCounterFile(t.store, second);
      // 13 readings after the stored one: 13 intervals, the first of them across the files.
      expect(outcome.added).toBe(13);
      expect(await monthlyPercentile(t.store.db, "CT000003", "2012-10")).toMatchObject({
        inSamples: 24,
      });
      // The older file again changes nothing, and does not move the port's latest reading back.
      expect(await importCounterFile(t.store, first)).toMatchObject({ added: 0, repeated: true });
    });

    it.each([
      [
        "a 32-bit counter past 2^32",
        "CT000001,p1,2012-10-01T00:05:00Z,4294967296,0,32,,",
        "in_octets",
      ],
      [
        "a reading outside the file's month",
        "CT000001,p1,2012-11-01T00:05:00Z,1,0,64,,",
        "timestamp",
      ],
      ["an unknown contract", "CT999999,p1,2012-10-01T00:05:00Z,1,0,64,,", "contract_id"],
    ])("refuses a file with %s, naming file, line and field", async (_, bad, field) => {
      const file = writeCsv("bad-counters.csv", [
        COUNTERS,
        "CT000001,p1,2012-10-01T00:00:00Z,0,0,64,,",
        bad,
      ]);
      const error = await failure(importCounterFile(t.store, file));
      expect(error.location).toEqual({ file, line: 3, field });
      expect(await countRows(t.store, "usage_samples")).toBe(0);
      expect(await countRows(t.store, "usage_counter_ports")).toBe(0);
    });
  });

  describe("ATM withdrawals", () => {
    const HEADER = "atm_id,day,count";

    it("imports daily counts once and sums them per ATM for the month", async () => {
      const file = writeCsv("withdrawals.csv", [
        HEADER,
        "ATM001,2012-09-01,410",
        "ATM001,2012-09-02,390",
        "ATM002,2012-09-12,88",
      ]);
      expect(await importWithdrawalFile(t.store, file)).toMatchObject({ added: 3, unchanged: 0 });
      expect(await importWithdrawalFile(t.store, file)).toMatchObject({
        added: 0,
        unchanged: 3,
        repeated: true,
      });
      expect(await monthlyWithdrawals(t.store.db, "2012-09")).toEqual([
        { atmId: "ATM001", withdrawals: 800, days: 2 },
        { atmId: "ATM002", withdrawals: 88, days: 1 },
      ]);
    });

    it.each([
      ["an unknown ATM", "ATM999,2012-09-05,1", "atm_id"],
      ["a day before the ATM was placed", "ATM002,2012-09-09,1", "day"],
      ["a day after it was removed", "ATM002,2012-09-20,1", "day"],
      ["a negative count", "ATM001,2012-09-05,-1", "count"],
      ["a day outside the file's month", "ATM001,2012-10-01,1", "day"],
    ])("refuses a file with %s, naming file, line and field", async (_, bad, field) => {
      const file = writeCsv("bad-withdrawals.csv", [HEADER, "ATM001,2012-09-01,410", bad]);
      const error = await failure(importWithdrawalFile(t.store, file));
      expect(error.location).toEqual({ file, line: 3, field });
      expect(await countRows(t.store, "atm_withdrawals")).toBe(0);
    });

    it("refuses another count for a stored day unless replacing", async () => {
      await importWithdrawalFile(t.store, writeCsv("a.csv", [HEADER, "ATM001,2012-09-01,410"]));
      const fix = writeCsv("b.csv", [HEADER, "ATM001,2012-09-02,1", "ATM001,2012-09-01,411"]);
      const error = await failure(importWithdrawalFile(t.store, fix));
      expect(error).toMatchObject({
        code: "CONFLICT",
        location: { file: fix, line: 3, field: "count" },
      });
      expect(await countRows(t.store, "atm_withdrawals")).toBe(1);
      expect(await importWithdrawalFile(t.store, fix, { replace: true })).toMatchObject({
        added: 1,
        replaced: 1,
      });
    });
  });

  describe("cloud usage", () => {
    const HEADER = "contract_id,day,resource,quantity";

    it("imports exact quantities once and totals them per contract and resource", async () => {
      const file = writeCsv("cloud.csv", [
        HEADER,
        "CT000002,2012-09-01,vcpu_hours,96",
        "CT000002,2012-09-02,vcpu_hours,95.5",
        "CT000002,2012-09-01,storage_gb,500.10",
      ]);
      expect(await importCloudUsageFile(t.store, file)).toMatchObject({ added: 3 });
      const same = writeCsv("same.csv", [HEADER, "CT000002,2012-09-01,storage_gb,500.1"]);
      expect(await importCloudUsageFile(t.store, same)).toMatchObject({
        added: 0,
        unchanged: 1,
        repeated: false,
      });
      expect(await monthlyCloudUsage(t.store.db, "2012-09")).toEqual([
        { contractId: "CT000002", customerId: "C00002", resource: "storage_gb", quantity: "500.1" },
        { contractId: "CT000002", customerId: "C00002", resource: "vcpu_hours", quantity: "191.5" },
      ]);
    });

    it("refuses an unknown contract, naming file, line and field", async () => {
      const file = writeCsv("bad-cloud.csv", [
        HEADER,
        "CT000002,2012-09-01,vcpu_hours,96",
        "CT0X,2012-09-01,vcpu_hours,1",
      ]);
      const error = await failure(importCloudUsageFile(t.store, file));
      expect(error.location).toEqual({ file, line: 3, field: "contract_id" });
      expect(await countRows(t.store, "cloud_usage")).toBe(0);
    });
  });
});
