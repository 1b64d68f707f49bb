import type { Currency } from "../core/index.js";
import { lastDayOf } from "../core/index.js";
import {
  CASH,
  CONSUMPTION_TAX_PAYABLE,
  type JournalEntry,
  type JournalLine,
  PAYABLES,
  RECEIVABLES,
} from "../ledger/index.js";

/** What a company's books owed or were owed at the end of the month before (debit positive). */
export interface OpenBalance {
  readonly entity: string;
  readonly account: string;
  readonly currency: Currency;
  readonly amount: bigint;
}

/** The accounts the month's settlement collects and pays off. */
export const SETTLED_ACCOUNTS: readonly string[] = [RECEIVABLES, PAYABLES, CONSUMPTION_TAX_PAYABLE];

/**
 * The month's cash: what customers owed at the end of the month before is collected, and what was
 * owed to suppliers and the tax office is paid, on the month's last day. Invoices fall due at the
 * end of the month after their month of service, so this is "everyone pays on the due date"; a
 * payment system, when one is connected, replaces it with real receipts. One entry per group
 * company and currency.
 */
export function settleOpenBalances(month: string, open: readonly OpenBalance[]): JournalEntry[] {
  const books = new Map<string, JournalLine[]>();
  for (const balance of open) {
    if (balance.amount === 0n || !SETTLED_ACCOUNTS.includes(balance.account)) continue;
    const key = `${balance.entity}|${balance.currency}`;
    const lines = books.get(key) ?? [];
    lines.push({ account: balance.account, amount: -balance.amount, currency: balance.currency });
    books.set(key, lines);
  }
  const entries: JournalEntry[] = [];
  for (const [key, lines] of [...books].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [entity, currency] = key.split("|") as [string, Currency];
    lines.sort((a, b) => (a.account < b.account ? -1 : 1));
    const cash = lines.reduce((sum, line) => sum - line.amount, 0n);
    const all = cash === 0n ? lines : [{ account: CASH, amount: cash, currency }, ...lines];
    if (all.length < 2) continue;
    entries.push({
      id: `SETTLE/${month}/${entity}/${currency}`,
      date: lastDayOf(month),
      entity,
      description: `Collections and payments of ${month} (balances due at the end of the month before)`,
      source: { kind: "run", id: `settlement-${month}` },
      lines: all,
    });
  }
  return entries;
}
