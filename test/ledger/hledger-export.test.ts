import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal, parsePeriod } from "../../src/core/index.js";
import {
  exportHledgerJournal,
  groupMetricBalances,
  groupTrialBalance,
  ledgerTrialBalance,
  type MonthWindow,
  metricBalances,
  monthWindow,
  parseHledgerBalanceCsv,
  postEntries,
  reverseEntry,
  saveTranslationRates,
  type TranslationRate,
  type YenBalance,
} from "../../src/ledger/index.js";
import type { Database } from "../../src/store/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { entry, line, sale, seedLedgerWorld } from "./ledger-fixtures.js";

const kinds = await storeKinds();
const hledger = spawnSync("hledger", ["--version"], { encoding: "utf8" }).status === 0;
if (!hledger && process.env.CI === "true") {
  throw new Error("hledger is required under CI (apt-get install hledger)");
}

const usd = (
  kind: "average" | "closing",
  startsOn: string,
  endsOn: string,
  jpy: string,
): TranslationRate => ({
  currency: "USD",
  kind,
  startsOn,
  endsOn,
  jpyPerUnit: new Decimal(jpy),
  source: "test",
});

const RATES = [
  usd("average", "2011-04-01", "2012-03-31", "79.07"), // FY11
  usd("closing", "2012-03-30", "2012-03-30", "82.19"),
  usd("average", "2012-04-01", "2012-06-30", "80.20"), // 1Q12
  usd("closing", "2012-06-29", "2012-06-29", "79.31"),
  usd("average", "2012-07-01", "2012-09-30", "78.50"), // 2Q12
  usd("closing", "2012-09-28", "2012-09-28", "77.96"),
];

/** A small group's two years: yen and dollar books, intercompany sales, NCI, an investee, a reversal. */
async function bookTheGroup(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await saveTranslationRates(tx, RATES);
    await postEntries(tx, [
      entry("CAP", "2011-04-01", [
        line("Assets:Cash", 5_000_000),
        line("Equity:CommonStock", -5_000_000),
      ]),
      sale("S1", "2011-06-30", 1_200_000),
      sale("S2", "2011-11-15", 830_000, "Revenue:SI:Construction"),
      entry("C1", "2011-12-31", [
        line("Expenses:Cost:Network:Circuit", 640_000),
        line("Liabilities:Payables", -640_000),
      ]),
      sale("S3", "2012-05-20", 990_000),
      entry("IC1", "2012-08-10", [
        line("Assets:Intercompany", 300_000, { counterparty: "systems" }),
        line("Revenue:Network:Outsourcing", -300_000, { counterparty: "systems" }),
      ]),
      sale("S4", "2012-09-30", 455_555, "Revenue:Network:ConnectivityCorporate"),
      entry(
        "SYS1",
        "2012-08-10",
        [
          line("Expenses:Cost:Network:Outsourcing", 300_000, { counterparty: "parent" }),
          line("Liabilities:Intercompany", -300_000, { counterparty: "parent" }),
        ],
        { entity: "systems" },
      ),
      sale("SYS2", "2012-08-31", 420_000, "Revenue:Network:WAN", { entity: "systems" }),
      sale("ATM1", "2011-09-30", 100_000, "Revenue:ATM", { entity: "atm" }),
      sale("ATM2", "2012-07-31", 333_333, "Revenue:ATM", { entity: "atm" }),
      entry(
        "ATM3",
        "2012-08-31",
        [line("Expenses:Cost:ATM", 111_111), line("Assets:Cash", -111_111)],
        { entity: "atm" },
      ),
      entry(
        "US0",
        "2011-04-01",
        [
          line("Assets:Cash", 2_000_000, { currency: "USD" }),
          line("Equity:CommonStock", -2_000_000, { currency: "USD" }),
        ],
        { entity: "america" },
      ),
      entry(
        "US1",
        "2011-10-31",
        [
          line("Assets:Receivables", 123_457, { currency: "USD" }),
          line("Revenue:Network:Outsourcing", -123_457, { currency: "USD" }),
        ],
        { entity: "america" },
      ),
      entry(
        "US2",
        "2012-08-15",
        [
          line("Assets:Receivables", 98_765, { currency: "USD" }),
          line("Revenue:Network:Outsourcing", -98_765, { currency: "USD" }),
          line("Expenses:Cost:Network:Other", 33_333, { currency: "USD" }),
          line("Assets:Cash", -33_333, { currency: "USD" }),
        ],
        { entity: "america" },
      ),
      sale("ACQ1", "2012-06-15", 70_000, "Revenue:Network:WAN", { entity: "acquired" }),
      sale("ACQ2", "2012-07-15", 80_000, "Revenue:Network:WAN", { entity: "acquired" }),
      sale("INV1", "2012-08-31", 12_345, "Revenue:Network:WAN", { entity: "investee" }),
    ]);
    await reverseEntry(tx, "S3", "2012-06-01", "billed to the wrong customer");
  });
}

