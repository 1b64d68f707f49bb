import { type Command, Option } from "commander";
import { type FiscalPeriod, parsePeriod, UplinkError } from "../../core/index.js";
import {
  buildQuarterlyReport,
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

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("The quarterly results as the presentation frames them, computed from facts.")
    .requiredOption("-p, --period <period>", "a quarter, half or year: 2Q12, 1H12, FY11, FY2012")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addOption(
      new Option("--source <source>", "where the figures come from")
        .choices(["reported"])
        .default("reported"),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  uplink report --period 2Q12\n  uplink report --period 1H12 --format json\n  uplink report --period FY11 --format csv > fy11.csv",
    )
    .action(async (options: { period: string; format: OutputFormat }, command: Command) => {
      const calendar = calendarFromEnv();
      const period = parsePeriod(options.period, calendar);
      if (period.kind === "month") {
        throw new UplinkError(
          "INVALID_PERIOD",
          `The report covers a quarter, half or year (2Q12, 1H12, FY11), not a month like "${options.period}".`,
        );
      }
      const report = await withStore(command, async (store) =>
        buildQuarterlyReport(await loadValueResolver(store, calendar), period, calendar),
      );
      if (report.lines.every((line) => line.value === null && line.target === undefined)) {
        throw new UplinkError(
          "NOT_FOUND",
          `No figures for ${report.period}. \`uplink facts list\` shows which periods have facts.`,
        );
      }
      process.stdout.write(renderReport(report, period, options.format));
    });
}

function renderReport(report: QuarterlyReport, period: FiscalPeriod, format: OutputFormat): string {
  if (format === "json") {
    printJson(report);
    return "";
  }
  if (format === "csv") {
    return renderCsv(
      ["metric", "label", "unit", "value", "yoy_pct", "qoq_pct", "target", "achievement_pct"],
      report.lines.map((l) => [
        l.metric,
        l.label,
        l.unit,
        l.value,
        l.yoy_pct ?? l.yoy_pp,
        l.qoq_pct ?? l.qoq_pp,
        l.target,
        l.achievement_pct,
      ]),
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
  const rows: Row[] = [];
  let section: ReportSection | undefined;
  for (const reportLine of report.lines) {
    if (reportLine.section !== section) {
      section = reportLine.section;
      rows.push({ title: SECTION_TITLES[section] });
    }
    rows.push(reportLine);
  }
  const heading = `${report.period_label} (${report.start} to ${report.end})\nJPY million unless marked; changes of ratios in percentage points\n\n`;
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
