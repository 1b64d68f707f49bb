import { type Command, InvalidArgumentError, Option } from "commander";
import {
  type FiscalCalendar,
  formatPeriod,
  isCalendarDate,
  parsePeriod,
  periodEnd,
  periodStart,
  UplinkError,
} from "../../core/index.js";
import {
  type Atm,
  atmCountOn,
  backlogOn,
  COST_SEGMENTS,
  type CostRecord,
  type CostSegment,
  costMetricId,
  costRecordKey,
  costsByMonth,
  type EquipmentDelivery,
  findProject,
  followingProjects,
  importAtmFile,
  importCostFile,
  importDeliveryFile,
  importProgressFile,
  importProjectFile,
  listAtms,
  listCostRecords,
  listDeliveries,
  listProjects,
  orderBacklog,
  ordersReceived,
  PROJECT_KINDS,
  type ProgressReport,
  type ProjectKind,
  percentCompleteOn,
  progressReportsOf,
  recognizedThrough,
  type SiProject,
} from "../../operations/index.js";
import { calendarFromEnv, withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

/**
 * `uplink projects|deliveries|atms|costs …`: look up SI projects (with orders received and
 * backlog), equipment deliveries, ATMs and monthly costs.
 */
export function registerOperationsCommands(program: Command): void {
  registerProjects(program);
  registerDeliveries(program);
  registerAtms(program);
  registerCosts(program);
}

/** `uplink import projects|project-progress|deliveries|atms|costs FILE`. */
export function registerOperationsImports(importCommand: Command): void {
  const kinds: {
    name: string;
    what: string;
    run: typeof importProjectFile;
    columns: string;
  }[] = [
    {
      name: "projects",
      what: "SI projects: orders received, recognition method, acceptance, O&M terms",
      run: importProjectFile,
      columns: `Columns: id, customer, kind, ordered_on (required); name, recognition, order_value_yen,
follows_project, accepted_on, starts_on, ends_on, monthly_fee_yen.
  construction: recognition percentage_of_completion | on_acceptance, order_value_yen,
                accepted_on once the customer has accepted the work
  operation:    starts_on (1st of a month), ends_on (last of a month), monthly_fee_yen;
                order_value_yen may be left empty (fee × months); follows_project names
                the construction project it operates
Example:
  id,customer,name,kind,recognition,ordered_on,order_value_yen,follows_project,accepted_on,starts_on,ends_on,monthly_fee_yen
  P1,C00001,Campus network,construction,percentage_of_completion,2012-04-10,10000000,,,,,
  P3,C00002,FX O&M,operation,,2012-03-15,,P2,,2012-04-01,2013-03-31,500000
Record a later acceptance by importing the changed row with --replace.`,
    },
    {
      name: "project-progress",
      what: "percent complete of percentage-of-completion projects by date",
      run: importProgressFile,
      columns: `Columns: project, reported_on, percent_complete (exact decimal, 0–100).
Example:
  project,reported_on,percent_complete
  P1,2012-09-30,62.5
A report must fall between the project's order and its acceptance.`,
    },
    {
      name: "deliveries",
      what: "equipment sold and delivered to customers",
      run: importDeliveryFile,
      columns: `Columns: id, customer, delivered_on, amount_yen, cost_yen (required); project,
ordered_on (default: delivered_on), description.
Example:
  id,customer,project,ordered_on,delivered_on,amount_yen,cost_yen,description
  D1,C00001,P1,2012-08-20,2012-10-05,800000,600000,core routers
Until delivery the order counts in the construction order backlog.`,
    },
    {
      name: "atms",
      what: "ATMs placed (and removed) by date, with the group company operating them",
      run: importAtmFile,
      columns: `Columns: id, location, placed_on, group_company (required); removed_on.
Example:
  id,location,placed_on,removed_on,group_company
  A001,Shinjuku,2011-06-01,,trust-networks
Record a later removal by importing the changed row with --replace.`,
    },
    {
      name: "costs",
      what: "monthly cost of revenues by segment and category, and SG&A/R&D",
      run: importCostFile,
      columns: `Columns: month (YYYY-MM), group_company, segment, category, amount_yen.
Segments and their categories:
  network:   circuit, network_operation, personnel, outsourcing, other
  si:        purchasing, outsourcing, personnel, network_operation, other
  equipment: purchasing, other
  atm:       purchasing, other
  sga:       sales_marketing, general_admin, rnd
Example:
  month,group_company,segment,category,amount_yen
  2012-09,iij,network,circuit,2000000000
One amount per group company, month, segment and category.`,
    },
  ];
  for (const kind of kinds) {
    importCommand
      .command(kind.name)
      .description(`Import ${kind.what}.`)
      .argument("<file>", "a CSV file with a header row")
      .option("--replace", "overwrite stored records a row changes (otherwise that is an error)")
      .addHelpText(
        "after",
        `
${kind.columns}

Dates are YYYY-MM-DD, amounts whole yen without separators. A file with any bad row writes
nothing, and the error names file, line and field; importing the same file again changes nothing.`,
      )
      .action(async (file: string, options: { replace?: boolean }, command: Command) => {
        const outcome = await withStore(command, (store) =>
          kind.run(store, file, { replace: options.replace ?? false }),
        );
        process.stdout.write(
          `${file}: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
        );
      });
  }
}

function registerProjects(program: Command): void {
  const projects = program
    .command("projects")
    .description("SI projects: orders received, progress, acceptance, order backlog.");

  projects
    .command("list")
    .description("List SI projects, oldest order first.")
    .option("--customer <id>", "only this customer's projects")
    .addOption(new Option("--kind <kind>", "construction or operation").choices([...PROJECT_KINDS]))
    .addOption(limitOption())
    .addOption(formatOption(["table", "json", "csv"]))
    .action(
      async (
        options: { customer?: string; kind?: ProjectKind; limit: number; format: OutputFormat },
        command: Command,
      ) => {
        const rows = await withStore(command, (store) =>
          listProjects(store.db, {
            customerId: options.customer,
            kind: options.kind,
            limit: options.limit,
          }),
        );
        printRecords(rows, options.format, projectColumns, projectRecord, "No projects match.");
      },
    );

  projects
    .command("show")
    .description("Show one project: its order, its progress and acceptance, what follows it.")
    .argument("<id>", "the project id, e.g. P000123")
    .addOption(
      new Option("--on <date>", "also its % complete and backlog on this day").argParser(parseDate),
    )
    .addOption(formatOption(["table", "json"]))
    .action(
      async (id: string, options: { on?: string; format: OutputFormat }, command: Command) => {
        const found = await withStore(command, async (store) => {
          const project = await findProject(store.db, id);
          if (!project) return undefined;
          const reports = (await progressReportsOf(store.db, [id])).get(id) ?? [];
          return { project, reports, following: await followingProjects(store.db, id) };
        });
        if (!found) {
          throw new UplinkError(
            "NOT_FOUND",
            `No project "${id}"; \`uplink projects list\` lists them.`,
          );
        }
        printProject(found.project, found.reports, found.following, options.on, options.format);
      },
    );

  projects
    .command("backlog")
    .description("Orders received in a period and the order backlog at a day or a period's end.")
    .addOption(new Option("--on <date>", "the backlog at the end of this day").argParser(parseDate))
    .option("-p, --period <period>", "orders received in this period, backlog at its end (2Q12)")
    .addOption(formatOption(["table", "json", "csv"]))
    .addHelpText(
      "after",
      `
Construction figures include equipment sales orders, as the presentation counts them; the
"of which equipment" lines show that part. Backlog is the order value not yet recognised as
revenue: by percentage of completion, on acceptance, or the O&M months still to run.`,
    )
    .action(
      async (options: { on?: string; period?: string; format: OutputFormat }, command: Command) => {
        if ((options.on === undefined) === (options.period === undefined)) {
          throw new UplinkError("INVALID_INPUT", "Give either --on DATE or --period PERIOD.");
        }
        const calendar = calendarFromEnv();
        const period = options.period ? parsePeriod(options.period, calendar) : undefined;
        const on = period ? periodEnd(period, calendar) : options.on!;
        const lines = await withStore(command, async (store) => {
          const backlog = await backlogOn(store.db, on);
          const received = period ? await ordersReceived(store.db, period, calendar) : undefined;
          return orderLines(
            backlog,
            received,
            on,
            period ? formatPeriod(period, calendar) : undefined,
          );
        });
        printOrderLines(lines, options.format);
      },
    );
}

function registerDeliveries(program: Command): void {
  program
    .command("deliveries")
    .description("Equipment deliveries.")
    .command("list")
    .description("List equipment deliveries, oldest first.")
    .option("--customer <id>", "only this customer's deliveries")
    .option("-p, --period <period>", "only those delivered in this period (2Q12, 2012-09)")
    .addOption(limitOption())
    .addOption(formatOption(["table", "json", "csv"]))
    .action(
      async (
        options: { customer?: string; period?: string; limit: number; format: OutputFormat },
        command: Command,
      ) => {
        const range = options.period ? dateRange(options.period, calendarFromEnv()) : undefined;
        const rows = await withStore(command, (store) =>
          listDeliveries(store.db, {
            customerId: options.customer,
            deliveredFrom: range?.from,
            deliveredTo: range?.to,
            limit: options.limit,
          }),
        );
        printRecords(rows, options.format, deliveryColumns, deliveryRecord, "No deliveries match.");
      },
    );
}

function registerAtms(program: Command): void {
  const atms = program.command("atms").description("ATMs placed and removed, and their count.");
  atms
    .command("list")
    .description("List ATMs, earliest placed first.")
    .addOption(
      new Option("--on <date>", "only ATMs in place at the end of this day").argParser(parseDate),
    )
    .option("--group-company <id>", "only ATMs this group company operates")
    .addOption(limitOption())
    .addOption(formatOption(["table", "json", "csv"]))
    .action(
      async (
        options: { on?: string; groupCompany?: string; limit: number; format: OutputFormat },
        command: Command,
      ) => {
        const rows = await withStore(command, (store) =>
          listAtms(store.db, {
            on: options.on,
            groupCompanyId: options.groupCompany,
            limit: options.limit,
          }),
        );
        printRecords(rows, options.format, atmColumns, atmRecord, "No ATMs match.");
      },
    );
  atms
    .command("count")
    .description("The number of ATMs in place at the end of a day or a period (kpi.atm_units).")
    .addOption(new Option("--on <date>", "at the end of this day").argParser(parseDate))
    .option("-p, --period <period>", "at the end of this period (2Q12)")
    .action(async (options: { on?: string; period?: string }, command: Command) => {
      if ((options.on === undefined) === (options.period === undefined)) {
        throw new UplinkError("INVALID_INPUT", "Give either --on DATE or --period PERIOD.");
      }
      const calendar = calendarFromEnv();
      const on = options.period
        ? periodEnd(parsePeriod(options.period, calendar), calendar)
        : options.on!;
      const count = await withStore(command, (store) => atmCountOn(store.db, on));
      process.stdout.write(`${count} ATMs in place on ${on}.\n`);
    });
}

function registerCosts(program: Command): void {
  const costs = program
    .command("costs")
    .description("Monthly cost of revenues by segment and category, and SG&A/R&D.");
  costs
    .command("list")
    .description("List cost records by month.")
    .option("-p, --period <period>", "only the months of this period (2Q12, FY12, 2012-09)")
    .addOption(new Option("--segment <segment>", "only this segment").choices([...COST_SEGMENTS]))
    .option("--group-company <id>", "only this group company's costs")
    .addOption(limitOption())
    .addOption(formatOption(["table", "json", "csv"]))
    .action(
      async (
        options: {
          period?: string;
          segment?: CostSegment;
          groupCompany?: string;
          limit: number;
          format: OutputFormat;
        },
        command: Command,
      ) => {
        const range = options.period ? dateRange(options.period, calendarFromEnv()) : undefined;
        const rows = await withStore(command, (store) =>
          listCostRecords(store.db, {
            fromMonth: range?.from.slice(0, 7),
            toMonth: range?.to.slice(0, 7),
            segment: options.segment,
            groupCompanyId: options.groupCompany,
            limit: options.limit,
          }),
        );
        printRecords(rows, options.format, costColumns, costRecordJson, "No cost records match.");
      },
    );
  costs
    .command("summary")
    .description(
      "Costs of a period summed per catalogue metric (cost.network.circuit, sga.rnd, …).",
    )
    .requiredOption("-p, --period <period>", "the period, e.g. 2Q12")
    .addOption(formatOption(["table", "json", "csv"]))
    .action(async (options: { period: string; format: OutputFormat }, command: Command) => {
      const calendar = calendarFromEnv();
      const period = parsePeriod(options.period, calendar);
      const monthly = await withStore(command, (store) =>
        costsByMonth(store.db, {
          fromMonth: periodStart(period, calendar).slice(0, 7),
          toMonth: periodEnd(period, calendar).slice(0, 7),
        }),
      );
      const totals = new Map<string, bigint>();
      for (const m of monthly) totals.set(m.metric, (totals.get(m.metric) ?? 0n) + m.amountYen);
      const rows = [...totals.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([metric, amountYen]) => ({ metric, amountYen }));
      const label = formatPeriod(period, calendar);
      if (options.format === "json") {
        printJson(
          rows.map((r) => ({
            id: `${r.metric}@${label}`,
            metric: r.metric,
            period: label,
            amount_yen: yenJson(r.amountYen),
          })),
        );
      } else if (options.format === "csv") {
        process.stdout.write(
          renderCsv(
            ["metric", "period", "amount_yen"],
            rows.map((r) => [r.metric, label, r.amountYen]),
          ),
        );
      } else if (rows.length === 0) {
        process.stdout.write(`No costs recorded in ${label}.\n`);
      } else {
        process.stdout.write(
          renderTable(rows, [
            { header: "Metric", cell: (r) => r.metric },
            { header: `${label} (yen)`, align: "right", cell: (r) => formatYen(r.amountYen) },
          ]),
        );
      }
    });
}

// --- rendering ---------------------------------------------------------------------------------

/** A column of a list: its table header and cell, its CSV name and raw value. */
interface RecordColumn<T> {
  readonly header: string;
  readonly align?: "left" | "right";
  readonly cell: (row: T) => string;
  readonly csv: string;
  readonly value: (row: T) => unknown;
}

function printRecords<T>(
  rows: readonly T[],
  format: OutputFormat,
  columns: readonly RecordColumn<T>[],
  json: (row: T) => Record<string, unknown>,
  empty: string,
): void {
  if (format === "json") {
    printJson(rows.map(json));
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        columns.map((c) => c.csv),
        rows.map((row) => columns.map((c) => c.value(row))),
      ),
    );
    return;
  }
  if (rows.length === 0) {
    process.stdout.write(`${empty}\n`);
    return;
  }
  process.stdout.write(renderTable(rows, columns));
}

