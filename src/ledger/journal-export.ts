import type { Kysely } from "kysely";
import { Decimal, MINOR_DIGITS, UplinkError } from "../core/index.js";
import { findGroupCompany, listGroupCompanies } from "../customers/index.js";
import type { Database } from "../store/index.js";
import { TRANSLATION_ADJUSTMENT } from "./account.js";
import { firstConsolidatedMonth } from "./consolidation.js";
import { type ExportTransaction, renderHledgerJournal } from "./hledger-journal.js";
import { listEntries } from "./journal.repository.js";
import { type JournalEntry, monthOfDate } from "./journal-entry.js";
import { accountsByName } from "./ledger-account.repository.js";
import { roundYen } from "./translation.js";
import { type RateBook, rateBookFor } from "./translation-rate.js";
import { listTranslationRates } from "./translation-rate.repository.js";
import type { MonthWindow } from "./trial-balance.js";
import { ledgerTrialBalance, type YenBalance } from "./trial-balance.repository.js";

/**
 * The journal of a window as hledger reads it, amounts in yen: an opening-balances transaction at
 * the window's first day (the position the day before, revenue and expense of earlier months
 * closed into retained earnings), every entry dated in the window, and, when the books are not all
 * in yen or the group has consolidation adjustments, one transaction on the last day that brings
 * each account to the trial balance (translation at the closing and average rates, eliminations,
 * non-controlling interests, equity-method income). hledger's balances then equal
 * `uplink ledger balances` for the window, to the yen.
 *
 * Lines in another currency are translated at their month's average rate, rounded half-up to the
 * yen, and the entry's rounding difference is booked to the translation adjustment, so that every
 * exported transaction balances.
 */
export async function exportHledgerJournal(
  db: Kysely<Database>,
  window: MonthWindow,
  entity?: string,
): Promise<string> {
  const companies = entity ? [await findGroupCompany(db, entity)] : await listGroupCompanies(db);
  const members = entity
    ? companies
    : companies.filter(
        (c) => c.relation !== "equity_method" && firstConsolidatedMonth(c) <= window.lastMonth,
      );
  const firstMonthOf = new Map(
    members.map((c) => [c.id, entity ? "0000-01" : firstConsolidatedMonth(c)]),
  );
  const dayBefore = previousDay(window.startDate);
  const before: MonthWindow = {
    label: `the position on ${dayBefore}`,
    firstMonth: window.firstMonth,
    lastMonth: monthOfDate(dayBefore),
    startDate: window.startDate,
    endDate: dayBefore,
  };
  const [opening, closing, entries, accounts, rates] = await Promise.all([
    ledgerTrialBalance(db, before, entity),
    ledgerTrialBalance(db, window, entity),
    listEntries(db, {
      from: window.startDate,
      to: window.endDate,
      entities: members.map((c) => c.id),
    }),
    accountsByName(db),
    listTranslationRates(db),
  ]);
  const rateBook = rateBookFor(rates, window.endDate);

  const transactions: ExportTransaction[] = [];
  if (opening.length > 0) {
    transactions.push({
      date: window.startDate,
      description: `Opening balances (the position on ${dayBefore})`,
      postings: opening.map((line) => ({ account: line.account, amount: line.balance })),
    });
  }
  const running = new Map<string, bigint>(opening.map((l) => [l.account, l.balance]));
  for (const entry of entries) {
    if (monthOfDate(entry.date) < (firstMonthOf.get(entry.entity) ?? "9999-12")) continue;
    const transaction = exportedEntry(entry, rateBook);
    for (const p of transaction.postings) {
      running.set(p.account, (running.get(p.account) ?? 0n) + p.amount);
    }
    transactions.push(transaction);
  }
  const adjustment = closingAdjustment(closing, running);
  if (adjustment.length > 0) {
    transactions.push({
      date: window.endDate,
      description: entity
        ? `Translation to the closing and average rates of ${window.label}`
        : `Consolidation of ${window.label}: translation, eliminations, non-controlling interests, equity-method income`,
      postings: adjustment,
    });
  }
  for (const account of running.keys()) {
    if (!accounts.has(account)) {
      throw new UplinkError("INTERNAL", `The account "${account}" is in no chart of accounts.`);
    }
  }
  const scope = entity ? `company ${entity}` : `the group (${members.map((c) => c.id).join(", ")})`;
  return renderHledgerJournal({
    title: `Uplink ledger: ${window.label} (${window.startDate} to ${window.endDate}), ${scope}.\nAmounts in JPY; debits positive, credits negative.`,
    accounts: [...accounts.values()],
    transactions,
  });
}

function exportedEntry(entry: JournalEntry, rates: RateBook): ExportTransaction {
  const month = monthOfDate(entry.date);
  const postings: { account: string; amount: bigint; comment?: string }[] = [];
  let residual = 0n;
  for (const line of entry.lines) {
    const tags: string[] = [];
    if (line.customerId) tags.push(`customer: ${line.customerId}`);
    if (line.contractId) tags.push(`contract: ${line.contractId}`);
    if (line.counterparty) tags.push(`counterparty: ${line.counterparty}`);
    let amount = line.amount;
    if (line.currency !== "JPY") {
      const rate = rates.average(line.currency, month);
      const major = new Decimal(line.amount.toString()).div(
        new Decimal(10).pow(MINOR_DIGITS[line.currency]),
      );
      amount = roundYen(major.times(rate));
      tags.push(
        `${line.currency} ${major.toFixed(MINOR_DIGITS[line.currency])} at ${rate.toFixed()}`,
      );
    }
    residual += amount;
    postings.push(
      tags.length
        ? { account: line.account, amount, comment: tags.join(", ") }
        : { account: line.account, amount },
    );
  }
  if (residual !== 0n) {
    postings.push({
      account: TRANSLATION_ADJUSTMENT,
      amount: -residual,
      comment: "rounding of the translation",
    });
  }
  return {
    date: entry.date,
    code: entry.id,
    description: entry.description,
    tags: [
      ["entity", entry.entity],
      ["source", `${entry.source.kind} ${entry.source.id}`],
    ],
    postings,
  };
}

function closingAdjustment(
  target: readonly YenBalance[],
  running: ReadonlyMap<string, bigint>,
): { account: string; amount: bigint }[] {
  const wanted = new Map(target.map((l) => [l.account, l.balance]));
  const accounts = [...new Set([...wanted.keys(), ...running.keys()])].sort();
  return accounts
    .map((account) => ({
      account,
      amount: (wanted.get(account) ?? 0n) - (running.get(account) ?? 0n),
    }))
    .filter((p) => p.amount !== 0n);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
