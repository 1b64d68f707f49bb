import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/index.js";
import type { BillingRunTable } from "./billing.table.js";
import type { BillingAnomaly, BillingAnomalyKind } from "./billing-anomaly.js";
import type { BillingRun, BillingRunStatus } from "./billing-run.js";

export async function findBillingRun(
  db: Kysely<Database>,
  month: string,
): Promise<BillingRun | undefined> {
  const row = await db
    .selectFrom("billing_runs")
    .selectAll()
    .where("month", "=", month)
    .executeTakeFirst();
  return row ? runFromRow(row) : undefined;
}

/** Every month's run, oldest month first. */
export async function listBillingRuns(db: Kysely<Database>): Promise<BillingRun[]> {
  const rows = await db.selectFrom("billing_runs").selectAll().orderBy("month").execute();
  return rows.map(runFromRow);
}

/** Records a new run of `month` as running, with no customer done. */
export async function startBillingRun(
  tx: Transaction<Database>,
  month: string,
  now: string,
): Promise<void> {
  await tx
    .insertInto("billing_runs")
    .values({
      month,
      status: "running",
      customers_done: 0,
      last_customer_id: null,
      invoices: 0,
      started_at: now,
      updated_at: now,
      completed_at: null,
      closed_at: null,
    })
    .execute();
}

/** Moves the progress marker past a chunk, in the chunk's transaction. */
export async function recordChunk(
  tx: Transaction<Database>,
  month: string,
  progress: { customersDone: number; lastCustomerId: string; invoices: number; now: string },
): Promise<void> {
  await tx
    .updateTable("billing_runs")
    .set({
      customers_done: progress.customersDone,
      last_customer_id: progress.lastCustomerId,
      invoices: progress.invoices,
      updated_at: progress.now,
    })
    .where("month", "=", month)
    .where("status", "=", "running")
    .execute();
}

/** Marks the run completed and stores its anomalies (replacing any of an earlier attempt). */
export async function completeBillingRun(
  tx: Transaction<Database>,
  month: string,
  anomalies: readonly BillingAnomaly[],
  now: string,
): Promise<void> {
  await tx.deleteFrom("billing_anomalies").where("month", "=", month).execute();
  const rows = anomalies.map((a, i) => ({
    month,
    seq: i + 1,
    kind: a.kind,
    customer_id: a.customerId,
    contract_id: a.contractId,
    message: a.message,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto("billing_anomalies")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  await tx
    .updateTable("billing_runs")
    .set({ status: "completed", completed_at: now, updated_at: now })
    .where("month", "=", month)
    .execute();
}

export async function closeBillingRunRow(
  tx: Transaction<Database>,
  month: string,
  now: string,
): Promise<void> {
  await tx
    .updateTable("billing_runs")
    .set({ status: "closed", closed_at: now, updated_at: now })
    .where("month", "=", month)
    .execute();
}

export async function anomaliesOf(db: Kysely<Database>, month: string): Promise<BillingAnomaly[]> {
  const rows = await db
    .selectFrom("billing_anomalies")
    .selectAll()
    .where("month", "=", month)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    kind: r.kind as BillingAnomalyKind,
    customerId: r.customer_id,
    contractId: r.contract_id,
    message: r.message,
  }));
}

function runFromRow(row: BillingRunTable): BillingRun {
  return {
    month: row.month,
    status: row.status as BillingRunStatus,
    customersDone: Number(row.customers_done),
    lastCustomerId: row.last_customer_id,
    invoices: Number(row.invoices),
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    closedAt: row.closed_at,
  };
}