function column<T>(
  header: string,
  csv: string,
  value: (row: T) => string | bigint | null,
  align: "left" | "right" = "left",
): RecordColumn<T> {
  return {
    header,
    csv,
    align,
    value: (row) => value(row) ?? "",
    cell: (row) => {
      const v = value(row);
      return typeof v === "bigint" ? formatYen(v) : (v ?? "");
    },
  };
}

const projectColumns: RecordColumn<SiProject>[] = [
  column("Id", "id", (p) => p.id),
  column("Customer", "customer", (p) => p.customerId),
  column("Kind", "kind", (p) => p.kind),
  column("Recognition", "recognition", (p) => p.recognition),
  column("Ordered", "ordered_on", (p) => p.orderedOn),
  column("Order value (yen)", "order_value_yen", (p) => p.orderValueYen, "right"),
  column("Accepted", "accepted_on", (p) => p.acceptedOn),
  column("Term", "term", (p) => (p.startsOn ? `${p.startsOn}..${p.endsOn}` : null)),
  column("Follows", "follows_project", (p) => p.followsProjectId),
  column("Name", "name", (p) => p.name),
];

function projectRecord(p: SiProject): Record<string, unknown> {
  return {
    id: p.id,
    customer: p.customerId,
    name: p.name,
    kind: p.kind,
    recognition: p.recognition,
    ordered_on: p.orderedOn,
    order_value_yen: yenJson(p.orderValueYen),
    follows_project: p.followsProjectId,
    accepted_on: p.acceptedOn,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    monthly_fee_yen: p.monthlyFeeYen === null ? null : yenJson(p.monthlyFeeYen),
  };
}

