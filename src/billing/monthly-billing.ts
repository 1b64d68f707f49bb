import type { Kysely } from "kysely";
import { lastDayOf, UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import { type BillingAnomaly, sortAnomalies } from "./billing-anomaly.js";
import { invoiceDates, parseBillingMonth } from "./billing-month.js";
import { type BillingMonthInputs, loadBillingMonth } from "./billing-month-inputs.js";
import {
  type BillingProgress,
  type BillingRun,
  type BillingRunSummary,
  refuseClosedMonth,
  refuseClosingIncomplete,
} from "./billing-run.js";
import {
  anomaliesOf,
  closeBillingRunRow,
  completeBillingRun,
  findBillingRun,
  recordChunk,
  startBillingRun,
} from "./billing-run.repository.js";
import { rateCustomerMonth } from "./customer-month.js";
import { fxRateOn } from "./exchange-rate.js";
import type { Invoice } from "./invoice.js";
import {
  insertInvoices,
  invoicedCustomers,
  monthCurrencyTotals,
  monthLineTotals,
} from "./invoice.repository.js";

export interface BillingRunOptions {
  /** The month to bill, `YYYY-MM`. */
  readonly month: string;
  /** Customers per transaction (default 1,000). */
  readonly chunkSize?: number;
  /** Called after each chunk is committed. */
  readonly onProgress?: (progress: BillingProgress) => void;
  /** The clock for the run's own timestamps (started, updated, completed); never for invoices. */
  readonly now?: () => Date;
}

const DEFAULT_CHUNK = 1000;

/**
 * Bills a month: rates every customer in memory from the month's inputs (loaded in bulk), then
 * writes the invoices customer chunk by customer chunk in id order, each chunk in one transaction
 * together with the run's progress marker. Nothing is written if any customer cannot be rated.
 *
 * - A month never billed is started; a month whose run was killed part-way is resumed after its
 *   marker, so it ends with exactly the invoices an uninterrupted run makes (one invoice per
 *   customer and month is also a unique index, so nothing can be billed twice).
 * - A completed month is not billed again: the call changes nothing and reports what is stored.
 * - A closed month is refused (CONFLICT), and so is a month that has not ended by `now`.
 * Invoices depend only on the stored inputs, never on the clock.
 */
export async function runBilling(
  db: Kysely<Database>,
  options: BillingRunOptions,
): Promise<BillingRunSummary> {
  const month = parseBillingMonth(options.month);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new UplinkError("INVALID_INPUT", `A chunk is 1 or more customers, not ${chunkSize}.`);
  }
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  refuseUnfinishedMonth(month, now().slice(0, 10));
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;

  const before = await findBillingRun(db, month);
  refuseClosedMonth(before);
  if (before?.status === "completed") {
    return summarize(db, before, {
      outcome: "already_completed",
      resumedAfter: 0,
      seconds,
      written: 0,
    });
  }

  const inputs = await loadBillingMonth(db, month);
  const { invoices, anomalies } = rateMonth(inputs);

  if (!before) {
    try {
      await db.transaction().execute((tx) => startBillingRun(tx, month, now()));
    } catch (error) {
      // Another process started the same month a moment ago: go on as a resume.
      if (!(await findBillingRun(db, month))) throw error;
    }
  }
  const run = (await findBillingRun(db, month))!;
  refuseClosedMonth(run);
  const resumedAfter = run.status === "running" ? run.customersDone : 0;
  const already = await invoicedCustomers(db, month);
  const pending = inputs.customers.filter(
    (c) => run.lastCustomerId === null || c.id > run.lastCustomerId,
  );

  let customersDone = run.customersDone;
  let invoiceCount = run.invoices;
  let written = 0;
  const total = inputs.customers.length;
  const writing = performance.now();
  options.onProgress?.({
    phase: "rated",
    month,
    customersDone,
    customersTotal: total,
    invoices: invoiceCount,
    elapsedSeconds: seconds(),
    customersThisRun: 0,
    writingSeconds: 0,
  });
  for (let i = 0; i < pending.length; i += chunkSize) {
    const chunk = pending.slice(i, i + chunkSize);
    const batch = chunk
      .map((c) => invoices.get(c.id))
      .filter((inv): inv is Invoice => inv !== undefined && !already.has(inv.customerId));
    const lastCustomerId = chunk.at(-1)!.id;
    try {
      await db.transaction().execute(async (tx) => {
        await insertInvoices(tx, batch);
        await recordChunk(tx, month, {
          customersDone: customersDone + chunk.length,
          lastCustomerId,
          invoices: invoiceCount + batch.length,
          now: now(),
        });
      });
    } catch (error) {
      if (/unique|duplicate/i.test((error as Error).message)) {
        throw new UplinkError(
          "CONFLICT",
          `Another billing run of ${month} wrote some of these invoices at the same time; run uplink bill --month ${month} again to resume.`,
          { cause: error },
        );
      }
      throw error;
    }
    customersDone += chunk.length;
    invoiceCount += batch.length;
    written += batch.length;
    options.onProgress?.({
      phase: "written",
      month,
      customersDone,
      customersTotal: total,
      invoices: invoiceCount,
      elapsedSeconds: seconds(),
      customersThisRun: i + chunk.length,
      writingSeconds: (performance.now() - writing) / 1000,
    });
  }
  await db.transaction().execute((tx) => completeBillingRun(tx, month, anomalies, now()));
  const completed = (await findBillingRun(db, month))!;
  return summarize(db, completed, {
    outcome: resumedAfter > 0 ? "resumed" : "completed",
    resumedAfter,
    seconds,
    written,
  });
}

