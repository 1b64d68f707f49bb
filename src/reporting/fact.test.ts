import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { factFromRaw, type RawFact } from "./fact.js";

const where = { file: "facts.csv", line: 7 };
const row: RawFact = {
  metric: "revenue.atm",
  entity: "group",
  period: "2Q12",
  value: "614",
  unit: "JPY million",
  scenario: "actual",
  source: "slide Ⅱ-2",
};

describe("reading one fact", () => {
  it.each([
    // written value, unit, stored value, resolution
    ["614", "JPY million", "614000000", "1000000"],
    ["50.5", "JPY billion", "50500000000", "100000000"],
    ["107.0", "JPY billion", "107000000000", "100000000"],
    ["-1866", "JPY million", "-1866000000", "1000000"],
  ])("stores %s %s as %s yen to the nearest %s", (value, unit, stored, resolution) => {
    const fact = factFromRaw({ ...row, value, unit }, where);
    expect(fact.value.toFixed()).toBe(stored);
    expect(fact.resolution.toFixed()).toBe(resolution);
    expect(fact.unit).toBe("JPY");
  });

  it("writes periods in the short form and defaults the entity and scenario", () => {
    const fact = factFromRaw({ ...row, period: "fy2012", entity: "", scenario: "" }, where);
    expect(fact).toMatchObject({ period: "FY12", entity: "group", scenario: "actual" });
  });

  it.each([
    ["metric", { metric: "revenue.nope" }],
    ["metric", { metric: "" }],
    ["period", { period: "5Q12" }],
    ["value", { value: "1,234" }],
    ["value", { value: "12e3" }],
    ["unit", { unit: "Gbps" }],
    ["unit", { unit: "USD" }],
    ["scenario", { scenario: "forecast" }],
    ["entity", { entity: "Group Co" }],
    ["source", { source: " " }],
  ] as const)("names the field %s when it is wrong (%o)", (field, change) => {
    try {
      factFromRaw({ ...row, ...change }, where);
      expect.unreachable("the row should have been refused");
    } catch (error) {
      expect(error).toBeInstanceOf(UplinkError);
      expect((error as UplinkError).location).toEqual({ ...where, field });
    }
  });
});
