import type { InputLocation } from "../core/index.js";
import { recordFields } from "../input/index.js";
import { PRODUCT_LINES } from "./product-line.js";

/**
 * How a plan's price is charged:
 * - `bandwidth_tier`: a monthly fee by contracted bandwidth tier (the smallest tier that covers it);
 * - `per_unit`: a monthly fee per unit (subscription, device, rack, mailbox, …) × quantity;
 * - `commit_burst`: a monthly fee for the committed bandwidth tier plus a price per Mbps of the
 *   95th-percentile traffic above the commitment;
 * - `per_use`: a commission per use (an ATM withdrawal) × uses;
 * - `reseller_net`: a gross monthly price per unit of which only a share is presented as revenue;
 * - `one_time`: a price per unit charged once (equipment, construction work).
 * Recurring models may add a one-time set-up fee.
 */
export type ChargeModel =
  | "bandwidth_tier"
  | "per_unit"
  | "commit_burst"
  | "per_use"
  | "reseller_net"
  | "one_time";

export const CHARGE_MODELS: readonly ChargeModel[] = [
  "bandwidth_tier",
  "per_unit",
  "commit_burst",
  "per_use",
  "reseller_net",
  "one_time",
];

/** Whether a model's price depends on bandwidth (its price-book entries have tiers). */
export function isTiered(model: ChargeModel): boolean {
  return model === "bandwidth_tier" || model === "commit_burst";
}

/** A sellable plan: one product line, one charge model, priced by price-book entries. */
export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly lineId: string;
  readonly chargeModel: ChargeModel;
  /** What one unit of quantity is: circuit, subscription, device, withdrawal, … */
  readonly unit: string;
}

export const PLAN_FIELDS = ["id", "name", "line", "charge_model", "unit"] as const;

export type RawPlan = Partial<Record<(typeof PLAN_FIELDS)[number], string>>;

export function planFromRaw(raw: RawPlan, where: InputLocation): Plan {
  const f = recordFields(raw, where);
  return {
    id: f.id("id"),
    name: f.text("name"),
    lineId: f.oneOf(
      "line",
      PRODUCT_LINES.map((l) => l.id),
    ),
    chargeModel: f.oneOf("charge_model", CHARGE_MODELS),
    unit: f.text("unit"),
  };
}

/** The file's name of the first field in which two plans differ, if any. */
export function planDifference(a: Plan, b: Plan): string | undefined {
  if (a.name !== b.name) return "name";
  if (a.lineId !== b.lineId) return "line";
  if (a.chargeModel !== b.chargeModel) return "charge_model";
  if (a.unit !== b.unit) return "unit";
  return undefined;
}
