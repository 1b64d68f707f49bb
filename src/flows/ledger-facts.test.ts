import { describe, expect, it } from "vitest";
import { Decimal } from "../core/index.js";
import type { Fact } from "../reporting/index.js";
import { ledgerFacts, operationFacts, type QuarterOperations } from "./ledger-facts.js";

const shown = (facts: readonly Fact[]) =>
  facts.map((f) => ({
    metric: f.metric,
    period: f.period,
    value: f.value.toFixed(),
    unit: f.unit,
    resolution: f.resolution.toFixed(),
  }));

describe("ledgerFacts", () => {
  it("makes one exact yen fact per metric, of the group, actual, with a resolution of one yen", () => {
    const facts = ledgerFacts(
      "2Q12",
      [
        { metric: "revenue.network.wan", amount: 6_265_432_101n },
        { metric: "cost.network.circuit", amount: 1_234_567n },
      ],
      [],
    );
    expect(shown(facts)).toEqual([
      {
        metric: "cost.network.circuit",
        period: "2Q12",
        value: "1234567",
        unit: "JPY",
        resolution: "1",
      },
      {
        metric: "revenue.network.wan",
        period: "2Q12",
        value: "6265432101",
        unit: "JPY",
        resolution: "1",
      },
    ]);
    expect(facts.every((f) => f.entity === "group" && f.scenario === "actual")).toBe(true);
    expect(facts.every((f) => f.source === "ledger")).toBe(true);
  });

  it("reads a chart metric the quarter's balances leave out as zero, so totals stay computable", () => {
    const facts = ledgerFacts(
      "1Q12",
      [{ metric: "revenue.atm", amount: 5n }],
      ["revenue.atm", "revenue.equipment", "bs.cash"],
    );
    expect(shown(facts).map((f) => [f.metric, f.value])).toEqual([
      ["bs.cash", "0"],
      ["revenue.atm", "5"],
      ["revenue.equipment", "0"],
    ]);
  });

  it("keeps negative amounts (a loss, a net other expense) as they are", () => {
    const [fact] = ledgerFacts("1Q12", [{ metric: "other_income_expense", amount: -300n }], []);
    expect(fact?.value.equals(new Decimal(-300))).toBe(true);
  });

  it("leaves out metrics outside the catalogue, derived ones and ones not kept in yen", () => {
    const facts = ledgerFacts(
      "1Q12",
      [
        { metric: "revenue.unheard_of", amount: 1n },
        { metric: "revenue.total", amount: 2n },
        { metric: "kpi.atm_units", amount: 3n },
      ],
      ["per_share.net_income"],
    );
    expect(facts).toEqual([]);
  });
});

const quarter = (period: string, over: Partial<QuarterOperations> = {}): QuarterOperations => ({
  period,
  contractedMbps: 0n,
  contractsOver1Gbps: 0,
  ordersReceived: { construction: 0n, operation: 0n },
  orderBacklog: { construction: 0n, operation: 0n },
  atms: 0,
  ...over,
});

describe("operationFacts", () => {
  it("turns Mbps into exact Gbps and counts and order amounts into facts per quarter", () => {
    const facts = operationFacts([
      quarter("1Q12", {
        contractedMbps: 918_812n,
        contractsOver1Gbps: 140,
        ordersReceived: { construction: 3_000_000n, operation: 0n },
      }),
      quarter("2Q12", { contractedMbps: 1_003_300n, contractsOver1Gbps: 164 }),
    ]);
    expect(shown(facts)).toEqual([
      {
        metric: "kpi.contracted_bandwidth_gbps",
        period: "1Q12",
        value: "918.812",
        unit: "Gbps",
        resolution: "0.001",
      },
      {
        metric: "kpi.contracted_bandwidth_gbps",
        period: "2Q12",
        value: "1003.3",
        unit: "Gbps",
        resolution: "0.001",
      },
      {
        metric: "kpi.contracts_over_1gbps",
        period: "1Q12",
        value: "140",
        unit: "count",
        resolution: "1",
      },
      {
        metric: "kpi.contracts_over_1gbps",
        period: "2Q12",
        value: "164",
        unit: "count",
        resolution: "1",
      },
      {
        metric: "orders.construction.received",
        period: "1Q12",
        value: "3000000",
        unit: "JPY",
        resolution: "1",
      },
      {
        metric: "orders.construction.received",
        period: "2Q12",
        value: "0",
        unit: "JPY",
        resolution: "1",
      },
    ]);
    expect(facts.every((f) => f.source === "operations" && f.entity === "group")).toBe(true);
  });

  it("leaves out a KPI that is zero in every quarter: its records are not kept here", () => {
    expect(operationFacts([quarter("1Q12"), quarter("2Q12")])).toEqual([]);
  });
});
