import type { InputLocation } from "../core/index.js";
import { usageFields } from "./usage-fields.js";

/** How many withdrawals an ATM served in one day: what the ATM operation earns its commission on. */
export interface AtmWithdrawal {
  readonly atmId: string;
  readonly day: string;
  readonly count: number;
}

export const WITHDRAWAL_FIELDS = ["atm_id", "day", "count"] as const;

export function withdrawalFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): AtmWithdrawal {
  const fields = usageFields(values, where);
  return { atmId: fields.id("atm_id"), day: fields.day("day"), count: fields.count("count") };
}

export function withdrawalKey(withdrawal: Pick<AtmWithdrawal, "atmId" | "day">): string {
  return `${withdrawal.atmId}|${withdrawal.day}`;
}
