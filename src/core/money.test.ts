import { describe, expect, it } from "vitest";
import { Decimal, type RoundingMode, roundTo } from "./decimal.js";
import { UplinkError } from "./errors.js";
import {
  add,
  allocate,
  type Currency,
  compare,
  convert,
  equals,
  formatMoney,
  isCurrency,
  isNegative,
  isZero,
  MINOR_DIGITS,
  type Money,
  money,
  multiply,
  negate,
  subtract,
  sum,
  toMajor,
  toMillions,
  yen,
} from "./money.js";

function errorOf(fn: () => unknown): UplinkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UplinkError) return error;
    throw error;
  }
  throw new Error("expected an UplinkError, nothing was thrown");
}

const amounts = (list: readonly Money[]) => list.map((m) => m.amount);

describe("construction", () => {
  it("holds integer minor units as bigint with the currency", () => {
    expect(yen(1234)).toEqual({ amount: 1234n, currency: "JPY" });
    expect(money(1234n, "USD")).toEqual({ amount: 1234n, currency: "USD" });
    expect(money(-5, "THB").amount).toBe(-5n);
    expect(MINOR_DIGITS).toEqual({ JPY: 0, USD: 2, CNY: 2, THB: 2 });
  });

  it("is immutable", () => {
    const m = yen(1);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(MINOR_DIGITS)).toBe(true);
  });

  it("keeps amounts beyond 2^53 exact", () => {
    const big = yen(2n ** 60n);
    expect(add(big, yen(1)).amount).toBe(2n ** 60n + 1n);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    "rejects the number %d (not a safe integer)",
    (amount) => {
      expect(errorOf(() => yen(amount)).code).toBe("INVALID_INPUT");
    },
  );

  it("rejects an unknown currency at run time", () => {
    expect(errorOf(() => money(1, "EUR" as Currency)).code).toBe("INVALID_INPUT");
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("EUR")).toBe(false);
    expect(isCurrency("toString")).toBe(false);
  });
});

describe("arithmetic within one currency", () => {
  it("adds, subtracts, negates and sums", () => {
    expect(add(yen(1000), yen(234))).toEqual(yen(1234));
    expect(subtract(money(500, "USD"), money(750, "USD"))).toEqual(money(-250, "USD"));
    expect(negate(yen(5))).toEqual(yen(-5));
    expect(sum([yen(42692), yen(7335), yen(1082)], "JPY")).toEqual(yen(51109));
    expect(sum([], "CNY")).toEqual(money(0, "CNY"));
  });

  it("does not compile when currencies differ", () => {
    // @ts-expect-error adding USD to JPY must be a type error
    expect(() => add(yen(1), money(1, "USD"))).toThrow(UplinkError);
    // @ts-expect-error subtracting across currencies too
    expect(() => subtract(money(1, "USD"), yen(1))).toThrow(UplinkError);
    // @ts-expect-error a list in another currency than the one named
    expect(() => sum([yen(1)], "USD")).toThrow(UplinkError);
    // @ts-expect-error comparing across currencies
    expect(() => compare(yen(1), money(1, "THB"))).toThrow(UplinkError);
  });

  it("checks at run time what the types cannot see (CURRENCY_MISMATCH)", () => {
    const forced = money(1, "USD") as unknown as Money<"JPY">;
    expect(errorOf(() => add(yen(1), forced)).code).toBe("CURRENCY_MISMATCH");
    expect(errorOf(() => subtract(yen(1), forced)).code).toBe("CURRENCY_MISMATCH");
    expect(errorOf(() => sum([yen(1), forced], "JPY")).code).toBe("CURRENCY_MISMATCH");
    expect(errorOf(() => compare(yen(1), forced)).code).toBe("CURRENCY_MISMATCH");
    const widened: Money[] = [yen(1), money(1, "USD")];
    const [a, b] = widened;
    if (!a || !b) throw new Error("unreachable");
    expect(errorOf(() => add(a, b)).code).toBe("CURRENCY_MISMATCH");
  });

  it("compares and tests", () => {
    expect(compare(yen(1), yen(2))).toBe(-1);
    expect(compare(yen(2), yen(2))).toBe(0);
    expect(compare(yen(3), yen(2))).toBe(1);
    expect([yen(3), yen(-1), yen(2)].sort(compare).map((m) => m.amount)).toEqual([-1n, 2n, 3n]);
    expect(isZero(yen(0))).toBe(true);
    expect(isZero(yen(-1))).toBe(false);
    expect(isNegative(yen(-1))).toBe(true);
    expect(isNegative(yen(0))).toBe(false);
    expect(equals(yen(5), yen(5))).toBe(true);
    expect(equals(yen(5), yen(6))).toBe(false);
    expect(equals(yen(5), money(5, "USD") as unknown as Money<"JPY">)).toBe(false);
  });
});

