import { type Command, InvalidArgumentError, Option } from "commander";
import { UplinkError } from "../../core/index.js";
import {
  type CounterImportOutcome,
  contractOwners,
  importCloudUsageFile,
  importCounterFile,
  importSampleFile,
  importWithdrawalFile,
  isUsageMonth,
  type MonthlyPercentile,
  monthlyPercentile,
  type UsageImportOutcome,
} from "../../metering/index.js";
import type { Store } from "../../store/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { formatNumber, renderTable } from "../text-table.js";

/**
 * `uplink import samples|counters|withdrawals|cloud-usage FILE` (added to the `import` command)
 * and `uplink usage percentile`.
 */
export function registerUsageCommand(program: Command, importCommand: Command): void {
  registerUsageImports(importCommand);
  const usage = program
    .command("usage")
    .description("Look at metered usage: traffic samples and the month's 95th percentile.");
  usage
    .command("percentile")
    .description(
      "A contract's 95th-percentile rate of a month: in, out and billed, with sample counts.",
    )
    .requiredOption("--contract <id>", "the contract, e.g. CT000001")
    .requiredOption("--month <YYYY-MM>", "the month, e.g. 2012-09", parseMonth)
    .addOption(
      new Option("-f, --format <format>", "table or json")
        .default("table")
        .argParser(parseFormat(["table", "json"])),
    )
    .addHelpText(
      "after",
      `
The rule (burstable billing): per direction, take the month's 5-minute samples that are present
(n of them: missing windows are not invented), order them, discard the top 5% and bill the highest
remaining, the sample at rank ceil(0.95 × n); the billed rate is the greater of in and out. A
contract measured on several router ports has its ports summed per window first.`,
    )
    .action(
      async (
        options: { contract: string; month: string; format: OutputFormat },
        command: Command,
      ) => {
        const reading = await withStore(command, async (store) => {
          await requireContract(store, options.contract);
          return monthlyPercentile(store.db, options.contract, options.month);
        });
        if (options.format === "json") printJson({ id: reading.contractId, ...reading });
        else process.stdout.write(describePercentile(reading));
      },
    );
}

function registerUsageImports(importCommand: Command): void {
  const kinds: {
    name: string;
    description: string;
    columns: string;
    run: (
      store: Store,
      file: string,
      options: { replace?: boolean; month?: string },
    ) => Promise<UsageImportOutcome>;
  }[] = [
    {
      name: "samples",
      description: "5-minute traffic samples per contract, in bits per second each way.",
      columns: `contract_id, timestamp, in_bps, out_bps. The timestamp is the start of the sample's
5-minute window in UTC (2012-09-01T00:05:00Z); rates are whole bits per second, never negative.`,
      run: importSampleFile,
    },
    {
      name: "counters",
      description: "Router interface octet counters, turned into 5-minute rates per port.",
      columns: `contract_id, port, timestamp, in_octets, out_octets, counter_bits (32 or 64);
optional reset (1 when the device restarted since the previous reading) and line_rate_bps (the
port's speed). Each interval between two readings of a port becomes the rate of the window holding
its midpoint; a counter that went down is one wrap if that fits the line rate, else a reset, and a
reset is never billed as a burst. A contract's ports are summed per window.`,
      run: importCounterFile,
    },
    {
      name: "withdrawals",
      description: "ATM withdrawals per ATM per day.",
      columns: "atm_id, day (YYYY-MM-DD), count. The ATM must be in place on that day.",
      run: importWithdrawalFile,
    },
    {
      name: "cloud-usage",
      description: "Cloud resource usage per contract per day.",
      columns: `contract_id, day (YYYY-MM-DD), resource (a lower-case name such as vcpu_hours),
quantity (an exact decimal, never negative).`,
      run: importCloudUsageFile,
    },
  ];
  for (const kind of kinds) {
    importCommand
      .command(kind.name)
      .description(kind.description)
      .argument("<file>", "a CSV file with a header row")
      .option(
        "--month <YYYY-MM>",
        "the month the file holds (default: its first record's)",
        parseMonth,
      )
      .option(
        "--replace",
        "overwrite stored usage whose value differs (otherwise that is an error)",
      )
      .addHelpText(
        "after",
        `
Columns: ${kind.columns}

A file holds one month. A file with any bad row writes nothing; importing the same file again
changes nothing.`,
      )
      .action(
        async (file: string, options: { month?: string; replace?: boolean }, command: Command) => {
          const outcome = await withStore(command, (store) => kind.run(store, file, options));
          process.stdout.write(describeImport(outcome));
        },
      );
  }
}

function describeImport(outcome: UsageImportOutcome): string {
  const counted = `${formatNumber(outcome.added)} added, ${formatNumber(outcome.replaced)} replaced, ${formatNumber(outcome.unchanged)} unchanged`;
  const repeat = outcome.repeated ? " (this file was imported before)" : "";
  const lines = [`${outcome.file}: ${counted}${repeat}.`];
  if (outcome.kind === "counters") {
    const counters = outcome as CounterImportOutcome;
    const dropped = Object.entries(counters.dropped)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${formatNumber(n)} ${reason}`);
    lines.push(
      `  from ${formatNumber(counters.readings)} readings; intervals not billed: ${
        dropped.length > 0 ? dropped.join(", ") : "none"
      }.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function describePercentile(reading: MonthlyPercentile): string {
  const rows = [
    { direction: "In", bps: reading.inBps, samples: reading.inSamples },
    { direction: "Out", bps: reading.outBps, samples: reading.outSamples },
    { direction: "Billed", bps: reading.billedBps, samples: null },
  ];
  const heading = `${reading.contractId}, ${reading.month}: 95th percentile of ${formatNumber(reading.inSamples)} of ${formatNumber(reading.windows)} five-minute windows\n\n`;
  return (
    heading +
    renderTable(rows, [
      { header: "Direction", cell: (r) => r.direction },
      {
        header: "bps",
        align: "right",
        cell: (r) => (r.bps === null ? "no samples" : formatNumber(r.bps)),
      },
      {
        header: "Mbps",
        align: "right",
        cell: (r) => formatNumber(r.bps === null ? null : r.bps / 1e6, 2),
      },
      { header: "Samples", align: "right", cell: (r) => formatNumber(r.samples) },
    ])
  );
}

async function requireContract(store: Store, contractId: string): Promise<void> {
  const owners = await contractOwners(store.db, [contractId]);
  if (!owners.has(contractId)) {
    throw new UplinkError(
      "NOT_FOUND",
      `No contract "${contractId}"; \`uplink contracts list\` lists them.`,
    );
  }
}

function parseMonth(value: string): string {
  if (!isUsageMonth(value))
    throw new InvalidArgumentError("Write the month as YYYY-MM, e.g. 2012-09.");
  return value;
}
