import { describe, expect, it } from "vitest";
import { Decimal } from "../core/index.js";
import { type AccountType, STANDARD_CHART } from "./account.js";
import { type ConsolidatedCompany, consolidate } from "./consolidation.js";
import { rateBookFor } from "./translation-rate.js";
import type { MonthlyBalance } from "./trial-balance.js";

const types = new Map(STANDARD_CHART.map((a) => [a.name, a.type]));
const typeOf = (name: string): AccountType => types.get(name) ?? "asset";

const company = (
  id: string,
  relation: ConsolidatedCompany["relation"],
  ownership: string,
  consolidatedFrom = "2000-04-01",
): ConsolidatedCompany => ({
  id,
  relation,
  ownershipPercent: new Decimal(ownership),
  consolidatedFrom,
});

const GROUP = [
  company("parent", "parent", "100"),
  company("systems", "subsidiary", "100"),
  company("atm", "subsidiary", "79.5", "2007-07-01"),
  company("acquired", "subsidiary", "100", "2012-07-01"),
  company("investee", "equity_method", "20", "2001-01-01"),
];

const row = (
  entity: string,
  month: string,
  account: string,
  amount: number,
  counterparty: string | null = null,
): MonthlyBalance => ({
  entity,
  account,
  month,
  currency: "JPY",
  counterparty,
  amount: BigInt(amount),
});

/** Each pair is one balanced posting; all in yen. */
const BOOKS: MonthlyBalance[] = [
  // The parent: an external sale, and a sale to `systems`.
  row("parent", "2012-08", "Assets:Receivables", 10_000),
  row("parent", "2012-08", "Revenue:Network:WAN", -10_000),
  row("parent", "2012-08", "Assets:Intercompany", 1000, "systems"),
  row("parent", "2012-08", "Revenue:Network:Outsourcing", -1000, "systems"),
  // `systems` buys from the parent and sells outside.
  row("systems", "2012-08", "Expenses:Cost:Network:Outsourcing", 1000, "parent"),
  row("systems", "2012-08", "Liabilities:Intercompany", -1000, "parent"),
  row("systems", "2012-08", "Assets:Receivables", 3000),
  row("systems", "2012-08", "Revenue:Network:WAN", -3000),
  // The 79.5% ATM operator: 400 of profit in 1Q12, 1,000 in 2Q12.
  row("atm", "2012-05", "Assets:Receivables", 400),
  row("atm", "2012-05", "Revenue:ATM", -400),
  row("atm", "2012-08", "Assets:Receivables", 2000),
  row("atm", "2012-08", "Revenue:ATM", -2000),
  row("atm", "2012-08", "Expenses:Cost:ATM", 1000),
  row("atm", "2012-08", "Liabilities:Payables", -1000),
  // Acquired on 1 July 2012: June's profit is pre-acquisition.
  row("acquired", "2012-06", "Assets:Receivables", 500),
  row("acquired", "2012-06", "Revenue:Network:WAN", -500),
  row("acquired", "2012-07", "Assets:Receivables", 700),
  row("acquired", "2012-07", "Revenue:Network:WAN", -700),
  // The 20% investee: 100 of profit in 1Q12, 1,234 in 2Q12.
  row("investee", "2012-05", "Assets:Cash", 100),
  row("investee", "2012-05", "Revenue:Network:WAN", -100),
  row("investee", "2012-08", "Assets:Cash", 1234),
  row("investee", "2012-08", "Revenue:Network:WAN", -1234),
];

const Q2 = { firstMonth: "2012-07", lastMonth: "2012-09" };
const NO_RATES = rateBookFor([], "2012-09-30");

