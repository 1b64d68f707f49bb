import { Decimal } from "../core/index.js";
import type { PerShareFigures } from "../ledger/index.js";
import { type Fact, findMetric, GROUP_ENTITY } from "../reporting/index.js";

/** The source every fact read from the books carries, so a fact says where it came from. */
export const LEDGER_SOURCE = "ledger";
/** The source of KPIs counted from operational records (contracts, SI projects, ATMs). */
export const OPERATIONS_SOURCE = "operations";

/** Dividends per share come from the shares and dividends records, not the balances. */
export const SHARES_SOURCE = "shares";

const ONE = new Decimal(1);
const SEN = new Decimal("0.01");
/** Contracted bandwidth is kept in Mbps, so Gbps are exact to a thousandth. */
const ONE_MBPS_IN_GBPS = new Decimal("0.001");

/** A metric's amount in the ledger for a window: yen, revenue and costs positive as published. */
export interface LedgerAmount {
  readonly metric: string;
  readonly amount: bigint;
}

/**
 * One quarter of the books as facts: one per metric the charts of accounts feed, in yen, exact to
 * the yen (resolution 1). A metric the quarter's balances leave out is a zero, not a gap: the
 * ledger is the whole record of a booked quarter, and a zero keeps totals and halves computable.
 * Metrics outside the catalogue, or not kept in yen, are left out.
 */
export function ledgerFacts(
  period: string,
  amounts: readonly LedgerAmount[],
  chartMetrics: Iterable<string>,
): Fact[] {
  const byMetric = new Map<string, bigint>();
  for (const metric of chartMetrics) byMetric.set(metric, 0n);
  for (const { metric, amount } of amounts) {
    byMetric.set(metric, (byMetric.get(metric) ?? 0n) + amount);
  }
  const facts: Fact[] = [];
  for (const [metricId, amount] of [...byMetric].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const metric = findMetric(metricId);
    if (!metric || metric.derivation || metric.unit !== "JPY million") continue;
    facts.push(fact(metricId, period, new Decimal(amount.toString()), "JPY", ONE, LEDGER_SOURCE));
  }
  return facts;
}

/** The KPIs operations count for one quarter (stocks at its last day, orders within it). */
export interface QuarterOperations {
  readonly period: string;
  readonly contractedMbps: bigint;
  readonly contractsOver1Gbps: number;
  readonly ordersReceived: { readonly construction: bigint; readonly operation: bigint };
  readonly orderBacklog: { readonly construction: bigint; readonly operation: bigint };
  readonly atms: number;
}

/**
 * Operational KPIs as facts, exact. A KPI that is zero in every quarter is left out: the records it
 * counts are not kept in this store (a ledger posted without contracts, say), and a line of zeros
 * would read as a measurement.
 */
export function operationFacts(quarters: readonly QuarterOperations[]): Fact[] {
  const kpis: {
    metric: string;
    unit: Fact["unit"];
    resolution: Decimal;
    of: (q: QuarterOperations) => Decimal;
  }[] = [
    {
      metric: "kpi.contracted_bandwidth_gbps",
      unit: "Gbps",
      resolution: ONE_MBPS_IN_GBPS,
      of: (q) => new Decimal(q.contractedMbps.toString()).times(ONE_MBPS_IN_GBPS),
    },
    {
      metric: "kpi.contracts_over_1gbps",
      unit: "count",
      resolution: ONE,
      of: (q) => new Decimal(q.contractsOver1Gbps),
    },
    {
      metric: "orders.construction.received",
      unit: "JPY",
      resolution: ONE,
      of: (q) => new Decimal(q.ordersReceived.construction.toString()),
    },
    {
      metric: "orders.operation.received",
      unit: "JPY",
      resolution: ONE,
      of: (q) => new Decimal(q.ordersReceived.operation.toString()),
    },
    {
      metric: "orders.construction.backlog",
      unit: "JPY",
      resolution: ONE,
      of: (q) => new Decimal(q.orderBacklog.construction.toString()),
    },
    {
      metric: "orders.operation.backlog",
      unit: "JPY",
      resolution: ONE,
      of: (q) => new Decimal(q.orderBacklog.operation.toString()),
    },
    { metric: "kpi.atm_units", unit: "count", resolution: ONE, of: (q) => new Decimal(q.atms) },
  ];
  const facts: Fact[] = [];
  for (const kpi of kpis) {
    const values = quarters.map((q) => ({ period: q.period, value: kpi.of(q) }));
    if (values.every(({ value }) => value.isZero())) continue;
    for (const { period, value } of values) {
      facts.push(fact(kpi.metric, period, value, kpi.unit, kpi.resolution, OPERATIONS_SOURCE));
    }
  }
  return facts;
}

function fact(
  metric: string,
  period: string,
  value: Decimal,
  unit: Fact["unit"],
  resolution: Decimal,
  source: string,
): Fact {
  return {
    metric,
    entity: GROUP_ENTITY,
    period,
    scenario: "actual",
    value,
    unit,
    resolution,
    source,
  };
}

/**
 * Per-share figures of a period as facts: net income per share (to the sen) and, for a fiscal
 * year, its interim and year-end dividends per share, restated for later splits as the presentation
 * shows them.
 */
export function perShareFacts(period: string, figures: PerShareFigures): Fact[] {
  const facts = [
    fact("per_share.net_income", period, figures.netIncomePerShare, "JPY", SEN, LEDGER_SOURCE),
  ];
  for (const kind of ["interim", "year_end"] as const) {
    const dividends = figures.dividends.filter((d) => d.kind === kind);
    if (dividends.length === 0) continue;
    const restated = dividends.reduce((sum, d) => sum.plus(d.restated), new Decimal(0));
    facts.push(fact(`per_share.dividend.${kind}`, period, restated, "JPY", SEN, SHARES_SOURCE));
  }
  return facts;
}
