import { type Command, InvalidArgumentError, Option } from "commander";
import { listPlans, productLinesMatching } from "../../catalog/index.js";
import {
  CONTRACT_STATUSES,
  type ContractEvent,
  type ContractedBandwidth,
  type ContractState,
  type ContractStatus,
  contractedBandwidthAt,
  contractedBandwidthAtQuarterEnds,
  contractStateOn,
  findContractHistory,
  importContractFile,
  latestContractState,
  listContracts,
} from "../../contracts/index.js";
import {
  type Decimal,
  formatMoney,
  type Money,
  parsePeriod,
  periodContaining,
  UplinkError,
} from "../../core/index.js";
import { calendarFromEnv, withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

/** `uplink contracts list|show|bandwidth`. */
export function registerContractsCommand(program: Command): void {
  const contracts = program
    .command("contracts")
    .description(
      "Look up service contracts, their histories and the contracted-bandwidth KPIs on any date.",
    );

  contracts
    .command("list")
    .description("List contracts as they stand on a date (default: after every recorded event).")
    .option("--customer <id>", "only this customer's contracts")
    .option("--line <line>", "a product line id, or a revenue metric such as revenue.network.wan")
    .addOption(
      new Option("--status <status>", "only contracts in this status on the date").choices(
        CONTRACT_STATUSES,
      ),
    )
    .option("--on <date>", "fold the histories to this date (YYYY-MM-DD)", parseDate)
    .addOption(new Option("--limit <n>", "at most n contracts").default(50).argParser(parseLimit))
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
Statuses: ordered (not yet live), active, cancelled. An event takes effect from the start of
its date, so a contract cancelled on 2012-10-01 is active through 2012-09-30.
A monthly fee shown as "list" follows the price book (see \`uplink catalog list\`).

Examples:
  uplink contracts list --customer C00001
  uplink contracts list --line ip_service --status active --on 2012-09-30 --limit 1000`,
    )
    .action(
      async (
        options: {
          customer?: string;
          line?: string;
          status?: ContractStatus;
          on?: string;
          limit: number;
          format: OutputFormat;
        },
        command: Command,
      ) => {
        const lineIds = options.line
          ? productLinesMatching(options.line).map((l) => l.id)
          : undefined;
        const { states, lineOf } = await withStore(command, async (store) => ({
          states: await listContracts(store.db, {
            customerId: options.customer,
            lineIds,
            status: options.status,
            on: options.on,
            limit: options.limit,
          }),
          lineOf: new Map((await listPlans(store.db)).map((p) => [p.id, p.lineId])),
        }));
        printContracts(states, lineOf, options.on ?? null, options.format);
      },
    );

  contracts
    .command("show")
    .description("Show one contract: its state on a date and its whole history.")
    .argument("<id>", "the contract id, e.g. CT000001")
    .option("--on <date>", "the date of the state shown (default: after every event)", parseDate)
    .addOption(
      new Option("-f, --format <format>", "text or json").default("text").choices(["text", "json"]),
    )
    .action(
      async (id: string, options: { on?: string; format: "text" | "json" }, command: Command) => {
        const history = await withStore(command, (store) => findContractHistory(store.db, id));
        const state =
          options.on === undefined
            ? latestContractState(history.events)
            : contractStateOn(history.events, options.on);
        if (options.format === "json") {
          printJson({
            id: history.contractId,
            customer: history.customerId,
            plan: history.planId,
            priceBook: history.priceBookId,
            on: options.on ?? null,
            state: state ? stateJson(state, options.on ?? null) : null,
            history: history.events.map(eventJson),
          });
          return;
        }
        const lines = [
          `${history.contractId}  customer ${history.customerId}, plan ${history.planId} (price book ${history.priceBookId})`,
          state
            ? `  ${options.on ? `on ${options.on}` : "now"}: ${state.status}, ${describeTerms(state)}`
            : `  on ${options.on}: not yet ordered`,
          "",
          renderTable(history.events, [
            { header: "Date", cell: (e) => e.effectiveDate },
            { header: "Event", cell: (e) => e.kind },
            { header: "Bandwidth", align: "right", cell: (e) => bandwidth(e.bandwidthMbps) },
            {
              header: "Qty",
              align: "right",
              cell: (e) => (e.quantity === null ? "" : String(e.quantity)),
            },
            { header: "Monthly fee", align: "right", cell: (e) => moneyText(e.monthlyFee) },
            { header: "Note", cell: (e) => e.note },
          ]).trimEnd(),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      },
    );

  contracts
    .command("bandwidth")
    .description(
      "Total contracted bandwidth (Gbps) and contracts of 1 Gbps or more, on a date or at quarter ends.",
    )
    .option("--on <date>", "on this date (YYYY-MM-DD)", parseDate)
    .option("--period <period>", "at each quarter end of a period: 2Q12, 1H12, FY11")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
The total is the sum over active contracts of IP service, data-center connectivity and
fiber/DSL access of bandwidth × quantity (1 Gbps = 1,000 Mbps), as the presentation defines
kpi.contracted_bandwidth_gbps; kpi.contracts_over_1gbps counts those contracts at 1 Gbps
or more per circuit. Without --on or --period: after every recorded event.

Examples:
  uplink contracts bandwidth --on 2012-09-30
  uplink contracts bandwidth --period FY11`,
    )
    .action(
      async (options: { on?: string; period?: string; format: OutputFormat }, command: Command) => {
        if (options.on && options.period) {
          throw new UplinkError("INVALID_INPUT", "Give --on or --period, not both.");
        }
        const calendar = calendarFromEnv();
        const period = options.period ? parsePeriod(options.period, calendar) : undefined;
        const rows = await withStore(
          command,
          async (store): Promise<(ContractedBandwidth & { period: string | null })[]> => {
            if (period) return contractedBandwidthAtQuarterEnds(store.db, period, calendar);
            const [result] = await contractedBandwidthAt(store.db, [options.on ?? LATEST]);
            return [{ ...result!, period: null }];
          },
        );
        printBandwidth(rows, options.format);
      },
    );
}

/** `uplink import contracts FILE`. */
export function registerContractImports(importCommand: Command): void {
  importCommand
    .command("contracts")
    .description("Import contract events (one row per event) from a CSV file: all rows or none.")
    .argument("<file>", "a .csv file")
    .addHelpText(
      "after",
      `
Columns: contract, customer, event, effective_date (required); plan, bandwidth_mbps,
quantity, monthly_fee, currency (default JPY), price_book (default standard), note.
  ordered:   plan (and bandwidth_mbps for bandwidth-priced or -counted plans); quantity
             defaults to 1; monthly_fee overrides the price book
  activated: the contract goes live (terms may be given again)
  changed:   any of bandwidth_mbps, quantity, monthly_fee
  cancelled: no terms
An event takes effect from the start of its date. Example rows:
  CT000001,C00001,ip-service,ordered,2011-05-10,1000,1,,,,
  CT000001,C00001,,activated,2011-06-01,,,,,,
  CT000001,C00001,,changed,2012-07-16,2000,,2600000,JPY,,upgrade to 2 Gbps
  CT000001,C00001,,cancelled,2012-10-01,,,,,,

A contract's history is never edited: a row differing from a stored event is refused (record
a "changed" event instead). A file with any bad row writes nothing and names the file, line
and field; importing the same file again changes nothing.`,
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const outcome = await withStore(command, (store) => importContractFile(store, file));
      process.stdout.write(
        `${outcome.file}: ${outcome.added} added, ${outcome.unchanged} unchanged.\n`,
      );
    });
}

// Folding to a date after every event gives the state the record holds now.
const LATEST = "9999-12-31";

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

function moneyText(m: Money | null): string {
  return m === null ? "" : formatMoney(m);
}

function moneyJson(m: Money | null): { amount: number; currency: string } | null {
  return m === null ? null : { amount: Number(m.amount), currency: m.currency };
}

function bandwidth(mbps: number | null): string {
  if (mbps === null) return "";
  return mbps >= 1000 && mbps % 1000 === 0 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`;
}

function describeTerms(state: ContractState): string {
  const parts = [
    state.bandwidthMbps === null ? undefined : bandwidth(state.bandwidthMbps),
    `quantity ${state.quantity}`,
    state.monthlyFee ? `${formatMoney(state.monthlyFee)} a month` : "list price",
    `ordered ${state.orderedOn}`,
    state.activatedOn ? `active from ${state.activatedOn}` : undefined,
    state.changedOn ? `last changed ${state.changedOn}` : undefined,
    state.cancelledOn ? `cancelled from ${state.cancelledOn}` : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(", ");
}

function stateJson(state: ContractState, on: string | null) {
  return {
    status: state.status,
    bandwidthMbps: state.bandwidthMbps,
    quantity: state.quantity,
    monthlyFee: moneyJson(state.monthlyFee),
    orderedOn: state.orderedOn,
    activatedOn: state.activatedOn,
    changedOn: state.changedOn,
    cancelledOn: state.cancelledOn,
    on,
  };
}

function eventJson(event: ContractEvent) {
  return {
    effectiveDate: event.effectiveDate,
    event: event.kind,
    bandwidthMbps: event.bandwidthMbps,
    quantity: event.quantity,
    monthlyFee: moneyJson(event.monthlyFee),
    note: event.note,
  };
}

function printContracts(
  states: readonly ContractState[],
  lineOf: ReadonlyMap<string, string>,
  on: string | null,
  format: OutputFormat,
): void {
  if (format === "json") {
    printJson(
      states.map((s) => ({
        id: s.contractId,
        customer: s.customerId,
        plan: s.planId,
        line: lineOf.get(s.planId) ?? null,
        priceBook: s.priceBookId,
        ...stateJson(s, on),
      })),
    );
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        [
          "id",
          "customer",
          "plan",
          "line",
          "status",
          "bandwidth_mbps",
          "quantity",
          "monthly_fee",
          "currency",
          "ordered_on",
          "activated_on",
          "changed_on",
          "cancelled_on",
        ],
        states.map((s) => [
          s.contractId,
          s.customerId,
          s.planId,
          lineOf.get(s.planId) ?? "",
          s.status,
          s.bandwidthMbps ?? "",
          s.quantity,
          s.monthlyFee?.amount ?? "",
          s.monthlyFee?.currency ?? "",
          s.orderedOn,
          s.activatedOn ?? "",
          s.changedOn ?? "",
          s.cancelledOn ?? "",
        ]),
      ),
    );
    return;
  }
  if (states.length === 0) {
    process.stdout.write("No contracts match.\n");
    return;
  }
  process.stdout.write(
    renderTable(states, [
      { header: "Contract", cell: (s) => s.contractId },
      { header: "Customer", cell: (s) => s.customerId },
      { header: "Plan", cell: (s) => s.planId },
      { header: "Line", cell: (s) => lineOf.get(s.planId) ?? "" },
      { header: "Status", cell: (s) => s.status },
      { header: "Bandwidth", align: "right", cell: (s) => bandwidth(s.bandwidthMbps) },
      { header: "Qty", align: "right", cell: (s) => String(s.quantity) },
      {
        header: "Monthly fee",
        align: "right",
        cell: (s) => (s.monthlyFee ? formatMoney(s.monthlyFee) : "list"),
      },
      { header: "Ordered", cell: (s) => s.orderedOn },
      { header: "Active from", cell: (s) => s.activatedOn ?? "" },
      { header: "Cancelled", cell: (s) => s.cancelledOn ?? "" },
    ]),
  );
}

