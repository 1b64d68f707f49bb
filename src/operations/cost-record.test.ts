import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { costMetricId, costRecordFromRaw } from "./cost-record.js";

const where = { file: "costs.csv", line: 5 };
const row = {
  month: "2012-09",
  group_company: "iij",
  segment: "network",
  category: "circuit",
  amount_yen: "1234567890",
};

describe("cost records", () => {
  it.each([
    ["network", "circuit", "cost.network.circuit"],
    ["network", "network_operation", "cost.network.network_operation"],
    ["si", "purchasing", "cost.si.purchasing"],
    ["si", "other", "cost.si.other"],
    ["equipment", "purchasing", "cost.equipment"],
    ["atm", "other", "cost.atm"],
    ["sga", "rnd", "sga.rnd"],
    ["sga", "sales_marketing", "sga.sales_marketing"],
  ] as const)("a %s %s cost adds to %s", (segment, category, metric) => {
    expect(costMetricId({ segment, category })).toBe(metric);
  });

  it("reads an amount in exact yen, negative for a reversal", () => {
    expect(costRecordFromRaw(row, where).amountYen).toBe(1_234_567_890n);
    expect(costRecordFromRaw({ ...row, amount_yen: "-5000" }, where).amountYen).toBe(-5000n);
  });

  it.each([
    ["a month written as a date", { month: "2012-09-01" }, "month"],
    ["month 13", { month: "2012-13" }, "month"],
    ["an unknown segment", { segment: "cloud" }, "segment"],
    ["a category of another segment", { segment: "network", category: "purchasing" }, "category"],
    ["an SG&A category under a segment", { segment: "si", category: "rnd" }, "category"],
    ["a decimal amount", { amount_yen: "12.5" }, "amount_yen"],
    ["an empty group company", { group_company: "" }, "group_company"],
  ])("refuses %s, naming the field", (_, change, field) => {
    try {
      costRecordFromRaw({ ...row, ...change }, where);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UplinkError);
      expect((error as UplinkError).location).toEqual({ ...where, field });
    }
  });
});