/** Sums the export's postings per account: the check when hledger itself is not installed. */
function balancesOfJournal(journal: string): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const text of journal.split("\n")) {
    const match = /^ {4}(\S+) {2}JPY (-?\d+)/.exec(text);
    if (!match?.[1] || !match[2]) continue;
    sums.set(match[1], (sums.get(match[1]) ?? 0n) + BigInt(match[2]));
  }
  return new Map([...sums].filter(([, v]) => v !== 0n));
}

function asMap(lines: readonly YenBalance[]): Map<string, bigint> {
  return new Map(lines.map((l) => [l.account, l.balance]));
}

describe.each(kinds)("the hledger export on %s", (kind) => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await seedLedgerWorld(t.store);
    await bookTheGroup(t.store.db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-hledger-"));
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, string | undefined][] = [
    ["FY11", undefined],
    ["1Q12", undefined],
    ["2Q12", undefined],
    ["1H12", undefined],
    ["2Q12", "america"],
    ["FY11", "parent"],
    ["2Q12", "atm"],
  ];

  it.each(cases)(
    "%s (%s): the journal's balances equal the trial balance",
    async (period, entity) => {
      const window: MonthWindow = monthWindow(parsePeriod(period));
      const trial = asMap(await ledgerTrialBalance(t.store.db, window, entity));
      expect(trial.size).toBeGreaterThan(0);
      expect([...trial.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
      const journal = await exportHledgerJournal(t.store.db, window, entity);
      expect(balancesOfJournal(journal)).toEqual(trial);
      if (!hledger) return;
      const file = path.join(dir, `${period}-${entity ?? "group"}.journal`);
      fs.writeFileSync(file, journal);
      const balance = spawnSync("hledger", ["-f", file, "balance", "--flat", "-O", "csv"], {
        encoding: "utf8",
      });
      expect(balance.stderr).toBe("");
      expect(parseHledgerBalanceCsv(balance.stdout)).toEqual(trial);
      // hledger's income statement: its net equals the trial balance's profit (revenue − expenses).
      const statement = spawnSync("hledger", ["-f", file, "incomestatement", "-O", "csv"], {
        encoding: "utf8",
      });
      const net = /"Net:","JPY (-?\d+)"/.exec(statement.stdout)?.[1] ?? "0";
      let profit = 0n;
      for (const [account, yen] of trial) {
        if (account.startsWith("Revenue:") || account.startsWith("Expenses:")) profit -= yen;
      }
      expect(BigInt(net)).toBe(profit);
    },
  );

  it("reads the metric balances of several windows at once as each window's own", async () => {
    const windows = ["FY11", "1Q12", "2Q12", "1H12"].map((p) => monthWindow(parsePeriod(p)));
    const together = await groupMetricBalances(t.store.db, windows);
    expect(together).toHaveLength(4);
    for (const [i, window] of windows.entries()) {
      expect(together[i]).toEqual(await metricBalances(t.store.db, window));
    }
    expect(together[2]!.length).toBeGreaterThan(0);
  });

  it("consolidates the group: eliminations, NCI, equity method and translation in the 2Q12 figures", async () => {
    const window = monthWindow(parsePeriod("2Q12"));
    const group = await groupTrialBalance(t.store.db, window);
    const lines = asMap(group.lines);
    // The intercompany sale is gone from both sides.
    expect(lines.get("Revenue:Network:Outsourcing")).toBe(-77_531n); // USD 987.65 × 78.50 = 77,530.525 → 77,531
    expect(lines.get("Expenses:Cost:Network:Outsourcing")).toBeUndefined();
    // 20.5% of the ATM operator's 2Q12 profit (333,333 − 111,111 = 222,222) = 45,555.51 → 45,556.
    expect(lines.get("Expenses:NoncontrollingInterests")).toBe(45_556n);
    // 20% of the investee's 12,345 = 2,469.
    expect(lines.get("Revenue:EquityMethodIncome")).toBe(-2469n);
    // The acquisition counts from July: 80,000 of WAN revenue, plus the subsidiary's 420,000.
    expect(lines.get("Revenue:Network:WAN")).toBe(-500_000n);
    expect(group.companies.find((c) => c.entity === "america")?.translationAdjustment).not.toBe(0n);
  });
});
