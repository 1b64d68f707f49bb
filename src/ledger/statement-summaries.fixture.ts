// Hand-made trial balances the statement summaries' tests share.

// A hand-made trial balance of 1Q12 (window Apr–Jun 2012, signed yen, debit positive) whose lines
// add up to zero: 4,650 of assets against 2,380 of liabilities, 1,890 of equity accounts and a
// profit of 380 (revenue 1,000 − circuit cost 600 − NCI's share 20).
export const TRIAL_BALANCE_1Q12 = [
  { account: "Assets:Cash", balance: 1000n },
  { account: "Assets:Receivables", balance: 500n },
  { account: "Assets:Inventories", balance: 200n },
  { account: "Assets:PrepaidExpenses", balance: 100n },
  { account: "Assets:Deposits", balance: 50n }, // in no line of the summary: "other assets"
  { account: "Assets:PropertyAndEquipment", balance: 2000n },
  { account: "Assets:GoodwillAndIntangibles", balance: 300n },
  { account: "Assets:Investments:Other", balance: 400n },
  { account: "Assets:Investments:EquityMethod", balance: 100n },
  { account: "Liabilities:Payables", balance: -600n },
  { account: "Liabilities:DeferredRevenue", balance: -150n },
  { account: "Liabilities:IncomeTaxes", balance: -120n },
  { account: "Liabilities:ConsumptionTax", balance: -30n },
  { account: "Liabilities:Borrowings", balance: -1000n },
  { account: "Liabilities:CapitalLeases", balance: -400n },
  { account: "Liabilities:AccruedBonuses", balance: -80n }, // unknown: "other liabilities"
  { account: "Equity:CommonStock", balance: -1980n },
  { account: "Equity:RetainedEarnings", balance: 200n }, // a deficit brought forward
  { account: "Equity:AccumulatedOCI:TranslationAdjustment", balance: 10n },
  { account: "Equity:NoncontrollingInterests", balance: -120n },
  { account: "Revenue:Network:WAN", balance: -1000n },
  { account: "Expenses:Cost:Network:Circuit", balance: 600n },
  { account: "Expenses:NoncontrollingInterests", balance: 20n },
] as const;