const deliveryColumns: RecordColumn<EquipmentDelivery>[] = [
  column("Id", "id", (d) => d.id),
  column("Customer", "customer", (d) => d.customerId),
  column("Project", "project", (d) => d.projectId),
  column("Ordered", "ordered_on", (d) => d.orderedOn),
  column("Delivered", "delivered_on", (d) => d.deliveredOn),
  column("Amount (yen)", "amount_yen", (d) => d.amountYen, "right"),
  column("Cost (yen)", "cost_yen", (d) => d.costYen, "right"),
  column("Description", "description", (d) => d.description),
];

function deliveryRecord(d: EquipmentDelivery): Record<string, unknown> {
  return {
    id: d.id,
    customer: d.customerId,
    project: d.projectId,
    ordered_on: d.orderedOn,
    delivered_on: d.deliveredOn,
    amount_yen: yenJson(d.amountYen),
    cost_yen: yenJson(d.costYen),
    description: d.description,
  };
}

const atmColumns: RecordColumn<Atm>[] = [
  column("Id", "id", (a) => a.id),
  column("Location", "location", (a) => a.location),
  column("Placed", "placed_on", (a) => a.placedOn),
  column("Removed", "removed_on", (a) => a.removedOn),
  column("Group company", "group_company", (a) => a.groupCompanyId),
];

