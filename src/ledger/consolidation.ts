import { Decimal } from "../core/index.js";
import type { GroupCompany } from "../customers/index.js";
import {
  type AccountType,
  EQUITY_METHOD_INCOME,
  EQUITY_METHOD_INVESTMENTS,
  INTERCOMPANY_DIFFERENCE,
  NCI_EQUITY,
  NCI_INCOME,
  RETAINED_EARNINGS,
} from "./account.js";
import { monthOfDate } from "./journal-entry.js";
import { roundYen, type TranslatedBooks, translateBooks } from "./translation.js";
import type { RateBook } from "./translation-rate.js";
import type { MonthlyBalance, MonthWindow } from "./trial-balance.js";

export type ConsolidatedCompany = Pick<
  GroupCompany,
  "id" | "relation" | "ownershipPercent" | "consolidatedFrom"
>;

export type AdjustmentKind = "elimination" | "noncontrolling_interests" | "equity_method";

/** A consolidation entry: balanced lines in yen, made by a rule rather than posted by a user. */
export interface ConsolidationAdjustment {
  readonly kind: AdjustmentKind;
  /** The company the adjustment is about. */
  readonly entity: string;
  readonly description: string;
  readonly lines: readonly { account: string; amount: bigint }[];
}

/** The group's trial balance in yen for a window, with what made it. */
export interface ConsolidatedTrialBalance {
  readonly lines: readonly { account: string; balance: bigint }[];
  /** The consolidated companies' own books, translated. */
  readonly companies: readonly TranslatedBooks[];
  /** Equity-method investees' books, translated (not added line by line). */
  readonly investees: readonly TranslatedBooks[];
  readonly adjustments: readonly ConsolidationAdjustment[];
}

/** The first month a company's figures count for the group: the month of its `consolidatedFrom`. */
export function firstConsolidatedMonth(company: Pick<GroupCompany, "consolidatedFrom">): string {
  return monthOfDate(company.consolidatedFrom);
}

/**
 * Consolidates the group for `window`:
 *
 * 1. Scope: the parent and the subsidiaries whose first consolidated month is in or before the
 *    window's last month (an acquisition counts from its `consolidatedFrom` month; what it earned
 *    before is pre-acquisition equity). Equity-method investees are not added line by line.
 * 2. Each company's books are translated into yen (`translateBooks`).
 * 3. Intercompany lines (a counterparty in scope, both companies consolidated in the line's month)
 *    are eliminated; what does not cancel out (mismatched bookings, translation) goes to
 *    `Expenses:Other:IntercompanyDifference`.
 * 4. Non-controlling interests: for a subsidiary owned less than 100%, the outside share of its
 *    translated net income for the window (Dr `Expenses:NoncontrollingInterests`, Cr
 *    `Equity:NoncontrollingInterests`) and of its profit since consolidation brought forward
 *    (Dr `Equity:RetainedEarnings`, Cr `Equity:NoncontrollingInterests`).
 * 5. Equity method: the parent's share of each investee's translated net income for the window
 *    (Dr `Assets:Investments:EquityMethod`, Cr `Revenue:EquityMethodIncome`) and of its profit
 *    since it became an investee brought forward (Cr `Equity:RetainedEarnings`).
 *
 * Shares are computed from the yen net income and rounded once, half-up (ties away from zero), to
 * the yen. The result balances: every step adds balanced lines.
 */
