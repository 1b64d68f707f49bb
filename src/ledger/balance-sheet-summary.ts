import {
  type AccountType,
  accountTypeOfName,
  isBalanceSheet,
  NCI_EQUITY,
  NCI_INCOME,
  RETAINED_EARNINGS,
} from "./account.js";

/** The lines of the balance-sheet summary, in the order it prints them. */
export type BalanceSheetLine =
  | "cash"
  | "receivables"
  | "inventories"
  | "prepaid"
  | "other_current_assets"
  | "property_equipment"
  | "goodwill_intangibles"
  | "investments"
  | "payables"
  | "deferred_revenue"
  | "tax_payables"
  | "borrowings"
  | "leases"
  | "other_liabilities"
  | "common_stock"
  | "retained_earnings"
  | "accumulated_oci"
  | "noncontrolling_interests"
  | "other_equity";

export type BalanceSheetSection = "current_assets" | "noncurrent_assets" | "liabilities" | "equity";

/** Where a line sits and how it is labelled; `BALANCE_SHEET_LINES` lists them in printing order. */
export interface BalanceSheetLineInfo {
  readonly line: BalanceSheetLine;
  readonly section: BalanceSheetSection;
  readonly label: string;
}

export const BALANCE_SHEET_LINES: readonly BalanceSheetLineInfo[] = [
  { line: "cash", section: "current_assets", label: "Cash and cash equivalents" },
  { line: "receivables", section: "current_assets", label: "Accounts receivable" },
  { line: "inventories", section: "current_assets", label: "Inventories" },
  { line: "prepaid", section: "current_assets", label: "Prepaid expenses" },
  { line: "other_current_assets", section: "current_assets", label: "Other assets" },
  { line: "property_equipment", section: "noncurrent_assets", label: "Property and equipment" },
  {
    line: "goodwill_intangibles",
    section: "noncurrent_assets",
    label: "Goodwill and other intangibles",
  },
  { line: "investments", section: "noncurrent_assets", label: "Investments" },
  { line: "payables", section: "liabilities", label: "Accounts payable" },
  { line: "deferred_revenue", section: "liabilities", label: "Deferred revenue" },
  { line: "tax_payables", section: "liabilities", label: "Tax payables" },
  { line: "borrowings", section: "liabilities", label: "Borrowings" },
  { line: "leases", section: "liabilities", label: "Capital lease obligations" },
  { line: "other_liabilities", section: "liabilities", label: "Other liabilities" },
  { line: "common_stock", section: "equity", label: "Common stock and paid-in capital" },
  { line: "retained_earnings", section: "equity", label: "Retained earnings (deficit)" },
  { line: "accumulated_oci", section: "equity", label: "Accumulated other comprehensive income" },
  { line: "noncontrolling_interests", section: "equity", label: "Non-controlling interests" },
  { line: "other_equity", section: "equity", label: "Other equity" },
];

// Accounts are grouped by name: an account belongs to a line when its name is one of the line's
// names or sits below one ("Assets:Cash:Bank" is cash). Names are the chart's (account.ts); the
// chart's check ties each name's top level to its type, so a name that matches none of these still
// has a type and lands in that type's "other" line.
const LINE_NAMES: readonly (readonly [BalanceSheetLine, readonly string[]])[] = [
  ["cash", ["Assets:Cash"]],
  ["receivables", ["Assets:Receivables"]],
  ["inventories", ["Assets:Inventories"]],
  ["prepaid", ["Assets:PrepaidExpenses", "Assets:Prepaid"]],
  ["property_equipment", ["Assets:PropertyAndEquipment"]],
  [
    "goodwill_intangibles",
    ["Assets:GoodwillAndIntangibles", "Assets:Goodwill", "Assets:Intangibles"],
  ],
  ["investments", ["Assets:Investments"]],
  ["payables", ["Liabilities:Payables"]],
  ["deferred_revenue", ["Liabilities:DeferredRevenue"]],
  ["tax_payables", ["Liabilities:IncomeTaxes", "Liabilities:ConsumptionTax", "Liabilities:Taxes"]],
  ["borrowings", ["Liabilities:Borrowings"]],
  ["leases", ["Liabilities:CapitalLeases", "Liabilities:Leases"]],
  ["common_stock", ["Equity:CommonStock"]],
  ["retained_earnings", [RETAINED_EARNINGS]],
  ["accumulated_oci", ["Equity:AccumulatedOCI"]],
  ["noncontrolling_interests", [NCI_EQUITY]],
];

const OTHER_OF: Readonly<Record<"asset" | "liability" | "equity", BalanceSheetLine>> = {
  asset: "other_current_assets",
  liability: "other_liabilities",
  equity: "other_equity",
};

