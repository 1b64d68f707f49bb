import { type InputLocation, UplinkError } from "../core/index.js";
import { combineProblems, readCsvRecords, validateAll } from "../input/index.js";
import type { Store } from "../store/index.js";
import { contractOwners } from "./contract-owner.repository.js";
import { writeSampleBlocks } from "./sample-block.repository.js";
import { claimBatch } from "./usage-batch.repository.js";
import { fileBatch, repeatGuard, type UsageImportOutcome } from "./usage-import.js";
import { usageMonthGuard } from "./usage-month.js";
import {
  blocksFromSamples,
  SAMPLE_FIELDS,
  sampleFromRaw,
  sampleKey,
  type UsageSample,
} from "./usage-sample.js";

export interface LocatedSample {
  readonly sample: UsageSample;
  readonly where: InputLocation;
}

/**
 * Reads and validates a samples file (contract_id, timestamp, in_bps, out_bps). Every bad row is
 * reported with its line and field; a file holds one month (`month`, or its first sample's); a
 * window written twice with the same rates is kept once, with other rates it is an error.
 */
export function readSampleFile(
  file: string,
  options: { month?: string } = {},
): { samples: LocatedSample[]; repeats: number } {
  const records = readCsvRecords(file, { required: SAMPLE_FIELDS });
  const inMonth = usageMonthGuard(options.month);
  const once = repeatGuard("This contract's window");
  const checked = validateAll(
    records,
    ({ values, where }) => {
      const sample = sampleFromRaw(values, where);
      inMonth(sample.day, where, "timestamp");
      const repeat = once(
        sampleKey(sample),
        `${sample.inBps}/${sample.outBps}`,
        where,
        "timestamp",
      );
      return repeat ? null : { sample, where };
    },
    file,
  );
  const samples = checked.filter((s): s is LocatedSample => s !== null);
  return { samples, repeats: checked.length - samples.length };
}

/**
 * Imports a samples file in one transaction: all of it or nothing. The file's digest is its batch
 * key, stored with its samples, so importing it again changes nothing; a sample that differs from
 * a stored one is a CONFLICT naming its line unless `replace`.
 */
export async function importSampleFile(
  store: Store,
  file: string,
  options: { replace?: boolean; month?: string } = {},
): Promise<UsageImportOutcome> {
  const { samples, repeats } = readSampleFile(file, options);
  const batch = fileBatch("samples", file);
  const replace = options.replace ?? false;
  return store.db.transaction().execute(async (tx) => {
    const claim = await claimBatch(tx, { ...batch, kind: "samples", items: samples.length });
    const owners = await contractOwners(
      tx,
      samples.map((s) => s.sample.contractId),
    );
    const unknown = samples
      .filter(({ sample }) => !owners.has(sample.contractId))
      .map(
        ({ sample, where }) =>
          new UplinkError(
            "INVALID_INPUT",
            `Unknown contract "${sample.contractId}"; import contracts first.`,
            {
              location: { ...where, field: "contract_id" },
            },
          ),
      );
    if (unknown.length > 0) throw combineProblems(unknown, file);
    const outcome = { file, kind: "samples" as const, repeated: claim === "repeat" };
    if (claim === "repeat" && !replace) {
      return { ...outcome, added: 0, unchanged: samples.length + repeats, replaced: 0 };
    }
    const lines = new Map(samples.map(({ sample, where }) => [sampleKey(sample), where]));
    const written = await writeSampleBlocks(
      tx,
      blocksFromSamples(
        samples.map((s) => s.sample),
        (id) => owners.get(id)!,
      ),
      {
        replace,
        locate: (block, slot) => {
          const where = lines.get(
            sampleKey({ contractId: block.contractId, day: block.day, slot }),
          );
          return where && { ...where, field: "in_bps" };
        },
      },
    );
    return { ...outcome, ...written, unchanged: written.unchanged + repeats };
  });
}
