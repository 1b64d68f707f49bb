import {
  Decimal,
  type FiscalPeriod,
  formatPeriod,
  parsePeriod,
  periodStart,
  subPeriods,
  UplinkError,
} from "../../core/index.js";
import type { ValueResolver } from "../../reporting/index.js";

// What the demo company must add up to, read from the reported facts: each quarter's revenue per
// line, cost per category, SG&A, and the KPIs at each quarter end. Nothing here is typed in; where
// the source publishes only a sum (the SI lines of 3Q11 and 4Q11), the split is inferred and
// said so.

export const DEMO_QUARTERS = ["1Q11", "2Q11", "3Q11", "4Q11", "1Q12", "2Q12"] as const;

export const RECURRING_LINES = [
  "revenue.network.connectivity_corporate",
  "revenue.network.connectivity_home",
  "revenue.network.wan",
  "revenue.network.outsourcing",
  "revenue.si.operation",
] as const;
export type RecurringLine = (typeof RECURRING_LINES)[number];

export const ONE_TIME_LINES = [
  "revenue.si.construction",
  "revenue.equipment",
  "revenue.atm",
] as const;

export const COST_METRICS = [
  "cost.network.circuit",
  "cost.network.network_operation",
  "cost.network.personnel",
  "cost.network.outsourcing",
  "cost.network.other",
  "cost.si.purchasing",
  "cost.si.outsourcing",
  "cost.si.personnel",
  "cost.si.network_operation",
  "cost.si.other",
  "cost.equipment",
  "cost.atm",
  "sga.sales_marketing",
  "sga.general_admin",
  "sga.rnd",
] as const;

export interface DemoTargets {
  readonly quarters: readonly string[];
  /** Calendar months `YYYY-MM`, three per quarter. */
  readonly months: readonly string[];
  /** Yen per quarter for each revenue line and cost metric. */
  readonly quarterly: ReadonlyMap<string, readonly bigint[]>;
  /** Yen per month: each quarter split in exact thirds (the remainder to the earlier months). */
  readonly monthly: ReadonlyMap<string, readonly bigint[]>;
  /** Total contracted bandwidth at each quarter end, Gbps. */
  readonly contractedBandwidthGbps: readonly Decimal[];
  /** Contracts over 1 Gbps at each quarter end (interpolated between the published quarters). */
  readonly contractsOver1Gbps: readonly number[];
}

const MILLION = 1_000_000n;

export function demoTargets(resolve: ValueResolver): DemoTargets {
  const periods = DEMO_QUARTERS.map((q) => parsePeriod(q));
  const months = periods.flatMap((p) =>
    subPeriods(p, "month").map((m) => periodStart(m).slice(0, 7)),
  );
  const yenOf = (metric: string, period: FiscalPeriod): bigint | null => {
    const value = resolve({ metric, period })?.value;
    return value === undefined ? null : BigInt(value.toFixed(0));
  };
  const required = (metric: string, period: FiscalPeriod): bigint => {
    const value = yenOf(metric, period);
    if (value === null) {
      throw new UplinkError(
        "NOT_FOUND",
        `The demo company is calibrated on ${metric} for ${formatPeriod(period)}, which the reported facts lack.`,
      );
    }
    return value;
  };

  const quarterly = new Map<string, bigint[]>();
  for (const metric of [
    ...RECURRING_LINES.filter((m) => !m.startsWith("revenue.si")),
    "revenue.equipment",
    "revenue.atm",
    ...COST_METRICS,
  ]) {
    quarterly.set(
      metric,
      periods.map((p) => required(metric, p)),
    );
  }
  const [construction, operation] = splitSystemsIntegration(periods, yenOf, required);
  quarterly.set("revenue.si.construction", construction);
  quarterly.set("revenue.si.operation", operation);

  const monthly = new Map<string, bigint[]>();
  for (const [metric, values] of quarterly) monthly.set(metric, values.flatMap(thirds));

  const bandwidth = periods.map(
    (p) => resolve({ metric: "kpi.contracted_bandwidth_gbps", period: p })?.value ?? null,
  );
  if (bandwidth.some((b) => b === null)) {
    throw new UplinkError("NOT_FOUND", "The demo needs the contracted bandwidth of every quarter.");
  }
  const over1Gbps = interpolate(
    periods.map((p) => {
      const v = resolve({ metric: "kpi.contracts_over_1gbps", period: p })?.value;
      return v === undefined ? null : v.toNumber();
    }),
  );
  return {
    quarters: DEMO_QUARTERS,
    months,
    quarterly,
    monthly,
    contractedBandwidthGbps: bandwidth as Decimal[],
    contractsOver1Gbps: over1Gbps.map((n) => Math.round(n)),
  };
}

