import { describe, expect, it } from "vitest";
import { balanceSheetSummary } from "./balance-sheet-summary.js";
import { cashFlowSummary } from "./cash-flow-summary.js";
import { TRIAL_BALANCE_1Q12 } from "./statement-summaries.fixture.js";

// The trial balance of 4Q11 (window Jan–Mar 2012) before the 1Q12 one of the balance-sheet test:
// 4,590 of assets, 2,300 of liabilities, 2,090 of equity accounts and a profit of 200.
const TRIAL_BALANCE_4Q11 = [
  { account: "Assets:Cash", balance: 1200n },
  { account: "Assets:Receivables", balance: 450n },
  { account: "Assets:Inventories", balance: 250n },
  { account: "Assets:PrepaidExpenses", balance: 80n },
  { account: "Assets:PropertyAndEquipment", balance: 1800n },
  { account: "Assets:GoodwillAndIntangibles", balance: 320n },
  { account: "Assets:Investments:Other", balance: 400n },
  { account: "Assets:Investments:EquityMethod", balance: 90n },
  { account: "Liabilities:Payables", balance: -500n },
  { account: "Liabilities:DeferredRevenue", balance: -100n },
  { account: "Liabilities:IncomeTaxes", balance: -200n },
  { account: "Liabilities:Borrowings", balance: -1200n },
  { account: "Liabilities:CapitalLeases", balance: -300n },
  { account: "Equity:CommonStock", balance: -1980n },
  { account: "Equity:NoncontrollingInterests", balance: -110n },
  { account: "Revenue:Network:WAN", balance: -900n },
  { account: "Expenses:Cost:Network:Circuit", balance: 700n },
];

describe("the cash-flow summary (indirect method)", () => {
  const start = balanceSheetSummary("2012-03-31", TRIAL_BALANCE_4Q11);
  const end = balanceSheetSummary("2012-06-30", TRIAL_BALANCE_1Q12);

  it("explains the change in cash by net income, working capital, investing and financing", () => {
    expect(start.balances).toBe(true);
    const cf = cashFlowSummary(start, end, end);
    // Worked by hand from the two trial balances:
    expect(cf.lines).toEqual({
      net_income: 400n, // 380 attributable + 20 NCI's share
      receivables: -50n, // 450 → 500
      inventories: 50n, // 250 → 200
      prepaid: -20n, // 80 → 100
      other_assets: -50n, // 0 → 50
      payables: 100n, // 500 → 600
      deferred_revenue: 50n, // 100 → 150
      tax_payables: -50n, // 200 → 150
      other_liabilities: 80n, // 0 → 80
      property_equipment: -200n, // 1,800 → 2,000
      goodwill_intangibles: 20n, // 320 → 300
      investments: -10n, // 490 → 500
      borrowings: -200n, // 1,200 → 1,000
      leases: 100n, // 300 → 400
      share_capital: 0n,
      dividends: -400n, // retained earnings 200 → 180, not explained by the profit of 380
      noncontrolling_interests: -10n, // NCI 110 → 120 less their share of profit 20
      other_equity: 0n,
      translation: -10n, // AOCI 0 → −10
    });
    expect(cf.operating).toBe(510n);
    expect(cf.investing).toBe(-190n);
    expect(cf.financing).toBe(-510n);
    expect(cf.translation).toBe(-10n);
    expect(cf.total).toBe(-200n);
    expect(cf.cashAtStart).toBe(1200n);
    expect(cf.cashAtEnd).toBe(1000n);
    expect(cf.changeInCash).toBe(-200n);
    expect(cf.difference).toBe(0n);
    expect(cf.agrees).toBe(true);
  });

  it("says so when the parts do not add up to the change in cash (a balance sheet off balance)", () => {
    const broken = balanceSheetSummary(
      "2012-06-30",
      TRIAL_BALANCE_1Q12.filter((l) => l.account !== "Assets:Receivables"),
    );
    const cf = cashFlowSummary(start, broken, broken);
    expect(cf.difference).toBe(500n);
    expect(cf.agrees).toBe(false);
  });
});