describe("multiply", () => {
  it.each([
    [1000n, "1.08", "half-up", 1080n],
    [105n, "0.1", "half-up", 11n], // 10.5 → 11
    [-105n, "0.1", "half-up", -11n], // ties away from zero
    [105n, "0.1", "half-even", 10n],
    [115n, "0.1", "half-even", 12n],
    [109n, "0.1", "down", 10n],
    [101n, "0.1", "up", 11n],
    [-101n, "0.1", "floor", -11n],
    [-109n, "0.1", "ceiling", -10n],
    [1000n, "0.795", "half-up", 795n],
    [3n, "-0.5", "half-up", -2n],
    [7n, "0", "half-up", 0n],
  ] as const)("%d × %s (%s) = %d", (amount, factor, mode, expected) => {
    expect(multiply(yen(amount), factor, mode)).toEqual(yen(expected));
  });

  it("accepts a Decimal factor and keeps the currency", () => {
    expect(multiply(money(1999, "USD"), new Decimal("1.5"))).toEqual(money(2999, "USD"));
  });

  it("is exact for amounts beyond the decimal precision", () => {
    const huge = 10n ** 50n + 1n;
    expect(multiply(yen(huge), "3").amount).toBe(3n * huge);
  });

  it("rejects a factor that is not plain decimal notation", () => {
    expect(errorOf(() => multiply(yen(1), "1e3")).code).toBe("INVALID_INPUT");
    expect(errorOf(() => multiply(yen(1), new Decimal(Number.NaN))).code).toBe("INVALID_INPUT");
  });

  it("rounds exactly like roundTo, in every mode", () => {
    const modes: RoundingMode[] = ["half-up", "half-even", "down", "up", "floor", "ceiling"];
    for (const mode of modes) {
      for (let amount = -60n; amount <= 60n; amount += 1n) {
        for (const factor of ["0.1", "0.25", "0.125", "1.5", "-0.3"]) {
          const viaDecimal = roundTo(new Decimal(amount.toString()).times(factor), 0, mode);
          expect(multiply(yen(amount), factor, mode).amount.toString()).toBe(viaDecimal.toFixed(0));
        }
      }
    }
  });
});

