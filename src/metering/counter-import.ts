import { type InputLocation, UplinkError } from "../core/index.js";
import { combineProblems, readCsvRecords, validateAll } from "../input/index.js";
import type { Store } from "../store/index.js";
import { contractOwners } from "./contract-owner.repository.js";
import { lastReadings, saveLastReadings } from "./counter-port.repository.js";
import { type DropReason, ratesFromCounters } from "./counter-rates.js";
import {
  COUNTER_OPTIONAL_FIELDS,
  COUNTER_REQUIRED_FIELDS,
  counterReadingFromRaw,
  type PortReading,
  portKey,
} from "./counter-reading.js";
import { emptyBlock, presentSlots, type SampleBlock } from "./sample-block.js";
import { writeSampleBlocks } from "./sample-block.repository.js";
import { windowStart } from "./sample-window.js";
import { claimBatch } from "./usage-batch.repository.js";
import { fileBatch, repeatGuard, type UsageImportOutcome } from "./usage-import.js";
import { usageMonthGuard } from "./usage-month.js";

export interface LocatedReading {
  readonly reading: PortReading;
  readonly where: InputLocation;
}

/** A counters import: windows written (added, unchanged, replaced) and intervals dropped by reason. */
export interface CounterImportOutcome extends UsageImportOutcome {
  readonly readings: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
}

/**
 * Reads and validates a counters file (contract_id, port, timestamp, in_octets, out_octets,
 * counter_bits; optional reset, line_rate_bps). A file holds one month; the same reading twice is
 * kept once, two different readings of one port at one instant are an error.
 */
export function readCounterFile(file: string, options: { month?: string } = {}): LocatedReading[] {
  const records = readCsvRecords(file, {
    required: COUNTER_REQUIRED_FIELDS,
    optional: COUNTER_OPTIONAL_FIELDS,
  });
  const inMonth = usageMonthGuard(options.month);
  const once = repeatGuard("This port's reading");
  const checked = validateAll(
    records,
    ({ values, where }) => {
      const reading = counterReadingFromRaw(values, where);
      inMonth(new Date(reading.at).toISOString().slice(0, 10), where, "timestamp");
      const signature = `${reading.inOctets}/${reading.outOctets}/${reading.counterBits}/${reading.reset}`;
      const repeat = once(`${portKey(reading)}|${reading.at}`, signature, where, "timestamp");
      return repeat ? null : { reading, where };
    },
    file,
  );
  return checked.filter((r): r is LocatedReading => r !== null);
}

/**
 * Imports router counters in one transaction: each port's readings (after its latest stored one)
 * become 5-minute rates (counter-rates.ts: wraps, resets, duplicate windows), stored as that port's
 * day blocks; the contract's rate in a window is the sum of its ports when it is read. The
 * interval from the stored reading to the file's first one may fall in the previous day (or month)
 * and is written there. Importing the same file again changes nothing.
 */
export async function importCounterFile(
  store: Store,
  file: string,
  options: { replace?: boolean; month?: string } = {},
): Promise<CounterImportOutcome> {
  const located = readCounterFile(file, options);
  const batch = fileBatch("counters", file);
  const replace = options.replace ?? false;
  return store.db.transaction().execute(async (tx) => {
    const claim = await claimBatch(tx, { ...batch, kind: "counters", items: located.length });
    const owners = await contractOwners(
      tx,
      located.map((l) => l.reading.contractId),
    );
    const unknown = located
      .filter(({ reading }) => !owners.has(reading.contractId))
      .map(
        ({ reading, where }) =>
          new UplinkError(
            "INVALID_INPUT",
            `Unknown contract "${reading.contractId}"; import contracts first.`,
            {
              location: { ...where, field: "contract_id" },
            },
          ),
      );
    if (unknown.length > 0) throw combineProblems(unknown, file);

    const stored = await lastReadings(tx, owners.keys());
    const ports = new Map<string, LocatedReading[]>();
    for (const item of located) {
      const key = portKey(item.reading);
      const list = ports.get(key);
      if (list) list.push(item);
      else ports.set(key, [item]);
    }
    const dropped: Record<DropReason, number> = {
      reset: 0,
      "over-line-rate": 0,
      gap: 0,
      "same-instant": 0,
    };
    const blocks = new Map<string, SampleBlock>();
    const lines = new Map<string, InputLocation>();
    const latest: (PortReading & { customerId: string })[] = [];
    for (const [key, items] of ports) {
      items.sort((a, b) => a.reading.at - b.reading.at);
      const first = items[0]!.reading;
      const newest = items.at(-1)!.reading;
      const customerId = owners.get(first.contractId)!;
      latest.push({ ...newest, customerId });
      const previous = stored.get(key);
      const series = items.map((i) => i.reading);
      if (previous && previous.at < first.at) series.unshift(previous);
      const result = ratesFromCounters(series);
      for (const interval of result.dropped) dropped[interval.reason]++;
      let ending = 0;
      for (const rate of result.rates) {
        const blockId = `${key}|${rate.day}`;
        let block = blocks.get(blockId);
        if (!block) {
          block = emptyBlock({
            customerId,
            contractId: first.contractId,
            day: rate.day,
            port: first.port,
          });
          blocks.set(blockId, block);
        }
        block.inBps[rate.slot] = rate.inBps;
        block.outBps[rate.slot] = rate.outBps;
        // A conflict names the first reading after the window's start: one that ends its interval.
        const start = windowStart(rate);
        while (ending < items.length - 1 && items[ending]!.reading.at <= start) ending++;
        lines.set(`${blockId}|${rate.slot}`, { ...items[ending]!.where, field: "in_octets" });
      }
    }
    const windows = [...blocks.values()].reduce((sum, b) => sum + presentSlots(b), 0);
    const outcome = {
      file,
      kind: "counters" as const,
      repeated: claim === "repeat",
      readings: located.length,
      dropped,
    };
    if (claim === "repeat" && !replace)
      return { ...outcome, added: 0, unchanged: windows, replaced: 0 };
    const written = await writeSampleBlocks(tx, [...blocks.values()], {
      replace,
      locate: (block, slot) => lines.get(`${block.contractId}|${block.port}|${block.day}|${slot}`),
    });
    await saveLastReadings(tx, latest, stored);
    return { ...outcome, ...written };
  });
}
