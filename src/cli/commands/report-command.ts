import { type Command, Option } from "commander";
import { type FiscalPeriod, parsePeriod, UplinkError } from "../../core/index.js";
import { loadLedgerResolver } from "../../flows/index.js";
import {
  buildQuarterlyReport,
  compareReports,
  loadValueResolver,
  metricById,
  type QuarterlyReport,
  type ReportLine,
  type ReportSection,
} from "../../reporting/index.js";
import { calendarFromEnv, withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { type Column, formatChange, formatNumber, renderCsv, renderTable } from "../text-table.js";

const SECTION_TITLES: Record<ReportSection, string> = {
  revenue: "Revenues",
  cost: "Cost of revenues",
  gross_margin: "Gross margin",
  sga: "SG&A expenses / R&D",
  income: "Income",
  kpi: "Key performance indicators",
  orders: "Systems integration orders",
  cash_flow: "Cash flows and other financial data",
  balance_sheet: "Balance sheet (period end)",
  per_share: "Per share (split-adjusted)",
  customer_mix: "Customer mix (% of revenue)",
};

type ReportSourceName = "reported" | "ledger";

interface ReportOptions {
  period: string;
  format: OutputFormat;
  source: ReportSourceName;
  compare?: "reported";
}

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "The quarterly results as the presentation frames them, from the reported figures or from the ledger.",
    )
    .requiredOption("-p, --period <period>", "a quarter, half or year: 2Q12, 1H12, FY11, FY2012")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addOption(
      new Option(
        "--source <source>",
        "where the figures come from: the reported (published) facts, or the ledger's balances",
      )
        .choices(["reported", "ledger"])
        .default("reported"),
    )
    .addOption(
      new Option(
        "--compare <baseline>",
        "with --source ledger: set each line beside the reported figure, with the difference",
      ).choices(["reported"]),
    )
    .addHelpText(
      "after",
      `
Examples:
  uplink report --period 2Q12
  uplink report --period 1H12 --format json
  uplink report --period FY11 --format csv > fy11.csv
  uplink report --period 2Q12 --source ledger
  uplink report --period 2Q12 --source ledger --compare reported

With --source ledger the figures are the group's consolidated ledger balances of each booked
quarter (halves and years add up their quarters, balances are read at their end); KPIs are
counted from contracts, SI projects and ATMs; targets are the reported ones.
--compare reported adds, per line, "reported", "difference" (value - reported, in the line's
unit) and "difference_pct" (of the reported value; ratio lines differ in percentage points
and have none).`,
    )
    .action(async (options: ReportOptions, command: Command) => {
      const calendar = calendarFromEnv();
      const period = parsePeriod(options.period, calendar);
      if (period.kind === "month") {
        throw new UplinkError(
          "INVALID_PERIOD",
          `The report covers a quarter, half or year (2Q12, 1H12, FY11), not a month like "${options.period}".`,
        );
      }
      if (options.compare && options.source !== "ledger") {
        throw new UplinkError(
          "INVALID_INPUT",
          `--compare ${options.compare} sets the ledger's figures beside the reported ones; add --source ledger (the reported figures compared with themselves differ nowhere).`,
        );
      }
      const report = await withStore(command, async (store) => {
        if (options.source === "reported") {
          return buildQuarterlyReport(await loadValueResolver(store, calendar), period, calendar);
        }
        const ledger = buildQuarterlyReport(
          await loadLedgerResolver(store, calendar),
          period,
          calendar,
        );
        if (!options.compare) return ledger;
        const reported = buildQuarterlyReport(
          await loadValueResolver(store, calendar),
          period,
          calendar,
        );
        return compareReports(ledger, reported);
      });
      if (options.source === "ledger" && report.lines.every((line) => line.value === null)) {
        throw new UplinkError(
          "NOT_FOUND",
          `The ledger has no figures for ${report.period}: its months are not booked (a half or year needs every quarter). \`uplink ledger balances --period ${report.period}\` shows what the ledger holds; --source reported gives the published figures.`,
        );
      }
      if (report.lines.every((line) => line.value === null && line.target === undefined)) {
        throw new UplinkError(
          "NOT_FOUND",
          `No figures for ${report.period}. \`uplink facts list\` shows which periods have facts.`,
        );
      }
      process.stdout.write(
        renderReport(report, period, options.format, {
          source: options.source,
          compared: Boolean(options.compare),
        }),
      );
    });
}

