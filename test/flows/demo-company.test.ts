import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractedBandwidthAtQuarterEnds } from "../../src/contracts/index.js";
import { formatPeriod, parsePeriod, periodContaining } from "../../src/core/index.js";
import { countCustomers } from "../../src/customers/index.js";
import { buildDemoCompany } from "../../src/flows/index.js";
import {
  exportHledgerJournal,
  ledgerTrialBalance,
  metricBalances,
  monthlyBalances,
  monthlySumsOfPostings,
  monthWindow,
  parseHledgerBalanceCsv,
} from "../../src/ledger/index.js";
import { loadValueResolver } from "../../src/reporting/index.js";
import { openStore } from "../../src/store/index.js";
import { tableDigest } from "../support/table-digest.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();
const DEMO_TABLES = [
  "group_companies",
  "customers",
  "contracts",
  "contract_events",
  "si_projects",
  "si_project_progress",
  "equipment_deliveries",
  "atms",
  "cost_records",
  "fx_rates",
  "atm_withdrawals",
  "usage_samples",
  "invoices",
  "invoice_lines",
  "translation_rates",
  "journal_entries",
  "journal_lines",
  "ledger_balances",
];
const COST_CATEGORIES = [
  "cost.network.circuit",
  "cost.network.network_operation",
  "cost.network.personnel",
  "cost.network.outsourcing",
  "cost.network.other",
  "cost.si.purchasing",
  "cost.si.outsourcing",
  "cost.si.personnel",
  "cost.si.network_operation",
  "cost.si.other",
  "cost.equipment",
  "cost.atm",
  "sga.sales_marketing",
  "sga.general_admin",
  "sga.rnd",
];
const hledger = spawnSync("hledger", ["--version"], { encoding: "utf8" }).status === 0;

const REVENUE_LINES = [
  "revenue.network.connectivity_corporate",
  "revenue.network.connectivity_home",
  "revenue.network.wan",
  "revenue.network.outsourcing",
  "revenue.si.construction",
  "revenue.si.operation",
  "revenue.equipment",
  "revenue.atm",
];

