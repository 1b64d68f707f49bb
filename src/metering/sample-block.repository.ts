import type { Kysely, Transaction } from "kysely";
import { type InputLocation, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { UsageSampleTable } from "./metering.table.js";
import { type MonthlyPercentile, MonthSeries } from "./monthly-percentile.js";
import {
  blockKey,
  decodeSlots,
  encodedLength,
  encodeSlotsInto,
  mergeBlock,
  presentSlots,
  type SampleBlock,
} from "./sample-block.js";
import { daysOfMonth, windowStart } from "./sample-window.js";
import { usageDigest } from "./usage-batch.js";
import { claimBatch } from "./usage-batch.repository.js";

/** What a write did, counted in samples (5-minute slots). */
export interface SampleWriteOutcome {
  readonly added: number;
  readonly unchanged: number;
  readonly replaced: number;
}

export interface SampleWriteOptions {
  /** Let an incoming sample overwrite a different stored one (otherwise that is a CONFLICT). */
  readonly replace?: boolean;
  /** Where an incoming sample came from, for the message of a conflict. */
  readonly locate?: (block: SampleBlock, slot: number) => InputLocation | undefined;
}

/**
 * Merges day blocks into the stored ones inside the caller's transaction, slot by slot (see
 * mergeBlock): new samples are added, the same sample again changes nothing, and a different
 * value for a stored sample is a CONFLICT unless `replace`. New blocks go in as multi-row inserts.
 */
export async function writeSampleBlocks(
  tx: Transaction<Database>,
  blocks: readonly SampleBlock[],
  options: SampleWriteOptions = {},
): Promise<SampleWriteOutcome> {
  return writeCombined(tx, combineIncoming(blocks, options), options);
}

/**
 * Writes a batch of day blocks exactly once under its idempotency key, in one transaction (the
 * caller's, or one of its own): a retry of a batch already committed changes nothing and says so.
 * This is the bulk path for the API and the demo builder: a month of 6,500 contracts is one call.
 */
export async function writeSampleBatch(
  db: Kysely<Database>,
  batch: { readonly key: string; readonly blocks: readonly SampleBlock[] },
  options: { readonly replace?: boolean } = {},
): Promise<SampleWriteOutcome & { repeated: boolean }> {
  const combined = combineIncoming(batch.blocks, {});
  const keys = [...combined.keys()].sort(compareKeys);
  const rows = rowsFromBlocks(keys.map((key) => combined.get(key)!));
  const digest = usageDigest(rows.flatMap((row, i) => [keys[i]!, row.in_bps, row.out_bps]));
  const encoded = new Map(keys.map((key, i) => [key, rows[i]!]));
  const write = async (tx: Transaction<Database>) => {
    const claim = await claimBatch(tx, {
      key: batch.key,
      kind: "samples",
      digest,
      items: rows.length,
    });
    if (claim === "repeat" && !options.replace) {
      const present = rows.reduce((sum, row) => sum + row.sample_count, 0);
      return { added: 0, unchanged: present, replaced: 0, repeated: true };
    }
    const outcome = await writeCombined(tx, combined, options, encoded);
    return { ...outcome, repeated: claim === "repeat" };
  };
  return db.isTransaction ? write(db as Transaction<Database>) : db.transaction().execute(write);
}

/** A contract's stored day blocks of one month, every port, ordered by day and port. */
export async function monthBlocks(
  db: Kysely<Database>,
  contractId: string,
  month: string,
): Promise<SampleBlock[]> {
  const days = daysOfMonth(month);
  const rows = await db
    .selectFrom("usage_samples")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("day", ">=", days[0]!)
    .where("day", "<=", days.at(-1)!)
    .execute();
  return rows
    .map(blockFromRow)
    .sort((a, b) => compareKeys(a.day, b.day) || compareKeys(a.port, b.port));
}

/** The month's 95th percentile of one contract (its ports summed per window). */
export async function monthlyPercentile(
  db: Kysely<Database>,
  contractId: string,
  month: string,
): Promise<MonthlyPercentile> {
  const series = new MonthSeries(month);
  for (const block of await monthBlocks(db, contractId, month)) series.addBlock(block);
  return series.percentile(contractId);
}

/**
 * The month's 95th percentile of every contract with samples in it (or of `contractIds`), ordered
 * by contract id. Reads the day blocks a few hundred contracts at a time and decodes them straight
 * into one reused month series, so memory stays flat however many contracts there are.
 */
export async function monthlyPercentiles(
  db: Kysely<Database>,
  month: string,
  options: { readonly contractIds?: readonly string[]; readonly contractsPerRead?: number } = {},
): Promise<MonthlyPercentile[]> {
  const days = daysOfMonth(month);
  const first = days[0]!;
  const last = days.at(-1)!;
  const contracts =
    options.contractIds !== undefined
      ? [...new Set(options.contractIds)].sort(compareKeys)
      : (
          await db
            .selectFrom("usage_samples")
            .select("contract_id")
            .distinct()
            .where("day", ">=", first)
            .where("day", "<=", last)
            .execute()
        )
          .map((row) => row.contract_id)
          .sort(compareKeys);
  const perRead = options.contractsPerRead ?? 250;
  const series = new MonthSeries(month);
  const results: MonthlyPercentile[] = [];
  for (let i = 0; i < contracts.length; i += perRead) {
    const chunk = contracts.slice(i, i + perRead);
    const rows = await db
      .selectFrom("usage_samples")
      .select(["contract_id", "day", "in_bps", "out_bps"])
      .where("contract_id", "in", chunk)
      .where("day", ">=", first)
      .where("day", "<=", last)
      .execute();
    const byContract = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byContract.get(row.contract_id);
      if (list) list.push(row);
      else byContract.set(row.contract_id, [row]);
    }
    for (const contractId of chunk) {
      series.clear();
      for (const row of byContract.get(contractId) ?? []) {
        series.addStoredDay(row.day, row.in_bps, row.out_bps);
      }
      results.push(series.percentile(contractId));
    }
  }
  return results;
}

