import {
  Decimal,
  decimalsOf,
  formatPeriod,
  type InputLocation,
  parseDecimal,
  parsePeriod,
  UplinkError,
} from "../core/index.js";
import { type BaseUnit, baseUnitOf } from "./metric.js";
import { findMetric } from "./metric-catalogue.js";

/** Whether a figure happened or was planned. */
export type Scenario = "actual" | "target";
export const SCENARIOS: readonly Scenario[] = ["actual", "target"];

/** The consolidated group: the entity of every published figure. */
export const GROUP_ENTITY = "group";

/**
 * One figure: `(metric, entity, period, scenario) → value`. The value is exact, in the metric's base
 * unit (yen for money); `resolution` is the step the source printed it to (1,000,000 yen for a
 * figure printed in JPY million), which bounds how far rounding may have moved it.
 */
export interface Fact {
  readonly metric: string;
  readonly entity: string;
  readonly period: string;
  readonly scenario: Scenario;
  readonly value: Decimal;
  readonly unit: BaseUnit;
  readonly resolution: Decimal;
  readonly source: string;
}

/** Units a fact may be written in, and what each is in the store's base unit. */
export const INPUT_UNITS: Readonly<Record<string, { base: BaseUnit; factor: Decimal }>> = {
  "JPY billion": { base: "JPY", factor: new Decimal("1000000000") },
  "JPY million": { base: "JPY", factor: new Decimal("1000000") },
  JPY: { base: "JPY", factor: new Decimal(1) },
  Gbps: { base: "Gbps", factor: new Decimal(1) },
  count: { base: "count", factor: new Decimal(1) },
  "%": { base: "%", factor: new Decimal(1) },
};

export const FACT_FIELDS = [
  "metric",
  "entity",
  "period",
  "value",
  "unit",
  "scenario",
  "source",
] as const;

export type RawFact = Partial<Record<(typeof FACT_FIELDS)[number], string>>;

export function factKey(fact: Pick<Fact, "metric" | "entity" | "period" | "scenario">): string {
  return `${fact.metric}|${fact.entity}|${fact.period}|${fact.scenario}`;
}

/**
 * Validates one written fact and brings it to the store's form: a catalogue metric, a period in
 * the short form (`FY2012` → `FY12`), the value scaled exactly to the base unit. `where` names the
 * file and line; each error adds the field.
 */
export function factFromRaw(raw: RawFact, where: InputLocation): Fact {
  const field = (name: (typeof FACT_FIELDS)[number], required = true): string => {
    const value = raw[name]?.trim() ?? "";
    if (required && value === "") {
      throw new UplinkError("INVALID_INPUT", `The field "${name}" is empty.`, {
        location: { ...where, field: name },
      });
    }
    return value;
  };
  const at = (name: string): InputLocation => ({ ...where, field: name });

  const metricId = field("metric");
  const metric = findMetric(metricId);
  if (!metric) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Unknown metric "${metricId}"; \`uplink metrics\` lists the catalogue.`,
      { location: at("metric") },
    );
  }
  const entity = field("entity", false) || GROUP_ENTITY;
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(entity)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The entity "${entity}" must be lower-case letters, digits, "-" or "_".`,
      { location: at("entity") },
    );
  }
  let period: string;
  try {
    period = formatPeriod(parsePeriod(field("period")));
  } catch (error) {
    throw new UplinkError("INVALID_INPUT", (error as Error).message, {
      cause: error,
      location: at("period"),
    });
  }
  const scenarioText = field("scenario", false) || "actual";
  if (!SCENARIOS.includes(scenarioText as Scenario)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The scenario "${scenarioText}" must be "actual" or "target".`,
      { location: at("scenario") },
    );
  }
  const unitText = field("unit");
  const unit = INPUT_UNITS[unitText];
  const expected = baseUnitOf(metric.unit);
  if (!unit || unit.base !== expected) {
    const allowed = Object.entries(INPUT_UNITS)
      .filter(([, u]) => u.base === expected)
      .map(([name]) => `"${name}"`)
      .join(" or ");
    throw new UplinkError(
      "INVALID_INPUT",
      `The unit "${unitText}" does not fit ${metric.id}; write it in ${allowed}.`,
      { location: at("unit") },
    );
  }
  const valueText = field("value");
  const printed = parseDecimal(valueText, at("value"));
  const decimals = decimalsOf(valueText);
  return {
    metric: metric.id,
    entity,
    period,
    scenario: scenarioText as Scenario,
    value: printed.times(unit.factor),
    unit: unit.base,
    resolution: new Decimal(10).pow(-decimals).times(unit.factor),
    source: field("source"),
  };
}

/** Same figure at the same precision; where it was read from does not make it another fact. */
export function sameFact(a: Fact, b: Fact): boolean {
  return a.value.equals(b.value) && a.unit === b.unit && a.resolution.equals(b.resolution);
}
