import {
  APRIL_FISCAL_YEAR,
  type Currency,
  type FiscalCalendar,
  type FiscalPeriod,
  formatPeriod,
  periodEnd,
  periodStart,
} from "../core/index.js";
import { type AccountType, isBalanceSheet, RETAINED_EARNINGS } from "./account.js";

/** The kept sum of postings for one account × company × month × currency × counterparty. */
export interface MonthlyBalance {
  readonly entity: string;
  readonly account: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly currency: Currency;
  readonly counterparty: string | null;
  readonly amount: bigint;
}

/** The months a report covers, first and last inclusive, and the day it ends. */
export interface MonthWindow {
  readonly label: string;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly startDate: string;
  readonly endDate: string;
}

export function monthWindow(
  period: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): MonthWindow {
  const startDate = periodStart(period, calendar);
  const endDate = periodEnd(period, calendar);
  return {
    label: formatPeriod(period, calendar),
    firstMonth: startDate.slice(0, 7),
    lastMonth: endDate.slice(0, 7),
    startDate,
    endDate,
  };
}

/** One line of a trial balance: the account's signed balance (debit positive) in a currency. */
export interface TrialBalanceLine {
  readonly account: string;
  readonly currency: Currency;
  readonly balance: bigint;
}

/**
 * A trial balance for a window from kept monthly balances: balance-sheet accounts cumulative to
 * the window's last month; revenue and expense accounts summed over the window's months; revenue
 * and expense of earlier months closed into retained earnings (so that the lines still add up to
 * zero per currency). Months after the window are ignored; zero lines are left out; lines are
 * sorted by account, then currency.
 */
export function trialBalanceOf(
  balances: readonly MonthlyBalance[],
  typeOf: (account: string) => AccountType,
  window: Pick<MonthWindow, "firstMonth" | "lastMonth">,
): TrialBalanceLine[] {
  const sums = new Map<string, { account: string; currency: Currency; balance: bigint }>();
  for (const row of balances) {
    if (row.month > window.lastMonth) continue;
    const account =
      isBalanceSheet(typeOf(row.account)) || row.month >= window.firstMonth
        ? row.account
        : RETAINED_EARNINGS;
    const key = `${account}|${row.currency}`;
    const sum = sums.get(key);
    if (sum) sum.balance += row.amount;
    else sums.set(key, { account, currency: row.currency, balance: row.amount });
  }
  return [...sums.values()].filter((line) => line.balance !== 0n).sort(byAccountThenCurrency);
}

function byAccountThenCurrency(a: TrialBalanceLine, b: TrialBalanceLine): number {
  if (a.account !== b.account) return a.account < b.account ? -1 : 1;
  return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
}
