import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  daysOfMonth,
  emptyBlock,
  monthBlocks,
  monthlyPercentile,
  monthlyPercentileOf,
  monthlyPercentiles,
  type SampleBlock,
  writeSampleBatch,
} from "../../src/metering/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { CONTRACTS, countRows, failure, seedReferences } from "./metering-fixtures.js";

const kinds = await storeKinds();
const MONTH = "2012-09";

function day(
  contractId: string,
  date: string,
  port: string,
  rate: (slot: number) => [number, number] | null,
): SampleBlock {
  const block = emptyBlock({
    customerId: contractId === "CT000001" ? "C00001" : "C00002",
    contractId,
    day: date,
    port,
  });
  for (let slot = 0; slot < 288; slot++) {
    const value = rate(slot);
    if (value === null) continue;
    block.inBps[slot] = value[0];
    block.outBps[slot] = value[1];
  }
  return block;
}

/**
 * A deterministic September: CT000001 every window on one port; CT000002 on two ports with every
 * fifth day missing, a night without samples, and bursts past 4.29 Gbps (the wide layout).
 */
function september(): SampleBlock[] {
  const blocks: SampleBlock[] = [];
  for (const [d, date] of daysOfMonth(MONTH).entries()) {
    blocks.push(
      day("CT000001", date, "", (s) => [
        1_000_000 + ((s * 7_919 + d * 104_729) % 9_000_000),
        500_000 + s,
      ]),
    );
    if (d % 5 === 4) continue;
    blocks.push(
      day("CT000002", date, "ge-0/0/1", (s) =>
        s < 24 ? null : [200_000_000 + s * 1_000, 100_000_000],
      ),
    );
    blocks.push(
      day("CT000002", date, "ge-0/0/2", (s) =>
        s < 24 ? null : [s % 97 === 0 ? 6_000_000_000 : 50_000_000 + d, 1_000],
      ),
    );
  }
  return blocks;
}