describe("allocate (largest remainder)", () => {
  it("splits over hundreds of thousands of ratios (a month of ATM-days at scale 10)", () => {
    const ratios = Array.from({ length: 300_000 }, (_, i) => 1 + (i % 7));
    const parts = allocate(yen(17_000_000), ratios);
    expect(parts).toHaveLength(300_000);
    expect(parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(17_000_000n);
  });

  it.each([
    [100n, [1, 1, 1], [34n, 33n, 33n]],
    [-100n, [1, 1, 1], [-34n, -33n, -33n]],
    [100n, [1, 2], [33n, 67n]],
    [5n, [1, 1, 1, 1, 1, 1], [1n, 1n, 1n, 1n, 1n, 0n]],
    [10n, [0, 1, 1], [0n, 5n, 5n]],
    [1000n, [79.5, 20.5], [795n, 205n]],
    [1n, [0.795, 0.205], [1n, 0n]],
    [999n, [3n, 7n], [300n, 699n]],
    [0n, [1, 1], [0n, 0n]],
    [7n, [5], [7n]],
  ] as const)("%s by %s → %s", (amount, ratios, expected) => {
    expect(amounts(allocate(yen(amount), ratios))).toEqual(expected);
  });

  it("always sums exactly to the whole", () => {
    const ratioSets: (number | bigint)[][] = [
      [1, 1, 1],
      [1, 2, 3, 4, 5, 6, 7],
      [0.1, 0.2, 0.7],
      [79.5, 20.5],
      [13, 0, 17, 19n],
      [1, 1_000_000],
    ];
    for (const ratios of ratioSets) {
      for (let amount = -200n; amount <= 200n; amount += 7n) {
        const parts = allocate(money(amount, "USD"), ratios);
        expect(parts).toHaveLength(ratios.length);
        expect(sum(parts, "USD").amount).toBe(amount);
        for (const part of parts) expect(part.currency).toBe("USD");
      }
    }
  });

  it.each([
    [[], "an empty list"],
    [[0, 0], "all zeros"],
    [[1, -1], "a negative ratio"],
    [[Number.NaN], "NaN"],
    [[Number.POSITIVE_INFINITY, 1], "infinity"],
  ] as const)("rejects %s (%s)", (ratios, _why) => {
    expect(errorOf(() => allocate(yen(100), ratios)).code).toBe("INVALID_INPUT");
  });
});

describe("convert", () => {
  it.each([
    // amount (source minor units), from, rate, to, mode, expected (target minor units)
    [10000n, "USD", "78.97", "JPY", "half-up", 7897n], // USD 100.00 → JPY 7,897
    [1n, "USD", "78.5", "JPY", "half-up", 1n], // USD 0.01 → JPY 0.785 → 1
    [150n, "USD", "1", "JPY", "half-up", 2n], // USD 1.50 → JPY 1.5: the tie goes up
    [-150n, "USD", "1", "JPY", "half-up", -2n], // … and away from zero when negative
    [150n, "USD", "1", "JPY", "half-even", 2n],
    [250n, "USD", "1", "JPY", "half-even", 2n],
    [250n, "USD", "1", "JPY", "down", 2n],
    [7897n, "JPY", "0.012663", "USD", "half-up", 10000n], // JPY 7,897 → USD 99.999711 → 100.00
    [100n, "JPY", "0.0786", "CNY", "half-up", 786n], // JPY 100 → CNY 7.86
    [12345n, "THB", "2.5", "JPY", "half-up", 309n], // THB 123.45 → JPY 308.625 → 309
    [12345n, "THB", "2.5", "JPY", "floor", 308n],
    [100n, "USD", "6.3", "CNY", "half-up", 630n], // both with 2 minor digits
  ] as const)("%d %s × %s → %s (%s) = %d", (amount, from, rate, to, mode, expected) => {
    const converted = convert(money(amount, from), rate, to, mode);
    expect(converted).toEqual(money(expected, to));
  });

  it("types the result in the target currency", () => {
    const inYen: Money<"JPY"> = convert(money(100, "USD"), new Decimal("78.97"), "JPY");
    expect(inYen).toEqual(yen(79));
    // @ts-expect-error the result is JPY, not USD
    const wrong: Money<"USD"> = convert(money(100, "USD"), "78.97", "JPY");
    expect(wrong.currency).toBe("JPY");
  });

  it.each(["0", "-78.97", "1e2", "abc"])("rejects the rate %j", (rate) => {
    expect(errorOf(() => convert(money(100, "USD"), rate, "JPY")).code).toBe("INVALID_INPUT");
  });
});

describe("toMajor, formatMoney, toMillions", () => {
  it.each([
    [money(1234, "USD"), "12.34"],
    [money(-5, "USD"), "-0.05"],
    [yen(1234), "1234"],
    [money(100, "CNY"), "1"],
  ])("toMajor(%o) = %s", (m, expected) => {
    expect(toMajor(m).toString()).toBe(expected);
  });

  it.each([
    [yen(1234), "JPY 1,234"],
    [yen(-1234), "-JPY 1,234"],
    [yen(0), "JPY 0"],
    [yen(999), "JPY 999"],
    [yen(51_109_000_000), "JPY 51,109,000,000"],
    [money(1234, "USD"), "USD 12.34"],
    [money(5, "USD"), "USD 0.05"],
    [money(-5, "USD"), "-USD 0.05"],
    [money(123456789, "THB"), "THB 1,234,567.89"],
    [money(100, "CNY"), "CNY 1.00"],
    [yen(10n ** 21n), "JPY 1,000,000,000,000,000,000,000"],
  ])("formatMoney(%o) = %s", (m, expected) => {
    expect(formatMoney(m)).toBe(expected);
  });

  it.each([
    [51_109_400_000n, 0, "51109"],
    [51_109_500_000n, 0, "51110"],
    [-2_500_000n, 0, "-3"],
    [1_003_250_000n, 1, "1003.3"],
    [6_849_999n, 1, "6.8"],
    [499_999n, 0, "0"],
    [-499_999n, 0, "0"],
    [1_234_567n, 6, "1.234567"],
  ])("toMillions(%d yen, %d) = %s", (amount, decimals, expected) => {
    expect(toMillions(yen(amount), decimals).toString()).toBe(expected);
  });

  it("defaults to whole millions and refuses other currencies at run time", () => {
    expect(toMillions(yen(1_500_000)).toString()).toBe("2");
    const forced = money(1, "USD") as unknown as Money<"JPY">;
    expect(errorOf(() => toMillions(forced)).code).toBe("CURRENCY_MISMATCH");
  });
});