describe.each(kinds)("the demo company on %s", (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await buildDemoCompany(t.store);
  }, 1_200_000);
  afterAll(async () => {
    await t.dispose();
  }, 120_000);

  it("has the contracted bandwidth of every reported quarter end within 1%", async () => {
    const resolve = await loadValueResolver(t.store);
    const quarters = [
      ...(await contractedBandwidthAtQuarterEnds(t.store.db, parsePeriod("FY11"))),
      ...(await contractedBandwidthAtQuarterEnds(t.store.db, parsePeriod("1H12"))),
    ];
    expect(quarters.map((q) => q.period)).toEqual(["1Q11", "2Q11", "3Q11", "4Q11", "1Q12", "2Q12"]);
    for (const quarter of quarters) {
      const reported = resolve({
        metric: "kpi.contracted_bandwidth_gbps",
        period: parsePeriod(quarter.period),
      })!.value;
      const off = quarter.gbps.minus(reported).abs().div(reported).toNumber();
      expect(off, `${quarter.period}: ${quarter.gbps} Gbps against ${reported}`).toBeLessThan(0.01);
    }
  });

  it("invoices each quarter's revenue per line within 1% of the reported figure", async () => {
    const resolve = await loadValueResolver(t.store);
    const rows = await sql<{ month: string; metric: string; yen: string | number }>`
      select i.month as month, l.revenue_metric as metric, sum(l.amount_yen) as yen
      from invoice_lines l join invoices i on i.id = l.invoice_id
      group by i.month, l.revenue_metric`.execute(t.store.db);
    const invoiced = new Map<string, number>();
    for (const row of rows.rows) {
      const quarter = formatPeriod(periodContaining(`${row.month}-01`, "quarter"));
      const key = `${row.metric}@${quarter}`;
      invoiced.set(key, (invoiced.get(key) ?? 0) + Number(row.yen));
    }
    for (const quarter of ["1Q11", "2Q11", "3Q11", "4Q11", "1Q12", "2Q12"]) {
      for (const metric of REVENUE_LINES) {
        const reported = resolve({ metric, period: parsePeriod(quarter) })?.value.toNumber();
        // The SI lines of 3Q11 and 4Q11 were published only as a sum: check the sum there.
        if (reported === undefined) continue;
        const billed = invoiced.get(`${metric}@${quarter}`) ?? 0;
        expect(Math.abs(billed - reported) / reported, `${metric} ${quarter}`).toBeLessThan(0.01);
      }
      const si = resolve({ metric: "revenue.si", period: parsePeriod(quarter) })!.value.toNumber();
      const billedSi =
        (invoiced.get(`revenue.si.construction@${quarter}`) ?? 0) +
        (invoiced.get(`revenue.si.operation@${quarter}`) ?? 0);
      expect(Math.abs(billedSi - si) / si, `revenue.si ${quarter}`).toBeLessThan(0.01);
    }
  });

  it("books every month it bills: each revenue line and cost category from the ledger within 1% of the reported quarter", async () => {
    const resolve = await loadValueResolver(t.store);
    for (const quarter of ["1Q11", "2Q11", "3Q11", "4Q11", "1Q12", "2Q12"]) {
      const period = parsePeriod(quarter);
      const booked = new Map(
        (await metricBalances(t.store.db, monthWindow(period))).map((b) => [b.metric, b.amount]),
      );
      const lines = [...REVENUE_LINES, ...COST_CATEGORIES];
      for (const metric of lines) {
        const reported = resolve({ metric, period })?.value.toNumber();
        // The SI lines of 3Q11 and 4Q11 were published only as a sum: the sum is checked below.
        if (reported === undefined) continue;
        const ledger = Number(booked.get(metric) ?? 0n);
        expect(Math.abs(ledger - reported) / reported, `${metric} ${quarter}`).toBeLessThan(0.01);
      }
      const si = resolve({ metric: "revenue.si", period })!.value.toNumber();
      const ledgerSi =
        Number(booked.get("revenue.si.construction") ?? 0n) +
        Number(booked.get("revenue.si.operation") ?? 0n);
      expect(Math.abs(ledgerSi - si) / si, `revenue.si ${quarter}`).toBeLessThan(0.01);
    }
  });

  it("opens its books so that the balance sheet at the end of FY11 is the reported one", async () => {
    const resolve = await loadValueResolver(t.store);
    const period = parsePeriod("4Q11");
    const booked = new Map(
      (await metricBalances(t.store.db, monthWindow(period))).map((b) => [b.metric, b.amount]),
    );
    const lines = [
      "bs.cash",
      "bs.accounts_receivable",
      "bs.property_equipment",
      "bs.accounts_payable",
      "bs.income_taxes_payable",
      "bs.borrowings",
      "bs.accumulated_deficit",
      "bs.accumulated_other_comprehensive_loss",
    ];
    for (const metric of lines) {
      const reported = resolve({ metric, period })!.value.toFixed(0);
      expect(booked.get(metric)?.toString(), metric).toBe(reported);
    }
    // Six months later the books have moved on from there, by what they recorded.
    const later = new Map(
      (await metricBalances(t.store.db, monthWindow(parsePeriod("2Q12")))).map((b) => [
        b.metric,
        b.amount,
      ]),
    );
    expect(later.get("bs.cash")).not.toBe(booked.get("bs.cash"));
  });

  it("keeps balances equal to the sum of its postings, every entry balanced", async () => {
    const key = (b: { entity: string; account: string; month: string; currency: string }) =>
      `${b.entity}|${b.account}|${b.month}|${b.currency}`;
    const kept = await monthlyBalances(t.store.db, { through: "2012-09" });
    const summed = await monthlySumsOfPostings(t.store.db, { through: "2012-09" });
    const asMap = (rows: typeof kept) => {
      const map = new Map<string, bigint>();
      for (const row of rows) map.set(key(row), (map.get(key(row)) ?? 0n) + row.amount);
      return new Map([...map].filter(([, v]) => v !== 0n));
    };
    // 9 companies × their accounts × 18 months: hundreds of kept rows, each checked.
    expect(kept.length).toBeGreaterThan(500);
    expect(asMap(kept)).toEqual(asMap(summed));
    const unbalanced = await sql<{ entry_id: string }>`
      select entry_id from journal_lines group by entry_id, currency having sum(amount) <> 0`.execute(
      t.store.db,
    );
    expect(unbalanced.rows).toEqual([]);
  });

  it.runIf(hledger && kind === kinds[0])(
    "exports FY11 as a journal whose hledger balances and income statement equal the trial balance",
    async () => {
      const window = monthWindow(parsePeriod("FY11"));
      const trial = new Map(
        (await ledgerTrialBalance(t.store.db, window)).map((l) => [l.account, l.balance]),
      );
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-demo-hledger-"));
      try {
        const file = path.join(dir, "fy11.journal");
        fs.writeFileSync(file, await exportHledgerJournal(t.store.db, window));
        const balance = spawnSync("hledger", ["-f", file, "balance", "--flat", "-O", "csv"], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(balance.stderr).toBe("");
        expect(parseHledgerBalanceCsv(balance.stdout)).toEqual(trial);
        const statement = spawnSync("hledger", ["-f", file, "incomestatement", "-O", "csv"], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        });
        const net = /"Net:","JPY (-?\d+)"/.exec(statement.stdout)?.[1];
        let profit = 0n;
        for (const [account, yen] of trial) {
          if (account.startsWith("Revenue:") || account.startsWith("Expenses:")) profit -= yen;
        }
        expect(net).toBeDefined();
        expect(BigInt(net!)).toBe(profit);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it("has as many contracts over 1 Gbps as reported, and about 6,500 customers", async () => {
    const byQuarter = new Map(
      [
        ...(await contractedBandwidthAtQuarterEnds(t.store.db, parsePeriod("FY11"))),
        ...(await contractedBandwidthAtQuarterEnds(t.store.db, parsePeriod("1H12"))),
      ].map((q) => [q.period, q.contractsOver1Gbps]),
    );
    // Slide Ⅱ-4 (1): 129 contracts over 1 Gbps at Sep 30 2011, 164 at Sep 30 2012.
    expect(byQuarter.get("2Q11")).toBe(129);
    expect(byQuarter.get("2Q12")).toBe(164);
    // The company profile: "approx. 6,500 clients" as of Sep 2012.
    expect(Math.abs((await countCustomers(t.store.db)) - 6500)).toBeLessThan(65);
  });

  let digest: Awaited<ReturnType<typeof tableDigest>> | undefined;
  it("changes nothing when built again", async () => {
    const before = await tableDigest(t.store, DEMO_TABLES);
    const again = await buildDemoCompany(t.store);
    expect(again.phasesRun).toEqual([]);
    digest = await tableDigest(t.store, DEMO_TABLES);
    expect(digest).toEqual(before);
  }, 600_000);

  it("refuses another seed in the same data folder", async () => {
    await expect(buildDemoCompany(t.store, { seed: 7 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  // The command, killed at several points — while planning, writing records, metering, billing
  // and booking — then started again, ends with the tables of this uninterrupted build.
  it.runIf(kind === "sqlite")(
    "ends identical to an uninterrupted build when killed part-way and started again",
    async () => {
      const interrupted = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-demo-"));
      try {
        for (const ms of [700, 2500, 12_000, 40_000]) await runDemo(interrupted, ms);
        expect(await runDemo(interrupted)).toBe(0);
        const b = await openStore({ home: interrupted, databaseUrl: undefined });
        try {
          expect(await tableDigest(b, DEMO_TABLES)).toEqual(
            digest ?? (await tableDigest(t.store, DEMO_TABLES)),
          );
        } finally {
          await b.close();
        }
      } finally {
        fs.rmSync(interrupted, { recursive: true, force: true });
      }
    },
    1_200_000,
  );
});

const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

function runDemo(dir: string, killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, "demo", "--home", dir], {
      stdio: "ignore",
      env: { ...process.env, UPLINK_DATABASE_URL: "" },
    });
    if (killAfterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("exit", (code) => resolve(code));
  });
}
