import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { type Currency, Decimal, parsePeriod } from "../src/core/index.js";
import {
  type GroupCompany,
  insertCustomers,
  insertGroupCompanies,
  listGroupCompanies,
} from "../src/customers/index.js";
import { loadLedgerResolver } from "../src/flows/index.js";
import {
  accountsByName,
  consolidate,
  ensureCharts,
  groupTrialBalance,
  type MonthlyBalance,
  monthWindow,
  rateBookFor,
  STANDARD_CHART,
  saveTranslationRates,
  type TranslationRate,
} from "../src/ledger/index.js";
import { buildQuarterlyReport, loadValueResolver } from "../src/reporting/index.js";
import { type Database, openStore, SQLITE_FILE_NAME } from "../src/store/index.js";
import type { BenchFigure } from "./bench-figure.js";

// The quarterly trial balance of a large ledger, read from the kept balances (what every report
// does) against the same trial balance computed from sums scanned over the postings. The ledger
// is generated inside SQLite with INSERT … SELECT over a counter (lines first, then entries, so
// the store's balance trigger checks every entry), in transactions of a million postings.

// Ten million postings take several minutes to load on a small machine, past what `npm run bench`
// should cost; the default is one million, and UPLINK_BENCH_LEDGER_POSTINGS=10000000 runs the full
// size. The trial balance from the kept balances does not grow with the postings (it reads one row
// per account × company × month), the scan does.
const POSTINGS = Number(process.env.UPLINK_BENCH_LEDGER_POSTINGS ?? 1_000_000);
const CHUNK_ENTRIES = 500_000;
const CUSTOMERS = 2_000;
const MONTHS = monthsFrom("2010-04", 36); // FY10 – FY12

const company = (
  id: string,
  relation: GroupCompany["relation"],
  ownership: string,
  currency: GroupCompany["functionalCurrency"],
): GroupCompany => ({
  id,
  name: id,
  parentId: relation === "parent" ? null : "parent",
  ownershipPercent: new Decimal(ownership),
  functionalCurrency: currency,
  consolidatedFrom: "2000-04-01",
  relation,
});

const GROUP = [
  company("parent", "parent", "100", "JPY"),
  company("systems", "subsidiary", "100", "JPY"),
  company("atm", "subsidiary", "79.5", "JPY"),
  company("america", "subsidiary", "100", "USD"),
  company("investee", "equity_method", "20", "JPY"),
];

