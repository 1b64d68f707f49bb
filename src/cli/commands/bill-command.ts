import { type Command, InvalidArgumentError, Option } from "commander";
import {
  type BillingProgress,
  type BillingRun,
  type BillingRunSummary,
  billingSummary,
  closeBillingMonth,
  importFxRateFile,
  importUsagePriceFile,
  listBillingRuns,
  runBilling,
} from "../../billing/index.js";
import { type Currency, formatMoney, money, UplinkError } from "../../core/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { formatNumber, renderCsv, renderTable } from "../text-table.js";

/** `uplink bill --month M`, `uplink bill close --month M`, `uplink bill status [--month M]`. */
export function registerBillCommand(program: Command): void {
  const bill = program
    .command("bill")
    .description(
      "Bill a month: rate every contract and issue one invoice per customer (idempotent, resumable).",
    )
    .addHelpText(
      "after",
      `
What a month's invoice holds, per customer:
  monthly fees      prorated by day: fee × days active ÷ days in the month, half-up to the
                    yen, for each piece of the month between a start, a change and a
                    cancellation (an event takes effect from the start of its date)
  set-up fees       once, in the month a contract is activated
  burst overage     burstable contracts: 95th-percentile Mbps above the commitment × the
                    burst price per Mbps (see uplink usage percentile)
  ATM commissions   every withdrawal at the ATMs of an operating group company, billed to
                    its customer with an ATM-operation (per_use) contract: the bank network
  usage             metered cloud resources × their unit price (uplink import usage-prices)
  SI and equipment  project revenue earned in the month and equipment delivered in it
  tax               consumption tax at the rate in force on the issue date (the month's
                    last day: 5% until 2014-03, 8% until 2019-09, 10% after) on the sum of
                    the lines, rounded down; customers abroad are exempt
  currency          the customer's billing currency, converted from yen line by line at
                    the latest FX rate on or before the issue date (uplink import fx-rates)

Invoices are numbered INV-<month>-<customer>, issued on the month's last day and due at the
end of the next month. Customers are processed in id order, a chunk per transaction with the
run's progress marker: a run killed at any point is finished by running the same command
again, with the same invoices an uninterrupted run makes. A completed month is not billed
again (the command changes nothing); \`uplink bill close\` closes it for good, and
corrections are credit notes (uplink invoices credit).

Usage of the run (the default command):
  uplink bill [run] --month YYYY-MM [--chunk-size N] [--format text|json]

Examples:
  uplink bill --month 2012-09
  uplink bill --month 2012-09 --format json
  uplink bill close --month 2012-09
  uplink bill status`,
    );

  // The default command, so that `uplink bill --month 2012-09` runs it.
  bill
    .command("run", { isDefault: true })
    .description("Bill a month (the default: `uplink bill --month 2012-09`).")
    .option("--month <YYYY-MM>", "the month to bill, e.g. 2012-09")
    .addOption(
      new Option("--chunk-size <n>", "customers written per transaction")
        .default(1000)
        .argParser(parsePositive),
    )
    .addOption(
      new Option("-f, --format <format>", "text or json").default("text").choices(["text", "json"]),
    )
    .addHelpText(
      "after",
      `
Progress goes to stderr (a bar on a terminal, plain lines otherwise); the summary to stdout.
A run killed part-way is finished by running it again; a completed month changes nothing.
See \`uplink bill --help\` for what an invoice holds.`,
    )
    .action(
      async (
        options: { month?: string; chunkSize: number; format: "text" | "json" },
        command: Command,
      ) => {
        const month = requireMonth(options.month, "uplink bill --month 2012-09");
        const progress = progressReporter();
        const summary = await withStore(command, (store) =>
          runBilling(store.db, {
            month,
            chunkSize: options.chunkSize,
            onProgress: progress.update,
          }),
        );
        progress.finish();
        if (options.format === "json") printJson(summaryJson(summary));
        else process.stdout.write(describeSummary(summary));
      },
    );

  bill
    .command("close")
    .description("Close a billed month: it refuses any new run; corrections are credit notes.")
    .option("--month <YYYY-MM>", "the month to close, e.g. 2012-09")
    .action(async (options: { month?: string }, command: Command) => {
      const month = requireMonth(options.month, "uplink bill close --month 2012-09");
      const run = await withStore(command, (store) => closeBillingMonth(store.db, month));
      process.stdout.write(
        `${run.month} closed: ${formatNumber(run.invoices)} invoices; a new run of it is refused.\n`,
      );
    });

  bill
    .command("status")
    .description("The billing runs by month, or one month's summary with every anomaly.")
    .option("--month <YYYY-MM>", "one month's summary")
    .addOption(
      new Option("-f, --format <format>", "table (text), json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .action(async (options: { month?: string; format: OutputFormat }, command: Command) => {
      const month = options.month;
      if (month) {
        const summary = await withStore(command, (store) => billingSummary(store.db, month));
        if (options.format === "json") printJson(summaryJson(summary));
        else process.stdout.write(describeSummary(summary, Number.POSITIVE_INFINITY, true));
        return;
      }
      const runs = await withStore(command, (store) => listBillingRuns(store.db));
      printRuns(runs, options.format);
    });
}

