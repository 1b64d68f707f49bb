import { type InputLocation, UplinkError } from "../core/index.js";
import { combineProblems, readCsvRecords, validateAll } from "../input/index.js";
import type { Store } from "../store/index.js";
import {
  type AtmWithdrawal,
  WITHDRAWAL_FIELDS,
  withdrawalFromRaw,
  withdrawalKey,
} from "./atm-withdrawal.js";
import { atmPlacements, writeWithdrawals } from "./atm-withdrawal.repository.js";
import { claimBatch } from "./usage-batch.repository.js";
import { fileBatch, repeatGuard, type UsageImportOutcome } from "./usage-import.js";
import { usageMonthGuard } from "./usage-month.js";

export interface LocatedWithdrawal {
  readonly withdrawal: AtmWithdrawal;
  readonly where: InputLocation;
}

/** Reads and validates a withdrawals file (atm_id, day, count); a file holds one month. */
export function readWithdrawalFile(
  file: string,
  options: { month?: string } = {},
): LocatedWithdrawal[] {
  const records = readCsvRecords(file, { required: WITHDRAWAL_FIELDS });
  const inMonth = usageMonthGuard(options.month);
  const once = repeatGuard("This ATM's day");
  const checked = validateAll(
    records,
    ({ values, where }) => {
      const withdrawal = withdrawalFromRaw(values, where);
      inMonth(withdrawal.day, where, "day");
      const repeat = once(withdrawalKey(withdrawal), String(withdrawal.count), where, "count");
      return repeat ? null : { withdrawal, where };
    },
    file,
  );
  return checked.filter((w): w is LocatedWithdrawal => w !== null);
}

/**
 * Imports daily ATM withdrawal counts in one transaction. Each ATM must exist and be in place on
 * the day (placed on or before it, not yet removed). Importing the same file again changes nothing.
 */
export async function importWithdrawalFile(
  store: Store,
  file: string,
  options: { replace?: boolean; month?: string } = {},
): Promise<UsageImportOutcome> {
  const located = readWithdrawalFile(file, options);
  const batch = fileBatch("withdrawals", file);
  const replace = options.replace ?? false;
  return store.db.transaction().execute(async (tx) => {
    const claim = await claimBatch(tx, { ...batch, kind: "withdrawals", items: located.length });
    const placements = await atmPlacements(
      tx,
      located.map((l) => l.withdrawal.atmId),
    );
    const problems: UplinkError[] = [];
    for (const { withdrawal, where } of located) {
      const placement = placements.get(withdrawal.atmId);
      if (!placement) {
        problems.push(
          new UplinkError(
            "INVALID_INPUT",
            `Unknown ATM "${withdrawal.atmId}"; import ATMs first.`,
            {
              location: { ...where, field: "atm_id" },
            },
          ),
        );
      } else if (
        withdrawal.day < placement.placedOn ||
        (placement.removedOn !== null && withdrawal.day >= placement.removedOn)
      ) {
        const removed =
          placement.removedOn === null ? "" : ` and removed on ${placement.removedOn}`;
        problems.push(
          new UplinkError(
            "INVALID_INPUT",
            `ATM ${withdrawal.atmId} was not in place on ${withdrawal.day}: it was placed on ${placement.placedOn}${removed}.`,
            { location: { ...where, field: "day" } },
          ),
        );
      }
    }
    if (problems.length > 0) throw combineProblems(problems, file);
    const outcome = { file, kind: "withdrawals" as const, repeated: claim === "repeat" };
    if (claim === "repeat" && !replace) {
      return { ...outcome, added: 0, unchanged: located.length, replaced: 0 };
    }
    const lines = new Map(
      located.map(({ withdrawal, where }) => [withdrawalKey(withdrawal), where]),
    );
    const written = await writeWithdrawals(
      tx,
      located.map((l) => l.withdrawal),
      { replace, locate: (w) => lines.get(withdrawalKey(w)) },
    );
    return { ...outcome, ...written };
  });
}