function atmRecord(a: Atm): Record<string, unknown> {
  return {
    id: a.id,
    location: a.location,
    placed_on: a.placedOn,
    removed_on: a.removedOn,
    group_company: a.groupCompanyId,
  };
}

const costColumns: RecordColumn<CostRecord>[] = [
  column("Month", "month", (r) => r.month),
  column("Group company", "group_company", (r) => r.groupCompanyId),
  column("Segment", "segment", (r) => r.segment),
  column("Category", "category", (r) => r.category),
  column("Metric", "metric", (r) => costMetricId(r)),
  column("Amount (yen)", "amount_yen", (r) => r.amountYen, "right"),
];

function costRecordJson(r: CostRecord): Record<string, unknown> {
  return {
    id: costRecordKey(r),
    month: r.month,
    group_company: r.groupCompanyId,
    segment: r.segment,
    category: r.category,
    metric: costMetricId(r),
    amount_yen: yenJson(r.amountYen),
  };
}

function printProject(
  project: SiProject,
  reports: readonly ProgressReport[],
  following: readonly SiProject[],
  on: string | undefined,
  format: OutputFormat,
): void {
  // The project's history: each event with what was recognised and left in backlog after it.
  const events: { date: string; event: string }[] = [
    { date: project.orderedOn, event: "ordered" },
    ...reports.map((r) => ({ date: r.reportedOn, event: "progress" })),
    ...(project.acceptedOn ? [{ date: project.acceptedOn, event: "accepted" }] : []),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const history = events.map((e) => ({
    ...e,
    percentComplete: percentCompleteOn(project, reports, e.date).toFixed(),
    recognizedYen: recognizedThrough(project, reports, e.date),
    backlogYen: orderBacklog(project, reports, e.date),
  }));
  const asOf = on
    ? {
        on,
        percentComplete: percentCompleteOn(project, reports, on).toFixed(),
        recognizedYen: recognizedThrough(project, reports, on),
        backlogYen: orderBacklog(project, reports, on),
      }
    : undefined;
  if (format === "json") {
    printJson({
      ...projectRecord(project),
      history: history.map((h) => ({
        date: h.date,
        event: h.event,
        percent_complete: project.recognition === "monthly" ? null : h.percentComplete,
        recognized_yen: yenJson(h.recognizedYen),
        backlog_yen: yenJson(h.backlogYen),
      })),
      followed_by: following.map((p) => p.id),
      ...(asOf
        ? {
            as_of: {
              on: asOf.on,
              percent_complete: project.recognition === "monthly" ? null : asOf.percentComplete,
              recognized_yen: yenJson(asOf.recognizedYen),
              backlog_yen: yenJson(asOf.backlogYen),
            },
          }
        : {}),
    });
    return;
  }
  const lines = [
    `Project ${project.id}${project.name ? ` — ${project.name}` : ""}`,
    `  Customer:     ${project.customerId}`,
    `  Kind:         ${project.kind}${project.followsProjectId ? ` (follows ${project.followsProjectId})` : ""}`,
    `  Recognition:  ${project.recognition.replaceAll("_", " ")}`,
    `  Ordered:      ${project.orderedOn} for JPY ${formatYen(project.orderValueYen)}`,
  ];
  if (project.kind === "operation") {
    lines.push(
      `  Term:         ${project.startsOn} to ${project.endsOn} at JPY ${formatYen(project.monthlyFeeYen ?? 0n)} a month`,
    );
  } else {
    lines.push(`  Accepted:     ${project.acceptedOn ?? "not yet"}`);
  }
  if (following.length > 0) lines.push(`  Followed by:  ${following.map((p) => p.id).join(", ")}`);
  if (asOf) {
    lines.push(
      `  On ${asOf.on}: ${project.recognition === "monthly" ? "" : `${asOf.percentComplete}% complete, `}JPY ${formatYen(asOf.recognizedYen)} recognised, JPY ${formatYen(asOf.backlogYen)} in backlog`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
  if (project.kind === "construction") {
    process.stdout.write(
      renderTable(history, [
        { header: "Date", cell: (h) => h.date },
        { header: "Event", cell: (h) => h.event },
        { header: "% complete", align: "right", cell: (h) => h.percentComplete },
        { header: "Recognised (yen)", align: "right", cell: (h) => formatYen(h.recognizedYen) },
        { header: "Backlog (yen)", align: "right", cell: (h) => formatYen(h.backlogYen) },
      ]),
    );
  }
}

interface OrderLine {
  /** The catalogue metric: orders.construction.received, orders.operation.backlog, … */
  readonly id: string;
  readonly label: string;
  readonly when: string;
  readonly amountYen: bigint;
  /** Construction only: the part that is equipment sales orders. */
  readonly equipmentYen?: bigint;
}

type Totals = { construction: bigint; operation: bigint; equipment: bigint };

function orderLines(
  backlog: Totals,
  received: Totals | undefined,
  on: string,
  period: string | undefined,
): OrderLine[] {
  const lines: OrderLine[] = [];
  if (received && period) {
    lines.push(
      {
        id: "orders.construction.received",
        label: "Construction orders received",
        when: period,
        amountYen: received.construction,
        equipmentYen: received.equipment,
      },
      {
        id: "orders.operation.received",
        label: "Operation orders received",
        when: period,
        amountYen: received.operation,
      },
    );
  }
  lines.push(
    {
      id: "orders.construction.backlog",
      label: "Construction order backlog",
      when: on,
      amountYen: backlog.construction,
      equipmentYen: backlog.equipment,
    },
    {
      id: "orders.operation.backlog",
      label: "Operation order backlog",
      when: on,
      amountYen: backlog.operation,
    },
  );
  return lines;
}

function printOrderLines(lines: readonly OrderLine[], format: OutputFormat): void {
  if (format === "json") {
    printJson(
      lines.map((l) => ({
        id: l.id,
        ...(l.id.endsWith(".received") ? { period: l.when } : { on: l.when }),
        amount_yen: yenJson(l.amountYen),
        ...(l.equipmentYen === undefined ? {} : { equipment_yen: yenJson(l.equipmentYen) }),
      })),
    );
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        ["id", "when", "amount_yen", "equipment_yen"],
        lines.map((l) => [l.id, l.when, l.amountYen, l.equipmentYen ?? ""]),
      ),
    );
    return;
  }
  const rows = lines.flatMap((l) =>
    l.equipmentYen === undefined
      ? [l]
      : [l, { ...l, label: "  of which equipment", amountYen: l.equipmentYen }],
  );
  process.stdout.write(
    renderTable(rows, [
      { header: "Orders", cell: (l) => l.label },
      { header: "Period / day", cell: (l) => l.when },
      { header: "Amount (yen)", align: "right", cell: (l) => formatYen(l.amountYen) },
      { header: "JPY million", align: "right", cell: (l) => millions(l.amountYen) },
    ]),
  );
}

// --- options and values ------------------------------------------------------------------------

function limitOption(): Option {
  return new Option("--limit <n>", "at most n rows (a large n shows all)")
    .default(50)
    .argParser(parseLimit);
}

function formatOption(allowed: readonly OutputFormat[]): Option {
  return new Option("-f, --format <format>", allowed.join(", "))
    .default("table")
    .argParser(parseFormat(allowed));
}

function parseDate(value: string): string {
  if (!isCalendarDate(value)) {
    throw new InvalidArgumentError("Give an existing date as YYYY-MM-DD, e.g. 2012-09-30.");
  }
  return value;
}

function dateRange(text: string, calendar: FiscalCalendar): { from: string; to: string } {
  const period = parsePeriod(text, calendar);
  return { from: periodStart(period, calendar), to: periodEnd(period, calendar) };
}

function formatYen(amount: bigint): string {
  return amount.toLocaleString("en-US");
}

/** JPY million to one decimal, half-up, as the presentation prints amounts. */
function millions(amount: bigint): string {
  const tenths = (amount < 0n ? -amount : amount) * 10n;
  const rounded = (tenths + 500_000n) / 1_000_000n;
  const whole = rounded / 10n;
  return `${amount < 0n ? "-" : ""}${whole.toLocaleString("en-US")}.${rounded % 10n}`;
}

/** Yen in JSON as a number: exact for any amount below 2^53 yen (about 9 quadrillion). */
function yenJson(amount: bigint): number | string {
  const n = Number(amount);
  return Number.isSafeInteger(n) ? n : amount.toString();
}