/**
 * Rates every customer of the month (pure, in memory). A customer that cannot be rated stops the
 * whole month before anything is written; up to ten such problems are reported at once.
 */
export function rateMonth(inputs: BillingMonthInputs): {
  invoices: Map<string, Invoice>;
  anomalies: BillingAnomaly[];
} {
  refuseMissingRates(inputs);
  const invoices = new Map<string, Invoice>();
  const anomalies: BillingAnomaly[] = [...inputs.anomalies];
  const problems: string[] = [];
  let problemCount = 0;
  for (const customer of inputs.customers) {
    const month = inputs.byCustomer.get(customer.id);
    if (!month) continue;
    try {
      const rating = rateCustomerMonth(inputs.month, inputs.catalog, month);
      if (rating.invoice) invoices.set(customer.id, rating.invoice);
      anomalies.push(...rating.anomalies);
    } catch (error) {
      if (!(error instanceof UplinkError)) throw error;
      problemCount++;
      if (problems.length < 10) problems.push(`  ${error.message}`);
    }
  }
  if (problemCount > 0) {
    const more =
      problemCount > problems.length ? [`  … and ${problemCount - problems.length} more`] : [];
    throw new UplinkError(
      "INVALID_INPUT",
      `${inputs.month} cannot be billed: ${problemCount} ${problemCount === 1 ? "customer" : "customers"} could not be rated, so nothing was written:\n${[...problems, ...more].join("\n")}`,
    );
  }
  return { invoices, anomalies: sortAnomalies(anomalies) };
}

/** A month is billed once it has ended: its usage and events are complete only then. */
function refuseUnfinishedMonth(month: string, today: string): void {
  if (lastDayOf(month) >= today) {
    throw new UplinkError(
      "INVALID_INPUT",
      `${month} has not ended yet (today is ${today}); a month is billed from the day after its last day.`,
    );
  }
}

/** One clear error for every billing currency the FX table has no rate for by the issue date. */
function refuseMissingRates(inputs: BillingMonthInputs): void {
  const { issueDate } = invoiceDates(inputs.month);
  const missing = new Map<string, number>();
  for (const month of inputs.byCustomer.values()) {
    const currency = month.customer.billingCurrency;
    if (currency === "JPY" || fxRateOn(inputs.catalog.fxRates, currency, issueDate)) continue;
    missing.set(currency, (missing.get(currency) ?? 0) + 1);
  }
  if (missing.size === 0) return;
  const list = [...missing].map(([c, n]) => `${c} (${n} ${n === 1 ? "customer" : "customers"})`);
  throw new UplinkError(
    "INVALID_INPUT",
    `${inputs.month} cannot be billed: the FX-rate table has no rate on or before ${issueDate} for ${list.join(", ")}; import them with \`uplink import fx-rates FILE\`. Nothing was written.`,
  );
}

/** Closes a completed month: a closed month refuses any new run (corrections are credit notes). */
export async function closeBillingMonth(
  db: Kysely<Database>,
  month: string,
  options: { readonly now?: () => Date } = {},
): Promise<BillingRun> {
  const checked = parseBillingMonth(month);
  const run = await findBillingRun(db, checked);
  refuseClosedMonth(run);
  refuseClosingIncomplete(checked, run);
  const now = (options.now ?? (() => new Date()))().toISOString();
  await db.transaction().execute((tx) => closeBillingRunRow(tx, checked, now));
  return (await findBillingRun(db, checked))!;
}

/** The summary of a month already billed (or being billed), from what is stored. */
export async function billingSummary(
  db: Kysely<Database>,
  month: string,
): Promise<BillingRunSummary> {
  const checked = parseBillingMonth(month);
  const run = await findBillingRun(db, checked);
  if (!run) throw new UplinkError("NOT_FOUND", `${checked} has not been billed.`);
  return summarize(db, run, {
    outcome: "already_completed",
    resumedAfter: 0,
    seconds: () => 0,
    written: 0,
  });
}

async function summarize(
  db: Kysely<Database>,
  run: BillingRun,
  how: {
    outcome: BillingRunSummary["outcome"];
    resumedAfter: number;
    seconds: () => number;
    written: number;
  },
): Promise<BillingRunSummary> {
  const [totals, lineTotals, anomalies] = await Promise.all([
    monthCurrencyTotals(db, run.month),
    monthLineTotals(db, run.month),
    anomaliesOf(db, run.month),
  ]);
  return {
    month: run.month,
    status: run.status,
    outcome: how.outcome,
    customers: run.customersDone,
    resumedAfter: how.resumedAfter,
    invoices: totals.reduce((n, t) => n + t.invoices, 0),
    invoicesThisRun: how.written,
    totals,
    lineTotals,
    anomalies,
    seconds: how.seconds(),
  };
}
