// `npm run bench`: every figure with its ratio to the baseline it names, all measured in this run.
import { apiBench } from "./api-bench.js";
import type { BenchFigure } from "./bench-figure.js";
import { billingBench } from "./billing-bench.js";
import { ledgerBench } from "./ledger-bench.js";
import { percentileBench } from "./percentile-bench.js";
import { reportLatency } from "./report-latency.js";

const benches: { title: string; run: () => Promise<BenchFigure[]> }[] = [
  { title: "Quarterly report", run: reportLatency },
  { title: "95th percentile of a billing month", run: percentileBench },
  { title: "Quarterly trial balance from the ledger", run: ledgerBench },
  { title: "Billing close of a month (embedded store)", run: billingBench },
  { title: "HTTP API under load (uplink serve, autocannon over loopback)", run: apiBench },
];

function format(value: number, unit: string): string {
  return `${value.toLocaleString("en-US", { maximumFractionDigits: value < 10 ? 2 : 1 })} ${unit}`;
}

for (const bench of benches) {
  process.stdout.write(`\n${bench.title}\n`);
  for (const figure of await bench.run()) {
    const ratio = figure.baseline
      ? `  (${(figure.baseline.value / figure.value).toFixed(1)}× faster than ${figure.baseline.name}: ${format(figure.baseline.value, figure.unit)})`
      : "";
    process.stdout.write(`  ${figure.name}: ${format(figure.value, figure.unit)}${ratio}\n`);
  }
}
