import { describe, expect, it } from "vitest";
import {
  accountForMetric,
  checkAccount,
  normalSignOf,
  STANDARD_CHART,
} from "../../src/ledger/index.js";
import { findMetric } from "../../src/reporting/index.js";

describe("the standard chart of accounts", () => {
  it("names each account once, as hledger writes it", () => {
    const names = STANDARD_CHART.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names)
      expect(name).toMatch(/^(Assets|Liabilities|Equity|Revenue|Expenses)(:[A-Za-z0-9]+)+$/);
  });

  it("maps accounts to metric ids of the catalogue", () => {
    for (const account of STANDARD_CHART) {
      if (account.metric) expect(findMetric(account.metric), account.metric).toBeDefined();
    }
  });

  it.each([
    "revenue.network.connectivity_corporate",
    "revenue.network.connectivity_home",
    "revenue.network.wan",
    "revenue.network.outsourcing",
    "revenue.si.construction",
    "revenue.si.operation",
    "revenue.equipment",
    "revenue.atm",
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
    "other_income_expense",
    "income_tax",
    "equity_method_income",
    "noncontrolling_interests",
    "bs.cash",
    "bs.accounts_receivable",
    "bs.inventories",
    "bs.property_equipment",
    "bs.accounts_payable",
    "bs.borrowings",
    "bs.accumulated_deficit",
    "bs.accumulated_other_comprehensive_loss",
  ])("has an account for %s", (metric) => {
    expect(accountForMetric(metric).metric).toBe(metric);
  });

  it("gives each type its normal sign and reports revenue and credits positive", () => {
    for (const account of STANDARD_CHART) {
      expect(account.normalSign).toBe(normalSignOf(account.type));
    }
    expect(accountForMetric("revenue.network.wan")).toMatchObject({
      name: "Revenue:Network:WAN",
      type: "revenue",
      normalSign: -1,
      metricSign: -1,
    });
    expect(accountForMetric("cost.atm")).toMatchObject({
      name: "Expenses:Cost:ATM",
      metricSign: 1,
    });
  });

  it("refuses an account outside its type's top-level account", () => {
    expect(() =>
      checkAccount({
        name: "Assets:Sales",
        type: "revenue",
        normalSign: -1,
        metric: null,
        metricSign: -1,
        label: "x",
      }),
    ).toThrow('must sit under "Revenue"');
    expect(() =>
      checkAccount({
        name: "Revenue:Bad Name",
        type: "revenue",
        normalSign: -1,
        metric: null,
        metricSign: -1,
        label: "x",
      }),
    ).toThrow("segments of letters and digits");
  });
});
