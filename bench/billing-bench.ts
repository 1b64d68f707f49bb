import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertFxRates, listFxRates, runBilling } from "../src/billing/index.js";
import { insertContractEvents, loadContractHistories } from "../src/contracts/index.js";
import { Decimal } from "../src/core/index.js";
import { insertCustomers, listCustomers } from "../src/customers/index.js";
import { buildDemoCompany } from "../src/flows/index.js";
import { openStore, type Store } from "../src/store/index.js";
import type { BenchFigure } from "./bench-figure.js";

// The whole billing close of the demo company's September 2012 on the embedded store: loading the
// month's inputs, rating every customer, writing every invoice with its lines. Measured at scale 1
// (about 6,500 customers and 20,000 contracts), and also at the scale given to the bench
// (`npm run bench -- --scale 10`) to show the cost growing linearly. UPLINK_BENCH_BILLING_SCALES
// ("1,10") overrides both.

const MONTH = "2012-09";

export async function billingBench(): Promise<BenchFigure[]> {
  const scales = (process.env.UPLINK_BENCH_BILLING_SCALES ?? `1,${scaleArgument() ?? ""}`)
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1);
  const figures: BenchFigure[] = [];
  let base: { seconds: number; customers: number } | undefined;
  for (const scale of scales) {
    const built = performance.now();
    const { store, home, how } = await companyAtScale(scale);
    const buildSeconds = (performance.now() - built) / 1000;
    try {
      await prepareMonth(store);
      const memory = peakMemory();
      const started = performance.now();
      const summary = await runBilling(store.db, { month: MONTH, onProgress: memory.sample });
      const seconds = (performance.now() - started) / 1000;
      const peak = memory.stop();
      const contracts = await count(store, "contracts");
      const lines = summary.lineTotals.reduce((n, t) => n + t.lines, 0);
      const label = `scale ${scale}: ${summary.customers.toLocaleString("en-US")} customers, ${contracts.toLocaleString("en-US")} contracts → ${summary.invoices.toLocaleString("en-US")} invoices, ${lines.toLocaleString("en-US")} lines (${how} in ${buildSeconds.toFixed(1)} s)`;
      figures.push({ name: `Billing close of ${MONTH}, ${label}`, value: seconds, unit: "s" });
      figures.push({
        name: `  customers billed per second, scale ${scale}`,
        value: summary.customers / seconds,
        unit: "customers/s",
      });
      figures.push({
        name: `  peak memory during the run (RSS), scale ${scale}`,
        value: peak / 2 ** 20,
        unit: "MiB",
      });
      if (base && scale > 1) {
        const perCustomer = seconds / summary.customers / (base.seconds / base.customers);
        figures.push({
          name: `  time per customer at scale ${scale} ÷ at scale 1 (1.0 = linear)`,
          value: perCustomer,
          unit: "×",
        });
      }
      if (scale === 1) base = { seconds, customers: summary.customers };
    } finally {
      await store.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  }
  return figures;
}

/**
 * A fresh store holding the demo company at `scale`; should the demo build fail at that scale, the
 * scale-1 company with every customer and contract copied `scale` times under new ids (the same
 * mix and histories), so that billing is still measured on that many customers.
 */
async function companyAtScale(scale: number): Promise<{ store: Store; home: string; how: string }> {
  const fresh = async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), `uplink-bench-billing-${scale}-`));
    return { home, store: await openStore({ home, databaseUrl: undefined }) };
  };
  const first = await fresh();
  try {
    await buildDemoCompany(first.store, { scale });
    return { ...first, how: "demo built" };
  } catch (error) {
    await first.store.close();
    fs.rmSync(first.home, { recursive: true, force: true });
    if (scale === 1) throw error;
    process.stderr.write(
      `billing bench: the demo build failed at scale ${scale} (${(error as Error).message}); copying the scale-1 company ${scale} times instead\n`,
    );
  }
  const { store, home } = await fresh();
  await buildDemoCompany(store, { scale: 1 });
  const customers = await listCustomers(store.db);
  const histories = await loadContractHistories(store.db);
  for (let copy = 2; copy <= scale; copy++) {
    const suffix = `x${copy}`;
    await store.db.transaction().execute(async (tx) => {
      await insertCustomers(
        tx,
        customers.map((c) => ({ ...c, id: `${c.id}${suffix}` })),
      );
      await insertContractEvents(
        tx,
        histories.flatMap((h) =>
          h.events.map((e) => ({
            ...e,
            contractId: `${e.contractId}${suffix}`,
            customerId: `${e.customerId}${suffix}`,
          })),
        ),
      );
    });
  }
  return { store, home, how: `demo scale 1 copied ×${scale}` };
}

/**
 * The demo company's foreign customers need the month's FX rates; a demo that already billed the
 * month (the demo builds bill every month) has its run undone here, on this throwaway store only,
 * so that the close is measured whole.
 */
async function prepareMonth(store: Store): Promise<void> {
  const rates = await listFxRates(store.db);
  if (!rates.some((r) => r.rateDate <= `${MONTH}-30`)) {
    await store.db.transaction().execute((tx) =>
      insertFxRates(tx, [
        {
          currency: "USD",
          rateDate: "2012-09-28",
          jpyPerUnit: new Decimal("77.96"),
          source: "bench",
        },
        {
          currency: "CNY",
          rateDate: "2012-09-28",
          jpyPerUnit: new Decimal("12.38"),
          source: "bench",
        },
        {
          currency: "THB",
          rateDate: "2012-09-28",
          jpyPerUnit: new Decimal("2.51"),
          source: "bench",
        },
      ]),
    );
  }
  await store.db.transaction().execute(async (tx) => {
    const ids = tx.selectFrom("invoices").select("id").where("month", "=", MONTH);
    await tx.deleteFrom("invoice_lines").where("invoice_id", "in", ids).execute();
    await tx
      .deleteFrom("invoices")
      .where("credits_invoice_id", "is not", null)
      .where("month", "=", MONTH)
      .execute();
    await tx.deleteFrom("invoices").where("month", "=", MONTH).execute();
    await tx.deleteFrom("billing_anomalies").where("month", "=", MONTH).execute();
    await tx.deleteFrom("billing_runs").where("month", "=", MONTH).execute();
  });
}

/** The largest RSS seen: on a timer, and after each written chunk (rating holds the loop). */
function peakMemory(): { sample: () => void; stop: () => number } {
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 20);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** `--scale N` on the bench's command line, if any. */
function scaleArgument(): number | undefined {
  const at = process.argv.indexOf("--scale");
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isInteger(value) && value > 1 ? value : undefined;
}

async function count(store: Store, table: "contracts"): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