/** A quarter's yen in three months: exact, the remainder going to the earlier months. */
export function thirds(total: bigint): bigint[] {
  const base = total / 3n;
  const rest = total - base * 3n;
  return [0n, 1n, 2n].map((i) => base + (BigInt(i) < rest ? 1n : 0n));
}

/**
 * The SI lines per quarter. Where a quarter's split is not published (3Q11, 4Q11: only the SI
 * total and the FY11 line totals are), operation and maintenance is taken to move in a straight
 * line between the neighbouring published quarters, scaled so that the half adds up to the FY11
 * total less the published 1H11; construction is the SI total less that.
 */
function splitSystemsIntegration(
  periods: FiscalPeriod[],
  yenOf: (metric: string, p: FiscalPeriod) => bigint | null,
  required: (metric: string, p: FiscalPeriod) => bigint,
): [bigint[], bigint[]] {
  const construction = periods.map((p) => yenOf("revenue.si.construction", p));
  const operation = periods.map((p) => yenOf("revenue.si.operation", p));
  const missing = periods.map((_, i) => construction[i] === null || operation[i] === null);
  if (missing.some(Boolean)) {
    const fy11 = parsePeriod("FY11");
    const opYear = required("revenue.si.operation", fy11);
    const opKnown = periods.reduce(
      (sum, p, i) => (p.fiscalYear === 2011 && !missing[i] ? sum + operation[i]! : sum),
      0n,
    );
    const gap = periods.map((p, i) => missing[i] && p.fiscalYear === 2011);
    if (gap.some((g, i) => g !== missing[i])) {
      throw new UplinkError("NOT_FOUND", "The demo can infer the SI split only inside FY11.");
    }
    const straight = interpolate(operation.map((v) => (v === null ? null : Number(v / MILLION))));
    const guess = periods.map((_, i) => (missing[i] ? new Decimal(straight[i]!) : new Decimal(0)));
    const guessTotal = guess.reduce((a, b) => a.plus(b), new Decimal(0));
    const opRest = new Decimal((opYear - opKnown).toString());
    periods.forEach((p, i) => {
      if (!missing[i]) return;
      const op = BigInt(guess[i]!.div(guessTotal).times(opRest).toFixed(0));
      operation[i] = op;
      construction[i] = required("revenue.si", p) - op;
    });
  }
  return [construction as bigint[], operation as bigint[]];
}

/** Fills gaps by a straight line between known neighbours, extending the end slopes. */
export function interpolate(values: readonly (number | null)[]): number[] {
  const known = values.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
  if (known.length === 0) throw new RangeError("nothing to interpolate from");
  if (known.length === 1) return values.map(() => known[0]![1]);
  return values.map((v, i) => {
    if (v !== null) return v;
    let left = known[0]!;
    let right = known[1]!;
    for (let k = 0; k < known.length - 1; k++) {
      if (known[k]![0] <= i) {
        left = known[k]!;
        right = known[k + 1]!;
      }
    }
    return left[1] + ((right[1] - left[1]) * (i - left[0])) / (right[0] - left[0]);
  });
}
