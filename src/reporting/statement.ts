import {
  type Decimal,
  decimalsOf,
  type FiscalPeriod,
  type InputLocation,
  parseDecimal,
  parsePeriod,
  UplinkError,
} from "../core/index.js";
import type { Scenario } from "./fact.js";
import { INPUT_UNITS } from "./fact.js";
import { baseUnitOf } from "./metric.js";
import { findMetric } from "./metric-catalogue.js";

/**
 * A figure the source states about its own figures ("up 6.9% YoY", "83.5% of total revenues", a
 * printed total): what it claims, and how Uplink recomputes it from facts.
 */
export interface Statement {
  readonly id: string;
  readonly source: string;
  readonly quote: string;
  readonly expression: Expression;
  readonly expressionText: string;
  readonly stated: Decimal;
  /** Decimals as printed: the stated figure stands for anything that rounds to it. */
  readonly statedDecimals: number;
  readonly unit: string;
  readonly where: InputLocation;
}

export interface ValueRef {
  readonly metric: string;
  readonly period: FiscalPeriod;
  readonly periodText: string;
  readonly scenario: Scenario;
}

export type Expression =
  | { readonly kind: "value"; readonly ref: ValueRef }
  | { readonly kind: "yoy" | "qoq"; readonly ref: ValueRef }
  | {
      readonly kind: "growth" | "diff" | "share";
      readonly left: ValueRef;
      readonly right: ValueRef;
    }
  | { readonly kind: "sum"; readonly refs: readonly ValueRef[] };

const PERCENT_KINDS = new Set(["yoy", "qoq", "growth", "share"]);

export const STATEMENT_COLUMNS = ["id", "source", "quote", "expression", "stated", "unit"] as const;

/** Parses and checks one statement row; errors name the file, line and field. */
export function statementFromRaw(
  raw: Partial<Record<(typeof STATEMENT_COLUMNS)[number], string>>,
  where: InputLocation,
): Statement {
  const at = (field: string): InputLocation => ({ ...where, field });
  const id = raw.id?.trim() ?? "";
  if (!id)
    throw new UplinkError("INVALID_INPUT", "The statement has no id.", { location: at("id") });
  const expressionText = raw.expression?.trim() ?? "";
  const expression = parseExpression(expressionText, at("expression"));
  const statedText = raw.stated?.trim() ?? "";
  const stated = parseDecimal(statedText, at("stated"));
  const unit = raw.unit?.trim() ?? "";
  const percent = PERCENT_KINDS.has(expression.kind);
  const firstRef = refsOf(expression)[0]!;
  const metric = findMetric(firstRef.metric)!;
  const expectedBase = percent ? "%" : baseUnitOf(metric.unit);
  if (INPUT_UNITS[unit]?.base !== expectedBase) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The unit "${unit}" does not fit ${expressionText}, which gives ${percent ? "a percentage (%)" : `${expectedBase}`}.`,
      { location: at("unit") },
    );
  }
  return {
    id,
    source: raw.source?.trim() ?? "",
    quote: raw.quote?.trim() ?? "",
    expression,
    expressionText,
    stated,
    statedDecimals: decimalsOf(statedText),
    unit,
    where,
  };
}

export function refsOf(expression: Expression): readonly ValueRef[] {
  switch (expression.kind) {
    case "value":
    case "yoy":
    case "qoq":
      return [expression.ref];
    case "sum":
      return expression.refs;
    default:
      return [expression.left, expression.right];
  }
}

const CALL = /^(yoy|qoq|growth|diff|share|sum)\s*\((.*)\)$/;

/**
 * The statement language: `metric@period[#target]` for a figure, or `yoy(X)`, `qoq(X)`,
 * `growth(X, Y)`, `diff(X, Y)`, `share(X, Y)`, `sum(X, Y, …)` over such figures.
 */
export function parseExpression(text: string, where: InputLocation): Expression {
  const call = CALL.exec(text);
  if (!call) return { kind: "value", ref: parseRef(text, where) };
  const kind = call[1] as "yoy" | "qoq" | "growth" | "diff" | "share" | "sum";
  const refs = (call[2] ?? "").split(",").map((part) => parseRef(part.trim(), where));
  const arity = kind === "yoy" || kind === "qoq" ? 1 : kind === "sum" ? -1 : 2;
  if ((arity === -1 && refs.length < 1) || (arity !== -1 && refs.length !== arity)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `${kind}() takes ${arity === -1 ? "one or more figures" : arity === 1 ? "one figure" : "two figures"}, not ${refs.length}: "${text}".`,
      { location: where },
    );
  }
  if (kind === "yoy" || kind === "qoq") return { kind, ref: refs[0]! };
  if (kind === "sum") return { kind, refs };
  return { kind, left: refs[0]!, right: refs[1]! };
}

const REF = /^([a-z0-9_.]+)@([A-Za-z0-9-]+)(?:#(actual|target))?$/;

function parseRef(text: string, where: InputLocation): ValueRef {
  const match = REF.exec(text);
  if (!match) {
    throw new UplinkError(
      "INVALID_INPUT",
      `"${text}" is not a figure: write metric@period, e.g. revenue.total@2Q12 or revenue.total@FY12#target.`,
      { location: where },
    );
  }
  const [, metric = "", periodText = "", scenario = "actual"] = match;
  if (!findMetric(metric)) {
    throw new UplinkError("INVALID_INPUT", `Unknown metric "${metric}" in "${text}".`, {
      location: where,
    });
  }
  let period: FiscalPeriod;
  try {
    period = parsePeriod(periodText);
  } catch (error) {
    throw new UplinkError("INVALID_INPUT", (error as Error).message, {
      cause: error,
      location: where,
    });
  }
  return { metric, period, periodText, scenario: scenario as Scenario };
}
