import type { BalanceSheetLine, BalanceSheetSummary } from "./balance-sheet-summary.js";

/** The lines of the cash-flow summary, in the order it prints them. */
export type CashFlowLine =
  | "net_income"
  | "receivables"
  | "inventories"
  | "prepaid"
  | "other_assets"
  | "payables"
  | "deferred_revenue"
  | "tax_payables"
  | "other_liabilities"
  | "property_equipment"
  | "goodwill_intangibles"
  | "investments"
  | "borrowings"
  | "leases"
  | "share_capital"
  | "dividends"
  | "noncontrolling_interests"
  | "other_equity"
  | "translation";

export type CashFlowSection = "operating" | "investing" | "financing" | "translation";

export interface CashFlowLineInfo {
  readonly line: CashFlowLine;
  readonly section: CashFlowSection;
  readonly label: string;
}

export const CASH_FLOW_LINES: readonly CashFlowLineInfo[] = [
  {
    line: "net_income",
    section: "operating",
    label: "Net income (incl. non-controlling interests)",
  },
  { line: "receivables", section: "operating", label: "Change in accounts receivable" },
  { line: "inventories", section: "operating", label: "Change in inventories" },
  { line: "prepaid", section: "operating", label: "Change in prepaid expenses" },
  { line: "other_assets", section: "operating", label: "Change in other assets" },
  { line: "payables", section: "operating", label: "Change in accounts payable" },
  { line: "deferred_revenue", section: "operating", label: "Change in deferred revenue" },
  { line: "tax_payables", section: "operating", label: "Change in tax payables" },
  { line: "other_liabilities", section: "operating", label: "Change in other liabilities" },
  { line: "property_equipment", section: "investing", label: "Property and equipment (net)" },
  { line: "goodwill_intangibles", section: "investing", label: "Goodwill and intangibles (net)" },
  { line: "investments", section: "investing", label: "Investments" },
  { line: "borrowings", section: "financing", label: "Borrowings, net" },
  { line: "leases", section: "financing", label: "Capital lease obligations, net" },
  { line: "share_capital", section: "financing", label: "Share capital" },
  {
    line: "dividends",
    section: "financing",
    label: "Dividends and other retained-earnings changes",
  },
  { line: "noncontrolling_interests", section: "financing", label: "Non-controlling interests" },
  { line: "other_equity", section: "financing", label: "Other equity" },
  { line: "translation", section: "translation", label: "Translation adjustment" },
];

/** The quarter's profit: attributable to the parent, and the non-controlling interests' share. */
export interface QuarterProfit {
  readonly netIncome: bigint;
  readonly noncontrollingInterestsIncome: bigint;
}

/** A cash-flow summary between two balance sheets: signed yen, inflow positive. */
export interface CashFlowSummary {
  readonly startDate: string;
  readonly endDate: string;
  readonly lines: Readonly<Record<CashFlowLine, bigint>>;
  readonly operating: bigint;
  readonly investing: bigint;
  readonly financing: bigint;
  readonly translation: bigint;
  /** Operating + investing + financing + translation. */
  readonly total: bigint;
  readonly cashAtStart: bigint;
  readonly cashAtEnd: bigint;
  readonly changeInCash: bigint;
  /** Total − change in cash: zero when both balance sheets balance. */
  readonly difference: bigint;
  readonly agrees: boolean;
}

// Each balance-sheet line's change and the cash-flow line it explains. An asset that grew used
// cash (its change counts negative); a liability or equity line that grew brought cash in.
const FROM_ASSETS: readonly (readonly [CashFlowLine, BalanceSheetLine])[] = [
  ["receivables", "receivables"],
  ["inventories", "inventories"],
  ["prepaid", "prepaid"],
  ["other_assets", "other_current_assets"],
  ["property_equipment", "property_equipment"],
  ["goodwill_intangibles", "goodwill_intangibles"],
  ["investments", "investments"],
];
const FROM_CREDITS: readonly (readonly [CashFlowLine, BalanceSheetLine])[] = [
  ["payables", "payables"],
  ["deferred_revenue", "deferred_revenue"],
  ["tax_payables", "tax_payables"],
  ["other_liabilities", "other_liabilities"],
  ["borrowings", "borrowings"],
  ["leases", "leases"],
  ["share_capital", "common_stock"],
  ["other_equity", "other_equity"],
  ["translation", "accumulated_oci"],
];

/**
 * The indirect method from the balance sheets at the start and end of a quarter and the quarter's
 * profit: net income, then each non-cash balance-sheet line's change. Dividends are what the change
 * in retained earnings leaves unexplained by the net income attributable to the parent; the
 * non-controlling interests' line is their equity's change less their share of the profit (which
 * net income already counts). The chart keeps property and equipment net, so investing is capital
 * spending net of depreciation. The parts add up to the change in cash whenever both balance sheets
 * balance; `agrees` is that check.
 */
export function cashFlowSummary(
  start: BalanceSheetSummary,
  end: BalanceSheetSummary,
  profit: QuarterProfit,
): CashFlowSummary {
  const change = (line: BalanceSheetLine) => end.lines[line] - start.lines[line];
  const lines = Object.fromEntries(CASH_FLOW_LINES.map((l) => [l.line, 0n])) as Record<
    CashFlowLine,
    bigint
  >;
  lines.net_income = profit.netIncome + profit.noncontrollingInterestsIncome;
  for (const [line, from] of FROM_ASSETS) lines[line] = -change(from);
  for (const [line, from] of FROM_CREDITS) lines[line] = change(from);
  lines.dividends = change("retained_earnings") - profit.netIncome;
  lines.noncontrolling_interests =
    change("noncontrolling_interests") - profit.noncontrollingInterestsIncome;

  const sum = (section: CashFlowSection) =>
    CASH_FLOW_LINES.filter((l) => l.section === section).reduce(
      (total, l) => total + lines[l.line],
      0n,
    );
  const operating = sum("operating");
  const investing = sum("investing");
  const financing = sum("financing");
  const translation = sum("translation");
  const total = operating + investing + financing + translation;
  const changeInCash = change("cash");
  return {
    startDate: start.date,
    endDate: end.date,
    lines,
    operating,
    investing,
    financing,
    translation,
    total,
    cashAtStart: start.lines.cash,
    cashAtEnd: end.lines.cash,
    changeInCash,
    difference: total - changeInCash,
    agrees: total === changeInCash,
  };
}