/** Blocks with the same key in one write are merged first; a disagreement between them is an error. */
function combineIncoming(
  blocks: readonly SampleBlock[],
  options: SampleWriteOptions,
): Map<string, SampleBlock> {
  const combined = new Map<string, SampleBlock>();
  for (const block of blocks) {
    const key = blockKey(block);
    const earlier = combined.get(key);
    if (!earlier) {
      combined.set(key, block);
      continue;
    }
    const merge = mergeBlock(earlier, block, false);
    if (merge.conflictSlot !== null) {
      throw conflict(block, merge.conflictSlot, earlier, options, "in the same batch");
    }
    combined.set(key, merge.merged);
  }
  return combined;
}

async function writeCombined(
  tx: Transaction<Database>,
  incoming: ReadonlyMap<string, SampleBlock>,
  options: SampleWriteOptions,
  encoded?: ReadonlyMap<string, UsageSampleTable>,
): Promise<SampleWriteOutcome> {
  const replace = options.replace ?? false;
  const stored = await storedBlocksFor(tx, [...incoming.values()]);
  let added = 0;
  let unchanged = 0;
  let replaced = 0;
  const fresh: SampleBlock[] = [];
  for (const [key, block] of incoming) {
    const existing = stored.get(key);
    if (!existing) {
      added += presentSlots(block);
      fresh.push(block);
      continue;
    }
    const merge = mergeBlock(existing, block, replace);
    if (merge.conflictSlot !== null) throw conflict(block, merge.conflictSlot, existing, options);
    added += merge.added;
    unchanged += merge.unchanged;
    replaced += merge.replaced;
    if (merge.added + merge.replaced === 0) continue;
    const [row] = rowsFromBlocks([merge.merged]);
    await tx
      .updateTable("usage_samples")
      .set({ in_bps: row!.in_bps, out_bps: row!.out_bps, sample_count: row!.sample_count })
      .where("contract_id", "=", block.contractId)
      .where("day", "=", block.day)
      .where("port", "=", block.port)
      .execute();
  }
  const inserts = encoded
    ? fresh.map((block) => encoded.get(blockKey(block))!)
    : rowsFromBlocks(fresh);
  // 7 columns × 500 rows stays under both stores' bound-parameter limits.
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insertInto("usage_samples")
      .values(inserts.slice(i, i + 500))
      .execute();
  }
  return { added, unchanged, replaced };
}

