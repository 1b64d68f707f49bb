import { parsePeriod, UplinkError } from "../../core/index.js";
import {
  accountForMetric,
  type JournalEntry,
  type JournalLine,
  PAYABLES,
  RECEIVABLES,
  RETAINED_EARNINGS,
  standardAccount,
  type YenBalance,
} from "../../ledger/index.js";
import type { ValueResolver } from "../../reporting/index.js";

// The demo's books start in April 2011 with nothing on them, so its balance sheet would hold only
// what eighteen months of billing and costs leave behind. This opening entry, dated the day before
// the books start, brings the balance sheet at the end of FY11 to the reported one line by line:
// each reported line's opening amount is the reported balance less what the books added in FY11.
// Lines the presentation does not itemise go to other assets and other liabilities, and common
// stock takes what the reported shareholders' equity holds beyond retained earnings and OCI.

/** The balance-sheet lines the presentation itemises, by metric. */
const REPORTED_LINES = [
  "bs.cash",
  "bs.accounts_receivable",
  "bs.inventories",
  "bs.prepaid_expenses",
  "bs.other_investments",
  "bs.property_equipment",
  "bs.goodwill_intangibles",
  "bs.accounts_payable",
  "bs.income_taxes_payable",
  "bs.borrowings",
  "bs.capital_lease_obligations",
  "bs.accumulated_deficit",
  "bs.accumulated_other_comprehensive_loss",
] as const;

export const DEMO_OPENING_DATE = "2011-03-31";
const BROUGHT_FORWARD = new Map([
  [RECEIVABLES, "Assets:Receivables:BroughtForward"],
  [PAYABLES, "Liabilities:Payables:BroughtForward"],
]);
const AS_REPORTED = "4Q11";

/**
 * The opening entry of the parent's books. `trial` is the group's trial balance for FY11 without
 * it (balance-sheet accounts at the year's end, FY11's profit in its revenue and expense lines).
 */
export function demoOpeningBalances(
  resolve: ValueResolver,
  trial: readonly YenBalance[],
  entity: string,
): JournalEntry {
  const quarter = parsePeriod(AS_REPORTED);
  const reported = (metric: string): bigint => {
    const value = resolve({ metric, period: quarter })?.value;
    if (value === undefined)
      throw new UplinkError("NOT_FOUND", `The demo needs ${metric} for ${AS_REPORTED}.`);
    return BigInt(value.toFixed(0));
  };
  const books = new Map(trial.map((l) => [l.account, l.balance]));
  // The year's profit (revenue and expenses, credit-negative) closes into retained earnings.
  let profitBalance = 0n;
  for (const line of trial) {
    const type = standardAccount(line.account)?.type;
    if (type === "revenue" || type === "expense") profitBalance += line.balance;
  }
  const booked = (account: string) =>
    (books.get(account) ?? 0n) + (account === RETAINED_EARNINGS ? profitBalance : 0n);

  const opening = new Map<string, bigint>();
  for (const metric of REPORTED_LINES) {
    const account = accountForMetric(metric);
    // Balances are debit-positive; a metric is the balance times the account's metric sign.
    const target = reported(metric) * BigInt(account.metricSign);
    // Receivables and payables brought forward sit apart from the invoices and costs the monthly
    // settlement collects and pays, which would otherwise settle them in the next month closed.
    opening.set(BROUGHT_FORWARD.get(account.name) ?? account.name, target - booked(account.name));
  }
  const assetsAfter = () => {
    let sum = 0n;
    for (const name of new Set([...books.keys(), ...opening.keys()])) {
      if (standardAccount(name)?.type !== "asset") continue;
      sum += booked(name) + (opening.get(name) ?? 0n);
    }
    return sum;
  };
  opening.set("Assets:Other", reported("bs.total_assets") - assetsAfter());
  // Shareholders' equity (credit, so negative as a balance) less retained earnings and OCI.
  const equity = -reported("bs.total_shareholders_equity");
  const retained = booked(RETAINED_EARNINGS) + (opening.get(RETAINED_EARNINGS) ?? 0n);
  const oci = "Equity:AccumulatedOCI:TranslationAdjustment";
  const ociAfter = booked(oci) + (opening.get(oci) ?? 0n);
  opening.set("Equity:CommonStock", equity - retained - ociAfter - booked("Equity:CommonStock"));
  let rest = 0n;
  for (const amount of opening.values()) rest += amount;
  opening.set("Liabilities:Other", -rest);

  const lines: JournalLine[] = [...opening]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([account, amount]) => ({ account, amount, currency: "JPY" }));
  return {
    id: "DEMO/opening-balances",
    date: DEMO_OPENING_DATE,
    entity,
    description: `Opening balances: the reported balance sheet at the end of FY11 less the books' FY11 movements`,
    source: { kind: "opening", id: "demo-opening-balances" },
    lines,
  };
}
