import {
  addMonths,
  allocate,
  type FiscalPeriod,
  formatPeriod,
  lastDayOf,
  monthOf,
  parsePeriod,
  periodStart,
  UplinkError,
  yen,
} from "../../core/index.js";
import {
  CASH,
  type DividendRecord,
  type JournalEntry,
  type JournalLine,
  RETAINED_EARNINGS,
  type ShareCount,
  type StockSplit,
  sharesOn,
} from "../../ledger/index.js";
import type { ValueResolver } from "../../reporting/index.js";
import { DEMO_PARENT } from "./demo-settings.js";
import { DEMO_QUARTERS } from "./demo-targets.js";

// What the demo's treasury and tax department would post each month, below operating income:
// other income and expense, income tax (and its payment twice a year), the investee's profit that
// the equity method takes a share of, and the dividends the shareholders are paid. Read from the reported quarters and split in thirds (allocate), so the demo's net
// income comes from its books as the company's does. Non-controlling interests are not posted:
// consolidation computes them from the partly owned subsidiary's own profit.

/** The investee whose books carry the group's equity-method income (20% owned). */
const INVESTEE = "multifeed";
const INVESTEE_SHARE = 5n; // 1 ÷ 20%

const OTHER_INCOME = "Revenue:OtherIncome";
const OTHER_EXPENSE = "Expenses:Other:Expense";
const INCOME_TAX = "Expenses:IncomeTax";
const INCOME_TAX_PAYABLE = "Liabilities:IncomeTaxes";

/** Entries per calendar month `YYYY-MM`. */
export function demoBelowTheLine(resolve: ValueResolver): Map<string, JournalEntry[]> {
  const byMonth = new Map<string, JournalEntry[]>();
  const quarters = DEMO_QUARTERS.map((q) => parsePeriod(q));
  const other = otherIncomeByQuarter(resolve, quarters);
  const accrued = new Map<string, bigint>();
  quarters.forEach((quarter, q) => {
    const first = periodStart(quarter).slice(0, 7);
    const months = [first, addMonths(first, 1), addMonths(first, 2)];
    const split = (total: bigint) => allocate(yen(total), [1, 1, 1]).map((m) => m.amount);
    const tax = split(required(resolve, "income_tax", quarter));
    const equity = split(required(resolve, "equity_method_income", quarter));
    const others = split(other[q]!);
    months.forEach((month, m) => {
      const date = lastDayOf(month);
      const entries: JournalEntry[] = [];
      const post = (id: string, entity: string, description: string, lines: JournalLine[]) => {
        const kept = lines.filter((l) => l.amount !== 0n);
        if (kept.length >= 2)
          entries.push({
            id: `DEMO/${id}/${month}`,
            date,
            entity,
            description: `${description} of ${month}`,
            source: { kind: "manual", id: `demo-${id}-${month}` },
            lines: kept,
          });
      };
      const o = others[m]!;
      post("other-income", DEMO_PARENT, "Other income and expenses (net)", [
        o >= 0n ? line(OTHER_INCOME, -o) : line(OTHER_EXPENSE, -o),
        line(CASH, o),
      ]);
      post("income-tax", DEMO_PARENT, "Income tax expense", [
        line(INCOME_TAX, tax[m]!),
        line(INCOME_TAX_PAYABLE, -tax[m]!),
      ]);
      const profit = equity[m]! * INVESTEE_SHARE;
      post("investee-profit", INVESTEE, "Investee's profit", [
        line(OTHER_INCOME, -profit),
        line(CASH, profit),
      ]);
      byMonth.set(month, entries);
      accrued.set(month, tax[m]!);
    });
  });
  // Income tax is paid twice a year, as a March year-end company pays it: in May what was accrued
  // from October to March, in November what was accrued from April to September.
  for (const [month, entries] of byMonth) {
    if (!month.endsWith("-05") && !month.endsWith("-11")) continue;
    let due = 0n;
    for (let back = 2; back <= 7; back++) due += accrued.get(addMonths(month, -back)) ?? 0n;
    if (due === 0n) continue;
    entries.push({
      id: `DEMO/income-tax-paid/${month}`,
      date: lastDayOf(month),
      entity: DEMO_PARENT,
      description: `Income tax paid in ${month} (accrued ${addMonths(month, -7)} to ${addMonths(month, -2)})`,
      source: { kind: "manual", id: `demo-income-tax-paid-${month}` },
      lines: [line(INCOME_TAX_PAYABLE, due), line(CASH, -due)],
    });
  }
  return byMonth;
}

