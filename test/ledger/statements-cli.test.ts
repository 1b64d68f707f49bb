import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postEntries } from "../../src/ledger/index.js";
import { runCli } from "../support/run-cli.js";
import { openTestStore, type TestStore } from "../support/test-stores.js";
import { entry, line, sale, seedLedgerWorld } from "./ledger-fixtures.js";

const DATA = path.resolve(import.meta.dirname, "../../data/ledger");

describe("uplink ledger statements | shares, uplink import shares | stock-splits | dividends", () => {
  let t: TestStore;
  const cli = (...args: string[]) => runCli(args, t.env);
  beforeAll(async () => {
    t = await openTestStore("sqlite");
    await seedLedgerWorld(t.store);
    await t.store.db
      .transaction()
      .execute((tx) =>
        postEntries(tx, [
          entry("CAP", "2011-04-01", [
            line("Assets:Cash", 3_000_000_000),
            line("Equity:CommonStock", -3_000_000_000),
          ]),
          sale("S1", "2011-07-31", 250_000_000),
          entry("C1", "2012-01-31", [
            line("Expenses:Cost:Network:Circuit", 90_000_000),
            line("Assets:Cash", -90_000_000),
          ]),
        ]),
      );
    await t.store.close();
  });
  afterAll(async () => {
    await t.dispose().catch(() => undefined);
  });

  it("prints a column per quarter end, in JPY million, with both checks", () => {
    const result = cli("ledger", "statements", "--period", "FY11");
    expect(result.stderr).toBe("");
    const header = result.stdout.split("\n").find((l) => l.includes("2011-06-30")) ?? "";
    expect(header.trim().split(/\s+/)).toEqual([
      "2011-06-30",
      "2011-09-30",
      "2011-12-31",
      "2012-03-31",
    ]);
    // Cash: 3,000 million at 1Q11's end, 2,910 million after the cost paid in 4Q11
    const cash = result.stdout.split("\n").find((l) => l.includes("Cash and cash equivalents"));
    expect(cash?.trim().split(/\s{2,}/)).toEqual([
      "Cash and cash equivalents",
      "3,000",
      "3,000",
      "3,000",
      "2,910",
    ]);
    expect(result.stdout).not.toContain("The checks fail");
    expect(result.stdout.split("\n").filter((l) => l.length > 100)).toEqual([]);
  });

  it("gives exact yen in JSON and CSV", () => {
    const json = JSON.parse(
      cli("ledger", "statements", "--period", "2Q11", "--format", "json").stdout,
    ) as {
      quarters: {
        balance_sheet: { lines: Record<string, number> };
        cash_flow: { operating: number };
      }[];
    };
    expect(json.quarters).toHaveLength(1);
    expect(json.quarters[0]?.balance_sheet.lines.receivables).toBe(250_000_000);
    // 2Q11: profit 250,000,000 on account, all of it in receivables
    expect(json.quarters[0]?.cash_flow.operating).toBe(0);
    const csv = cli("ledger", "statements", "--period", "2Q11", "--format", "csv").stdout;
    expect(csv.split("\n")[0]).toBe("statement,line,2Q11");
    expect(csv).toContain("balance_sheet,retained_earnings,250000000");
  });

  it("imports the shipped share files, a repeat changes nothing, and lists them split-adjusted", () => {
    for (const [kind, file, rows] of [
      ["shares", "shares.csv", 1],
      ["stock-splits", "stock-splits.csv", 1],
      ["dividends", "dividends.csv", 11],
    ] as const) {
      const first = cli("import", kind, path.join(DATA, file));
      expect(first.stderr).toBe("");
      expect(first.stdout).toContain(`${rows} added, 0 replaced, 0 unchanged`);
      expect(cli("import", kind, path.join(DATA, file)).stdout).toContain(
        `0 added, 0 replaced, ${rows} unchanged`,
      );
    }
    const table = cli("ledger", "shares");
    expect(table.stdout).toContain("split-adjusted to 2012-10-01 (1:200 on 2012-10-01)");
    expect(table.stdout).toMatch(/2011-04-01\s+202,683\s+200\s+40,536,600/);
    const json = JSON.parse(cli("ledger", "shares", "--format", "json").stdout) as {
      dividends: { fiscal_period: string; kind: string; split_adjusted: number }[];
    };
    expect(json.dividends.at(-1)).toMatchObject({
      fiscal_period: "FY11",
      kind: "year_end",
      split_adjusted: 8.75,
    });
  });

  it("refuses a bad dividends file with its line and field, exit status 2", () => {
    const bad = path.join(t.home, "bad-dividends.csv");
    fs.writeFileSync(
      bad,
      "fiscal_period,kind,yen_per_share,record_date,source\nFY12,final,10,2013-03-31,x\n",
    );
    const refused = cli("import", "dividends", bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${bad}:2`);
    expect(refused.stderr).toContain("kind");
  });
});
