import { Decimal, MINOR_DIGITS, roundTo } from "../core/index.js";
import {
  type AccountType,
  isBalanceSheet,
  RETAINED_EARNINGS,
  TRANSLATION_ADJUSTMENT,
} from "./account.js";
import type { RateBook } from "./translation-rate.js";
import type { MonthlyBalance, MonthWindow } from "./trial-balance.js";

/** A line of a company's trial balance in yen; `counterparty` marks an intercompany line. */
export interface TranslatedLine {
  readonly account: string;
  readonly counterparty: string | null;
  readonly balance: bigint;
}

/** One company's books for a window, in yen. */
export interface TranslatedBooks {
  readonly entity: string;
  readonly lines: readonly TranslatedLine[];
  /** Revenue less expenses of the window, in yen (profit positive). */
  readonly netIncome: bigint;
  /** Profit of the months from `firstMonth` (consolidation) up to the window, closed into retained earnings. */
  readonly earningsBroughtForward: bigint;
  /** What the translation adjustment account took to make the translated lines balance. */
  readonly translationAdjustment: bigint;
}

/**
 * Translates one company's monthly balances into a trial balance in yen for `window` (the current
 * rate method):
 *
 * - yen amounts are taken as they are;
 * - assets and liabilities in another currency at the closing rate of the window's end;
 * - revenue, expenses and equity (contributed capital, retained earnings) month by month at each
 *   month's average rate, so that equity keeps its historical yen value and the profit of a
 *   window is translated at the window's average rates;
 * - revenue and expenses of months before the window, and of months before `firstMonth` (the
 *   month the company entered the group: what it earned before belongs to its pre-acquisition
 *   equity, never to the group's profit), are closed into retained earnings;
 * - each account's translated amount is computed exactly and rounded once, half-up (ties away from
 *   zero) to the yen; the translation adjustment (other comprehensive income) takes the difference,
 *   rounding included, so that the translated lines sum to zero.
 */
export function translateBooks(
  entity: string,
  balances: readonly MonthlyBalance[],
  typeOf: (account: string) => AccountType,
  window: Pick<MonthWindow, "firstMonth" | "lastMonth">,
  rates: RateBook,
  firstMonth?: string,
): TranslatedBooks {
  const profitFrom = firstMonth && firstMonth > window.firstMonth ? firstMonth : window.firstMonth;
  const exact = new Map<string, { account: string; counterparty: string | null; yen: Decimal }>();
  let broughtForward = new Decimal(0);
  const add = (account: string, counterparty: string | null, yen: Decimal) => {
    const key = `${account}|${counterparty ?? ""}`;
    const sum = exact.get(key);
    if (sum) sum.yen = sum.yen.plus(yen);
    else exact.set(key, { account, counterparty, yen });
  };

  for (const row of balances) {
    if (row.entity !== entity || row.month > window.lastMonth) continue;
    const type = typeOf(row.account);
    const yen = toYen(row, type, rates);
    if (isBalanceSheet(type)) add(row.account, row.counterparty, yen);
    else if (row.month >= profitFrom) add(row.account, row.counterparty, yen);
    else {
      add(RETAINED_EARNINGS, null, yen);
      if (firstMonth && row.month >= firstMonth) broughtForward = broughtForward.minus(yen);
    }
  }

  const lines: TranslatedLine[] = [];
  let total = 0n;
  let netIncome = 0n;
  for (const { account, counterparty, yen } of exact.values()) {
    const balance = roundYen(yen);
    total += balance;
    if (!isBalanceSheet(typeOf(account))) netIncome -= balance;
    if (balance !== 0n) lines.push({ account, counterparty, balance });
  }
  const translationAdjustment = -total;
  if (translationAdjustment !== 0n) {
    const existing = lines.findIndex(
      (l) => l.account === TRANSLATION_ADJUSTMENT && l.counterparty === null,
    );
    const current = existing >= 0 ? (lines[existing]?.balance ?? 0n) : 0n;
    const line = {
      account: TRANSLATION_ADJUSTMENT,
      counterparty: null,
      balance: current + translationAdjustment,
    };
    if (existing >= 0) lines.splice(existing, 1);
    if (line.balance !== 0n) lines.push(line);
  }
  lines.sort(byAccountThenCounterparty);
  return {
    entity,
    lines,
    netIncome,
    earningsBroughtForward: roundYen(broughtForward),
    translationAdjustment,
  };
}

function toYen(row: MonthlyBalance, type: AccountType, rates: RateBook): Decimal {
  if (row.currency === "JPY") return new Decimal(row.amount.toString());
  const rate =
    type === "asset" || type === "liability"
      ? rates.closing(row.currency)
      : rates.average(row.currency, row.month);
  return new Decimal(row.amount.toString())
    .times(rate)
    .div(new Decimal(10).pow(MINOR_DIGITS[row.currency]));
}

/** Half-up, ties away from zero, to the yen: the one rounding rule of translation. */
export function roundYen(value: Decimal): bigint {
  return BigInt(roundTo(value, 0, "half-up").toFixed(0));
}

function byAccountThenCounterparty(a: TranslatedLine, b: TranslatedLine): number {
  if (a.account !== b.account) return a.account < b.account ? -1 : 1;
  const x = a.counterparty ?? "";
  const y = b.counterparty ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}