/** `uplink import fx-rates FILE` and `uplink import usage-prices FILE`. */
export function registerBillingImports(importCommand: Command): void {
  importCommand
    .command("fx-rates")
    .description("Import the FX rates foreign customers' invoices are converted at.")
    .argument("<file>", "a CSV file with a header row")
    .option("--replace", "overwrite a stored rate that a row changes (otherwise that is an error)")
    .addHelpText(
      "after",
      `
Columns: currency (USD, CNY or THB), rate_date (YYYY-MM-DD), jpy_per_unit (yen per unit of
the currency, an exact decimal such as 77.96), source (where the rate comes from).
A month is converted at the latest rate on or before its invoices' issue date (the month's
last day). A file with any bad row writes nothing; importing it again changes nothing.

Example:
  currency,rate_date,jpy_per_unit,source
  USD,2012-09-28,77.96,MUFG TTM`,
    )
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, (store) =>
        importFxRateFile(store, file, { replace: options.replace ?? false }),
      );
      process.stdout.write(
        `${outcome.file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
      );
    });

  importCommand
    .command("usage-prices")
    .description("Import unit prices of metered cloud resources, per price book.")
    .argument("<file>", "a CSV file with a header row")
    .option("--replace", "overwrite a stored price that a row changes (otherwise that is an error)")
    .addHelpText(
      "after",
      `
Columns: price_book, resource (as in cloud usage, e.g. vcpu_hours), effective_from
(YYYY-MM-DD), unit_price (major units, an exact decimal such as 3.5), currency (default JPY).
A month's usage is priced at the price in force on its last day; the charge is quantity ×
unit price, rounded half-up. A file with any bad row writes nothing.

Example:
  price_book,resource,effective_from,unit_price,currency
  standard,vcpu_hours,2010-11-01,3.5,JPY`,
    )
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, (store) =>
        importUsagePriceFile(store, file, { replace: options.replace ?? false }),
      );
      process.stdout.write(
        `${outcome.file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
      );
    });
}

export function requireMonth(month: string | undefined, example: string): string {
  if (month === undefined) {
    throw new UplinkError("INVALID_INPUT", `Give the month: ${example}`);
  }
  return month;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError("Give a whole number of 1 or more.");
  return n;
}

/**
 * Progress on stderr: one line redrawn in place on a terminal (a bar, customers done, rate, time
 * left), plain lines otherwise, so that logs stay readable.
 */
export function progressReporter(): {
  update: (p: BillingProgress) => void;
  finish: () => void;
} {
  const tty = process.stderr.isTTY === true;
  let drawn = false;
  return {
    update(p) {
      if (p.phase === "rated") {
        const text = `billing ${p.month}: rated ${formatNumber(p.customersTotal)} customers in ${p.elapsedSeconds.toFixed(1)} s${p.customersDone > 0 ? `, resuming after ${formatNumber(p.customersDone)}` : ""}; writing invoices`;
        process.stderr.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
        drawn = tty;
        return;
      }
      const rate = p.writingSeconds > 0 ? p.customersThisRun / p.writingSeconds : 0;
      const left = rate > 0 ? (p.customersTotal - p.customersDone) / rate : 0;
      const share = p.customersTotal === 0 ? 1 : p.customersDone / p.customersTotal;
      const text = `billing ${p.month}: ${formatNumber(p.customersDone)}/${formatNumber(p.customersTotal)} customers, ${formatNumber(p.invoices)} invoices, ${formatNumber(rate)}/s, ${left < 1 ? "under 1 s" : `about ${formatNumber(left)} s`} left`;
      if (tty) {
        const width = 24;
        const filled = Math.round(share * width);
        process.stderr.write(
          `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}\x1b[K`,
        );
        drawn = true;
      } else {
        process.stderr.write(`${text}\n`);
      }
    },
    finish() {
      if (drawn) process.stderr.write("\n");
    },
  };
}

function minor(amount: bigint, currency: string): string {
  return formatMoney(money(amount, currency as Currency)).replace(/^-?[A-Z]{3} /, (m) =>
    m.startsWith("-") ? "-" : "",
  );
}

