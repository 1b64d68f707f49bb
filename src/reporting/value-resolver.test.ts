import { describe, expect, it } from "vitest";
import { Decimal, parsePeriod } from "../core/index.js";
import type { Fact } from "./fact.js";
import { createValueResolver, percentChangeInterval, percentRatio } from "./value-resolver.js";

const MILLION = new Decimal(1_000_000);

/** A fact printed in JPY million, as the presentation prints most figures. */
function millions(
  metric: string,
  period: string,
  value: number,
  scenario: Fact["scenario"] = "actual",
): Fact {
  return {
    metric,
    entity: "group",
    period,
    scenario,
    value: new Decimal(value).times(MILLION),
    unit: "JPY",
    resolution: MILLION,
    source: "test",
  };
}

function count(metric: string, period: string, value: number): Fact {
  return {
    ...millions(metric, period, 0),
    value: new Decimal(value),
    unit: "count",
    resolution: new Decimal(1),
  };
}

const q = (text: string) => parsePeriod(text);

// Figures from the company presentation, 2Q FY2012, slides Ⅱ-2 and Ⅱ-4 (1).
const NETWORK_2Q12 = [
  millions("revenue.network.connectivity_corporate", "2Q12", 3951),
  millions("revenue.network.connectivity_home", "2Q12", 1339),
  millions("revenue.network.wan", "2Q12", 6265),
  millions("revenue.network.outsourcing", "2Q12", 4612),
];

describe("the value resolver", () => {
  it("derives a segment as the sum of its lines", () => {
    const resolve = createValueResolver(NETWORK_2Q12);
    const network = resolve({ metric: "revenue.network", period: q("2Q12") })!;
    expect(network.value.div(MILLION).toNumber()).toBe(16167);
    expect(network.origin).toBe("derived");
    // Four inputs each ±0.5 million: the sum is known to ±2 million.
    expect(network.high.minus(network.low).div(MILLION).toNumber()).toBe(4);
  });

  it("adds a flow's quarters up to a half and the halves up to a year", () => {
    const resolve = createValueResolver(
      ["1Q11", "2Q11", "3Q11", "4Q11"].map((p, i) => millions("revenue.atm", p, 100 + i)),
    );
    expect(
      resolve({ metric: "revenue.atm", period: q("1H11") })!
        .value.div(MILLION)
        .toNumber(),
    ).toBe(201);
    expect(
      resolve({ metric: "revenue.atm", period: q("FY11") })!
        .value.div(MILLION)
        .toNumber(),
    ).toBe(406);
    expect(resolve({ metric: "revenue.atm", period: q("FY12") })).toBeNull();
  });

  it("reads a stock at the last quarter of a half or year", () => {
    const resolve = createValueResolver([
      count("kpi.contracts_over_1gbps", "1Q12", 150),
      count("kpi.contracts_over_1gbps", "2Q12", 164),
    ]);
    expect(
      resolve({ metric: "kpi.contracts_over_1gbps", period: q("1H12") })!.value.toNumber(),
    ).toBe(164);
    expect(resolve({ metric: "kpi.contracts_over_1gbps", period: q("FY12") })).toBeNull();
  });

  it("recomputes a ratio from its parts for a half instead of adding ratios", () => {
    const resolve = createValueResolver([
      millions("revenue.atm", "1Q12", 468),
      millions("revenue.atm", "2Q12", 614),
      millions("cost.atm", "1Q12", 421),
      millions("cost.atm", "2Q12", 517),
    ]);
    const ratio = resolve({ metric: "ratio.gross_margin.atm", period: q("1H12") })!;
    // (1,082 − 938) ÷ 1,082 = 13.3%, slide Ⅱ-3 states ATM gross margin 144 for 1H12.
    expect(ratio.value.toDecimalPlaces(1).toNumber()).toBe(13.3);
  });

  it("prefers computing a derived metric and falls back to a stored figure where inputs are missing", () => {
    const resolve = createValueResolver([
      ...NETWORK_2Q12,
      millions("revenue.network", "2Q12", 99999),
      millions("revenue.total", "FY10", 82418),
    ]);
    expect(
      resolve({ metric: "revenue.network", period: q("2Q12") })!
        .value.div(MILLION)
        .toNumber(),
    ).toBe(16167);
    const fy10 = resolve({ metric: "revenue.total", period: q("FY10") })!;
    expect(fy10.origin).toBe("fact");
    expect(fy10.value.div(MILLION).toNumber()).toBe(82418);
  });

  it("keeps targets apart from actuals", () => {
    const resolve = createValueResolver([millions("revenue.total", "FY12", 107000, "target")]);
    expect(resolve({ metric: "revenue.total", period: q("FY12") })).toBeNull();
    expect(
      resolve({ metric: "revenue.total", period: q("FY12"), scenario: "target" })!
        .value.div(MILLION)
        .toNumber(),
    ).toBe(107000);
  });

  it("derives net income with the non-controlling interests' share deducted", () => {
    // Slide Ⅱ-8, 2Q12: operating income 1,889, income before tax 1,803, income tax 736, equity
    // method income 50, income attributable to NCI 6; net income attributable to IIJ 1,110 stated.
    const resolve = createValueResolver([
      millions("operating_income", "2Q12", 1889),
      millions("other_income_expense", "2Q12", -86),
      millions("income_tax", "2Q12", 736),
      millions("equity_method_income", "2Q12", 50),
      millions("noncontrolling_interests", "2Q12", 6),
    ]);
    const pretax = resolve({ metric: "income_before_tax", period: q("2Q12") })!;
    expect(pretax.value.div(MILLION).toNumber()).toBe(1803);
    const net = resolve({ metric: "net_income", period: q("2Q12") })!;
    expect(net.value.div(MILLION).toNumber()).toBe(1111);
    // Five inputs printed to the million: the stated 1,110 lies inside what they allow.
    expect(net.low.div(MILLION).lte(1110) && net.high.div(MILLION).gte(1110)).toBe(true);
  });
});

describe("interval arithmetic for rounded inputs", () => {
  const exact = (value: number, half = 0) => ({
    value: new Decimal(value),
    low: new Decimal(value - half),
    high: new Decimal(value + half),
    origin: "fact" as const,
  });

  it.each([
    // current, base, expected change %  (slide Ⅱ-4: WAN 6,265 vs 6,391 → −2.0%; corporate 3,951 vs 3,697 → +6.9%)
    [6265, 6391, -2.0],
    [3951, 3697, 6.9],
    [-50, -100, 50.0],
  ])("%d against %d is a change of %d%%", (current, base, expected) => {
    const change = percentChangeInterval(exact(current, 0.5), exact(base, 0.5))!;
    expect(change.value.toDecimalPlaces(1).toNumber()).toBe(expected);
    expect(change.low.lte(change.value) && change.high.gte(change.value)).toBe(true);
  });

  it("has no ratio for a zero denominator and no bound for one that may be zero", () => {
    expect(percentRatio(exact(5), exact(0))).toBeNull();
    const unbounded = percentRatio(exact(5), exact(0.2, 0.5))!;
    expect(unbounded.low.isFinite()).toBe(false);
  });
});