export function consolidate(
  companies: readonly ConsolidatedCompany[],
  balances: readonly MonthlyBalance[],
  typeOf: (account: string) => AccountType,
  window: Pick<MonthWindow, "firstMonth" | "lastMonth">,
  rates: RateBook,
): ConsolidatedTrialBalance {
  const entered = (c: ConsolidatedCompany) => firstConsolidatedMonth(c) <= window.lastMonth;
  const inScope = companies.filter((c) => c.relation !== "equity_method" && entered(c));
  const investees = companies.filter((c) => c.relation === "equity_method" && entered(c));
  const firstMonthOf = new Map(inScope.map((c) => [c.id, firstConsolidatedMonth(c)]));

  const byEntity = new Map<string, MonthlyBalance[]>();
  for (const row of balances) {
    let list = byEntity.get(row.entity);
    if (!list) {
      list = [];
      byEntity.set(row.entity, list);
    }
    list.push(intercompanyOrExternal(row, firstMonthOf));
  }

  const translated = inScope.map((c) =>
    translateBooks(
      c.id,
      byEntity.get(c.id) ?? [],
      typeOf,
      window,
      rates,
      firstConsolidatedMonth(c),
    ),
  );
  const adjustments: ConsolidationAdjustment[] = [];
  for (const books of translated) {
    const elimination = eliminationOf(books);
    if (elimination) adjustments.push(elimination);
  }
  for (const company of inScope) {
    if (company.relation !== "subsidiary" || company.ownershipPercent.gte(100)) continue;
    const books = translated.find((b) => b.entity === company.id);
    if (!books) continue;
    const outside = new Decimal(100).minus(company.ownershipPercent).div(100);
    const adjustment = shareAdjustment(
      "noncontrolling_interests",
      company.id,
      `Non-controlling interests (${new Decimal(100).minus(company.ownershipPercent).toFixed()}%) in ${company.id}`,
      books,
      outside,
      { period: [NCI_INCOME, NCI_EQUITY], broughtForward: [RETAINED_EARNINGS, NCI_EQUITY] },
    );
    if (adjustment) adjustments.push(adjustment);
  }
  const investeeBooks = investees.map((c) =>
    translateBooks(
      c.id,
      byEntity.get(c.id) ?? [],
      typeOf,
      window,
      rates,
      firstConsolidatedMonth(c),
    ),
  );
  for (const company of investees) {
    const books = investeeBooks.find((b) => b.entity === company.id);
    if (!books) continue;
    const adjustment = shareAdjustment(
      "equity_method",
      company.id,
      `Equity in the income of ${company.id} (${company.ownershipPercent.toFixed()}%)`,
      books,
      company.ownershipPercent.div(100),
      {
        period: [EQUITY_METHOD_INVESTMENTS, EQUITY_METHOD_INCOME],
        broughtForward: [EQUITY_METHOD_INVESTMENTS, RETAINED_EARNINGS],
      },
    );
    if (adjustment) adjustments.push(adjustment);
  }

  const sums = new Map<string, bigint>();
  const add = (account: string, amount: bigint) =>
    sums.set(account, (sums.get(account) ?? 0n) + amount);
  for (const books of translated) for (const line of books.lines) add(line.account, line.balance);
  for (const adjustment of adjustments) {
    for (const line of adjustment.lines) add(line.account, line.amount);
  }
  const lines = [...sums]
    .filter(([, balance]) => balance !== 0n)
    .map(([account, balance]) => ({ account, balance }))
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  return { lines, companies: translated, investees: investeeBooks, adjustments };
}

// A line with a counterparty is intercompany only while both companies are in the group; before
// that (or with a company outside the consolidation) it was business with a third party.
function intercompanyOrExternal(
  row: MonthlyBalance,
  firstMonthOf: ReadonlyMap<string, string>,
): MonthlyBalance {
  if (row.counterparty === null) return row;
  const own = firstMonthOf.get(row.entity);
  const other = firstMonthOf.get(row.counterparty);
  if (own !== undefined && other !== undefined && row.month >= own && row.month >= other) {
    return row;
  }
  return { ...row, counterparty: null };
}

function eliminationOf(books: TranslatedBooks): ConsolidationAdjustment | undefined {
  const lines: { account: string; amount: bigint }[] = [];
  let eliminated = 0n;
  for (const line of books.lines) {
    if (line.counterparty === null) continue;
    lines.push({ account: line.account, amount: -line.balance });
    eliminated += line.balance;
  }
  if (lines.length === 0) return undefined;
  if (eliminated !== 0n) lines.push({ account: INTERCOMPANY_DIFFERENCE, amount: eliminated });
  return {
    kind: "elimination",
    entity: books.entity,
    description: `Intercompany balances and transactions of ${books.entity} eliminated`,
    lines,
  };
}

function shareAdjustment(
  kind: AdjustmentKind,
  entity: string,
  description: string,
  books: TranslatedBooks,
  share: Decimal,
  accounts: { period: [string, string]; broughtForward: [string, string] },
): ConsolidationAdjustment | undefined {
  const ofPeriod = roundYen(new Decimal(books.netIncome.toString()).times(share));
  const ofEarlier = roundYen(new Decimal(books.earningsBroughtForward.toString()).times(share));
  const lines: { account: string; amount: bigint }[] = [];
  // For NCI the debit is the expense (period) or retained earnings (earlier); for the equity
  // method the debit is the investment: the first account of each pair is debited.
  const post = ([debit, credit]: [string, string], amount: bigint) => {
    if (amount === 0n) return;
    lines.push({ account: debit, amount }, { account: credit, amount: -amount });
  };
  post(accounts.period, ofPeriod);
  post(accounts.broughtForward, ofEarlier);
  if (lines.length === 0) return undefined;
  return { kind, entity, description, lines };
}