/** The balance-sheet line an account's balance goes to; revenue and expense go to retained earnings. */
export function balanceSheetLineOf(account: string, type: AccountType): BalanceSheetLine {
  if (!isBalanceSheet(type)) return "retained_earnings";
  for (const [line, names] of LINE_NAMES) {
    if (names.some((name) => account === name || account.startsWith(`${name}:`))) {
      // A name under another type's top level (never in a checked chart) is not that line.
      if (sectionType(line) === type) return line;
    }
  }
  return OTHER_OF[type as "asset" | "liability" | "equity"];
}

function sectionType(line: BalanceSheetLine): AccountType {
  const section = BALANCE_SHEET_LINES.find((l) => l.line === line)?.section;
  return section === "liabilities" ? "liability" : section === "equity" ? "equity" : "asset";
}

/** Where one trial-balance line went, with the amount it added (as the summary shows it). */
export interface BalanceSheetPlacement {
  readonly account: string;
  readonly line: BalanceSheetLine;
  readonly amount: bigint;
}

/**
 * A balance-sheet summary at `date`, in yen. Amounts are shown as a balance sheet shows them:
 * assets as debits positive, liabilities and equity as credits positive (an accumulated deficit is
 * negative). Retained earnings include the profit of the trial balance's window.
 */
export interface BalanceSheetSummary {
  readonly date: string;
  readonly lines: Readonly<Record<BalanceSheetLine, bigint>>;
  readonly currentAssets: bigint;
  readonly nonCurrentAssets: bigint;
  readonly totalAssets: bigint;
  readonly totalLiabilities: bigint;
  readonly totalEquity: bigint;
  readonly totalLiabilitiesAndEquity: bigint;
  /** Total assets − (liabilities + equity): zero when the trial balance balances. */
  readonly difference: bigint;
  readonly balances: boolean;
  /** Profit of the window attributable to the parent (revenue − every expense, NCI's share included). */
  readonly netIncome: bigint;
  /** The window's profit attributable to non-controlling interests (`Expenses:NoncontrollingInterests`). */
  readonly noncontrollingInterestsIncome: bigint;
  readonly placements: readonly BalanceSheetPlacement[];
}

/**
 * Summarises a trial balance (signed yen, debit positive; `uplink ledger balances` for a window
 * ending `date`) into a balance sheet at `date`. Every line lands somewhere: an account the
 * grouping does not know goes to the "other" line of its type, and revenue and expense lines (the
 * window's profit) close into retained earnings. `typeOf` gives an account's type (the chart's);
 * without it, or when it knows no answer, the type is read from the name's top level.
 */
export function balanceSheetSummary(
  date: string,
  trialBalance: readonly { account: string; balance: bigint }[],
  typeOf: (account: string) => AccountType | undefined = accountTypeOfName,
): BalanceSheetSummary {
  const lines = Object.fromEntries(BALANCE_SHEET_LINES.map((l) => [l.line, 0n])) as Record<
    BalanceSheetLine,
    bigint
  >;
  const placements: BalanceSheetPlacement[] = [];
  let netIncome = 0n;
  let noncontrollingInterestsIncome = 0n;
  for (const { account, balance } of trialBalance) {
    const type = typeOf(account) ?? accountTypeOfName(account);
    if (!type) {
      // Not a chart name at all: kept, as a debit is an asset and a credit a liability.
      const line = balance >= 0n ? "other_current_assets" : "other_liabilities";
      const amount = balance >= 0n ? balance : -balance;
      lines[line] += amount;
      placements.push({ account, line, amount });
      continue;
    }
    const line = balanceSheetLineOf(account, type);
    const amount = type === "asset" ? balance : -balance;
    if (!isBalanceSheet(type)) netIncome -= balance;
    if (account === NCI_INCOME) noncontrollingInterestsIncome += balance;
    lines[line] += amount;
    placements.push({ account, line, amount });
  }
  const sum = (section: BalanceSheetSection) =>
    BALANCE_SHEET_LINES.filter((l) => l.section === section).reduce(
      (total, l) => total + lines[l.line],
      0n,
    );
  const currentAssets = sum("current_assets");
  const nonCurrentAssets = sum("noncurrent_assets");
  const totalAssets = currentAssets + nonCurrentAssets;
  const totalLiabilities = sum("liabilities");
  const totalEquity = sum("equity");
  const totalLiabilitiesAndEquity = totalLiabilities + totalEquity;
  const difference = totalAssets - totalLiabilitiesAndEquity;
  return {
    date,
    lines,
    currentAssets,
    nonCurrentAssets,
    totalAssets,
    totalLiabilities,
    totalEquity,
    totalLiabilitiesAndEquity,
    difference,
    balances: difference === 0n,
    netIncome,
    noncontrollingInterestsIncome,
    placements,
  };
}
