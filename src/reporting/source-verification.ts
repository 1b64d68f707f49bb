import {
  Decimal,
  formatPeriod,
  previousPeriod,
  roundTo,
  samePeriodLastYear,
} from "../core/index.js";
import { INPUT_UNITS } from "./fact.js";
import { type Expression, refsOf, type Statement, type ValueRef } from "./statement.js";
import {
  percentChangeInterval,
  percentRatio,
  type Resolved,
  signedSum,
  type ValueResolver,
} from "./value-resolver.js";

export type VerificationStatus = "agrees" | "disagrees" | "no-inputs";

export interface Verification {
  readonly statement: Statement;
  readonly status: VerificationStatus;
  /** Uplink's figure in the statement's unit, rounded as the statement is printed. */
  readonly computed: Decimal | null;
  /** Where the true figure may lie, given the rounding of the printed inputs. */
  readonly low: Decimal | null;
  readonly high: Decimal | null;
  /** Figures the expression needs that no fact gives (`metric@period`). */
  readonly missing: readonly string[];
}

export interface VerificationTally {
  readonly agrees: number;
  readonly disagrees: number;
  readonly noInputs: number;
  readonly total: number;
}

/**
 * Recomputes a statement from the facts. It agrees when some value in the interval its rounded
 * inputs allow also rounds to the figure as printed; Uplink never adjusts its arithmetic to agree.
 */
export function verifyStatement(statement: Statement, resolve: ValueResolver): Verification {
  const missing: string[] = [];
  const read = (ref: ValueRef): Resolved | null => {
    const value = resolve({ metric: ref.metric, period: ref.period, scenario: ref.scenario });
    if (!value) missing.push(describe(ref.metric, formatPeriod(ref.period), ref.scenario));
    return value;
  };
  const result = evaluate(statement.expression, read, missing);
  if (!result) {
    return { statement, status: "no-inputs", computed: null, low: null, high: null, missing };
  }
  const factor = INPUT_UNITS[statement.unit]!.factor;
  const low = result.low.div(factor);
  const high = result.high.div(factor);
  const computed = roundTo(result.value.div(factor), statement.statedDecimals);
  const half = new Decimal(10).pow(-statement.statedDecimals).div(2);
  const agrees = low.lte(statement.stated.plus(half)) && high.gte(statement.stated.minus(half));
  return { statement, status: agrees ? "agrees" : "disagrees", computed, low, high, missing };
}

export function verifyStatements(
  statements: readonly Statement[],
  resolve: ValueResolver,
): { results: Verification[]; tally: VerificationTally } {
  const results = statements.map((statement) => verifyStatement(statement, resolve));
  const count = (status: VerificationStatus) => results.filter((r) => r.status === status).length;
  return {
    results,
    tally: {
      agrees: count("agrees"),
      disagrees: count("disagrees"),
      noInputs: count("no-inputs"),
      total: results.length,
    },
  };
}

function evaluate(
  expression: Expression,
  read: (ref: ValueRef) => Resolved | null,
  missing: string[],
): Resolved | null {
  switch (expression.kind) {
    case "value":
      return read(expression.ref);
    case "yoy":
    case "qoq": {
      const { ref } = expression;
      const basePeriod =
        expression.kind === "yoy" ? samePeriodLastYear(ref.period) : previousPeriod(ref.period);
      const current = read(ref);
      const base = read({ ...ref, period: basePeriod, periodText: formatPeriod(basePeriod) });
      return current && base ? percentChangeInterval(current, base) : null;
    }
    case "growth":
    case "diff":
    case "share": {
      const left = read(expression.left);
      const right = read(expression.right);
      if (!left || !right) return null;
      if (expression.kind === "growth") return percentChangeInterval(left, right);
      if (expression.kind === "share") return percentRatio(left, right);
      return signedSum([
        { value: left, sign: 1 },
        { value: right, sign: -1 },
      ]);
    }
    case "sum": {
      const values = refsOf(expression).map(read);
      if (values.some((v) => v === null)) return null;
      return signedSum(values.map((value) => ({ value: value!, sign: 1 as const })));
    }
  }
  missing.push("unknown expression");
  return null;
}

function describe(metric: string, period: string, scenario: string): string {
  return `${metric}@${period}${scenario === "target" ? "#target" : ""}`;
}
