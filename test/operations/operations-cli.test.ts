import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runCli } from "../support/run-cli.js";
import { seedGroupAndCustomers, writeFile } from "./operations-fixture.js";

const PROJECTS = `id,customer,name,kind,recognition,ordered_on,order_value_yen,follows_project,accepted_on,starts_on,ends_on,monthly_fee_yen
P1,C00001,Campus network,construction,percentage_of_completion,2012-04-10,10000000,,2012-12-20,,,
P2,C00002,FX platform,construction,on_acceptance,2011-11-01,3000000,,2012-05-15,,,
P3,C00002,FX platform O&M,operation,,2012-03-15,,P2,,2012-04-01,2013-03-31,500000
`;

describe("the operations commands", () => {
  let home: string;
  const cli = (...args: string[]) => runCli(args, { UPLINK_HOME: home });

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-operations-cli-"));
    const store = await openStore({ home, databaseUrl: undefined });
    await seedGroupAndCustomers(store);
    await store.close();
  });

  it.each([
    [["import", "projects"]],
    [["import", "project-progress"]],
    [["import", "deliveries"]],
    [["import", "atms"]],
    [["import", "costs"]],
    [["projects", "list"]],
    [["projects", "show"]],
    [["projects", "backlog"]],
    [["atms", "list"]],
    [["atms", "count"]],
    [["costs", "list"]],
    [["costs", "summary"]],
    [["deliveries", "list"]],
  ])("explains itself with --help (%o)", (args) => {
    const result = runCli([...args, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: uplink/);
  });

  it("imports projects once, then reports the repeat as unchanged", () => {
    const file = writeFile("projects.csv", PROJECTS);
    expect(cli("import", "projects", file).stdout).toBe(
      `${file}: 3 added, 0 replaced, 0 unchanged.\n`,
    );
    expect(cli("import", "projects", file).stdout).toBe(
      `${file}: 0 added, 0 replaced, 3 unchanged.\n`,
    );
    const progress = writeFile(
      "progress.csv",
      "project,reported_on,percent_complete\nP1,2012-09-30,62.5\n",
    );
    expect(cli("import", "project-progress", progress).status).toBe(0);
  });

  it("names the file, line and field of a bad row and exits 2", () => {
    const file = writeFile(
      "costs.csv",
      "month,group_company,segment,category,amount_yen\n2012-09,iij,network,purchasing,1\n",
    );
    const result = cli("import", "costs", file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${file}:2, field "category"`);
  });

  it("lists projects as JSON records with their ids, and honours --limit", () => {
    const all = JSON.parse(cli("projects", "list", "--format", "json").stdout) as { id: string }[];
    expect(all.map((p) => p.id)).toEqual(["P2", "P3", "P1"]);
    const one = JSON.parse(cli("projects", "list", "--format", "json", "--limit", "1").stdout);
    expect(one).toHaveLength(1);
  });

  it("shows one project with its backlog on a day, and fails NOT_FOUND for an unknown id", () => {
    const shown = JSON.parse(
      cli("projects", "show", "P1", "--on", "2012-09-30", "--format", "json").stdout,
    );
    expect(shown).toMatchObject({
      id: "P1",
      order_value_yen: 10_000_000,
      as_of: { percent_complete: "62.5", backlog_yen: 3_750_000 },
    });
    const missing = cli("projects", "show", "P404");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('No project "P404"');
  });

  it("prints orders received in a quarter and the backlog at its end", () => {
    const lines = JSON.parse(
      cli("projects", "backlog", "--period", "2Q12", "--format", "json").stdout,
    );
    expect(lines).toEqual([
      { id: "orders.construction.received", period: "2Q12", amount_yen: 0, equipment_yen: 0 },
      { id: "orders.operation.received", period: "2Q12", amount_yen: 0 },
      {
        id: "orders.construction.backlog",
        on: "2012-09-30",
        amount_yen: 3_750_000,
        equipment_yen: 0,
      },
      { id: "orders.operation.backlog", on: "2012-09-30", amount_yen: 3_000_000 },
    ]);
    expect(cli("projects", "backlog").status).toBe(2);
  });
});
