import { describe, expect, it } from "vitest";
import { Decimal, UplinkError } from "../core/index.js";
import type { Fact } from "./fact.js";
import { verifyStatement } from "./source-verification.js";
import { statementFromRaw } from "./statement.js";
import { createValueResolver } from "./value-resolver.js";

const MILLION = new Decimal(1_000_000);
const where = { file: "statements.csv", line: 2 };

function millions(metric: string, period: string, value: number): Fact {
  return {
    metric,
    entity: "group",
    period,
    scenario: "actual",
    value: new Decimal(value).times(MILLION),
    unit: "JPY",
    resolution: MILLION,
    source: "test",
  };
}

// Figures of the company presentation, 2Q FY2012, slide Ⅱ-4 (1) (network services revenues).
const resolve = createValueResolver([
  millions("revenue.network.wan", "1Q11", 6310),
  millions("revenue.network.wan", "2Q11", 6391),
  millions("revenue.network.wan", "1Q12", 6312),
  millions("revenue.network.wan", "2Q12", 6265),
  millions("revenue.network.connectivity_corporate", "2Q11", 3697),
  millions("revenue.network.connectivity_corporate", "1Q12", 3865),
  millions("revenue.network.connectivity_corporate", "2Q12", 3951),
]);

function check(expression: string, stated: string, unit = "%") {
  return verifyStatement(statementFromRaw({ id: "s", expression, stated, unit }, where), resolve);
}

describe("verifying the source's statements", () => {
  it.each([
    // expression, stated as printed, unit, expected status — source: slide Ⅱ-4 (1)
    ["yoy(revenue.network.connectivity_corporate@2Q12)", "6.9", "%", "agrees"],
    ["qoq(revenue.network.connectivity_corporate@2Q12)", "2.2", "%", "agrees"],
    ["yoy(revenue.network.wan@2Q12)", "-2.0", "%", "agrees"],
    // −0.74% from the rounded millions, but the true figures may give −0.75…: printed −0.8 agrees.
    ["qoq(revenue.network.wan@2Q12)", "-0.8", "%", "agrees"],
    ["qoq(revenue.network.wan@2Q12)", "-1.5", "%", "disagrees"],
    ["diff(revenue.network.wan@2Q12, revenue.network.wan@2Q11)", "-126", "JPY million", "agrees"],
    ["revenue.network.wan@1H12", "12577", "JPY million", "agrees"],
    ["revenue.network.wan@1H12", "12.6", "JPY billion", "agrees"],
    ["revenue.network.wan@1H12", "12590", "JPY million", "disagrees"],
    ["growth(revenue.network.wan@1H12, revenue.network.wan@1H11)", "-1.0", "%", "agrees"],
    [
      "share(revenue.network.wan@2Q12, revenue.network.connectivity_corporate@2Q12)",
      "158.6",
      "%",
      "agrees",
    ],
    [
      "sum(revenue.network.wan@2Q12, revenue.network.connectivity_corporate@2Q12)",
      "10216",
      "JPY million",
      "agrees",
    ],
    ["revenue.network.wan@3Q12", "1", "JPY million", "no-inputs"],
  ])("%s stated as %s %s %s", (expression, stated, unit, status) => {
    expect(check(expression, stated, unit).status).toBe(status);
  });

  it("names the figures a statement needs but no fact gives", () => {
    expect(check("yoy(revenue.network.wan@4Q12)", "1.0").missing).toEqual([
      "revenue.network.wan@4Q12",
      "revenue.network.wan@4Q11",
    ]);
  });

  it.each([
    ["yoy(revenue.network.wan)", "expression"],
    ["revenue.nope@2Q12", "expression"],
    ["revenue.network.wan@7Q12", "expression"],
    ["diff(revenue.network.wan@2Q12)", "expression"],
  ])("refuses the malformed expression %s, naming the %s field", (expression, field) => {
    expect(() => statementFromRaw({ id: "s", expression, stated: "1", unit: "%" }, where)).toThrow(
      UplinkError,
    );
    try {
      statementFromRaw({ id: "s", expression, stated: "1", unit: "%" }, where);
    } catch (error) {
      expect((error as UplinkError).location).toEqual({ ...where, field });
    }
  });

  it("refuses a unit that does not fit the expression", () => {
    expect(() =>
      statementFromRaw(
        { id: "s", expression: "yoy(revenue.network.wan@2Q12)", stated: "1", unit: "JPY million" },
        where,
      ),
    ).toThrow(/does not fit/);
  });
});
