import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

// The customers, catalog and contracts commands end to end on a fresh SQLite data folder.

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "uplink-contracts-cli-"));
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("the customers, catalog and contracts commands", () => {
  it.each([
    [["customers", "list"]],
    [["customers", "show"]],
    [["customers", "group-companies"]],
    [["catalog", "list"]],
    [["catalog", "lines"]],
    [["contracts", "list"]],
    [["contracts", "show"]],
    [["contracts", "bandwidth"]],
    [["import", "group-companies"]],
    [["import", "customers"]],
    [["import", "contacts"]],
    [["import", "plans"]],
    [["import", "prices"]],
    [["import", "catalog"]],
    [["import", "contracts"]],
  ])("explain themselves with --help (%o)", (args) => {
    const result = runCli([...args, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: uplink/);
  });

  it("import, list, show and sum a small company", () => {
    const dir = folder();
    const env = { UPLINK_HOME: path.join(dir, "home") };
    const run = (...args: string[]) => runCli(args, env);
    const companies = write(
      dir,
      "companies.csv",
      "id,name,parent,ownership_percent,functional_currency,consolidated_from,relation\nG1,Uplink Inc.,,100,JPY,2000-04-01,parent\n",
    );
    const customers = write(
      dir,
      "customers.csv",
      "id,name,industry,country,group_company,status_since\nC00001,Acme Bank,financial,JP,G1,2008-04-01\n",
    );
    const contracts = write(
      dir,
      "contracts.csv",
      `contract,customer,plan,event,effective_date,bandwidth_mbps
CT1,C00001,ip-service,ordered,2012-07-01,1000
CT1,C00001,,activated,2012-07-01,
CT1,C00001,,changed,2012-09-16,10000
`,
    );
    expect(run("import", "group-companies", companies).stdout).toContain("1 added");
    expect(run("import", "customers", customers).stdout).toContain("1 added");
    expect(run("import", "catalog").status).toBe(0);
    expect(run("import", "contracts", contracts).stdout).toContain("3 added, 0 unchanged");
    expect(run("import", "contracts", contracts).stdout).toContain("0 added, 3 unchanged");

    const listed = JSON.parse(run("customers", "list", "--format", "json").stdout) as {
      id: string;
    }[];
    expect(listed.map((c) => c.id)).toEqual(["C00001"]);
    const plans = JSON.parse(
      run("catalog", "list", "--line", "ip_service", "--on", "2012-09-30", "--format", "json")
        .stdout,
    ) as { id: string; prices: unknown[] }[];
    expect(plans[0]?.id).toBe("ip-service");
    expect(plans[0]?.prices.length).toBeGreaterThan(10);

    const contractList = JSON.parse(
      run("contracts", "list", "--on", "2012-09-15", "--format", "json").stdout,
    ) as { id: string; status: string; bandwidthMbps: number }[];
    expect(contractList).toEqual([
      expect.objectContaining({ id: "CT1", status: "active", bandwidthMbps: 1000 }),
    ]);
    expect(run("contracts", "show", "CT1").stdout).toMatch(/2012-09-16\s+changed\s+10 Gbps/);

    const bandwidth = run("contracts", "bandwidth", "--period", "2Q12");
    expect(bandwidth.stdout).toMatch(/2Q12\s+2012-09-30\s+10\s+1\s+1/);

    const missing = run("contracts", "show", "CT404");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('There is no contract "CT404".');
  });

  it("names the file, line and field of a bad row and writes nothing", () => {
    const dir = folder();
    const env = { UPLINK_HOME: path.join(dir, "home") };
    const file = write(
      dir,
      "customers.csv",
      "id,name,industry,country,group_company,status_since\nC00001,Acme,banking,JP,G1,2008-04-01\n",
    );
    const result = runCli(["import", "customers", file], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${file}:2, field "industry"`);
    expect(runCli(["customers", "list", "--format", "json"], env).stdout.trim()).toBe("[]");
  });
});
