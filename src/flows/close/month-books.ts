import type { Kysely, Transaction } from "kysely";
import {
  creditNotesIssuedIn,
  findBillingRun,
  monthInvoices,
  setupFeeCharges,
} from "../../billing/index.js";
import { addMonths, lastDayOf, UplinkError } from "../../core/index.js";
import { customersByIds } from "../../customers/index.js";
import {
  entriesFromSource,
  type JournalEntry,
  monthlyBalances,
  type PostingOutcome,
  postEntries,
} from "../../ledger/index.js";
import { listCostRecords, listDeliveries } from "../../operations/index.js";
import {
  checkRecognitionSettings,
  DEFAULT_RECOGNITION_SETTINGS,
  earliestReleasingMonth,
  type OpenBalance,
  type RecognitionSettings,
  recognizeCostRecord,
  recognizeCreditNote,
  recognizeDeliveryCost,
  recognizeInvoice,
  recognizeSetupFees,
  SETTLED_ACCOUNTS,
  settleOpenBalances,
} from "../../revenue/index.js";
import {
  type Database,
  metaKeysStartingWith,
  readMeta,
  type Store,
  writeMeta,
} from "../../store/index.js";

// The monthly close after billing: recognise what the month's invoices, credit notes, set-up fee
// schedules, cost records and deliveries say, settle the month before's balances, and post it all
// in one transaction with the mark that the month is booked. Entry ids come from their sources,
// so a re-run posts nothing new.

export interface MonthBooks {
  readonly month: string;
  readonly entries: number;
  readonly posted: number;
  readonly unchanged: number;
  readonly lines: number;
}

const SETTINGS_KEY = "ledger.recognition_settings";
const BOOKED_PREFIX = "ledger.booked.";
const bookedKey = (month: string) => `${BOOKED_PREFIX}${month}`;

/** Whether the month's books have been posted. */
export async function isMonthBooked(db: Kysely<Database>, month: string): Promise<boolean> {
  return (await readMeta(db, bookedKey(month))) === "done";
}

/**
 * The settings the books were started with; the first booking stores them. A later booking with
 * other settings is refused: a new estimate of customer life would need a change-of-estimate entry,
 * not a silent switch.
 */
