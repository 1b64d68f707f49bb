import { type Command, InvalidArgumentError, Option } from "commander";
import { buildDemoCompany, DEFAULT_SEED, type DemoProgress } from "../../flows/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, printJson } from "../output-format.js";
import { formatNumber, renderTable } from "../text-table.js";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "Build the demo company (Apr 2011 – Sep 2012) in the data folder, calibrated to the reported figures.",
    )
    .addOption(
      new Option("--seed <n>", "the seed of the deterministic generator")
        .default(DEFAULT_SEED)
        .argParser(wholeNumber),
    )
    .addOption(
      new Option("--scale <n>", "multiply customers, contracts and amounts (load tests)")
        .default(1)
        .argParser(wholeNumber),
    )
    .addOption(
      new Option("-f, --format <format>", "table or json")
        .default("table")
        .argParser(parseFormat(["table", "json"])),
    )
    .addHelpText(
      "after",
      `
The build is deterministic: the same seed and scale give the same company. It is written phase by
phase, each in one transaction; a build killed part-way resumes where it stopped when run again,
and a complete build run again changes nothing. Build another company in another folder (--home).`,
    )
    .action(
      async (options: { seed: number; scale: number; format: OutputFormat }, command: Command) => {
        const started = Date.now();
        const summary = await withStore(command, (store) =>
          buildDemoCompany(store, {
            seed: options.seed,
            scale: options.scale,
            onProgress: printProgress,
          }),
        );
        const seconds = (Date.now() - started) / 1000;
        if (options.format === "json") {
          printJson({ ...summary, seconds });
          return;
        }
        process.stdout.write(
          renderTable(Object.entries(summary.rows), [
            { header: "Table", cell: ([table]) => table },
            { header: "Rows", align: "right", cell: ([, n]) => formatNumber(n) },
          ]),
        );
        process.stdout.write(
          `\nDemo company (seed ${summary.seed}, scale ${summary.scale}) ${
            summary.phasesRun.length === 0 ? "was already built" : "built"
          } in ${seconds.toFixed(1)} s.\n`,
        );
      },
    );
}

function printProgress(progress: DemoProgress): void {
  process.stderr.write(
    `[${progress.step}/${progress.steps}] ${progress.phase}: ${progress.detail}${progress.skipped ? " (already done)" : ""}\n`,
  );
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("Give a whole number.");
  return n;
}
