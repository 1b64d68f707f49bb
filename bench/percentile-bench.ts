import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER } from "@duckdb/node-api";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { percentileOf } from "../src/metering/index.js";
import type { BenchFigure } from "./bench-figure.js";

// The 95th-percentile step of a billing month three ways on the same samples: Uplink's selection
// over typed arrays, DuckDB's quantile_disc and PostgreSQL's percentile_disc. All three take the
// sample at rank ceil(0.95·n) of the n present (DuckDB: index n − floor(n − 0.95·n); PostgreSQL:
// the first value whose cumulative share reaches 0.95; both checked equal to ceil(19n/20) for every
// n up to 9,000), so they must agree on every contract, and the bench throws if they do not.

const CONTRACTS = 6_500;
const WINDOWS = 30 * 288; // September: 8,640 five-minute windows
/** PostgreSQL gets the first contracts only: loading all 56 M rows with COPY takes minutes. */
const POSTGRES_CONTRACTS = 1_000;
const POSTGRES_URL =
  process.env.UPLINK_BENCH_DATABASE_URL ??
  process.env.UPLINK_TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

/** A month of samples per contract, contract after contract; some contracts miss days. */
interface BenchMonth {
  readonly inBps: Float64Array;
  readonly outBps: Float64Array;
  readonly offset: Int32Array;
  readonly count: Int32Array;
  readonly samples: number;
}

interface Readings {
  readonly inBps: Float64Array;
  readonly outBps: Float64Array;
  readonly billedBps: Float64Array;
}

export async function percentileBench(): Promise<BenchFigure[]> {
  const month = generateMonth();
  const all = { from: 0, to: CONTRACTS };
  const subset = { from: 0, to: POSTGRES_CONTRACTS };

  const uplink = bestOf(3, () => uplinkPercentiles(month, all));
  const duck = await duckdbPercentiles(month);
  expectAgreement("DuckDB", uplink.result, duck.readings, all);

  const figures: BenchFigure[] = [
    {
      name: `95th percentile in/out/billed, ${CONTRACTS.toLocaleString("en-US")} contracts × ${WINDOWS.toLocaleString("en-US")} five-minute samples × 2 directions (${(month.samples / 1e6).toFixed(1)} M samples each way; Uplink's selection on one thread, best of 3; every contract agrees)`,
      value: uplink.ms,
      unit: "ms",
      baseline: {
        name: "DuckDB quantile_disc on the same rows (2 threads, best of 2)",
        value: duck.ms,
      },
    },
    {
      name: "  (DuckDB: loading those rows with its appender, not counted above)",
      value: duck.loadMs,
      unit: "ms",
    },
  ];

  const postgres = await postgresPercentiles(month, subset);
  if (postgres === null) {
    process.stderr.write(
      `  PostgreSQL at ${POSTGRES_URL} did not answer: its comparison is skipped.\n`,
    );
    return figures;
  }
  expectAgreement("PostgreSQL", uplink.result, postgres.readings, subset);
  const uplinkSubset = bestOf(3, () => uplinkPercentiles(month, subset));
  const subsetSamples = month.offset[subset.to - 1]! + month.count[subset.to - 1]!;
  figures.push(
    {
      name: `the same on the first ${POSTGRES_CONTRACTS.toLocaleString("en-US")} contracts (${(subsetSamples / 1e6).toFixed(1)} M samples each way; a subset because COPY of all rows takes minutes; every contract agrees)`,
      value: uplinkSubset.ms,
      unit: "ms",
      baseline: {
        name: "PostgreSQL percentile_disc on the same rows (temp table, work_mem 256MB)",
        value: postgres.ms,
      },
    },
    {
      name: "  (PostgreSQL: COPY of those rows into a temp table, not counted above)",
      value: postgres.loadMs,
      unit: "ms",
    },
  );
  return figures;
}

/** Deterministic traffic: a bandwidth tier per contract, a daily curve, noise and rare bursts. */
function generateMonth(): BenchMonth {
  const tiers = [1e6, 5e6, 10e6, 30e6, 100e6, 300e6, 1e9, 2e9, 10e9];
  const daily = Float64Array.from(
    { length: 288 },
    (_, slot) => 0.55 + 0.45 * Math.sin(((slot - 96) / 288) * 2 * Math.PI),
  );
  const offset = new Int32Array(CONTRACTS);
  const count = new Int32Array(CONTRACTS);
  let samples = 0;
  for (let c = 0; c < CONTRACTS; c++) {
    offset[c] = samples;
    // Every 13th contract started on the 4th: 27 days of samples, n = 7,776.
    count[c] = c % 13 === 5 ? WINDOWS - 3 * 288 : WINDOWS;
    samples += count[c]!;
  }
  const inBps = new Float64Array(samples);
  const outBps = new Float64Array(samples);
  let state = 0x9e3779b9;
  const random = () => {
    // xorshift32: the same sequence on every run and machine.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  for (let c = 0; c < CONTRACTS; c++) {
    const tier = tiers[c % tiers.length]!;
    const use = 0.1 + 0.5 * random();
    const skipped = WINDOWS - count[c]!;
    for (let i = 0; i < count[c]!; i++) {
      const base = tier * use * daily[(i + skipped) % 288]!;
      const burst = random() < 0.01 ? 3 : 1;
      const at = offset[c]! + i;
      inBps[at] = Math.floor(base * burst * (0.8 + 0.4 * random()));
      outBps[at] = Math.floor(base * 0.4 * (0.8 + 0.4 * random()));
    }
  }
  return { inBps, outBps, offset, count, samples };
}