function renderReport(
  report: QuarterlyReport,
  period: FiscalPeriod,
  format: OutputFormat,
  { source, compared }: { source: ReportSourceName; compared: boolean },
): string {
  if (format === "json") {
    printJson(report);
    return "";
  }
  if (format === "csv") {
    const header = [
      "metric",
      "label",
      "unit",
      "value",
      "yoy_pct",
      "qoq_pct",
      "target",
      "achievement_pct",
    ];
    return renderCsv(
      compared ? [...header, "reported", "difference", "difference_pct"] : header,
      report.lines.map((l) => {
        const row = [
          l.metric,
          l.label,
          l.unit,
          l.value,
          l.yoy_pct ?? l.yoy_pp,
          l.qoq_pct ?? l.qoq_pp,
          l.target,
          l.achievement_pct,
        ];
        return compared ? [...row, l.reported, l.difference, l.difference_pct] : row;
      }),
    );
  }
  const hasTargets = report.lines.some((line) => line.target !== undefined);
  // Section titles are rows of the one table, so that columns line up down the whole report.
  type Row = { title: string } | ReportLine;
  const line = (row: Row, cell: (l: ReportLine) => string) => ("title" in row ? "" : cell(row));
  const columns: Column<Row>[] = [
    { header: "", cell: (r) => ("title" in r ? r.title : `  ${label(r)}`) },
    {
      header: report.period,
      align: "right",
      cell: (r) => line(r, (l) => formatNumber(l.value, decimalsOf(l))),
    },
    {
      header: "YoY %",
      align: "right",
      cell: (r) => line(r, (l) => formatChange(l.yoy_pct ?? l.yoy_pp)),
    },
  ];
  if (period.kind === "quarter") {
    columns.push({
      header: "QoQ %",
      align: "right",
      cell: (r) => line(r, (l) => formatChange(l.qoq_pct ?? l.qoq_pp)),
    });
  }
  if (hasTargets) {
    columns.push(
      {
        header: "Target",
        align: "right",
        cell: (r) => line(r, (l) => formatNumber(l.target, decimalsOf(l))),
      },
      {
        header: "Achv %",
        align: "right",
        cell: (r) => line(r, (l) => formatNumber(l.achievement_pct, 1)),
      },
    );
  }
  if (compared) {
    columns.push(
      {
        header: "Reported",
        align: "right",
        cell: (r) => line(r, (l) => formatNumber(l.reported, decimalsOf(l))),
      },
      {
        header: "Diff",
        align: "right",
        cell: (r) => line(r, (l) => formatSigned(l.difference, decimalsOf(l))),
      },
      {
        header: "Diff %",
        align: "right",
        cell: (r) => line(r, (l) => formatChange(l.difference_pct)),
      },
    );
  }
  const rows: Row[] = [];
  let section: ReportSection | undefined;
  for (const reportLine of report.lines) {
    if (reportLine.section !== section) {
      section = reportLine.section;
      rows.push({ title: SECTION_TITLES[section] });
    }
    rows.push(reportLine);
  }
  const origin =
    source === "reported"
      ? ""
      : compared
        ? "From the ledger, beside the reported figures\n"
        : "From the ledger\n";
  const heading = `${report.period_label} (${report.start} to ${report.end})\n${origin}JPY million unless marked; changes of ratios in percentage points\n\n`;
  return `${heading}${renderTable(rows, columns)}`;
}

function label(line: ReportLine): string {
  const depth = Math.max(0, line.metric.split(".").length - 2);
  const unit = line.unit === "JPY million" || line.unit === "count" ? "" : ` (${line.unit})`;
  const text = `${"  ".repeat(depth)}${line.label}${unit}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function decimalsOf(line: ReportLine): number {
  return metricById(line.metric).decimals;
}

/** A signed difference at the line's precision: "+35", "-3.3", "0", "" when there is none. */
function formatSigned(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return "";
  return `${value > 0 ? "+" : ""}${formatNumber(value, decimals)}`;
}