describe.each(kinds)("usage samples on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedReferences(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("stores one row per contract, day and port, its slots packed in a blob the driver returns as bytes", async () => {
    const blocks = september();
    const outcome = await writeSampleBatch(t.store.db, { key: "sep-1", blocks });
    expect(outcome).toMatchObject({
      added: 30 * 288 + 2 * 24 * 264,
      unchanged: 0,
      replaced: 0,
      repeated: false,
    });
    expect(await countRows(t.store, "usage_samples")).toBe(blocks.length);
    const row = await t.store.db
      .selectFrom("usage_samples")
      .selectAll()
      .where("contract_id", "=", "CT000002")
      .where("day", "=", "2012-09-01")
      .where("port", "=", "ge-0/0/2")
      .executeTakeFirstOrThrow();
    expect(row.in_bps).toBeInstanceOf(Uint8Array);
    expect(row.in_bps.length).toBe(288 * 8); // 6 Gbps bursts need the wide layout
    expect(row.out_bps.length).toBe(288 * 4);
    expect(Number(row.sample_count)).toBe(264);
    expect(row.customer_id).toBe("C00002");
  });

  it("gives each contract's 95th percentile of the month, ports summed per window, alone or in bulk", async () => {
    const blocks = september();
    await writeSampleBatch(t.store.db, { key: "sep-1", blocks });
    const expected = ["CT000001", "CT000002"].map((id) =>
      monthlyPercentileOf(
        id,
        MONTH,
        blocks.filter((b) => b.contractId === id),
      ),
    );
    expect(expected[1]).toMatchObject({ inSamples: 24 * 264, windows: 8_640 });
    expect(expected[1]!.inBps).toBeGreaterThan(250_000_000);
    expect(await monthlyPercentiles(t.store.db, MONTH)).toEqual(expected);
    expect(await monthlyPercentiles(t.store.db, MONTH, { contractsPerRead: 1 })).toEqual(expected);
    for (const reading of expected) {
      expect(await monthlyPercentile(t.store.db, reading.contractId, MONTH)).toEqual(reading);
    }
    const none = await monthlyPercentiles(t.store.db, MONTH, { contractIds: [CONTRACTS[2]] });
    expect(none).toEqual([
      {
        contractId: "CT000003",
        month: MONTH,
        inBps: null,
        outBps: null,
        billedBps: null,
        inSamples: 0,
        outSamples: 0,
        windows: 8_640,
      },
    ]);
  });

  it("reads only the month asked for", async () => {
    await writeSampleBatch(t.store.db, {
      key: "edges",
      blocks: [
        day("CT000001", "2012-08-31", "", () => [9e9, 9e9]),
        day("CT000001", "2012-09-15", "", () => [10, 20]),
        day("CT000001", "2012-10-01", "", () => [9e9, 9e9]),
      ],
    });
    expect(await monthlyPercentile(t.store.db, "CT000001", MONTH)).toMatchObject({
      inBps: 10,
      outBps: 20,
      billedBps: 20,
      inSamples: 288,
    });
    expect((await monthBlocks(t.store.db, "CT000001", MONTH)).map((b) => b.day)).toEqual([
      "2012-09-15",
    ]);
  });

  it("stores a retried batch once and says so; its key with other content is a conflict", async () => {
    const blocks = september().slice(0, 10);
    const first = await writeSampleBatch(t.store.db, { key: "batch-7", blocks });
    const again = await writeSampleBatch(t.store.db, {
      key: "batch-7",
      blocks: [...blocks].reverse(),
    });
    expect(again).toEqual({ added: 0, unchanged: first.added, replaced: 0, repeated: true });
    expect(await countRows(t.store, "usage_samples")).toBe(10);
    expect(await countRows(t.store, "usage_batches")).toBe(1);
    const other = await failure(
      writeSampleBatch(t.store.db, { key: "batch-7", blocks: blocks.slice(1) }),
    );
    expect(other.code).toBe("CONFLICT");
  });

  it("keeps nothing of a batch whose transaction failed, so its retry stores it exactly once", async () => {
    const blocks = september().slice(0, 5);
    const crashed = t.store.db.transaction().execute(async (tx) => {
      await writeSampleBatch(tx, { key: "batch-9", blocks });
      throw new Error("the connection dropped before the commit");
    });
    await expect(crashed).rejects.toThrow("connection dropped");
    expect(await countRows(t.store, "usage_samples")).toBe(0);
    expect(await countRows(t.store, "usage_batches")).toBe(0);
    expect(await writeSampleBatch(t.store.db, { key: "batch-9", blocks })).toMatchObject({
      added: 2 * 288 + 3 * 264,
      repeated: false,
    });
    expect(await writeSampleBatch(t.store.db, { key: "batch-9", blocks })).toMatchObject({
      added: 0,
      repeated: true,
    });
    expect(await countRows(t.store, "usage_samples")).toBe(5);
  });

  it("merges another batch slot by slot: the same samples change nothing, a different one is a conflict unless replacing", async () => {
    const morning = day("CT000001", "2012-09-03", "", (s) => (s < 144 ? [100, 50] : null));
    const allDay = day("CT000001", "2012-09-03", "", () => [100, 50]);
    await writeSampleBatch(t.store.db, { key: "morning", blocks: [morning] });
    expect(await writeSampleBatch(t.store.db, { key: "all-day", blocks: [allDay] })).toMatchObject({
      added: 144,
      unchanged: 144,
    });
    const changed = day("CT000001", "2012-09-03", "", (s) => (s === 200 ? [101, 50] : null));
    const conflict = await failure(writeSampleBatch(t.store.db, { key: "fix", blocks: [changed] }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.message).toContain("2012-09-03T16:40:00Z");
    expect(await countRows(t.store, "usage_batches")).toBe(2);
    expect(
      await writeSampleBatch(t.store.db, { key: "fix", blocks: [changed] }, { replace: true }),
    ).toMatchObject({
      replaced: 1,
    });
    const [stored] = await monthBlocks(t.store.db, "CT000001", MONTH);
    expect([stored!.inBps[199], stored!.inBps[200]]).toEqual([100, 101]);
  });
});