function uplinkPercentiles(month: BenchMonth, range: { from: number; to: number }): Readings {
  const size = range.to - range.from;
  const readings = {
    inBps: new Float64Array(size),
    outBps: new Float64Array(size),
    billedBps: new Float64Array(size),
  };
  for (let c = range.from; c < range.to; c++) {
    const start = month.offset[c]!;
    const end = start + month.count[c]!;
    const inbound = percentileOf(month.inBps.subarray(start, end)).bps!;
    const outbound = percentileOf(month.outBps.subarray(start, end)).bps!;
    readings.inBps[c - range.from] = inbound;
    readings.outBps[c - range.from] = outbound;
    readings.billedBps[c - range.from] = Math.max(inbound, outbound);
  }
  return readings;
}

async function duckdbPercentiles(
  month: BenchMonth,
): Promise<{ readings: Readings; ms: number; loadMs: number }> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run("create table samples (contract integer, in_bps double, out_bps double)");
    const loadStart = performance.now();
    const appender = await connection.createAppender("samples");
    const rows = 2_048;
    const chunk = DuckDBDataChunk.create([INTEGER, DOUBLE, DOUBLE], rows);
    let contract = 0;
    for (let at = 0; at < month.samples; at += rows) {
      const size = Math.min(rows, month.samples - at);
      chunk.rowCount = size;
      const ids = chunk.getColumnVector(0);
      const inbound = chunk.getColumnVector(1);
      const outbound = chunk.getColumnVector(2);
      for (let i = 0; i < size; i++) {
        while (at + i >= month.offset[contract]! + month.count[contract]!) contract++;
        ids.setItem(i, contract);
        inbound.setItem(i, month.inBps[at + i]!);
        outbound.setItem(i, month.outBps[at + i]!);
      }
      ids.flush();
      inbound.flush();
      outbound.flush();
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
    const loadMs = performance.now() - loadStart;
    const query = `select contract, quantile_disc(in_bps, 0.95) as in_bps, quantile_disc(out_bps, 0.95) as out_bps
      from samples group by contract`;
    const timed = await bestOfAsync(2, async () =>
      (await connection.runAndReadAll(query)).getRowObjectsJS(),
    );
    const readings = emptyReadings(CONTRACTS);
    for (const row of timed.result) {
      const c = Number(row.contract);
      readings.inBps[c] = Number(row.in_bps);
      readings.outBps[c] = Number(row.out_bps);
      readings.billedBps[c] = Math.max(readings.inBps[c]!, readings.outBps[c]!);
    }
    return { readings, ms: timed.ms, loadMs };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function postgresPercentiles(
  month: BenchMonth,
  range: { from: number; to: number },
): Promise<{ readings: Readings; ms: number; loadMs: number } | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    await client.query("set work_mem = '256MB'");
    await client.query(
      "create temp table bench_samples (contract integer, in_bps bigint, out_bps bigint)",
    );
    const loadStart = performance.now();
    await pipeline(
      Readable.from(copyLines(month, range)),
      client.query(copyFrom("copy bench_samples from stdin")),
    );
    await client.query("analyze bench_samples");
    const loadMs = performance.now() - loadStart;
    const query = `select contract,
        percentile_disc(0.95) within group (order by in_bps) as in_bps,
        percentile_disc(0.95) within group (order by out_bps) as out_bps
      from bench_samples group by contract`;
    const timed = await bestOfAsync(1, async () => (await client.query(query)).rows);
    const readings = emptyReadings(range.to - range.from);
    for (const row of timed.result as { contract: number; in_bps: string; out_bps: string }[]) {
      const c = row.contract - range.from;
      readings.inBps[c] = Number(row.in_bps);
      readings.outBps[c] = Number(row.out_bps);
      readings.billedBps[c] = Math.max(readings.inBps[c]!, readings.outBps[c]!);
    }
    return { readings, ms: timed.ms, loadMs };
  } finally {
    await client.end();
  }
}

/** COPY text rows (contract, in, out), about a megabyte at a time. */
function* copyLines(month: BenchMonth, range: { from: number; to: number }): Generator<string> {
  let lines: string[] = [];
  for (let c = range.from; c < range.to; c++) {
    const start = month.offset[c]!;
    for (let at = start; at < start + month.count[c]!; at++) {
      lines.push(`${c}\t${month.inBps[at]}\t${month.outBps[at]}\n`);
      if (lines.length === 40_000) {
        yield lines.join("");
        lines = [];
      }
    }
  }
  if (lines.length > 0) yield lines.join("");
}

function expectAgreement(
  engine: string,
  uplink: Readings,
  other: Readings,
  range: { from: number; to: number },
): void {
  for (let c = range.from; c < range.to; c++) {
    const i = c - range.from;
    for (const direction of ["inBps", "outBps", "billedBps"] as const) {
      if (uplink[direction][c] !== other[direction][i]) {
        throw new Error(
          `${engine} disagrees with Uplink on contract ${c} (${direction}): ${other[direction][i]} against ${uplink[direction][c]}`,
        );
      }
    }
  }
}

function emptyReadings(size: number): Readings {
  return {
    inBps: new Float64Array(size).fill(-1),
    outBps: new Float64Array(size).fill(-1),
    billedBps: new Float64Array(size).fill(-1),
  };
}

function bestOf<T>(runs: number, run: () => T): { result: T; ms: number } {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    best = Math.min(best, performance.now() - start);
  }
  return { result: result!, ms: best };
}

async function bestOfAsync<T>(
  runs: number,
  run: () => Promise<T>,
): Promise<{ result: T; ms: number }> {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await run();
    best = Math.min(best, performance.now() - start);
  }
  return { result: result!, ms: best };
}
