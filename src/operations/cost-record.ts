import { type InputLocation, UplinkError } from "../core/index.js";
import { recordFields } from "../input/index.js";
import { firstDifference } from "./first-difference.js";

/**
 * A month's cost of one kind for one group company: cost of revenues by segment and category
 * (network services: circuit, network operation, personnel, outsourcing, other; SI: purchasing,
 * outsourcing, personnel, network operation, other; equipment sales and ATM operation: purchasing,
 * other), or SG&A/R&D, recorded with the pseudo-segment "sga" (sales and marketing, general and
 * administrative, R&D). One amount per (group company, month, segment, category).
 */
export type CostSegment = "network" | "si" | "equipment" | "atm" | "sga";
export const COST_SEGMENTS: readonly CostSegment[] = ["network", "si", "equipment", "atm", "sga"];

export const COST_CATEGORIES: Readonly<Record<CostSegment, readonly string[]>> = {
  network: ["circuit", "network_operation", "personnel", "outsourcing", "other"],
  si: ["purchasing", "outsourcing", "personnel", "network_operation", "other"],
  equipment: ["purchasing", "other"],
  atm: ["purchasing", "other"],
  sga: ["sales_marketing", "general_admin", "rnd"],
};

export interface CostRecord {
  /** Calendar month, `YYYY-MM`. */
  readonly month: string;
  readonly groupCompanyId: string;
  readonly segment: CostSegment;
  readonly category: string;
  /** Yen; negative for a reversal or credit. */
  readonly amountYen: bigint;
}

export const COST_FIELDS = ["month", "group_company", "segment", "category", "amount_yen"] as const;

/**
 * The catalogue metric a record adds to: cost.network.circuit, cost.si.purchasing, sga.rnd, …
 * The catalogue breaks equipment and ATM costs into no categories, so theirs add to cost.equipment
 * and cost.atm.
 */
export function costMetricId(record: Pick<CostRecord, "segment" | "category">): string {
  switch (record.segment) {
    case "sga":
      return `sga.${record.category}`;
    case "equipment":
    case "atm":
      return `cost.${record.segment}`;
    default:
      return `cost.${record.segment}.${record.category}`;
  }
}

export function costRecordKey(record: CostRecord): string {
  return `${record.groupCompanyId}/${record.month}/${record.segment}.${record.category}`;
}

export function costRecordFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): CostRecord {
  const f = recordFields(values, where);
  const month = f.month("month");
  const groupCompanyId = f.id("group_company");
  const segment = f.oneOf("segment", COST_SEGMENTS);
  const category = f.text("category");
  const allowed = COST_CATEGORIES[segment];
  if (!allowed.includes(category)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `"${category}" is not a ${segment} category; the categories are ${allowed.join(", ")}.`,
      { location: f.at("category") },
    );
  }
  return { month, groupCompanyId, segment, category, amountYen: f.yen("amount_yen") };
}

export function costRecordDifference(a: CostRecord, b: CostRecord): string | undefined {
  return firstDifference([["amount_yen", a.amountYen, b.amountYen]]);
}
