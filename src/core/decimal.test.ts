import { Decimal as DecimalJs } from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  Decimal,
  decimalsOf,
  parseDecimal,
  percentChange,
  percentOf,
  type RoundingMode,
  roundTo,
} from "./decimal.js";
import { UplinkError } from "./errors.js";

const d = (text: string) => new Decimal(text);

function errorOf(fn: () => unknown): UplinkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UplinkError) return error;
    throw error;
  }
  throw new Error("expected an UplinkError, nothing was thrown");
}

describe("the configured Decimal", () => {
  it("carries 40 significant digits and rounds half-up", () => {
    expect(Decimal.precision).toBe(40);
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(d("1").div(3).toString()).toBe(`0.${"3".repeat(40)}`);
  });

  it("is a clone: configuring the global decimal.js does not change it", () => {
    const saved = DecimalJs.precision;
    DecimalJs.set({ precision: 5 });
    try {
      expect(d("1").div(3).toString()).toBe(`0.${"3".repeat(40)}`);
    } finally {
      DecimalJs.set({ precision: saved });
    }
  });
});

describe("roundTo: the printed-figure rule is half-up, ties away from zero", () => {
  it.each([
    ["6.85", 1, "6.9"],
    ["-2.05", 1, "-2.1"],
    ["6.84999", 1, "6.8"],
    ["0.05", 1, "0.1"],
    ["-0.05", 1, "-0.1"],
    ["2.5", 0, "3"],
    ["-2.5", 0, "-3"],
    ["1.005", 2, "1.01"],
    ["-1.965", 2, "-1.97"],
    ["1003.25", 1, "1003.3"],
    ["12", 2, "12"],
  ])("%s to %d decimals → %s", (value, decimals, expected) => {
    expect(roundTo(d(value), decimals).toString()).toBe(expected);
  });

  it("never yields a negative zero, which would print as -0.0", () => {
    const rounded = roundTo(d("-0.04"), 1);
    expect(rounded.isZero()).toBe(true);
    expect(rounded.isNegative()).toBe(false);
    expect(rounded.toFixed(1)).toBe("0.0");
  });

  it("rounds values made by another decimal.js constructor with Uplink's rules", () => {
    const foreign = new DecimalJs("2.5");
    expect(roundTo(foreign, 0).toString()).toBe("3");
  });
});

describe("roundTo: every mode", () => {
  // The classic table (as in java.math.RoundingMode), one column per mode.
  const values = ["5.5", "2.5", "1.6", "1.1", "1.0", "-1.0", "-1.1", "-1.6", "-2.5", "-5.5"];
  const expected: Record<RoundingMode, string[]> = {
    "half-up": ["6", "3", "2", "1", "1", "-1", "-1", "-2", "-3", "-6"],
    "half-even": ["6", "2", "2", "1", "1", "-1", "-1", "-2", "-2", "-6"],
    down: ["5", "2", "1", "1", "1", "-1", "-1", "-1", "-2", "-5"],
    up: ["6", "3", "2", "2", "1", "-1", "-2", "-2", "-3", "-6"],
    floor: ["5", "2", "1", "1", "1", "-1", "-2", "-2", "-3", "-6"],
    ceiling: ["6", "3", "2", "2", "1", "-1", "-1", "-1", "-2", "-5"],
  };
  const rows = (Object.keys(expected) as RoundingMode[]).flatMap((mode) =>
    values.map((value, i) => [value, mode, expected[mode][i]] as const),
  );

  it.each(rows)("%s %s → %s", (value, mode, result) => {
    expect(roundTo(d(value), 0, mode).toString()).toBe(result);
  });

  it.each([
    ["6.85", "half-even", "6.8"],
    ["6.75", "half-even", "6.8"],
    ["6.81", "up", "6.9"],
    ["-6.81", "up", "-6.9"],
    ["-6.89", "down", "-6.8"],
    ["-6.81", "floor", "-6.9"],
    ["-6.89", "ceiling", "-6.8"],
  ] as const)("%s %s to 1 decimal → %s", (value, mode, result) => {
    expect(roundTo(d(value), 1, mode).toString()).toBe(result);
  });

  it.each([
    ["1250", -2, "half-up", "1300"],
    ["-1250", -2, "half-up", "-1300"],
    ["1250", -2, "half-even", "1200"],
    ["1249.99", -2, "half-up", "1200"],
    ["51109", -3, "half-up", "51000"],
  ] as const)("%s to %d decimals (%s) → %s", (value, decimals, mode, result) => {
    expect(roundTo(d(value), decimals, mode).toString()).toBe(result);
  });

  it.each([0.5, Number.NaN])("rejects %d decimals", (decimals) => {
    expect(errorOf(() => roundTo(d("1"), decimals)).code).toBe("INVALID_INPUT");
  });
});

