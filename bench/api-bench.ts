import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { invoicesWithLines, listInvoices, runBilling } from "../src/billing/index.js";
import { buildDemoCompany } from "../src/flows/index.js";
import { ensureReportedFacts } from "../src/reporting/index.js";
import { openStore } from "../src/store/index.js";
import type { BenchFigure } from "./bench-figure.js";

// The HTTP API under load, as a client sees it: `uplink serve` (compiled) runs the demo company in
// a process of its own, and autocannon drives it from this one over loopback with a fixed count of
// requests per route — an invoice by id and the 2Q12 report — against /healthz as the baseline
// (what the server costs with no work behind the route). Requests and connections:
// UPLINK_BENCH_API_REQUESTS (default 3000) and UPLINK_BENCH_API_CONNECTIONS (default 10);
// UPLINK_BENCH_API_HOME reuses a data folder (the demo company is built there if missing, and the
// folder is kept), which saves the build on repeated runs. Throughput is requests ÷ wall time.

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MONTH = "2012-09";

export async function apiBench(): Promise<BenchFigure[]> {
  const requests = Number(process.env.UPLINK_BENCH_API_REQUESTS ?? 3000);
  const connections = Number(process.env.UPLINK_BENCH_API_CONNECTIONS ?? 10);
  const kept = process.env.UPLINK_BENCH_API_HOME;
  const home = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "uplink-bench-api-"));
  let server: ChildProcess | undefined;
  try {
    const invoice = await prepareCompany(home);
    const started = await startServer(home);
    server = started.child;
    const auth = { Authorization: `Bearer ${started.token}` };
    const routes = [
      { name: "GET /healthz", path: "/healthz", headers: {} },
      {
        name: `GET /api/v1/invoices/${invoice.id} (${invoice.lines} lines)`,
        path: `/api/v1/invoices/${invoice.id}`,
        headers: auth,
      },
      {
        name: "GET /api/v1/reports?period=2Q12",
        path: "/api/v1/reports?period=2Q12",
        headers: auth,
      },
    ];
    const results = [];
    for (const route of routes) {
      // A short warm-up, so that the figures are of a running server, not of its first calls.
      await drive(started.url + route.path, route.headers, Math.min(200, requests), connections);
      results.push({
        ...route,
        result: await drive(started.url + route.path, route.headers, requests, connections),
      });
    }
    const baseline = results[0]!.result;
    const figures: BenchFigure[] = [];
    for (const { name, result } of results) {
      const label = `${name} (${requests.toLocaleString("en-US")} requests, ${connections} connections, ${result.non2xx} not 2xx)`;
      figures.push({
        name: `${label}: throughput`,
        value: throughput(result),
        unit: "requests/s",
        ...(name === routes[0]!.name
          ? {}
          : { baseline: { name: "/healthz", value: throughput(baseline) } }),
      });
      figures.push({ name: "  latency p50", value: result.latency.p50, unit: "ms" });
      figures.push({ name: "  latency p99", value: result.latency.p99, unit: "ms" });
    }
    return figures;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (!kept) fs.rmSync(home, { recursive: true, force: true });
  }
}

function throughput(result: Driven): number {
  return result.requests.total / result.seconds;
}

/** autocannon's result and the wall time of the run (its own `duration` is coarse). */
type Driven = autocannon.Result & { seconds: number };

/**
 * The demo company with its September invoices; returns a typical one: the invoice with the median
 * number of lines among a sample of the month's (the largest customers' run to hundreds of lines).
 */
async function prepareCompany(home: string): Promise<{ id: string; lines: number }> {
  const store = await openStore({ home, databaseUrl: undefined });
  try {
    await buildDemoCompany(store, {});
    await ensureReportedFacts(store);
    let headers = await listInvoices(store.db, { month: MONTH, kind: "invoice", limit: 400 });
    if (headers.length === 0) {
      await runBilling(store.db, { month: MONTH });
      headers = await listInvoices(store.db, { month: MONTH, kind: "invoice", limit: 400 });
    }
    if (headers.length === 0) throw new Error(`the demo company has no invoice of ${MONTH}`);
    const sample = await invoicesWithLines(
      store.db,
      headers.filter((_, i) => i % 20 === 0).map((h) => h.id),
    );
    sample.sort((a, b) => a.lines.length - b.lines.length || (a.id < b.id ? -1 : 1));
    const median = sample[Math.floor(sample.length / 2)]!;
    return { id: median.id, lines: median.lines.length };
  } finally {
    await store.close();
  }
}

/** `uplink serve --port 0` on the folder; resolves with its URL and admin token once it listens. */
async function startServer(
  home: string,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, ["dist/cli/main.js", "serve", "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, UPLINK_HOME: home, UPLINK_DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("uplink serve did not start in 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`uplink serve exited (${code}): ${stdout}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Uplink is serving (\S+)/.exec(stdout)?.[1];
      const token = /Admin token: (\S+)/.exec(stdout)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ child, url: url.replace("localhost", "127.0.0.1"), token });
      }
    });
  });
}

function drive(
  url: string,
  headers: Record<string, string>,
  amount: number,
  connections: number,
): Promise<Driven> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, amount, connections, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve({ ...result, seconds: (performance.now() - started) / 1000 }),
    );
  });
}
