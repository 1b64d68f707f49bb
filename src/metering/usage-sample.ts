import type { InputLocation } from "../core/index.js";
import { emptyBlock, type SampleBlock } from "./sample-block.js";
import { isWindowStart, type SampleWindow, windowContaining } from "./sample-window.js";
import { usageFields } from "./usage-fields.js";

/** A contract's traffic in one 5-minute window, in whole bits per second each way. */
export interface UsageSample extends SampleWindow {
  readonly contractId: string;
  readonly inBps: number;
  readonly outBps: number;
}

export const SAMPLE_FIELDS = ["contract_id", "timestamp", "in_bps", "out_bps"] as const;

/**
 * Reads one sample row. The timestamp is the start of the sample's window, in UTC; rates are
 * whole bits per second and never negative.
 */
export function sampleFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): UsageSample {
  const fields = usageFields(values, where);
  const contractId = fields.id("contract_id");
  const at = fields.timestamp("timestamp");
  if (!isWindowStart(at)) {
    fields.fail(
      "timestamp",
      `${values.timestamp?.trim()} is not the start of a 5-minute window: a sample is labelled by its window's start (minutes :00, :05, … :55, zero seconds).`,
    );
  }
  return {
    contractId,
    ...windowContaining(at),
    inBps: fields.rate("in_bps"),
    outBps: fields.rate("out_bps"),
  };
}

/** contract|day|slot: one sample per contract and window. */
export function sampleKey(sample: Pick<UsageSample, "contractId" | "day" | "slot">): string {
  return `${sample.contractId}|${sample.day}|${sample.slot}`;
}

/** Packs samples into day blocks of the contract as a whole (port ""), one per contract and day. */
export function blocksFromSamples(
  samples: readonly UsageSample[],
  customerOf: (contractId: string) => string,
): SampleBlock[] {
  const blocks = new Map<string, SampleBlock>();
  for (const sample of samples) {
    const key = `${sample.contractId}|${sample.day}`;
    let block = blocks.get(key);
    if (!block) {
      block = emptyBlock({
        customerId: customerOf(sample.contractId),
        contractId: sample.contractId,
        day: sample.day,
        port: "",
      });
      blocks.set(key, block);
    }
    block.inBps[sample.slot] = sample.inBps;
    block.outBps[sample.slot] = sample.outBps;
  }
  return [...blocks.values()];
}