function monthsFrom(first: string, count: number): string[] {
  const [y, m] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const month = m - 1 + i;
    return `${y + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
  });
}

function rates(): TranslationRate[] {
  return MONTHS.flatMap((month, i) => {
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const jpy = new Decimal(80).plus(new Decimal(i % 7).div(10));
    return [
      {
        currency: "USD",
        kind: "average",
        startsOn: `${month}-01`,
        endsOn: last,
        jpyPerUnit: jpy,
        source: "bench",
      },
      {
        currency: "USD",
        kind: "closing",
        startsOn: last,
        endsOn: last,
        jpyPerUnit: jpy.plus("0.05"),
        source: "bench",
      },
    ] as TranslationRate[];
  });
}

function medianMs(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Loads `postings` postings (two per entry) straight into the SQLite file. For speed the load runs
 * as a restore would: the ledger's triggers, foreign keys and secondary indexes are set aside,
 * the rows written with INSERT … SELECT over a counter (balanced by construction), then the
 * indexes and triggers are created again and the kept balances computed from the postings.
 */
function loadPostings(file: string, postings: number): void {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // bench data: durability of the load does not matter
  db.pragma("foreign_keys = OFF");
  db.pragma("cache_size = -1000000");
  const setAside = db
    .prepare(
      `select type, name, sql from sqlite_master
       where tbl_name in ('journal_lines', 'journal_entries') and sql is not null
         and type in ('trigger', 'index')`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const item of setAside) db.exec(`drop ${item.type} ${item.name}`);

  const accounts = STANDARD_CHART.filter((a) => !a.name.includes("Intercompany")).map(
    (a) => a.name,
  );
  db.exec("create temp table bench_accounts (k integer primary key, name text not null)");
  db.exec(
    "create temp table bench_entities (k integer primary key, id text not null, currency text not null)",
  );
  db.exec("create temp table bench_months (k integer primary key, month text not null)");
  const insertAccount = db.prepare("insert into bench_accounts values (?, ?)");
  accounts.forEach((name, k) => {
    insertAccount.run(k, name);
  });
  const insertEntity = db.prepare("insert into bench_entities values (?, ?, ?)");
  GROUP.forEach((c, k) => {
    insertEntity.run(k, c.id, c.functionalCurrency);
  });
  const insertMonth = db.prepare("insert into bench_months values (?, ?)");
  MONTHS.forEach((month, k) => {
    insertMonth.run(k, month);
  });

  const entries = Math.floor(postings / 2);
  const a = accounts.length;
  const e = GROUP.length;
  const m = MONTHS.length;
  // Entry i: company i mod e, month (i ÷ 7) mod m, debit account i mod a, credit (i·7 + 3) mod a.
  const generated = (from: number, to: number) => `
    with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${to - 1})
    select printf('B%09d', n.i) as id, e.id as entity, e.currency as currency, mo.month as month,
      d.name as debit, c.name as credit, ((n.i * 7919) % 1000000) + 1 as amount,
      printf('C%05d', (n.i % ${CUSTOMERS}) + 1) as customer
    from n
    join bench_entities e on e.k = n.i % ${e}
    join bench_months mo on mo.k = (n.i / 7) % ${m}
    join bench_accounts d on d.k = n.i % ${a}
    join bench_accounts c on c.k = (n.i * 7 + 3) % ${a}`;
  for (let from = 0; from < entries; from += CHUNK_ENTRIES) {
    const to = Math.min(from + CHUNK_ENTRIES, entries);
    db.transaction(() => {
      db.exec(`
        insert into journal_lines (entry_id, line_no, entity_id, month, account, amount, currency, customer_id)
        select id, 1, entity, month, debit, amount, currency, customer from (${generated(from, to)})
        union all
        select id, 2, entity, month, credit, -amount, currency, customer from (${generated(from, to)})`);
      db.exec(`
        insert into journal_entries (id, entity_id, entry_date, description, source_kind, source_id)
        select id, entity, month || '-15', 'bench entry', 'run', 'bench' from (${generated(from, to)})`);
    })();
  }
  for (const item of setAside.filter((x) => x.type === "index")) db.exec(item.sql);
  for (const item of setAside.filter((x) => x.type === "trigger")) db.exec(item.sql);
  // The kept balances, as postEntries keeps them (one upsert-add per account × company × month).
  db.exec(`
    insert into ledger_balances (entity_id, account, month, currency, counterparty_id, amount)
    select entity_id, account, month, currency, coalesce(counterparty_id, ''), sum(amount)
    from journal_lines group by entity_id, account, month, currency, coalesce(counterparty_id, '')`);
  db.exec("analyze");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/**
 * The baseline: the same trial balance from sums scanned over the postings. The scan is given its
 * best plan on SQLite (a full table scan, `not indexed`: going through the (company, month) index
 * costs a random row read per posting and is several times slower).
 */
async function trialBalanceFromPostings(
  db: Kysely<Database>,
  window: ReturnType<typeof monthWindow>,
) {
  const [companies, scanned, accounts] = await Promise.all([
    listGroupCompanies(db),
    sql<{
      entity_id: string;
      account: string;
      month: string;
      currency: string;
      counterparty_id: string;
      amount: number | bigint;
    }>`select entity_id, account, month, currency, coalesce(counterparty_id, '') as counterparty_id,
        sum(amount) as amount
      from journal_lines not indexed where month <= ${window.lastMonth}
      group by entity_id, account, month, currency, coalesce(counterparty_id, '')`.execute(db),
    accountsByName(db),
  ]);
  const sums: MonthlyBalance[] = scanned.rows.map((r) => ({
    entity: r.entity_id,
    account: r.account,
    month: r.month,
    currency: r.currency as Currency,
    counterparty: r.counterparty_id === "" ? null : r.counterparty_id,
    amount: BigInt(r.amount),
  }));
  return consolidate(
    companies,
    sums,
    (name) => accounts.get(name)?.type ?? "asset",
    window,
    rateBookFor(rates(), window.endDate),
  );
}

export async function ledgerBench(): Promise<BenchFigure[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-ledger-bench-"));
  try {
    const setup = await openStore({ home, databaseUrl: undefined });
    await setup.db.transaction().execute(async (tx) => {
      await insertGroupCompanies(tx, GROUP);
      await insertCustomers(
        tx,
        Array.from({ length: CUSTOMERS }, (_, i) => ({
          id: `C${String(i + 1).padStart(5, "0")}`,
          name: `Customer ${i + 1}`,
          industry: "communication_it",
          country: "JP",
          groupCompanyId: "parent",
          billingCurrency: "JPY" as const,
          status: "active" as const,
          statusSince: "2010-04-01",
          billingAddress: "Tokyo",
        })),
      );
      await ensureCharts(
        tx,
        GROUP.map((c) => c.id),
      );
      await saveTranslationRates(tx, rates());
    });
    await setup.close();

    const loadStart = process.hrtime.bigint();
    loadPostings(path.join(home, SQLITE_FILE_NAME), POSTINGS);
    const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

    const store = await openStore({ home, databaseUrl: undefined });
    const window = monthWindow(parsePeriod("2Q12"));
    const fromBalances = await groupTrialBalance(store.db, window); // warm the cache
    const balanceTimes: number[] = [];
    for (let i = 0; i < 9; i++)
      balanceTimes.push(await timeMs(() => groupTrialBalance(store.db, window)));
    const scanTimes: number[] = [];
    let fromPostings = await trialBalanceFromPostings(store.db, window);
    for (let i = 0; i < 3; i++) {
      scanTimes.push(
        await timeMs(async () => {
          fromPostings = await trialBalanceFromPostings(store.db, window);
        }),
      );
    }
    const shown = (lines: readonly { account: string; balance: bigint }[]) =>
      lines.map((l) => `${l.account}=${l.balance}`).join(";");
    if (shown(fromBalances.lines) !== shown(fromPostings.lines)) {
      throw new Error("the trial balance from balances differs from the one from postings");
    }
    // The quarterly report from the ledger: every booked quarter's consolidated balances as facts,
    // then the same resolver and report as the published figures (which are the baseline).
    const period = parsePeriod("2Q12");
    const ledgerReport = async () =>
      buildQuarterlyReport(await loadLedgerResolver(store), period).lines.length;
    const reportedReport = async () =>
      buildQuarterlyReport(await loadValueResolver(store), period).lines.length;
    if ((await ledgerReport()) === 0) throw new Error("the report from the ledger is empty");
    await reportedReport();
    const ledgerReportTimes: number[] = [];
    const reportedReportTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      ledgerReportTimes.push(await timeMs(ledgerReport));
      reportedReportTimes.push(await timeMs(reportedReport));
    }
    const balanceRows = await store.db
      .selectFrom("ledger_balances")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    await store.close();
    const millions = `${(POSTINGS / 1e6).toLocaleString("en-US")} M postings`;
    return [
      {
        name: `consolidated 2Q12 trial balance from the kept balances (${millions}, ${Number(balanceRows?.n ?? 0).toLocaleString("en-US")} balance rows, SQLite, median of 9; equal to the scan's; it reads only the balance rows, so it does not grow with the postings${POSTINGS < 10_000_000 ? "; 10 M postings take minutes to load here: UPLINK_BENCH_LEDGER_POSTINGS=10000000 npm run bench measures them" : ""})`,
        value: medianMs(balanceTimes),
        unit: "ms",
        baseline: {
          name: "the same from sums scanned over the postings (median of 3)",
          value: medianMs(scanTimes),
        },
      },
      {
        name: `2Q12 quarterly report from the ledger (${millions}; ${MONTHS.length / 3} booked quarters read from the kept balances, consolidated, then the report; median of 5; uplink report --period 2Q12 --source ledger)`,
        value: medianMs(ledgerReportTimes),
        unit: "ms",
        baseline: {
          name: "the same report from the published facts (median of 5)",
          value: medianMs(reportedReportTimes),
        },
      },
      {
        name: `loading the ${millions} (INSERT … SELECT with triggers and indexes set aside, then restored)`,
        value: loadSeconds,
        unit: "s",
      },
    ];
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

// `node --import tsx bench/ledger-bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await ledgerBench()) {
    const baseline = figure.baseline
      ? ` (baseline ${figure.baseline.name}: ${figure.baseline.value.toFixed(1)} ${figure.unit})`
      : "";
    process.stdout.write(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit}${baseline}\n`);
  }
}
