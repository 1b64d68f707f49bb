import { type Command, Option } from "commander";
import { METRICS, type Metric } from "../../reporting/index.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

export function registerMetricsCommand(program: Command): void {
  program
    .command("metrics")
    .description("The metric catalogue: every id, its unit, and how derived metrics are computed.")
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .action((options: { format: OutputFormat }) => {
      if (options.format === "json") return printJson(METRICS);
      if (options.format === "csv") {
        process.stdout.write(
          renderCsv(
            ["id", "label", "unit", "segment", "aggregation", "derivation"],
            METRICS.map((m) => [m.id, m.label, m.unit, m.segment, m.aggregation, formula(m)]),
          ),
        );
        return;
      }
      process.stdout.write(
        renderTable(METRICS, [
          { header: "Metric", cell: (m) => m.id },
          { header: "Unit", cell: (m) => m.unit },
          { header: "Derived as", cell: (m) => formula(m) || "stored" },
        ]),
      );
    });
}

function formula(metric: Metric): string {
  const d = metric.derivation;
  if (!d) return "";
  if (d.kind === "ratio") return `${d.numerator} / ${d.denominator} × 100`;
  return d.terms.map((t, i) => `${t.sign < 0 ? "- " : i > 0 ? "+ " : ""}${t.metric}`).join(" ");
}
