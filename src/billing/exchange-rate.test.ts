import { describe, expect, it } from "vitest";
import { Decimal, money, type UplinkError, yen } from "../core/index.js";
import { convertMoney, type FxRate, fxRateFromRaw, fxRateOn } from "./exchange-rate.js";
import { usageCharge, usagePriceOn } from "./usage-price.js";

const RATES: FxRate[] = [
  { currency: "USD", rateDate: "2012-08-31", jpyPerUnit: new Decimal("78.67"), source: "TTM" },
  { currency: "USD", rateDate: "2012-09-28", jpyPerUnit: new Decimal("77.96"), source: "TTM" },
  { currency: "THB", rateDate: "2012-09-28", jpyPerUnit: new Decimal("2.51"), source: "TTM" },
];
const jpyPer = (c: string) => {
  const r = RATES.filter((x) => x.currency === c).at(-1);
  if (!r) throw new Error(c);
  return r.jpyPerUnit;
};

describe("FX rates", () => {
  it("takes the latest rate on or before the date", () => {
    expect(fxRateOn(RATES, "USD", "2012-09-30")?.rateDate).toBe("2012-09-28");
    expect(fxRateOn(RATES, "USD", "2012-09-27")?.rateDate).toBe("2012-08-31");
    expect(fxRateOn(RATES, "USD", "2012-08-30")).toBeUndefined();
    expect(fxRateOn(RATES, "CNY", "2012-09-30")).toBeUndefined();
  });

  it.each([
    // 1,000,000 / 77.96 = 12,827.0908… → USD 12,827.09
    [yen(1_000_000), "USD", money(1_282_709n, "USD")],
    // 3,898 / 77.96 = 50.00 exactly
    [yen(3_898), "USD", money(5_000n, "USD")],
    // half-up: 38.98 / 77.96 = 0.5 cents → 1 cent
    [money(0n, "JPY"), "USD", money(0n, "USD")],
    // USD → JPY: 12.34 × 77.96 = 962.0264 → 962
    [money(1_234n, "USD"), "JPY", yen(962)],
    // USD → THB through the yen: 100 × 77.96 / 2.51 = 3,105.976… → THB 3,105.98
    [money(10_000n, "USD"), "THB", money(310_598n, "THB")],
  ] as const)("converts %o to %s as %o", (from, to, expected) => {
    expect(convertMoney(from, to, jpyPer)).toEqual(expected);
  });

  it("rounds a tie half-up, away from zero", () => {
    const half = () => new Decimal(200); // 1 yen = 0.5 cent
    expect(convertMoney(yen(1), "USD", half)).toEqual(money(1n, "USD"));
    expect(convertMoney(yen(-1), "USD", half)).toEqual(money(-1n, "USD"));
    expect(convertMoney(yen(3), "USD", half)).toEqual(money(2n, "USD")); // 1.5 → 2
  });

  it("reads a rate row and refuses a yen rate or a non-positive one, naming the field", () => {
    const where = { file: "rates.csv", line: 2 };
    expect(
      fxRateFromRaw(
        { currency: "USD", rate_date: "2012-09-28", jpy_per_unit: "77.96", source: "TTM" },
        where,
      ).jpyPerUnit.toFixed(),
    ).toBe("77.96");
    const refused = (raw: Record<string, string>) => {
      try {
        fxRateFromRaw(raw, where);
      } catch (error) {
        return (error as UplinkError).location?.field;
      }
      return undefined;
    };
    expect(
      refused({ currency: "JPY", rate_date: "2012-09-28", jpy_per_unit: "1", source: "x" }),
    ).toBe("currency");
    expect(
      refused({ currency: "USD", rate_date: "2012-09-28", jpy_per_unit: "0", source: "x" }),
    ).toBe("jpy_per_unit");
    expect(
      refused({ currency: "USD", rate_date: "2012-09-31", jpy_per_unit: "77", source: "x" }),
    ).toBe("rate_date");
  });
});

describe("usage prices", () => {
  const prices = [
    {
      priceBookId: "standard",
      resource: "vcpu_hours",
      effectiveFrom: "2010-11-01",
      currency: "JPY" as const,
      unitPrice: new Decimal("3.5"),
    },
    {
      priceBookId: "standard",
      resource: "vcpu_hours",
      effectiveFrom: "2012-10-01",
      currency: "JPY" as const,
      unitPrice: new Decimal("3"),
    },
  ];
  it("uses the price in force on the date and rounds quantity × price half-up", () => {
    const september = usagePriceOn(prices, "standard", "vcpu_hours", "2012-09-30")!;
    expect(september.unitPrice.toFixed()).toBe("3.5");
    expect(usageCharge(new Decimal("101.1"), september)).toEqual(yen(354)); // 353.85
    expect(usageCharge(new Decimal("0.1"), september)).toEqual(yen(0)); // 0.35
    expect(usageCharge(new Decimal("0.3"), september)).toEqual(yen(1)); // 1.05
    expect(usagePriceOn(prices, "standard", "vcpu_hours", "2012-10-31")?.unitPrice.toFixed()).toBe(
      "3",
    );
    expect(usagePriceOn(prices, "other", "vcpu_hours", "2012-10-31")).toBeUndefined();
  });
});
