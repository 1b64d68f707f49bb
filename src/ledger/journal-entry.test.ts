import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import {
  checkEntry,
  isIsoDate,
  type JournalEntry,
  type JournalLine,
  reversalOf,
  sameEntry,
  unbalancedCurrencies,
} from "./journal-entry.js";

const jpy = (account: string, amount: number): JournalLine => ({
  account,
  amount: BigInt(amount),
  currency: "JPY",
});
const usd = (account: string, amount: number): JournalLine => ({
  ...jpy(account, amount),
  currency: "USD",
});

const entry = (lines: JournalLine[], extra: Partial<JournalEntry> = {}): JournalEntry => ({
  id: "INV-2012-09-C00001",
  date: "2012-09-30",
  entity: "uplink",
  description: "September invoice",
  source: { kind: "invoice", id: "INV-2012-09-C00001" },
  lines,
  ...extra,
});

const anyAccount = () => true;

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UplinkError);
    return (error as UplinkError).message;
  }
  throw new Error("expected an UplinkError");
}

describe("an entry balances per currency", () => {
  it.each([
    ["debit equals credit", [jpy("A", 100), jpy("B", -100)], []],
    ["three lines", [jpy("A", 100), jpy("B", -60), jpy("C", -40)], []],
    [
      "yen and dollars each balanced",
      [jpy("A", 100), jpy("B", -100), usd("A", 5), usd("B", -5)],
      [],
    ],
    ["one yen short", [jpy("A", 100), jpy("B", -99)], ["JPY:1"]],
    ["balanced only across currencies", [jpy("A", 100), usd("B", -100)], ["JPY:100", "USD:-100"]],
  ])("%s", (_name, lines, off) => {
    expect(unbalancedCurrencies(lines).map((o) => `${o.currency}:${o.off}`)).toEqual(off);
  });
});

describe("checkEntry refuses what the ledger must not hold", () => {
  it.each([
    ["an unbalanced entry", entry([jpy("A", 100), jpy("B", -99)]), "JPY off by 1"],
    ["a single line", entry([jpy("A", 0)]), "at least two lines"],
    ["a zero line", entry([jpy("A", 100), jpy("B", -100), jpy("C", 0)]), "line 3: a line of zero"],
    [
      "an impossible date",
      entry([jpy("A", 1), jpy("B", -1)], { date: "2012-02-30" }),
      "not a YYYY-MM-DD",
    ],
    ["no description", entry([jpy("A", 1), jpy("B", -1)], { description: " " }), "no description"],
    ["an id with spaces", entry([jpy("A", 1), jpy("B", -1)], { id: "INV 1" }), "must start with"],
    [
      "a company as its own counterparty",
      entry([{ ...jpy("A", 1), counterparty: "uplink" }, jpy("B", -1)]),
      "not its own counterparty",
    ],
  ])("%s", (_name, bad, message) => {
    expect(messageOf(() => checkEntry(bad, anyAccount))).toContain(message);
  });

  it("names an account missing from the company's chart", () => {
    const message = messageOf(() =>
      checkEntry(
        entry([jpy("Assets:Cash", 1), jpy("Revenue:Nowhere", -1)]),
        (a) => a === "Assets:Cash",
      ),
    );
    expect(message).toContain('line 2: "Revenue:Nowhere" is not an account of uplink\'s chart');
  });

  it("accepts a balanced entry", () => {
    expect(() => checkEntry(entry([jpy("A", 100), jpy("B", -100)]), anyAccount)).not.toThrow();
  });
});

describe("reversalOf", () => {
  const original = entry([
    jpy("Assets:Receivables", 1050),
    jpy("Revenue:Network:WAN", -1000),
    jpy("Liabilities:ConsumptionTax", -50),
  ]);

  it("negates every line, names the entry it reverses and the reason", () => {
    const reversal = reversalOf(original, "2012-10-05", "wrong bandwidth tier");
    expect(reversal.id).toBe("INV-2012-09-C00001/R");
    expect(reversal.date).toBe("2012-10-05");
    expect(reversal.reverses).toBe(original.id);
    expect(reversal.source).toEqual({ kind: "reversal", id: original.id });
    expect(reversal.lines.map((l) => l.amount)).toEqual([-1050n, 1000n, 50n]);
    expect(unbalancedCurrencies([...original.lines, ...reversal.lines])).toEqual([]);
  });

  it("needs a reason", () => {
    expect(messageOf(() => reversalOf(original, "2012-10-05", ""))).toContain("reason");
  });
});

describe("sameEntry: a repeated post is recognised, a changed one is not", () => {
  const a = entry([jpy("A", 100), jpy("B", -100)]);
  it.each([
    ["the same", a, true],
    ["another amount", entry([jpy("A", 101), jpy("B", -101)]), false],
    ["another date", { ...a, date: "2012-09-29" }, false],
    ["a customer added", entry([{ ...jpy("A", 100), customerId: "C1" }, jpy("B", -100)]), false],
    [
      "null and absent references alike",
      entry([{ ...jpy("A", 100), customerId: null }, jpy("B", -100)]),
      true,
    ],
  ])("%s → %s", (_name, b, same) => {
    expect(sameEntry(a, b)).toBe(same);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2012-02-29", true],
    ["2011-02-29", false],
    ["2012-13-01", false],
    ["2012-04-31", false],
    ["2012-4-1", false],
  ])("%s → %s", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});