describe("parseDecimal", () => {
  it.each([
    ["1003.3", "1003.3"],
    ["-1866", "-1866"],
    ["89.82", "89.82"],
    ["0", "0"],
    ["-0", "0"],
    ["0.5", "0.5"],
    ["107.0", "107"],
    ["123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"],
  ])("%s → %s", (text, expected) => {
    expect(parseDecimal(text).toFixed()).toBe(expected);
  });

  it.each([
    "1e3",
    "1E3",
    "1,003.3",
    "+5",
    ".5",
    "5.",
    "007",
    " 1",
    "1 ",
    "",
    "-",
    "NaN",
    "Infinity",
    "0x10",
    "6.9%",
    "1_000",
  ])("rejects %j with INVALID_INPUT", (text) => {
    const error = errorOf(() => parseDecimal(text));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(JSON.stringify(text));
  });

  it("names where the bad number was", () => {
    const where = { file: "facts.csv", line: 7, field: "value" };
    const error = errorOf(() => parseDecimal("1e3", where));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual(where);
    expect(error.message).toContain('facts.csv:7, field "value"');
  });
});

describe("percentChange against the 2Q FY2012 presentation (slide Ⅱ-4, JPY million)", () => {
  // Each row: the figure, current, base, the change the slide prints (one decimal).
  it.each([
    ["WAN services YoY (2Q12 vs 2Q11)", "6265", "6391", "-2.0"],
    ["corporate connectivity YoY (2Q12 vs 2Q11)", "3951", "3697", "6.9"],
    ["corporate connectivity QoQ (2Q12 vs 1Q12)", "3951", "3865", "2.2"],
    ["home connectivity YoY (2Q12 vs 2Q11)", "1339", "1445", "-7.3"],
    ["home connectivity QoQ (2Q12 vs 1Q12)", "1339", "1429", "-6.3"],
    ["outsourcing YoY (2Q12 vs 2Q11)", "4612", "4266", "8.1"],
    ["outsourcing QoQ (2Q12 vs 1Q12)", "4612", "4485", "2.8"],
    // WAN QoQ is printed as −0.8%, but the rounded millions give −0.74%: the slide computed it
    // from unrounded figures, so it is not a check on this function and is left out on purpose.
  ])("%s: %s vs %s → %s%%", (_name, current, base, printed) => {
    const change = percentChange(d(current), d(base));
    expect(change).not.toBeNull();
    expect(roundTo(change ?? d("0"), 1).toFixed(1)).toBe(printed);
  });

  it("is exact before rounding", () => {
    expect(percentChange(d("150"), d("100"))?.toString()).toBe("50");
    expect(percentChange(d("100"), d("100"))?.toString()).toBe("0");
    expect(percentChange(d("1"), d("3"))?.toString()).toBe(`-66.${"6".repeat(37)}7`);
  });

  it("measures change against the size of a negative base", () => {
    // A loss of 100 shrinking to a loss of 50 is an improvement: +50%, not −50%.
    expect(percentChange(d("-50"), d("-100"))?.toString()).toBe("50");
    expect(percentChange(d("-150"), d("-100"))?.toString()).toBe("-50");
  });

  it("is null when the base is zero", () => {
    expect(percentChange(d("5"), d("0"))).toBeNull();
    expect(percentChange(d("0"), d("0"))).toBeNull();
    expect(percentChange(d("5"), d("-0"))).toBeNull();
  });
});

describe("percentOf", () => {
  it("gives the share in percent (1H12 recurring revenue in total)", () => {
    // DESIGN.md: 1H12 recurring 42,692 of 51,109 total.
    expect(roundTo(percentOf(d("42692"), d("51109")) ?? d("0"), 1).toFixed(1)).toBe("83.5");
    expect(percentOf(d("1"), d("4"))?.toString()).toBe("25");
    expect(percentOf(d("-1"), d("4"))?.toString()).toBe("-25");
  });

  it("is null when the whole is zero", () => {
    expect(percentOf(d("1"), d("0"))).toBeNull();
    expect(percentOf(d("0"), d("0"))).toBeNull();
  });
});

describe("decimalsOf", () => {
  it.each([
    ["107.0", 1],
    ["1,003.3", 1],
    ["89.82", 2],
    ["-1866", 0],
    ["6.9%", 1],
    ["−2.0%", 1],
    ["+6.9%", 1],
    ["0.125", 3],
    [" 12.50 ", 2],
  ])("%s → %d", (text, expected) => {
    expect(decimalsOf(text)).toBe(expected);
  });

  it.each(["", "abc", "1e3", "1.", ".5", "1.2.3"])("rejects %j", (text) => {
    expect(errorOf(() => decimalsOf(text)).code).toBe("INVALID_INPUT");
  });
});