async function storedBlocksFor(
  tx: Transaction<Database>,
  blocks: readonly SampleBlock[],
): Promise<Map<string, SampleBlock>> {
  const stored = new Map<string, SampleBlock>();
  if (blocks.length === 0) return stored;
  const wanted = new Set(blocks.map(blockKey));
  const contracts = [...new Set(blocks.map((b) => b.contractId))];
  let first = blocks[0]!.day;
  let last = first;
  for (const block of blocks) {
    if (block.day < first) first = block.day;
    if (block.day > last) last = block.day;
  }
  for (let i = 0; i < contracts.length; i += 500) {
    const rows = await tx
      .selectFrom("usage_samples")
      .selectAll()
      .where("contract_id", "in", contracts.slice(i, i + 500))
      .where("day", ">=", first)
      .where("day", "<=", last)
      .execute();
    for (const row of rows) {
      const block = blockFromRow(row);
      const key = blockKey(block);
      if (wanted.has(key)) stored.set(key, block);
    }
  }
  return stored;
}

/**
 * Day blocks as rows, their slots encoded a few hundred blocks at a time into one shared buffer:
 * a buffer per blob would cost an allocation each, the bulk of a large write's time.
 */
function rowsFromBlocks(blocks: readonly SampleBlock[]): UsageSampleTable[] {
  const rows: UsageSampleTable[] = [];
  const lengths = new Int32Array(2 * Math.min(blocks.length, 256));
  for (let first = 0; first < blocks.length; first += 256) {
    const chunk = blocks.slice(first, first + 256);
    let size = 0;
    for (const [i, block] of chunk.entries()) {
      lengths[2 * i] = encodedLength(block.inBps);
      lengths[2 * i + 1] = encodedLength(block.outBps);
      size += lengths[2 * i]! + lengths[2 * i + 1]!;
    }
    // better-sqlite3 binds Buffers (not bare Uint8Arrays) as blobs; pg sends a Buffer as bytea.
    const shared = Buffer.from(new ArrayBuffer(size));
    let at = 0;
    for (const [i, block] of chunk.entries()) {
      const inLength = encodeSlotsInto(block.inBps, shared, at, lengths[2 * i]);
      const inBytes = shared.subarray(at, at + inLength);
      at += inLength;
      const outLength = encodeSlotsInto(block.outBps, shared, at, lengths[2 * i + 1]);
      const outBytes = shared.subarray(at, at + outLength);
      at += outLength;
      rows.push({
        customer_id: block.customerId,
        contract_id: block.contractId,
        day: block.day,
        port: block.port,
        in_bps: inBytes,
        out_bps: outBytes,
        sample_count: presentSlots(block),
      });
    }
  }
  return rows;
}

function blockFromRow(row: UsageSampleTable): SampleBlock {
  return {
    customerId: row.customer_id,
    contractId: row.contract_id,
    day: row.day,
    port: row.port,
    inBps: decodeSlots(row.in_bps),
    outBps: decodeSlots(row.out_bps),
  };
}

function conflict(
  block: SampleBlock,
  slot: number,
  stored: SampleBlock,
  options: SampleWriteOptions,
  where = "already stored",
): UplinkError {
  const at = new Date(windowStart({ day: block.day, slot })).toISOString().replace(".000Z", "Z");
  const port = block.port === "" ? "" : ` port ${block.port}`;
  const location = options.locate?.(block, slot);
  return new UplinkError(
    "CONFLICT",
    `${block.contractId}${port} at ${at} is ${where} as ${stored.inBps[slot]}/${stored.outBps[slot]} bps in/out; this says ${block.inBps[slot]}/${block.outBps[slot]}. Nothing was written. Re-run with --replace to overwrite.`,
    location ? { location } : {},
  );
}

// Plain code-unit order, the same in both stores for the ASCII ids Uplink uses.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
