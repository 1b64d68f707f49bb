import type { InputLocation } from "../core/index.js";
import { usageFields } from "./usage-fields.js";

/**
 * A contract's use of one cloud resource in one day, e.g. `vcpu_hours` 96 or `storage_gb` 500.5.
 * The quantity is exact decimal text in the resource's unit; the price book says what a unit costs.
 */
export interface CloudUsage {
  readonly contractId: string;
  readonly day: string;
  readonly resource: string;
  readonly quantity: string;
}

export const CLOUD_USAGE_FIELDS = ["contract_id", "day", "resource", "quantity"] as const;

export function cloudUsageFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): CloudUsage {
  const fields = usageFields(values, where);
  return {
    contractId: fields.id("contract_id"),
    day: fields.day("day"),
    resource: fields.name("resource"),
    quantity: fields.quantity("quantity"),
  };
}

export function cloudUsageKey(usage: Pick<CloudUsage, "contractId" | "day" | "resource">): string {
  return `${usage.contractId}|${usage.day}|${usage.resource}`;
}
