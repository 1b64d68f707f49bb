import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postEntries } from "../../src/ledger/index.js";
import { runCli } from "../support/run-cli.js";
import { openTestStore, type TestStore } from "../support/test-stores.js";
import { entry, line, sale, seedLedgerWorld } from "./ledger-fixtures.js";

const hledger = spawnSync("hledger", ["--version"], { encoding: "utf8" }).status === 0;

describe("uplink ledger", () => {
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
            line("Assets:Cash", 1_000_000),
            line("Equity:CommonStock", -1_000_000),
          ]),
          sale("S1", "2011-07-31", 250_000),
          entry("C1", "2011-08-31", [
            line("Expenses:Cost:Network:Circuit", 90_000),
            line("Assets:Cash", -90_000),
          ]),
          entry(
            "US1",
            "2011-10-31",
            [
              line("Assets:Receivables", 10_000, { currency: "USD" }),
              line("Revenue:Network:Outsourcing", -10_000, { currency: "USD" }),
            ],
            { entity: "america" },
          ),
        ]),
      );
    await t.store.close();
  });
  afterAll(async () => {
    await t.dispose().catch(() => undefined);
  });

  it("imports translation rates, all or nothing, and a repeat changes nothing", () => {
    const file = path.join(t.home, "rates.csv");
    fs.writeFileSync(
      file,
      "currency,kind,period,jpy_per_unit,source\nUSD,average,FY11,79.07,test\nUSD,closing,2012-03-30,82.19,test\n",
    );
    const first = cli("import", "translation-rates", file);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("2 added, 0 replaced, 0 unchanged");
    expect(cli("import", "translation-rates", file).stdout).toContain(
      "0 added, 0 replaced, 2 unchanged",
    );
    const bad = path.join(t.home, "bad.csv");
    fs.writeFileSync(
      bad,
      "currency,kind,period,jpy_per_unit,source\nUSD,average,FY11,79.07,test\nUSD,average,5Q11,1,x\n",
    );
    const refused = cli("import", "translation-rates", bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`${bad}:3`);
    expect(refused.stderr).toContain("period");
  });

  it("prints the trial balance as JSON, with account names as the export writes them", () => {
    const result = cli("ledger", "balances", "--period", "FY11", "--format", "json");
    expect(result.stderr).toBe("");
    const lines = JSON.parse(result.stdout) as { account: string; balance: number }[];
    expect(lines.find((l) => l.account === "Revenue:Network:WAN")?.balance).toBe(-250_000);
    // USD 100.00 at the FY11 average 79.07
    expect(lines.find((l) => l.account === "Revenue:Network:Outsourcing")?.balance).toBe(-7907);
    expect(lines.reduce((s, l) => s + l.balance, 0)).toBe(0);
    const csv = cli(
      "ledger",
      "balances",
      "--period",
      "FY11",
      "--entity",
      "parent",
      "--format",
      "csv",
    );
    expect(csv.stdout.split("\n")[0]).toBe("account,balance");
    expect(csv.stdout).toContain("Expenses:Cost:Network:Circuit,90000");
    const table = cli("ledger", "balances", "--period", "FY11");
    expect(table.stdout).toContain("Trial balance FY11");
    expect(table.stdout).toContain("-250,000");
    const local = cli(
      "ledger",
      "balances",
      "--period",
      "FY11",
      "--entity",
      "america",
      "--local",
      "--format",
      "json",
    );
    expect(JSON.parse(local.stdout)).toContainEqual({
      account: "Assets:Receivables",
      currency: "USD",
      balance: 10_000,
    });
  });

  it("exports a journal hledger reads, whose balances are the trial balance", () => {
    const file = path.join(t.home, "fy11.journal");
    const result = cli(
      "ledger",
      "export",
      "--period",
      "FY11",
      "--format",
      "hledger",
      "--output",
      file,
    );
    expect(result.status).toBe(0);
    const journal = fs.readFileSync(file, "utf8");
    expect(journal).toContain("2011-07-31 (S1) Entry S1");
    if (!hledger) return;
    const balance = spawnSync("hledger", ["-f", file, "balance", "--flat", "-O", "csv"], {
      encoding: "utf8",
    });
    expect(balance.stdout).toContain('"Revenue:Network:WAN","JPY -250000"');
    expect(balance.stdout).toContain('"Revenue:Network:Outsourcing","JPY -7907"');
  });

  it("closes a month and shows an entry", () => {
    expect(cli("ledger", "close", "--month", "2012-09", "--entity", "parent").stdout).toContain(
      "Closed 2012-09 for parent.",
    );
    expect(cli("ledger", "close", "--month", "2012-09", "--entity", "parent").stdout).toContain(
      "already closed",
    );
    expect(cli("ledger", "close", "--month", "2012-9").status).not.toBe(0);
    const shown = cli("ledger", "show", "S1", "--format", "json");
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: "S1",
      date: "2011-07-31",
      entity: "parent",
    });
    expect(cli("ledger", "show", "S1").stdout).toContain("Revenue:Network:WAN");
    const missing = cli("ledger", "show", "NOPE");
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('There is no journal entry "NOPE"');
  });
});
