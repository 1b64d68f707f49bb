import { describe, expect, it } from "vitest";
import { money, yen } from "../core/index.js";
import { consumptionTaxRateOn, isTaxableCustomer, taxOn } from "./consumption-tax.js";

describe("consumption tax", () => {
  it.each([
    ["1989-03-31", "0"],
    ["1989-04-01", "3"],
    ["1997-03-31", "3"],
    ["1997-04-01", "5"],
    ["2012-09-30", "5"],
    ["2014-03-31", "5"],
    ["2014-04-01", "8"],
    ["2019-09-30", "8"],
    ["2019-10-01", "10"],
    ["2024-01-31", "10"],
  ])("on %s the rate is %s%%", (date, percent) => {
    expect(consumptionTaxRateOn(date)).toBe(percent);
  });

  it.each([
    [755_160n, "5", 37_758n],
    [25_172n, "5", 1_258n], // 1,258.6 rounds down
    [19n, "8", 1n], // 1.52
    [99n, "10", 9n], // 9.9
    [-25_172n, "5", -1_258n], // a credit: toward zero, mirroring the charge
    [0n, "10", 0n],
  ])("on JPY %s at %s%% is JPY %s, rounded down", (amount, percent, tax) => {
    expect(taxOn(yen(amount), percent)).toEqual(yen(tax));
  });

  it("rounds down to the minor unit of a foreign currency", () => {
    expect(taxOn(money(12_345n, "USD"), "8")).toEqual(money(987n, "USD")); // 987.6 cents
  });

  it("charges customers in Japan only", () => {
    expect(isTaxableCustomer("JP")).toBe(true);
    expect(isTaxableCustomer("US")).toBe(false);
  });
});