/** An exact decimal with thousands separators and every digit it has: 1003.3 → "1,003.3". */
function exact(value: Decimal): string {
  const [whole = "0", fraction] = value.toFixed().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function printBandwidth(
  rows: readonly (ContractedBandwidth & { period: string | null })[],
  format: OutputFormat,
): void {
  const dateOf = (r: ContractedBandwidth) => (r.date === LATEST ? "latest" : r.date);
  if (format === "json") {
    printJson(
      rows.map((r) => ({
        id: r.period ?? dateOf(r),
        period: r.period,
        date: dateOf(r),
        contractedBandwidthGbps: r.gbps.toFixed(),
        contractedBandwidthMbps: Number(r.totalMbps),
        contracts: r.contracts,
        contractsOver1Gbps: r.contractsOver1Gbps,
      })),
    );
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        ["period", "date", "contracted_bandwidth_gbps", "contracts", "contracts_over_1gbps"],
        rows.map((r) => [
          r.period ?? "",
          dateOf(r),
          r.gbps.toFixed(),
          r.contracts,
          r.contractsOver1Gbps,
        ]),
      ),
    );
    return;
  }
  process.stdout.write(
    renderTable(rows, [
      { header: "Period", cell: (r) => r.period ?? "" },
      { header: "Date", cell: dateOf },
      { header: "Contracted Gbps", align: "right", cell: (r) => exact(r.gbps) },
      { header: "Contracts", align: "right", cell: (r) => r.contracts.toLocaleString("en-US") },
      {
        header: "Over 1 Gbps",
        align: "right",
        cell: (r) => r.contractsOver1Gbps.toLocaleString("en-US"),
      },
    ]),
  );
}
