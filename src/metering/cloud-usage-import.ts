import { type InputLocation, UplinkError } from "../core/index.js";
import { combineProblems, readCsvRecords, validateAll } from "../input/index.js";
import type { Store } from "../store/index.js";
import {
  CLOUD_USAGE_FIELDS,
  type CloudUsage,
  cloudUsageFromRaw,
  cloudUsageKey,
} from "./cloud-usage.js";
import { writeCloudUsage } from "./cloud-usage.repository.js";
import { contractOwners } from "./contract-owner.repository.js";
import { claimBatch } from "./usage-batch.repository.js";
import { fileBatch, repeatGuard, type UsageImportOutcome } from "./usage-import.js";
import { usageMonthGuard } from "./usage-month.js";

export interface LocatedCloudUsage {
  readonly usage: CloudUsage;
  readonly where: InputLocation;
}

/** Reads and validates a cloud usage file (contract_id, day, resource, quantity); one month per file. */
export function readCloudUsageFile(
  file: string,
  options: { month?: string } = {},
): LocatedCloudUsage[] {
  const records = readCsvRecords(file, { required: CLOUD_USAGE_FIELDS });
  const inMonth = usageMonthGuard(options.month);
  const once = repeatGuard("This contract's resource on this day");
  const checked = validateAll(
    records,
    ({ values, where }) => {
      const usage = cloudUsageFromRaw(values, where);
      inMonth(usage.day, where, "day");
      const repeat = once(cloudUsageKey(usage), usage.quantity, where, "quantity");
      return repeat ? null : { usage, where };
    },
    file,
  );
  return checked.filter((u): u is LocatedCloudUsage => u !== null);
}

/** Imports daily cloud resource usage in one transaction; the same file again changes nothing. */
export async function importCloudUsageFile(
  store: Store,
  file: string,
  options: { replace?: boolean; month?: string } = {},
): Promise<UsageImportOutcome> {
  const located = readCloudUsageFile(file, options);
  const batch = fileBatch("cloud-usage", file);
  const replace = options.replace ?? false;
  return store.db.transaction().execute(async (tx) => {
    const claim = await claimBatch(tx, { ...batch, kind: "cloud-usage", items: located.length });
    const owners = await contractOwners(
      tx,
      located.map((l) => l.usage.contractId),
    );
    const unknown = located
      .filter(({ usage }) => !owners.has(usage.contractId))
      .map(
        ({ usage, where }) =>
          new UplinkError(
            "INVALID_INPUT",
            `Unknown contract "${usage.contractId}"; import contracts first.`,
            {
              location: { ...where, field: "contract_id" },
            },
          ),
      );
    if (unknown.length > 0) throw combineProblems(unknown, file);
    const outcome = { file, kind: "cloud-usage" as const, repeated: claim === "repeat" };
    if (claim === "repeat" && !replace) {
      return { ...outcome, added: 0, unchanged: located.length, replaced: 0 };
    }
    const lines = new Map(located.map(({ usage, where }) => [cloudUsageKey(usage), where]));
    const written = await writeCloudUsage(
      tx,
      located.map((l) => ({ ...l.usage, customerId: owners.get(l.usage.contractId)! })),
      { replace, locate: (u) => lines.get(cloudUsageKey(u)) },
    );
    return { ...outcome, ...written };
  });
}
