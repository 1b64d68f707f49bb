import { UplinkError } from "../core/index.js";
import type { BillingAnomaly } from "./billing-anomaly.js";

/**
 * A month's billing run: `running` until every customer is processed (a run killed part-way stays
 * `running` and the next run resumes it after its progress marker), then `completed` (a further run
 * changes nothing), then `closed` (a new run is refused; corrections are credit notes).
 */
export type BillingRunStatus = "running" | "completed" | "closed";
export const BILLING_RUN_STATUSES: readonly BillingRunStatus[] = ["running", "completed", "closed"];

export interface BillingRun {
  readonly month: string;
  readonly status: BillingRunStatus;
  /** Customers processed so far, in id order, and the last of them: the progress marker. */
  readonly customersDone: number;
  readonly lastCustomerId: string | null;
  readonly invoices: number;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
  readonly closedAt: string | null;
}

/**
 * What a run reports as it goes: once when every customer is rated (`rated`, nothing written yet
 * by this run), then after each chunk of customers is written (`written`).
 */
export interface BillingProgress {
  readonly phase: "rated" | "written";
  readonly month: string;
  readonly customersDone: number;
  readonly customersTotal: number;
  readonly invoices: number;
  /** Seconds since this run started (not counting customers done by an earlier, killed run). */
  readonly elapsedSeconds: number;
  /** Customers written by this run, and the seconds its writing has taken (for a rate). */
  readonly customersThisRun: number;
  readonly writingSeconds: number;
}

/** Totals of one currency's invoices. */
export interface CurrencyTotals {
  readonly currency: string;
  readonly invoices: number;
  readonly subtotal: bigint;
  readonly tax: bigint;
  readonly total: bigint;
}

/** Revenue of the month's invoices by revenue metric and by line kind, in yen. */
export interface LineTotals {
  readonly revenueMetric: string;
  readonly kind: string;
  readonly lines: number;
  readonly amountYen: bigint;
}

/** The one-screen account of a billing run. */
export interface BillingRunSummary {
  readonly month: string;
  readonly status: BillingRunStatus;
  /** What this call did: billed the month, finished a killed run, or found it already done. */
  readonly outcome: "completed" | "resumed" | "already_completed";
  readonly customers: number;
  /** Customers processed by an earlier run this one resumed after. */
  readonly resumedAfter: number;
  readonly invoices: number;
  readonly invoicesThisRun: number;
  readonly totals: readonly CurrencyTotals[];
  readonly lineTotals: readonly LineTotals[];
  readonly anomalies: readonly BillingAnomaly[];
  readonly seconds: number;
}

/** A run may start or resume on a month with no run, or a running one; a completed month is a no-op. */
export function refuseClosedMonth(run: BillingRun | undefined): void {
  if (run?.status === "closed") {
    throw new UplinkError(
      "CONFLICT",
      `${run.month} was closed on ${run.closedAt?.slice(0, 10) ?? "an earlier day"}; a closed month is not billed again. Correct its invoices with credit notes (uplink invoices credit).`,
    );
  }
}

/** Only a completed month can be closed. */
export function refuseClosingIncomplete(month: string, run: BillingRun | undefined): void {
  if (!run) {
    throw new UplinkError(
      "CONFLICT",
      `${month} has not been billed; run uplink bill --month ${month} first.`,
    );
  }
  if (run.status === "running") {
    throw new UplinkError(
      "CONFLICT",
      `The billing run of ${month} has not finished (${run.customersDone} customers done); run uplink bill --month ${month} to finish it, then close.`,
    );
  }
}