export function describeSummary(
  summary: BillingRunSummary,
  anomalyLines = 8,
  status = false,
): string {
  const out: string[] = [];
  const what = status
    ? `${summary.month}: ${summary.status}.`
    : summary.outcome === "already_completed"
      ? `${summary.month} is ${summary.status === "closed" ? "closed" : "already billed"}; nothing changed.`
      : `Billed ${summary.month}${summary.outcome === "resumed" ? ` (resumed after ${formatNumber(summary.resumedAfter)} customers done by an earlier run)` : ""}.`;
  out.push(what);
  const rate = summary.seconds > 0 ? summary.customers / summary.seconds : 0;
  out.push(
    `  ${formatNumber(summary.invoices)} invoices for ${formatNumber(summary.customers)} customers${
      summary.outcome === "already_completed"
        ? ""
        : `; ${formatNumber(summary.invoicesThisRun)} written by this run in ${summary.seconds.toFixed(1)} s (${formatNumber(rate)} customers/s)`
    }`,
  );
  out.push("");
  if (summary.totals.length > 0) {
    out.push(
      renderTable(summary.totals, [
        { header: "Currency", cell: (t) => t.currency },
        { header: "Invoices", align: "right", cell: (t) => formatNumber(t.invoices) },
        { header: "Subtotal", align: "right", cell: (t) => minor(t.subtotal, t.currency) },
        { header: "Tax", align: "right", cell: (t) => minor(t.tax, t.currency) },
        { header: "Total", align: "right", cell: (t) => minor(t.total, t.currency) },
      ]).trimEnd(),
    );
    out.push("");
    const byMetric = new Map<string, { lines: number; yen: bigint }>();
    const byKind = new Map<string, { lines: number; yen: bigint }>();
    for (const t of summary.lineTotals) {
      for (const [map, key] of [
        [byMetric, t.revenueMetric],
        [byKind, t.kind],
      ] as const) {
        const sum = map.get(key) ?? { lines: 0, yen: 0n };
        map.set(key, { lines: sum.lines + t.lines, yen: sum.yen + t.amountYen });
      }
    }
    const rows = [
      ...[...byMetric].map(([name, s]) => ({ group: "line", name, ...s })),
      ...[...byKind].map(([name, s]) => ({ group: "kind", name, ...s })),
    ];
    out.push(
      renderTable(rows, [
        { header: "Totals by", cell: (r) => r.group },
        { header: "Revenue line / charge kind", cell: (r) => r.name },
        { header: "Lines", align: "right", cell: (r) => formatNumber(r.lines) },
        { header: "Amount (JPY)", align: "right", cell: (r) => minor(r.yen, "JPY") },
      ]).trimEnd(),
    );
    out.push("");
  }
  if (summary.anomalies.length === 0) {
    out.push("No anomalies.");
  } else {
    const counts = new Map<string, number>();
    for (const a of summary.anomalies) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
    out.push(
      `Anomalies: ${[...counts].map(([kind, n]) => `${formatNumber(n)} ${kind}`).join(", ")}`,
    );
    for (const a of summary.anomalies.slice(0, anomalyLines)) {
      const who = [a.customerId, a.contractId].filter((x) => x !== null).join(" ");
      out.push(`  ${a.kind}${who ? ` ${who}` : ""}: ${a.message}`);
    }
    if (summary.anomalies.length > anomalyLines) {
      out.push(
        `  … and ${formatNumber(summary.anomalies.length - anomalyLines)} more (uplink bill status --month ${summary.month})`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}

function summaryJson(summary: BillingRunSummary) {
  return {
    id: summary.month,
    month: summary.month,
    status: summary.status,
    outcome: summary.outcome,
    customers: summary.customers,
    resumedAfter: summary.resumedAfter,
    invoices: summary.invoices,
    invoicesThisRun: summary.invoicesThisRun,
    seconds: Number(summary.seconds.toFixed(3)),
    totals: summary.totals.map((t) => ({
      currency: t.currency,
      invoices: t.invoices,
      subtotal: Number(t.subtotal),
      tax: Number(t.tax),
      total: Number(t.total),
    })),
    lineTotals: summary.lineTotals.map((t) => ({
      revenueMetric: t.revenueMetric,
      kind: t.kind,
      lines: t.lines,
      amountYen: Number(t.amountYen),
    })),
    anomalies: summary.anomalies,
  };
}

function printRuns(runs: readonly BillingRun[], format: OutputFormat): void {
  if (format === "json") {
    printJson(runs.map((r) => ({ id: r.month, ...r })));
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        [
          "month",
          "status",
          "customers_done",
          "invoices",
          "started_at",
          "completed_at",
          "closed_at",
        ],
        runs.map((r) => [
          r.month,
          r.status,
          r.customersDone,
          r.invoices,
          r.startedAt,
          r.completedAt ?? "",
          r.closedAt ?? "",
        ]),
      ),
    );
    return;
  }
  if (runs.length === 0) {
    process.stdout.write("No month has been billed yet (uplink bill --month YYYY-MM).\n");
    return;
  }
  process.stdout.write(
    renderTable(runs, [
      { header: "Month", cell: (r) => r.month },
      { header: "Status", cell: (r) => r.status },
      { header: "Customers", align: "right", cell: (r) => formatNumber(r.customersDone) },
      { header: "Invoices", align: "right", cell: (r) => formatNumber(r.invoices) },
      { header: "Started", cell: (r) => r.startedAt.slice(0, 19).replace("T", " ") },
      {
        header: "Completed",
        cell: (r) => (r.completedAt ?? "").slice(0, 19).replace("T", " "),
      },
      { header: "Closed", cell: (r) => (r.closedAt ?? "").slice(0, 19).replace("T", " ") },
    ]),
  );
}