describe("consolidate, worked by hand (2Q12, all in yen)", () => {
  const group = consolidate(GROUP, BOOKS, typeOf, Q2, NO_RATES);

  it("adds the companies' books, eliminates intercompany sales, and books NCI and equity-method income", () => {
    expect(group.lines.map((l) => [l.account, l.balance])).toEqual([
      ["Assets:Investments:EquityMethod", 267n], // 20% × 1,234 = 246.8 → 247; 20% × 100 = 20
      ["Assets:Receivables", 16_600n],
      ["Equity:NoncontrollingInterests", -287n], // 205 + 82
      ["Equity:RetainedEarnings", -838n], // −400 (atm) −500 (pre-acquisition) +82 (NCI) −20 (investee)
      ["Expenses:Cost:ATM", 1000n],
      ["Expenses:NoncontrollingInterests", 205n], // 20.5% × 1,000 = 205
      ["Liabilities:Payables", -1000n],
      ["Revenue:ATM", -2000n],
      ["Revenue:EquityMethodIncome", -247n],
      ["Revenue:Network:WAN", -13_700n], // 10,000 + 3,000 + 700 (acquired, July only)
    ]);
    expect(group.lines.reduce((s, l) => s + l.balance, 0n)).toBe(0n);
  });

  it("states each adjustment", () => {
    const nci = group.adjustments.find((a) => a.kind === "noncontrolling_interests");
    expect(nci?.entity).toBe("atm");
    expect(nci?.description).toContain("20.5%");
    expect(nci?.lines).toEqual([
      { account: "Expenses:NoncontrollingInterests", amount: 205n },
      { account: "Equity:NoncontrollingInterests", amount: -205n },
      { account: "Equity:RetainedEarnings", amount: 82n },
      { account: "Equity:NoncontrollingInterests", amount: -82n },
    ]);
    const equityMethod = group.adjustments.find((a) => a.kind === "equity_method");
    expect(equityMethod?.lines).toEqual([
      { account: "Assets:Investments:EquityMethod", amount: 247n },
      { account: "Revenue:EquityMethodIncome", amount: -247n },
      { account: "Assets:Investments:EquityMethod", amount: 20n },
      { account: "Equity:RetainedEarnings", amount: -20n },
    ]);
    expect(group.adjustments.filter((a) => a.kind === "elimination").map((a) => a.entity)).toEqual([
      "parent",
      "systems",
    ]);
    expect(group.investees.map((b) => b.netIncome)).toEqual([1234n]);
  });

  it("leaves an acquisition out before its consolidation date", () => {
    const q1 = consolidate(
      GROUP,
      BOOKS,
      typeOf,
      { firstMonth: "2012-04", lastMonth: "2012-06" },
      NO_RATES,
    );
    expect(q1.companies.map((b) => b.entity)).toEqual(["parent", "systems", "atm"]);
    const wan = q1.lines.find((l) => l.account === "Revenue:Network:WAN");
    expect(wan).toBeUndefined(); // June's 500 belongs to the acquired company's own past
    const nci = q1.adjustments.find((a) => a.kind === "noncontrolling_interests");
    expect(nci?.lines[0]).toEqual({ account: "Expenses:NoncontrollingInterests", amount: 82n });
  });

  it("books what does not cancel out to the intercompany difference", () => {
    // The buyer booked 990 for the parent's 1,000 sale.
    const mismatched = BOOKS.map((r) =>
      r.entity === "systems" && r.counterparty === "parent"
        ? { ...r, amount: r.amount > 0n ? 990n : -990n }
        : r,
    );
    // Seller tags only the revenue, buyer only the cost: the receivable and payable stay.
    const oneSided = mismatched
      .filter(
        (r) =>
          !(
            r.counterparty &&
            (r.account.startsWith("Assets") || r.account.startsWith("Liabilities"))
          ),
      )
      .concat(
        row("parent", "2012-08", "Assets:Receivables", 1000),
        row("systems", "2012-08", "Liabilities:Payables", -990),
      );
    const group2 = consolidate(GROUP, oneSided, typeOf, Q2, NO_RATES);
    const difference = group2.lines.find(
      (l) => l.account === "Expenses:Other:IntercompanyDifference",
    );
    expect(difference?.balance).toBe(-10n);
    expect(
      group2.lines.find((l) => l.account.startsWith("Revenue:Network:Outsourcing")),
    ).toBeUndefined();
    expect(group2.lines.reduce((s, l) => s + l.balance, 0n)).toBe(0n);
  });

  it("rounds an NCI share half-up to the yen", () => {
    const odd = [
      row("atm", "2012-08", "Assets:Receivables", 10),
      row("atm", "2012-08", "Revenue:ATM", -10),
    ];
    // 20.5% × 10 = 2.05 → 2
    const group3 = consolidate(GROUP, odd, typeOf, Q2, NO_RATES);
    expect(
      group3.lines.find((l) => l.account === "Expenses:NoncontrollingInterests")?.balance,
    ).toBe(2n);
    const loss = [
      row("atm", "2012-08", "Expenses:Cost:ATM", 1000),
      row("atm", "2012-08", "Assets:Cash", -1000),
    ];
    // A loss is shared too: 20.5% × −1,000 = −205
    const group4 = consolidate(GROUP, loss, typeOf, Q2, NO_RATES);
    expect(
      group4.lines.find((l) => l.account === "Expenses:NoncontrollingInterests")?.balance,
    ).toBe(-205n);
  });
});
