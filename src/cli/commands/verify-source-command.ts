import { type Command, Option } from "commander";
import {
  loadValueResolver,
  readReportedStatements,
  type Verification,
  verifyStatements,
} from "../../reporting/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { renderTable } from "../text-table.js";

export function registerVerifySourceCommand(program: Command): void {
  program
    .command("verify-source")
    .description(
      "Recompute every figure the presentation states about its own figures (YoY, shares, totals) and list which agree.",
    )
    .option("--all", "list every statement, not only those that do not agree")
    .option("--strict", "exit with status 1 when a statement disagrees")
    .addOption(
      new Option("-f, --format <format>", "table or json")
        .default("table")
        .argParser(parseFormat(["table", "json"])),
    )
    .addHelpText(
      "after",
      `
A statement agrees when a value inside the interval its rounded inputs allow rounds to the
figure as printed (inputs printed as 6,265 JPY million stand for 6,264.5–6,265.5).
"no inputs" means a figure it needs was never published.`,
    )
    .action(
      async (
        options: { all?: boolean; strict?: boolean; format: OutputFormat },
        command: Command,
      ) => {
        const statements = readReportedStatements();
        const { results, tally } = await withStore(command, async (store) =>
          verifyStatements(statements, await loadValueResolver(store)),
        );
        if (options.format === "json") {
          printJson({ tally, results: results.map(toJson) });
        } else {
          const shown = options.all ? results : results.filter((r) => r.status !== "agrees");
          if (shown.length > 0) process.stdout.write(renderTable(shown, COLUMNS));
          process.stdout.write(
            `\n${tally.total} statements: ${tally.agrees} agree, ${tally.disagrees} disagree, ${tally.noInputs} have no inputs.\n`,
          );
        }
        if (options.strict && tally.disagrees > 0) process.exitCode = 1;
      },
    );
}

const COLUMNS = [
  { header: "Status", cell: (r: Verification) => r.status },
  { header: "Statement", cell: (r: Verification) => r.statement.id },
  { header: "Stated", align: "right" as const, cell: (r: Verification) => stated(r) },
  {
    header: "Uplink",
    align: "right" as const,
    cell: (r: Verification) => r.computed?.toFixed(r.statement.statedDecimals) ?? "",
  },
  {
    header: "Check",
    cell: (r: Verification) =>
      r.status === "no-inputs" ? `missing ${r.missing.join(", ")}` : r.statement.expressionText,
  },
];

function stated(r: Verification): string {
  return `${r.statement.stated.toFixed(r.statement.statedDecimals)}${r.statement.unit === "%" ? "%" : ""}`;
}

function toJson(r: Verification) {
  return {
    id: r.statement.id,
    source: r.statement.source,
    quote: r.statement.quote,
    expression: r.statement.expressionText,
    stated: r.statement.stated.toNumber(),
    unit: r.statement.unit,
    status: r.status,
    computed: r.computed?.toNumber() ?? null,
    low: r.low?.toNumber() ?? null,
    high: r.high?.toNumber() ?? null,
    missing: r.missing,
  };
}
