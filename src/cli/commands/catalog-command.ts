import { type Command, InvalidArgumentError, Option } from "commander";
import {
  type CatalogImportOutcome,
  entriesInForce,
  importPlanFile,
  importPriceFile,
  importStandardCatalog,
  listPlans,
  loadPriceBook,
  type Plan,
  PRODUCT_LINES,
  type PriceEntry,
  productLineById,
  productLinesMatching,
  STANDARD_PRICE_BOOK,
  standardCatalogDirectory,
} from "../../catalog/index.js";
import { formatMoney, type Money, periodContaining } from "../../core/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

/** `uplink catalog list|lines`. */
export function registerCatalogCommand(program: Command): void {
  const catalog = program
    .command("catalog")
    .description("Look up the service catalog: product lines, plans and their prices.");

  catalog
    .command("list")
    .description("List plans with the prices of a price book in force on a date.")
    .option(
      "--on <date>",
      "the date the prices are in force (YYYY-MM-DD; default: the latest)",
      parseDate,
    )
    .option("--line <line>", "a product line id, or a revenue metric such as revenue.network.wan")
    .option("--price-book <id>", "the price book", STANDARD_PRICE_BOOK)
    .addOption(new Option("--limit <n>", "at most n plans").default(50).argParser(parseLimit))
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
A tiered plan (bandwidth_tier, commit_burst) lists one price per bandwidth tier: a contract pays
the smallest tier that covers its bandwidth. Amounts are per month unless the charge model says
otherwise (per_use: per use; one_time: once per unit). Load the shipped standard catalog with
\`uplink import catalog\`.

Examples:
  uplink catalog list --line ip_service --on 2012-09-30
  uplink catalog list --line revenue.network.outsourcing --format json`,
    )
    .action(
      async (
        options: {
          on?: string;
          line?: string;
          priceBook: string;
          limit: number;
          format: OutputFormat;
        },
        command: Command,
      ) => {
        const lineIds = options.line
          ? productLinesMatching(options.line).map((l) => l.id)
          : undefined;
        const { plans, book } = await withStore(command, async (store) => ({
          plans: await listPlans(store.db, { lineIds }),
          book: await loadPriceBook(store.db, options.priceBook),
        }));
        const date = options.on ?? "9999-12-31";
        const rows = plans
          .slice(0, options.limit)
          .map((plan) => ({ plan, prices: entriesInForce(book, plan.id, date) }));
        printPlans(rows, options.priceBook, options.on ?? null, options.format);
      },
    );

  catalog
    .command("lines")
    .description(
      "List the product lines: revenue metric, recurring or one-time, and whether they count toward contracted bandwidth.",
    )
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .action((options: { format: OutputFormat }) => {
      if (options.format === "json") {
        printJson(PRODUCT_LINES);
        return;
      }
      const header = [
        "id",
        "name",
        "segment",
        "revenue_metric",
        "revenue_class",
        "counts_toward_bandwidth",
      ];
      const rows = PRODUCT_LINES.map((l) => [
        l.id,
        l.name,
        l.segment,
        l.revenueMetric,
        l.revenueClass,
        l.countsTowardBandwidth ? "yes" : "no",
      ]);
      if (options.format === "csv") {
        process.stdout.write(renderCsv(header, rows));
        return;
      }
      process.stdout.write(
        renderTable(PRODUCT_LINES, [
          { header: "Line", cell: (l) => l.id },
          { header: "Revenue metric", cell: (l) => l.revenueMetric },
          { header: "Class", cell: (l) => l.revenueClass },
          { header: "Bandwidth KPI", cell: (l) => (l.countsTowardBandwidth ? "yes" : "") },
          { header: "Name", cell: (l) => l.name },
        ]),
      );
    });
}

/** `uplink import plans|prices FILE` and `uplink import catalog [DIR]`. */
export function registerCatalogImports(importCommand: Command): void {
  const after = `
A file with any bad row writes nothing and names the file, line and field; importing the
same file again changes nothing.`;
  importCommand
    .command("plans")
    .description("Import catalog plans from a CSV file with a header: all rows or none.")
    .argument("<file>", "a .csv file")
    .option("--replace", "overwrite stored plans a row changes (otherwise that is an error)")
    .addHelpText(
      "after",
      `
Columns: id, name, line, charge_model, unit (all required). line is a product line id (see
\`uplink catalog lines\`); charge_model is bandwidth_tier, per_unit, commit_burst, per_use,
reseller_net or one_time. Example row:
  ip-service,IP service,ip_service,bandwidth_tier,circuit
${after}`,
    )
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, (store) =>
        importPlanFile(store, file, { replace: options.replace ?? false }),
      );
      printOutcome(outcome);
    });

  importCommand
    .command("prices")
    .description("Import price-book entries from a CSV file with a header: all rows or none.")
    .argument("<file>", "a .csv file")
    .option("--replace", "overwrite stored prices a row changes (otherwise that is an error)")
    .addHelpText(
      "after",
      `
Columns: price_book, plan, effective_from, amount (required); tier_mbps, currency (default
JPY), setup_fee, burst_per_mbps, net_share_percent. Amounts are in major units (yen).
  bandwidth_tier: tier_mbps and the monthly amount of each tier
  commit_burst:   tier_mbps (the commitment), amount, burst_per_mbps
  reseller_net:   amount (gross per unit) and net_share_percent
  per_use:        amount per use; one_time: amount per unit (no set-up fee)
An effective date restates the plan's whole price table from that date on.
Example rows:
  standard,ip-service,2012-04-01,1000,JPY,1620000,50000,,
  standard,atm-withdrawal,2007-10-01,,JPY,120,,,
${after}`,
    )
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, (store) =>
        importPriceFile(store, file, { replace: options.replace ?? false }),
      );
      printOutcome(outcome);
    });

  importCommand
    .command("catalog")
    .description("Import the shipped standard catalog (plans and prices) in one transaction.")
    .argument("[dir]", "a folder holding plans.csv and prices.csv instead of the shipped one")
    .option("--replace", "overwrite stored plans and prices that differ")
    .addHelpText("after", `\nThe shipped catalog is in ${standardCatalogDirectory()}.${after}`)
    .action(async (dir: string | undefined, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, (store) =>
        importStandardCatalog(store, {
          replace: options.replace ?? false,
          ...(dir === undefined ? {} : { directory: dir }),
        }),
      );
      printOutcome(outcome.plans);
      printOutcome(outcome.prices);
    });
}

