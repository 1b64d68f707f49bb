import type { SetupFeeCharge } from "../billing/index.js";
import {
  addMonths,
  allocate,
  type Currency,
  lastDayOf,
  money,
  monthOrdinal,
} from "../core/index.js";
import {
  accountForMetric,
  DEFERRED_REVENUE,
  type JournalEntry,
  type JournalLine,
} from "../ledger/index.js";

/**
 * A service month early enough that every set-up fee still releasing in `month` was billed in it
 * or later (one month of margin: the fees of that month itself finished the month before).
 */
export function earliestReleasingMonth(month: string, lifeMonths: number): string {
  return addMonths(month, -lifeMonths);
}

/**
 * How much of a set-up fee is recognised in `month`. The fee is split into `lifeMonths` equal
 * parts by `allocate` (the parts add up to the fee exactly; the odd units go to the first months),
 * the first released in the month of service. A charge booked after its schedule began (a credit
 * note taking back a fee) catches up in the month it is booked: its release there is everything
 * due so far, so a credit gives back at once what had been recognised of what it takes back.
 */
export function setupFeeReleaseIn(
  charge: Pick<SetupFeeCharge, "amount" | "currency" | "serviceMonth" | "bookedMonth">,
  month: string,
  lifeMonths: number,
): bigint {
  if (month < charge.bookedMonth) return 0n;
  const parts = allocate(money(charge.amount, charge.currency), Array(lifeMonths).fill(1));
  const releasedThrough = (m: string): bigint => {
    const last = Math.min(monthOrdinal(m) - monthOrdinal(charge.serviceMonth), lifeMonths - 1);
    let sum = 0n;
    for (let i = 0; i <= last; i++) sum += parts[i]!.amount;
    return sum;
  };
  if (month === charge.bookedMonth) return releasedThrough(month);
  return releasedThrough(month) - releasedThrough(addMonths(month, -1));
}

/** The id of a month's release entry for one group company and currency. */
export function setupFeeReleaseEntryId(month: string, entity: string, currency: Currency): string {
  return `SETUP/${month}/${entity}/${currency}`;
}

/**
 * The entries that release deferred set-up fees into revenue in `month`: one per group company
 * and currency, debiting deferred revenue and crediting each product line's revenue account,
 * dated the month's last day.
 */
export function recognizeSetupFees(
  charges: readonly SetupFeeCharge[],
  month: string,
  lifeMonths: number,
): JournalEntry[] {
  const byBook = new Map<string, Map<string, bigint>>();
  for (const charge of charges) {
    const released = setupFeeReleaseIn(charge, month, lifeMonths);
    if (released === 0n) continue;
    const key = `${charge.groupCompanyId}|${charge.currency}`;
    const accounts = byBook.get(key) ?? new Map<string, bigint>();
    const account = accountForMetric(charge.revenueMetric).name;
    accounts.set(account, (accounts.get(account) ?? 0n) + released);
    byBook.set(key, accounts);
  }
  const entries: JournalEntry[] = [];
  for (const [key, accounts] of [...byBook].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [entity, currency] = key.split("|") as [string, Currency];
    const revenue: JournalLine[] = [...accounts]
      .filter(([, amount]) => amount !== 0n)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([account, amount]) => ({ account, amount: -amount, currency }));
    const total = revenue.reduce((sum, line) => sum - line.amount, 0n);
    if (total === 0n && revenue.length === 0) continue;
    const lines: JournalLine[] =
      total === 0n ? revenue : [{ account: DEFERRED_REVENUE, amount: total, currency }, ...revenue];
    if (lines.length < 2) continue;
    entries.push({
      id: setupFeeReleaseEntryId(month, entity, currency),
      date: lastDayOf(month),
      entity,
      description: `Set-up fees recognised in ${month} (deferred over ${lifeMonths} months)`,
      source: { kind: "run", id: `setup-fee-release-${month}` },
      lines,
    });
  }
  return entries;
}
