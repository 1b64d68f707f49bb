import { describe, expect, it } from "vitest";
import { accountTypeOfName } from "./account.js";
import {
  BALANCE_SHEET_LINES,
  balanceSheetLineOf,
  balanceSheetSummary,
} from "./balance-sheet-summary.js";
import { TRIAL_BALANCE_1Q12 } from "./statement-summaries.fixture.js";

describe("the balance-sheet summary", () => {
  it("adds up a trial balance into a balance sheet whose assets equal liabilities plus equity", () => {
    const bs = balanceSheetSummary("2012-06-30", TRIAL_BALANCE_1Q12);
    expect(bs.lines).toEqual({
      cash: 1000n,
      receivables: 500n,
      inventories: 200n,
      prepaid: 100n,
      other_current_assets: 50n,
      property_equipment: 2000n,
      goodwill_intangibles: 300n,
      investments: 500n, // other 400 + equity-method 100
      payables: 600n,
      deferred_revenue: 150n,
      tax_payables: 150n, // income taxes 120 + consumption tax 30
      borrowings: 1000n,
      leases: 400n,
      other_liabilities: 80n,
      common_stock: 1980n,
      retained_earnings: 180n, // deficit 200 brought forward + the quarter's profit 380
      accumulated_oci: -10n,
      noncontrolling_interests: 120n,
      other_equity: 0n,
    });
    expect(bs.currentAssets).toBe(1850n);
    expect(bs.nonCurrentAssets).toBe(2800n);
    expect(bs.totalAssets).toBe(4650n);
    expect(bs.totalLiabilities).toBe(2380n);
    expect(bs.totalEquity).toBe(2270n);
    expect(bs.totalLiabilitiesAndEquity).toBe(4650n);
    expect(bs.difference).toBe(0n);
    expect(bs.balances).toBe(true);
    expect(bs.netIncome).toBe(380n);
    expect(bs.noncontrollingInterestsIncome).toBe(20n);
  });

  it("puts an account it does not know in the other line of its type, never drops it", () => {
    const bs = balanceSheetSummary("2012-06-30", [
      { account: "Assets:Cash", balance: 70n },
      { account: "Assets:Deposits", balance: 30n },
      { account: "Liabilities:AccruedBonuses", balance: -40n },
      { account: "Equity:TreasuryStock", balance: 10n },
      { account: "Equity:CommonStock", balance: -70n },
    ]);
    expect(bs.lines.other_current_assets).toBe(30n);
    expect(bs.lines.other_liabilities).toBe(40n);
    expect(bs.lines.other_equity).toBe(-10n);
    expect(bs.placements.map((p) => [p.account, p.line])).toContainEqual([
      "Equity:TreasuryStock",
      "other_equity",
    ]);
    expect(bs.totalAssets).toBe(100n);
    expect(bs.balances).toBe(true);
  });

  it("groups by name segments: a sub-account joins its line, a look-alike name does not", () => {
    expect(balanceSheetLineOf("Assets:Cash:Bank", "asset")).toBe("cash");
    expect(balanceSheetLineOf("Assets:CashPooling", "asset")).toBe("other_current_assets");
    expect(balanceSheetLineOf("Assets:Investments:Bonds", "asset")).toBe("investments");
    expect(balanceSheetLineOf("Liabilities:CapitalLeases:Current", "liability")).toBe("leases");
    expect(balanceSheetLineOf("Revenue:ATM", "revenue")).toBe("retained_earnings");
    expect(accountTypeOfName("Expenses:SGA:RnD")).toBe("expense");
    expect(BALANCE_SHEET_LINES.map((l) => l.line)).toContain("other_equity");
  });

  it("reports the difference when the lines given do not balance", () => {
    const withoutCash = TRIAL_BALANCE_1Q12.filter((l) => l.account !== "Assets:Cash");
    const bs = balanceSheetSummary("2012-06-30", withoutCash);
    expect(bs.difference).toBe(-1000n);
    expect(bs.balances).toBe(false);
  });

  it("takes the account types the chart gives over the name", () => {
    const bs = balanceSheetSummary(
      "2012-06-30",
      [{ account: "Assets:Cash", balance: 5n }],
      () => undefined,
    );
    expect(bs.lines.cash).toBe(5n);
  });
});
