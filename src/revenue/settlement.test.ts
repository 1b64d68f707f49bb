import { describe, expect, it } from "vitest";
import { type OpenBalance, settleOpenBalances } from "./settlement.js";

const open = (
  entity: string,
  account: string,
  amount: bigint,
  currency: OpenBalance["currency"] = "JPY",
): OpenBalance => ({ entity, account, currency, amount });

describe("settleOpenBalances", () => {
  it("collects receivables and pays payables and tax owed at the end of the month before", () => {
    const [entry, ...rest] = settleOpenBalances("2012-08", [
      open("iij", "Assets:Receivables", 2_272_716n),
      open("iij", "Liabilities:Payables", -1_754_996n),
      open("iij", "Liabilities:ConsumptionTax", -108_224n),
    ]);
    // Cash = 2,272,716 collected − 1,754,996 paid − 108,224 tax = 409,496; each balance is
    // cleared by its opposite, on the month's last day.
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      id: "SETTLE/2012-08/iij/JPY",
      date: "2012-08-31",
      entity: "iij",
      description:
        "Collections and payments of 2012-08 (balances due at the end of the month before)",
      source: { kind: "run", id: "settlement-2012-08" },
      lines: [
        { account: "Assets:Cash", amount: 409_496n, currency: "JPY" },
        { account: "Assets:Receivables", amount: -2_272_716n, currency: "JPY" },
        { account: "Liabilities:ConsumptionTax", amount: 108_224n, currency: "JPY" },
        { account: "Liabilities:Payables", amount: 1_754_996n, currency: "JPY" },
      ],
    });
  });

  it("settles nothing else: revenue, deferred revenue and cash stay where they are", () => {
    const entries = settleOpenBalances("2012-08", [
      open("iij", "Revenue:Network:WAN", -350_000n),
      open("iij", "Liabilities:DeferredRevenue", -28_750n),
      open("iij", "Assets:Cash", 5_000n),
      open("iij", "Assets:Receivables", 0n),
    ]);
    expect(entries).toEqual([]);
  });

  it("makes one entry per company and currency, and none for nothing owed", () => {
    const entries = settleOpenBalances("2012-09", [
      open("trust", "Assets:Receivables", 12_600n),
      open("trust", "Liabilities:Payables", -7_000n),
      open("iij-us", "Assets:Receivables", 1_000_513n, "USD"),
      open("iij-us", "Assets:Receivables", 20_000n, "JPY"),
    ]);
    // trust: 12,600 − 7,000 = 5,600 cash; iij-us: USD 10,005.13 and JPY 20,000 apart.
    expect(entries.map((e) => [e.id, e.lines.map((l) => [l.account, l.amount])])).toEqual([
      [
        "SETTLE/2012-09/iij-us/JPY",
        [
          ["Assets:Cash", 20_000n],
          ["Assets:Receivables", -20_000n],
        ],
      ],
      [
        "SETTLE/2012-09/iij-us/USD",
        [
          ["Assets:Cash", 1_000_513n],
          ["Assets:Receivables", -1_000_513n],
        ],
      ],
      [
        "SETTLE/2012-09/trust/JPY",
        [
          ["Assets:Cash", 5_600n],
          ["Assets:Receivables", -12_600n],
          ["Liabilities:Payables", 7_000n],
        ],
      ],
    ]);
    for (const entry of entries) expect(entry.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
  });

  it("moves no cash when what is collected equals what is paid", () => {
    const [entry] = settleOpenBalances("2012-09", [
      open("iij", "Assets:Receivables", 100n),
      open("iij", "Liabilities:Payables", -100n),
    ]);
    // 100 collected − 100 paid = 0: the two balances clear each other, no cash line.
    expect(entry?.lines.map((l) => [l.account, l.amount])).toEqual([
      ["Assets:Receivables", -100n],
      ["Liabilities:Payables", 100n],
    ]);
  });

  it("refunds a credit balance: a receivable below zero is paid out", () => {
    const [entry] = settleOpenBalances("2012-11", [open("iij", "Assets:Receivables", -31_500n)]);
    // The customer was owed 31,500 (a credit note): cash goes out, the receivable clears.
    expect(entry?.lines.map((l) => [l.account, l.amount])).toEqual([
      ["Assets:Cash", -31_500n],
      ["Assets:Receivables", 31_500n],
    ]);
  });
});
