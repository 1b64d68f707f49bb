import { type Decimal, roundTo } from "../core/index.js";

/** A metric of the catalogue: what a figure means, how it is shown, and how it derives. */
export type MetricUnit = "JPY million" | "JPY" | "Gbps" | "count" | "%";

/** Units the store keeps values in: money in yen, the rest as shown. */
export type BaseUnit = "JPY" | "Gbps" | "count" | "%";

export type Segment = "total" | "network" | "si" | "equipment" | "atm" | "corporate";

export type ReportSection =
  | "revenue"
  | "cost"
  | "gross_margin"
  | "sga"
  | "income"
  | "kpi"
  | "orders"
  | "cash_flow"
  | "balance_sheet"
  | "per_share"
  | "customer_mix";

/**
 * Flows add up over time (a half is the sum of its quarters); stocks are read at a period's end
 * (a half is its last quarter); ratios are recomputed from their parts, never added.
 */
export type Aggregation = "flow" | "stock" | "ratio";

export interface SignedTerm {
  readonly metric: string;
  readonly sign: 1 | -1;
}

export type Derivation =
  | { readonly kind: "sum"; readonly terms: readonly SignedTerm[] }
  | { readonly kind: "ratio"; readonly numerator: string; readonly denominator: string };

export interface Metric {
  readonly id: string;
  readonly label: string;
  readonly unit: MetricUnit;
  readonly segment: Segment;
  readonly section: ReportSection;
  readonly aggregation: Aggregation;
  /** Decimals shown in reports, following the presentation's printing. */
  readonly decimals: number;
  /** Present for derived metrics: they are computed from facts, never stored. */
  readonly derivation?: Derivation;
}

export function baseUnitOf(unit: MetricUnit): BaseUnit {
  return unit === "JPY million" ? "JPY" : unit;
}

export function isDerived(metric: Metric): boolean {
  return metric.derivation !== undefined;
}

/** A stored or derived value in the unit the metric is shown in (yen → JPY million), rounded half-up. */
export function displayValue(metric: Metric, value: Decimal): number {
  const shown = metric.unit === "JPY million" ? value.div(1_000_000) : value;
  return roundTo(shown, metric.decimals).toNumber();
}