function line(account: string, amount: bigint): JournalLine {
  return { account, amount, currency: "JPY" };
}

function required(resolve: ValueResolver, metric: string, period: FiscalPeriod): bigint {
  const value = resolve({ metric, period })?.value;
  if (value === undefined) {
    throw new UplinkError("NOT_FOUND", `The demo needs ${metric} for ${formatPeriod(period)}.`);
  }
  return BigInt(value.toFixed(0));
}

/**
 * Other income (expense) per quarter. 3Q11 and 4Q11 were published only inside FY11: the rest of
 * FY11 after 1H11 is split evenly between them (an inference, as data/README.md says of such gaps).
 */
function otherIncomeByQuarter(resolve: ValueResolver, quarters: readonly FiscalPeriod[]): bigint[] {
  const fy11 = required(resolve, "other_income_expense", parsePeriod("FY11"));
  const inFy11 = (q: FiscalPeriod) => formatPeriod(q).endsWith("Q11");
  const stated = quarters.map((q) => {
    const value = resolve({ metric: "other_income_expense", period: q })?.value;
    if (value === undefined && !inFy11(q)) required(resolve, "other_income_expense", q);
    return value === undefined ? null : BigInt(value.toFixed(0));
  });
  const missing = stated.flatMap((v, i) => (v === null ? [i] : []));
  const statedInFy11 = stated
    .filter((_, i) => inFy11(quarters[i]!))
    .reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
  const parts = missing.length
    ? allocate(
        yen(fy11 - statedInFy11),
        missing.map(() => 1),
      )
    : [];
  return stated.map((v, i) => v ?? parts[missing.indexOf(i)]!.amount);
}

/**
 * The dividends the demo pays in `month`: each declared dividend three months after its record date
 * (June for March, December for September, as the company pays), per share as declared times the
 * shares outstanding on the record date (the holders it is declared to, before any later split),
 * out of retained earnings. The share history starts with FY11; a record date before it takes the
 * first count.
 */
export function demoDividendPayments(
  month: string,
  dividends: readonly DividendRecord[],
  counts: readonly ShareCount[],
  splits: readonly StockSplit[],
): JournalEntry[] {
  const paid = lastDayOf(month);
  return dividends
    .filter((d) => addMonths(monthOf(d.recordDate), 3) === month)
    .map((d) => {
      // ISO dates sort as text: a record date before the history takes its first count.
      const on = [d.recordDate, counts.map((c) => c.from).sort()[0] ?? d.recordDate].sort()[1]!;
      const shares = sharesOn(counts, splits, on, on);
      const yenPaid = BigInt(d.perShare.times(shares.toString()).toFixed(0));
      return {
        id: `DEMO/dividend-paid/${d.fiscalPeriod}/${d.kind}`,
        date: paid,
        entity: DEMO_PARENT,
        description: `${d.fiscalPeriod} ${d.kind.replace("_", "-")} dividend paid: JPY ${d.perShare.toFixed()} × ${shares.toLocaleString("en-US")} shares`,
        source: { kind: "manual" as const, id: `demo-dividend-${d.fiscalPeriod}-${d.kind}` },
        lines: [line(RETAINED_EARNINGS, yenPaid), line(CASH, -yenPaid)],
      };
    });
}