async function settingsOfBooks(
  tx: Transaction<Database>,
  wanted: RecognitionSettings | undefined,
): Promise<RecognitionSettings> {
  const stored = await readMeta(tx, SETTINGS_KEY);
  if (stored !== undefined) {
    const settings = JSON.parse(stored) as RecognitionSettings;
    if (wanted && wanted.setupFeeLifeMonths !== settings.setupFeeLifeMonths) {
      throw new UplinkError(
        "CONFLICT",
        `These books spread set-up fees over ${settings.setupFeeLifeMonths} months; they cannot be booked with ${wanted.setupFeeLifeMonths}.`,
      );
    }
    return settings;
  }
  const settings = checkRecognitionSettings(wanted ?? DEFAULT_RECOGNITION_SETTINGS);
  await writeMeta(tx, SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}

/**
 * Books a billed month. The month's billing run must be complete, the month before booked if it
 * was billed (its balances are what this month settles), and no later month booked yet (its
 * settlement would have missed this month's balances). `onBooked` runs inside the same
 * transaction, after the postings: what must be written with them (an audit record) is.
 */
export async function bookMonth(
  store: Store,
  month: string,
  options: {
    settings?: RecognitionSettings;
    onBooked?: (
      tx: Transaction<Database>,
      books: MonthBooks & { wasBooked: boolean },
    ) => Promise<void>;
  } = {},
): Promise<MonthBooks> {
  return store.db.transaction().execute(async (tx) => {
    const run = await findBillingRun(tx, month);
    if (!run || run.status === "running") {
      throw new UplinkError(
        "CONFLICT",
        `${month} is not billed yet${run ? " (its run is still going)" : ""}: run \`uplink bill --month ${month}\` first, then book it.`,
      );
    }
    // A booked month keeps its settlement, so booking it again is always safe; a month booked for
    // the first time needs the month before booked and no later month booked.
    const wasBooked = await isMonthBooked(tx, month);
    if (!wasBooked) {
      const previous = addMonths(month, -1);
      if ((await findBillingRun(tx, previous)) && !(await isMonthBooked(tx, previous))) {
        throw new UplinkError(
          "CONFLICT",
          `${previous} is billed but not booked: book it first (\`uplink close --month ${previous}\`).`,
        );
      }
      const later = (await metaKeysStartingWith(tx, BOOKED_PREFIX))
        .map((key) => key.slice(BOOKED_PREFIX.length))
        .filter((m) => m > month);
      if (later.length > 0) {
        throw new UplinkError(
          "CONFLICT",
          `${later[0]} is already booked, so ${month} can no longer be: months are booked in order (a correction to ${month} is a credit note dated in the first open month).`,
        );
      }
    }
    const settings = await settingsOfBooks(tx, options.settings);
    const entries = await monthEntries(tx, month, settings);
    const outcome: PostingOutcome = await postEntries(tx, entries);
    await writeMeta(tx, bookedKey(month), "done");
    const books: MonthBooks = {
      month,
      entries: entries.length,
      posted: outcome.posted,
      unchanged: outcome.unchanged,
      lines: entries.reduce((n, e) => n + e.lines.length, 0),
    };
    await options.onBooked?.(tx, { ...books, wasBooked });
    return books;
  });
}

/** Every entry of a month's books, in a fixed order. */
async function monthEntries(
  tx: Transaction<Database>,
  month: string,
  settings: RecognitionSettings,
): Promise<JournalEntry[]> {
  const entries: (JournalEntry | null)[] = [];
  const invoices = await monthInvoices(tx, month);
  for (const invoice of invoices) entries.push(recognizeInvoice(invoice));
  for (const { creditNote, original } of await creditNotesIssuedIn(tx, month)) {
    entries.push(recognizeCreditNote(creditNote, original));
  }
  const life = settings.setupFeeLifeMonths;
  entries.push(
    ...recognizeSetupFees(
      await setupFeeCharges(tx, month, earliestReleasingMonth(month, life)),
      month,
      life,
    ),
  );
  for (const record of await listCostRecords(tx, { fromMonth: month, toMonth: month })) {
    entries.push(recognizeCostRecord(record));
  }
  const deliveries = await listDeliveries(tx, {
    deliveredFrom: `${month}-01`,
    deliveredTo: lastDayOf(month),
  });
  // Equipment is sold by the group company that serves the customer (the one that invoices it).
  const customers = await customersByIds(
    tx,
    deliveries.map((d) => d.customerId),
  );
  for (const delivery of deliveries) {
    const seller = customers.get(delivery.customerId)?.groupCompanyId;
    if (!seller) {
      throw new UplinkError(
        "INTERNAL",
        `Delivery ${delivery.id} is for ${delivery.customerId}, who is not a stored customer.`,
      );
    }
    entries.push(recognizeDeliveryCost(delivery, seller));
  }
  // The month's cash settles the balances the month before ended with, as they stood when the
  // month was first booked: an entry dated earlier and posted since (an opening balance sheet)
  // does not reopen a settled month.
  const settlement = { kind: "run" as const, id: `settlement-${month}` };
  entries.push(
    ...((await isMonthBooked(tx, month))
      ? await entriesFromSource(tx, settlement)
      : settleOpenBalances(month, await openBalances(tx, addMonths(month, -1)))),
  );
  return entries.filter((entry) => entry !== null);
}

/** Receivables, payables and tax owed per company and currency at the end of `month`. */
async function openBalances(tx: Transaction<Database>, month: string): Promise<OpenBalance[]> {
  const settled = new Set(SETTLED_ACCOUNTS);
  const sums = new Map<string, OpenBalance>();
  for (const row of await monthlyBalances(tx, { through: month })) {
    if (!settled.has(row.account)) continue;
    const key = `${row.entity}|${row.account}|${row.currency}`;
    const sum = sums.get(key);
    sums.set(key, {
      entity: row.entity,
      account: row.account,
      currency: row.currency,
      amount: (sum?.amount ?? 0n) + row.amount,
    });
  }
  return [...sums.values()];
}