function printOutcome(outcome: CatalogImportOutcome): void {
  process.stdout.write(
    `${outcome.file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
  );
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new InvalidArgumentError("Give a date as YYYY-MM-DD, e.g. 2012-09-30.");
  }
  try {
    periodContaining(value, "month");
  } catch {
    throw new InvalidArgumentError(`${value} is not a calendar date.`);
  }
  return value;
}

function amountJson(m: Money | null): number | null {
  return m === null ? null : Number(m.amount);
}

function printPlans(
  rows: readonly { plan: Plan; prices: PriceEntry[] }[],
  priceBook: string,
  on: string | null,
  format: OutputFormat,
): void {
  if (format === "json") {
    printJson(
      rows.map(({ plan, prices }) => ({
        id: plan.id,
        name: plan.name,
        line: plan.lineId,
        revenueMetric: productLineById(plan.lineId).revenueMetric,
        chargeModel: plan.chargeModel,
        unit: plan.unit,
        priceBook,
        on,
        prices: prices.map((e) => ({
          effectiveFrom: e.effectiveFrom,
          tierMbps: e.tierMbps === 0 ? null : e.tierMbps,
          currency: e.amount.currency,
          amount: amountJson(e.amount),
          setupFee: amountJson(e.setupFee),
          burstPerMbps: amountJson(e.burstPerMbps),
          netSharePercent: e.netSharePercent?.toFixed() ?? null,
        })),
      })),
    );
    return;
  }
  const flat = rows.flatMap(({ plan, prices }): { plan: Plan; entry: PriceEntry | undefined }[] =>
    prices.length === 0 ? [{ plan, entry: undefined }] : prices.map((entry) => ({ plan, entry })),
  );
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        [
          "plan",
          "line",
          "charge_model",
          "unit",
          "effective_from",
          "tier_mbps",
          "currency",
          "amount",
          "setup_fee",
          "burst_per_mbps",
          "net_share_percent",
        ],
        flat.map(({ plan, entry }) => [
          plan.id,
          plan.lineId,
          plan.chargeModel,
          plan.unit,
          entry?.effectiveFrom ?? "",
          entry && entry.tierMbps > 0 ? entry.tierMbps : "",
          entry?.amount.currency ?? "",
          entry?.amount.amount ?? "",
          entry?.setupFee?.amount ?? "",
          entry?.burstPerMbps?.amount ?? "",
          entry?.netSharePercent?.toFixed() ?? "",
        ]),
      ),
    );
    return;
  }
  if (flat.length === 0) {
    process.stdout.write(
      "No plans match; load the standard catalog with `uplink import catalog`.\n",
    );
    return;
  }
  const money = (m: Money | null | undefined) => (m ? formatMoney(m) : "");
  process.stdout.write(
    renderTable(flat, [
      { header: "Plan", cell: (r) => r.plan.id },
      { header: "Line", cell: (r) => r.plan.lineId },
      { header: "Model", cell: (r) => r.plan.chargeModel },
      {
        header: "Tier",
        align: "right",
        cell: (r) => (r.entry && r.entry.tierMbps > 0 ? bandwidth(r.entry.tierMbps) : ""),
      },
      {
        header: "Price",
        align: "right",
        cell: (r) => (r.entry ? money(r.entry.amount) : "no price"),
      },
      { header: "Per", cell: (r) => per(r.plan) },
      { header: "Set-up", align: "right", cell: (r) => money(r.entry?.setupFee) },
      { header: "Burst/Mbps", align: "right", cell: (r) => money(r.entry?.burstPerMbps) },
      { header: "Net %", align: "right", cell: (r) => r.entry?.netSharePercent?.toFixed() ?? "" },
      { header: "From", cell: (r) => r.entry?.effectiveFrom ?? "" },
    ]),
  );
}

function bandwidth(mbps: number): string {
  return mbps >= 1000 && mbps % 1000 === 0 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`;
}

function per(plan: Plan): string {
  switch (plan.chargeModel) {
    case "bandwidth_tier":
    case "commit_burst":
      return `${plan.unit}/month`;
    case "per_use":
      return plan.unit;
    case "one_time":
      return `${plan.unit} (once)`;
    default:
      return `${plan.unit}/month`;
  }
}
