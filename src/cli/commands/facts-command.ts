import { type Command, Option } from "commander";
import { comparePeriods, formatPeriod, parsePeriod } from "../../core/index.js";
import {
  displayValue,
  ensureReportedFacts,
  type Fact,
  importFactFile,
  listFacts,
  metricById,
  type Scenario,
} from "../../reporting/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { formatNumber, renderCsv, renderTable } from "../text-table.js";

export function registerFactsCommand(program: Command): void {
  const facts = program
    .command("facts")
    .description("Import and look up facts: (metric, entity, period, scenario) → value.");

  facts
    .command("import")
    .description("Import facts from a CSV (with a header) or JSON file, all rows or none.")
    .argument(
      "<file>",
      "a .csv or .json file with metric, entity, period, value, unit, scenario, source",
    )
    .option("--replace", "overwrite stored facts whose value differs (otherwise that is an error)")
    .addHelpText(
      "after",
      `
CSV columns: metric, period, value, unit, source (required); entity (default "group"),
scenario ("actual" or "target", default "actual"). Units: JPY million, JPY billion, JPY,
Gbps, count, %. Example row:
  revenue.network.wan,group,2Q12,6265,JPY million,actual,Q2 results slide

A file with any bad row writes nothing; importing the same file again changes nothing.`,
    )
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const outcome = await withStore(command, async (store) => {
        await ensureReportedFacts(store);
        return importFactFile(store, file, { replace: options.replace ?? false });
      });
      process.stdout.write(
        `${file}: ${outcome.inserted} added, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged.\n`,
      );
    });

  facts
    .command("list")
    .description("Show stored facts, e.g. one metric across periods.")
    .option("-m, --metric <id>", "only this metric, e.g. revenue.atm")
    .option("-p, --period <period>", "only this period, e.g. 2Q12")
    .addOption(
      new Option("--scenario <scenario>", "actual or target").choices(["actual", "target"]),
    )
    .option("--entity <entity>", 'only this entity (the consolidated group is "group")')
    .addOption(new Option("--limit <n>", "at most n rows").default(50).argParser(parseLimit))
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .action(
      async (
        options: {
          metric?: string;
          period?: string;
          scenario?: Scenario;
          entity?: string;
          limit: number;
          format: OutputFormat;
        },
        command: Command,
      ) => {
        if (options.metric) metricById(options.metric);
        const period = options.period ? formatPeriod(parsePeriod(options.period)) : undefined;
        const rows = await withStore(command, async (store) => {
          await ensureReportedFacts(store);
          return listFacts(store.db, { ...options, period });
        });
        rows.sort(byMetricThenTime);
        printFacts(rows, options.format);
      },
    );
}

function byMetricThenTime(a: Fact, b: Fact): number {
  if (a.metric !== b.metric) return a.metric < b.metric ? -1 : 1;
  if (a.scenario !== b.scenario) return a.scenario < b.scenario ? -1 : 1;
  return comparePeriods(parsePeriod(a.period), parsePeriod(b.period));
}

function printFacts(rows: readonly Fact[], format: OutputFormat): void {
  const shown = rows.map((fact) => {
    const metric = metricById(fact.metric);
    return {
      fact,
      unit: metric.unit,
      value: displayValue(metric, fact.value),
      decimals: metric.decimals,
    };
  });
  if (format === "json") {
    printJson(
      shown.map(({ fact, unit, value }) => ({
        id: `${fact.metric}@${fact.period}${fact.scenario === "target" ? "#target" : ""}${fact.entity === "group" ? "" : `/${fact.entity}`}`,
        metric: fact.metric,
        entity: fact.entity,
        period: fact.period,
        scenario: fact.scenario,
        value,
        unit,
        source: fact.source,
      })),
    );
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        ["metric", "entity", "period", "value", "unit", "scenario", "source"],
        shown.map(({ fact, unit, value }) => [
          fact.metric,
          fact.entity,
          fact.period,
          value,
          unit,
          fact.scenario,
          fact.source,
        ]),
      ),
    );
    return;
  }
  if (shown.length === 0) {
    process.stdout.write("No facts match.\n");
    return;
  }
  process.stdout.write(
    renderTable(shown, [
      { header: "Metric", cell: (r) => r.fact.metric },
      { header: "Period", cell: (r) => r.fact.period },
      { header: "Scenario", cell: (r) => r.fact.scenario },
      { header: "Value", align: "right", cell: (r) => formatNumber(r.value, r.decimals) },
      { header: "Unit", cell: (r) => r.unit },
      {
        header: "Source",
        cell: (r) => (r.fact.source.length > 30 ? `${r.fact.source.slice(0, 29)}…` : r.fact.source),
      },
    ]),
  );
}
