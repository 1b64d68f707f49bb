import type { Kysely } from "kysely";
import { UplinkError } from "../core/index.js";
import { findGroupCompany, listGroupCompanies } from "../customers/index.js";
import type { Database } from "../store/index.js";
import { type Account, type AccountType, isBalanceSheet, RETAINED_EARNINGS } from "./account.js";
import { type ConsolidatedTrialBalance, consolidate } from "./consolidation.js";
import { accountsByName } from "./ledger-account.repository.js";
import { monthlyBalances } from "./ledger-balance.repository.js";
import { type TranslatedBooks, translateBooks } from "./translation.js";
import { rateBookFor } from "./translation-rate.js";
import { listTranslationRates } from "./translation-rate.repository.js";
import { type MonthWindow, type TrialBalanceLine, trialBalanceOf } from "./trial-balance.js";

/** A trial balance line in yen, as `uplink ledger balances` and the hledger export show it. */
export interface YenBalance {
  readonly account: string;
  readonly balance: bigint;
}

/**
 * The group's consolidated trial balance in yen for a window: balances read from the kept
 * balances table (never the postings), translated, eliminated, with NCI and equity-method income.
 */
export async function groupTrialBalance(
  db: Kysely<Database>,
  window: MonthWindow,
): Promise<ConsolidatedTrialBalance> {
  const [companies, balances, accounts, rates] = await Promise.all([
    listGroupCompanies(db),
    monthlyBalances(db, { through: window.lastMonth }),
    accountsByName(db),
    listTranslationRates(db),
  ]);
  return consolidate(
    companies,
    balances,
    typeLookup(accounts),
    window,
    rateBookFor(rates, window.endDate),
  );
}

/** One company's own books for a window, in yen (a foreign company's translated). */
export async function companyTrialBalance(
  db: Kysely<Database>,
  entity: string,
  window: MonthWindow,
): Promise<TranslatedBooks> {
  await findGroupCompany(db, entity);
  const [balances, accounts, rates] = await Promise.all([
    monthlyBalances(db, { through: window.lastMonth, entities: [entity] }),
    accountsByName(db),
    listTranslationRates(db),
  ]);
  return translateBooks(
    entity,
    balances,
    typeLookup(accounts),
    window,
    rateBookFor(rates, window.endDate),
  );
}

/** One company's books for a window in the currencies they were posted in. */
export async function localTrialBalance(
  db: Kysely<Database>,
  entity: string,
  window: MonthWindow,
): Promise<TrialBalanceLine[]> {
  await findGroupCompany(db, entity);
  const [balances, accounts] = await Promise.all([
    monthlyBalances(db, { through: window.lastMonth, entities: [entity] }),
    accountsByName(db),
  ]);
  return trialBalanceOf(balances, typeLookup(accounts), window);
}

/**
 * The trial balance `uplink ledger balances` prints: the consolidated group, or one company's
 * books in yen. One line per account with a non-zero balance, sorted by account.
 */
export async function ledgerTrialBalance(
  db: Kysely<Database>,
  window: MonthWindow,
  entity?: string,
): Promise<YenBalance[]> {
  if (entity === undefined) return [...(await groupTrialBalance(db, window)).lines];
  const books = await companyTrialBalance(db, entity, window);
  const sums = new Map<string, bigint>();
  for (const line of books.lines) {
    sums.set(line.account, (sums.get(line.account) ?? 0n) + line.balance);
  }
  return [...sums]
    .filter(([, balance]) => balance !== 0n)
    .map(([account, balance]) => ({ account, balance }))
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/** A metric's value from the ledger: the sum of its accounts' balances, each times its `metricSign`. */
export interface MetricBalance {
  readonly metric: string;
  /** Yen; revenue, costs and liabilities positive as published. */
  readonly amount: bigint;
}

/**
 * Balances by metric id for a window (the report from the ledger reads these): the group's
 * consolidated figures, or one company's. Flows (revenue, costs) are the window's; balance-sheet
 * metrics are the position at its end. Accounts with no metric are left out.
 */
export async function metricBalances(
  db: Kysely<Database>,
  window: MonthWindow,
  entity?: string,
): Promise<MetricBalance[]> {
  const [lines, accounts] = await Promise.all([
    ledgerTrialBalance(db, window, entity),
    accountsByName(db),
  ]);
  return metricsOf(lines, accounts);
}

/**
 * The group's metric balances for several windows from one reading of the kept balances (through
 * the latest window's end), each window consolidated on its own: what the report from the ledger
 * reads for every booked quarter. Equal, window by window, to `metricBalances(db, window)`.
 */
export async function groupMetricBalances(
  db: Kysely<Database>,
  windows: readonly MonthWindow[],
): Promise<MetricBalance[][]> {
  if (windows.length === 0) return [];
  // Months are `YYYY-MM` text: the latest sorts last.
  const through = windows.map((w) => w.lastMonth).sort()[windows.length - 1]!;
  const [companies, balances, accounts, rates] = await Promise.all([
    listGroupCompanies(db),
    monthlyBalances(db, { through }),
    accountsByName(db),
    listTranslationRates(db),
  ]);
  const typeOf = typeLookup(accounts);
  return windows.map((window) => {
    const books = consolidate(
      companies,
      balances,
      typeOf,
      window,
      rateBookFor(rates, window.endDate),
    );
    return metricsOf(books.lines, accounts);
  });
}

/**
 * Sums trial-balance lines into metric values (pure; exported for reuse on any trial balance). The
 * balance sheet at the window's end closes the window's profit into retained earnings, so the
 * retained-earnings metric is its trial-balance line plus the revenue and expense lines.
 */
export function metricsOf(
  lines: readonly YenBalance[],
  accounts: ReadonlyMap<string, Account>,
): MetricBalance[] {
  const sums = new Map<string, bigint>();
  const add = (account: Account | undefined, balance: bigint) => {
    if (!account?.metric) return;
    sums.set(
      account.metric,
      (sums.get(account.metric) ?? 0n) + balance * BigInt(account.metricSign),
    );
  };
  const retainedEarnings = accounts.get(RETAINED_EARNINGS);
  for (const line of lines) {
    const account = accounts.get(line.account);
    add(account, line.balance);
    if (account && !isBalanceSheet(account.type)) add(retainedEarnings, line.balance);
  }
  return [...sums]
    .map(([metric, amount]) => ({ metric, amount }))
    .sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
}

export function typeLookup(accounts: ReadonlyMap<string, Account>): (name: string) => AccountType {
  return (name) => {
    const account = accounts.get(name);
    if (!account) {
      throw new UplinkError("INTERNAL", `The account "${name}" is in no chart of accounts.`);
    }
    return account.type;
  };
}
