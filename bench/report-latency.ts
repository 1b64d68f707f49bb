import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePeriod } from "../src/core/index.js";
import { buildQuarterlyReport, loadValueResolver } from "../src/reporting/index.js";
import { openStore } from "../src/store/index.js";
import type { BenchFigure } from "./bench-figure.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

function medianMs(runs: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * `uplink report --period 2Q12` as a user runs it (compiled), against the same command through
 * tsx (the baseline: what shipping TypeScript without a build would cost), and the report's
 * assembly in-process for every reported quarter.
 */
export async function reportLatency(): Promise<BenchFigure[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-bench-"));
  const env = { ...process.env, UPLINK_HOME: home };
  const cli = (args: string[]) => () => {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`bench command failed: ${result.stderr}`);
  };
  const report = ["report", "--period", "2Q12"];
  cli(["dist/cli/main.js", ...report])(); // first use loads the shipped facts
  const compiled = medianMs(7, cli(["dist/cli/main.js", ...report]));
  const throughTsx = medianMs(3, cli(["--import", "tsx", "src/cli/main.ts", ...report]));

  const store = await openStore({ home, databaseUrl: undefined });
  const quarters = ["1Q11", "2Q11", "3Q11", "4Q11", "1Q12", "2Q12"].map((p) => parsePeriod(p));
  let lines = 0;
  const assemble = async () => {
    const resolve = await loadValueResolver(store);
    for (const quarter of quarters) lines += buildQuarterlyReport(resolve, quarter).lines.length;
  };
  await assemble();
  const start = process.hrtime.bigint();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) await assemble();
  const inProcess = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  await store.close();
  fs.rmSync(home, { recursive: true, force: true });

  return [
    {
      name: "uplink report --period 2Q12 (compiled CLI, median of 7)",
      value: compiled,
      unit: "ms",
      baseline: { name: "the same command through tsx", value: throughTsx },
    },
    {
      name: `six quarterly reports from the facts store, in-process (${lines / (rounds + 1) / 6} lines each)`,
      value: inProcess,
      unit: "ms",
      baseline: { name: "one compiled CLI call", value: compiled },
    },
  ];
}
