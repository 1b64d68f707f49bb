import {
  Decimal,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  lastQuarterOf,
  subPeriods,
} from "../core/index.js";
import { type Fact, factKey, GROUP_ENTITY, type Scenario } from "./fact.js";
import type { Metric } from "./metric.js";
import { findMetric } from "./metric-catalogue.js";

/**
 * A resolved figure: its value, and the interval the true value lies in given the rounding of every
 * printed input it was computed from (a figure printed as 6,265 JPY million is 6,264.5–6,265.5).
 */
export interface Resolved {
  readonly value: Decimal;
  readonly low: Decimal;
  readonly high: Decimal;
  /** `fact` when read as stored; `derived` when computed from other figures. */
  readonly origin: "fact" | "derived";
}

export interface ValueQuery {
  readonly metric: string;
  readonly period: FiscalPeriod;
  readonly scenario?: Scenario;
  readonly entity?: string;
}

export type ValueResolver = (query: ValueQuery) => Resolved | null;

/**
 * Builds the one function every report and check uses to read a figure. Derived metrics are
 * computed (their formula first, then by adding up sub-periods), and fall back to a stored fact only
 * where their inputs are missing (a year before the segment split was published, a target);
 * stored metrics are read as stored, or added up from quarters and halves (flows), or read at the
 * period's last quarter (stocks). Ratios are always recomputed from their parts.
 */
export function createValueResolver(
  facts: readonly Fact[],
  calendar?: FiscalCalendar,
): ValueResolver {
  const stored = new Map(facts.map((fact) => [factKey(fact), fact]));
  const memo = new Map<string, Resolved | null>();

  const resolve = (
    metricId: string,
    period: FiscalPeriod,
    scenario: Scenario,
    entity: string,
  ): Resolved | null => {
    const periodText = formatPeriod(period, calendar);
    const key = factKey({ metric: metricId, entity, period: periodText, scenario });
    if (memo.has(key)) return memo.get(key) ?? null;
    memo.set(key, null); // a cycle in the catalogue would resolve to "missing", not recurse forever
    const metric = findMetric(metricId);
    const fact = stored.get(key);
    const fromFact = fact ? factInterval(fact) : null;
    let result: Resolved | null = null;
    if (metric?.derivation) {
      result =
        derive(metric, period, scenario, entity) ??
        (metric.aggregation === "ratio" ? null : aggregate(metric, period, scenario, entity)) ??
        fromFact;
    } else if (metric) {
      result = fromFact ?? aggregate(metric, period, scenario, entity);
    }
    memo.set(key, result);
    return result;
  };

  const derive = (
    metric: Metric,
    period: FiscalPeriod,
    scenario: Scenario,
    entity: string,
  ): Resolved | null => {
    const derivation = metric.derivation!;
    if (derivation.kind === "ratio") {
      const numerator = resolve(derivation.numerator, period, scenario, entity);
      const denominator = resolve(derivation.denominator, period, scenario, entity);
      return numerator && denominator ? percentRatio(numerator, denominator) : null;
    }
    const terms: { value: Resolved; sign: 1 | -1 }[] = [];
    for (const term of derivation.terms) {
      const value = resolve(term.metric, period, scenario, entity);
      if (!value) return null;
      terms.push({ value, sign: term.sign });
    }
    return signedSum(terms);
  };

  const aggregate = (
    metric: Metric,
    period: FiscalPeriod,
    scenario: Scenario,
    entity: string,
  ): Resolved | null => {
    if (period.kind === "quarter" || period.kind === "month") return null;
    if (metric.aggregation === "stock") {
      const last = lastQuarterOf(period);
      return resolve(metric.id, last, scenario, entity);
    }
    if (metric.aggregation !== "flow") return null;
    // A year adds up its halves, each of which may be stored or add up its own quarters.
    const parts = subPeriods(period, period.kind === "year" ? "half" : "quarter");
    const values: { value: Resolved; sign: 1 }[] = [];
    for (const part of parts) {
      const value = resolve(metric.id, part, scenario, entity);
      if (!value) return null;
      values.push({ value, sign: 1 });
    }
    return signedSum(values);
  };

  return ({ metric, period, scenario = "actual", entity = GROUP_ENTITY }) =>
    resolve(metric, period, scenario, entity);
}

function factInterval(fact: Fact): Resolved {
  const half = fact.resolution.div(2);
  return {
    value: fact.value,
    low: fact.value.minus(half),
    high: fact.value.plus(half),
    origin: "fact",
  };
}

export function signedSum(terms: readonly { value: Resolved; sign: 1 | -1 }[]): Resolved {
  let value = new Decimal(0);
  let low = new Decimal(0);
  let high = new Decimal(0);
  for (const { value: term, sign } of terms) {
    if (sign === 1) {
      value = value.plus(term.value);
      low = low.plus(term.low);
      high = high.plus(term.high);
    } else {
      value = value.minus(term.value);
      low = low.minus(term.high);
      high = high.minus(term.low);
    }
  }
  return { value, low, high, origin: "derived" };
}

/**
 * `numerator ÷ denominator × 100`, with the widest interval its inputs allow. Null when the
 * denominator is zero; an interval that straddles zero has no bound, so it is left unbounded.
 */
export function percentRatio(numerator: Resolved, denominator: Resolved): Resolved | null {
  if (denominator.value.isZero()) return null;
  const hundred = new Decimal(100);
  const value = numerator.value.div(denominator.value).times(hundred);
  if (denominator.low.lte(0) && denominator.high.gte(0)) {
    return { value, low: new Decimal(-Infinity), high: new Decimal(Infinity), origin: "derived" };
  }
  const corners = [
    numerator.low.div(denominator.low),
    numerator.low.div(denominator.high),
    numerator.high.div(denominator.low),
    numerator.high.div(denominator.high),
  ].map((c) => c.times(hundred));
  return { value, low: Decimal.min(...corners), high: Decimal.max(...corners), origin: "derived" };
}

/**
 * Percent change of `current` against `base`, measured against |base| so that a smaller loss is a
 * rise. Written as `current ÷ |base| × 100 ∓ 100` so the interval treats `base` as one input.
 */
export function percentChangeInterval(current: Resolved, base: Resolved): Resolved | null {
  if (base.value.isZero()) return null;
  const negative = base.value.isNegative();
  const magnitude: Resolved = negative
    ? { value: base.value.neg(), low: base.high.neg(), high: base.low.neg(), origin: base.origin }
    : base;
  const ratio = percentRatio(current, magnitude);
  if (!ratio) return null;
  const shift = new Decimal(negative ? 100 : -100);
  return {
    value: ratio.value.plus(shift),
    low: ratio.low.plus(shift),
    high: ratio.high.plus(shift),
    origin: "derived",
  };
}
