import { describe, expect, it } from "vitest";
import { Decimal, type InputLocation, UplinkError } from "../core/index.js";
import { type RecordFields, recordFields } from "./record-fields.js";

const where: InputLocation = { file: "records.csv", line: 7 };

/** The field reader over one record holding `value` in the field "f". */
const read = (value: string): RecordFields => recordFields({ f: value }, where);

function refusal(fn: () => unknown): UplinkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UplinkError) return error;
    throw error;
  }
  throw new Error("expected the field to be refused");
}

const PERCENT = { min: new Decimal(0), max: new Decimal(100) };

// Each kind: a value it takes (and what it reads), a value it refuses, and part of the refusal.
const KINDS: ReadonlyArray<{
  kind: string;
  readField: (f: RecordFields) => unknown;
  good: string;
  expected: unknown;
  bad: string;
  says: RegExp;
}> = [
  {
    kind: "text",
    readField: (f) => f.text("f"),
    good: " Tokyo ",
    expected: "Tokyo",
    bad: " ",
    says: /is empty/,
  },
  {
    kind: "id",
    readField: (f) => f.id("f"),
    good: "P-1.a_b",
    expected: "P-1.a_b",
    bad: "P 1",
    says: /may hold only/,
  },
  {
    kind: "optionalId",
    readField: (f) => f.optionalId("f"),
    good: "P1",
    expected: "P1",
    bad: "-P1",
    says: /may hold only/,
  },
  {
    kind: "date",
    readField: (f) => f.date("f"),
    good: "2012-02-29",
    expected: "2012-02-29",
    bad: "2011-02-29",
    says: /2011-02-29/,
  },
  {
    kind: "optionalDate",
    readField: (f) => f.optionalDate("f"),
    good: "2012-09-30",
    expected: "2012-09-30",
    bad: "2012/09/30",
    says: /YYYY-MM-DD/,
  },
  {
    kind: "month",
    readField: (f) => f.month("f"),
    good: "2012-09",
    expected: "2012-09",
    bad: "2012-13",
    says: /is not a month/,
  },
  {
    kind: "oneOf",
    readField: (f) => f.oneOf("f", ["network", "si"]),
    good: "si",
    expected: "si",
    bad: "atm",
    says: /is not one of network, si/,
  },
  {
    kind: "yen",
    readField: (f) => f.yen("f"),
    good: "-500",
    expected: -500n,
    bad: "1,200",
    says: /not an amount in yen/,
  },
  {
    kind: "yen with a minimum",
    readField: (f) => f.yen("f", 1n),
    good: "1200000",
    expected: 1200000n,
    bad: "0",
    says: /must be 1 or more/,
  },
  {
    kind: "optionalYen",
    readField: (f) => f.optionalYen("f", 0n),
    good: "0",
    expected: 0n,
    bad: "12.5",
    says: /not an amount in yen/,
  },
  {
    kind: "decimal",
    readField: (f) => f.decimal("f"),
    good: "-1866.5",
    expected: "-1866.5",
    bad: "1e3",
    says: /Invalid number/,
  },
  {
    kind: "decimal in a range",
    readField: (f) => f.decimal("f", PERCENT),
    good: "100",
    expected: "100",
    bad: "100.5",
    says: /100\.5 is outside 0\.\.100/,
  },
  {
    kind: "optionalInteger",
    readField: (f) => f.optionalInteger("f", 1),
    good: "12",
    expected: 12,
    bad: "0",
    says: /at least 1/,
  },
  {
    kind: "currency",
    readField: (f) => f.currency("f"),
    good: "USD",
    expected: "USD",
    bad: "XYZ",
    says: /Unknown currency/,
  },
  {
    kind: "optionalAmount",
    readField: (f) => f.optionalAmount("f", "USD"),
    good: "12.34",
    expected: 1234n,
    bad: "12.345",
    says: /not a USD amount/,
  },
];

/** Decimals compare by their text, so that "100" and "1e2" are not confused. */
const plain = (value: unknown): unknown => (value instanceof Decimal ? value.toFixed() : value);

describe("a field reader that names file, line and field", () => {
  it.each(KINDS)("$kind takes $good", ({ readField, good, expected }) => {
    expect(plain(readField(read(good)))).toEqual(expected);
  });

  it.each(KINDS)("$kind refuses $bad, naming the field", ({ readField, bad, says }) => {
    const error = refusal(() => readField(read(bad)));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(says);
    expect(error.location).toEqual({ file: "records.csv", line: 7, field: "f" });
  });
});

describe("an empty field is not given", () => {
  it.each([
    ["optionalText", (f: RecordFields) => f.optionalText("f")],
    ["optionalId", (f: RecordFields) => f.optionalId("f")],
    ["optionalDate", (f: RecordFields) => f.optionalDate("f")],
    ["optionalYen", (f: RecordFields) => f.optionalYen("f", 1n)],
    ["optionalDecimal", (f: RecordFields) => f.optionalDecimal("f")],
    ["optionalInteger", (f: RecordFields) => f.optionalInteger("f")],
    ["optionalAmount", (f: RecordFields) => f.optionalAmount("f", "JPY")],
  ])("%s reads a blank or missing field as undefined", (_, readField) => {
    expect(readField(read("  "))).toBeUndefined();
    expect(readField(recordFields({}, where))).toBeUndefined();
  });

  it.each([
    ["text", (f: RecordFields) => f.text("f")],
    ["id", (f: RecordFields) => f.id("f")],
    ["date", (f: RecordFields) => f.date("f")],
    ["month", (f: RecordFields) => f.month("f")],
    ["yen", (f: RecordFields) => f.yen("f")],
    ["decimal", (f: RecordFields) => f.decimal("f")],
    ["oneOf", (f: RecordFields) => f.oneOf("f", ["a", "b"])],
    ["currency", (f: RecordFields) => f.currency("f")],
  ])("%s refuses it, naming the field", (_, readField) => {
    const error = refusal(() => readField(read("")));
    expect(error.message).toMatch(/The field "f" is empty/);
    expect(error.location).toEqual({ file: "records.csv", line: 7, field: "f" });
  });

  it("oneOf and currency fall back to their default", () => {
    expect(read("").oneOf("f", ["a", "b"], "b")).toBe("b");
    expect(read("").currency("f", "JPY")).toBe("JPY");
  });
});
