import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

function freshHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "uplink-cli-"));
}

describe("the uplink command", () => {
  it.each([
    [[]],
    [["report"]],
    [["facts", "import"]],
    [["facts", "list"]],
    [["verify-source"]],
    [["metrics"]],
  ])("explains itself with --help (%o)", (args) => {
    const result = runCli([...args, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: uplink/);
  });

  it("prints the quarter on a fresh data folder with no set-up", () => {
    const home = freshHome();
    const result = runCli(["report", "--period", "2Q12"], { UPLINK_HOME: home });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("2Q FY2012");
    // Slide Ⅱ-4 (1): WAN services 6,265 in 2Q12.
    expect(result.stdout).toMatch(/WAN services\s+6,265\s+-2\.0\s+-0\.7/);
    expect(fs.existsSync(path.join(home, "uplink.sqlite"))).toBe(true);
  });

  it("gives the report's JSON contract", () => {
    const result = runCli(["report", "--period", "2Q12", "--format", "json"], {
      UPLINK_HOME: freshHome(),
    });
    const report = JSON.parse(result.stdout) as {
      period: string;
      lines: {
        metric: string;
        value: number;
        unit: string;
        yoy_pct: number | null;
        qoq_pct: number | null;
      }[];
    };
    expect(report.period).toBe("2Q12");
    // The example line; figures from slide Ⅱ-4 (1).
    expect(report.lines.find((l) => l.metric === "revenue.network.wan")).toMatchObject({
      value: 6265,
      unit: "JPY million",
      yoy_pct: -2.0,
      qoq_pct: -0.7,
    });
  });

  it("takes the fiscal year's start month from the UPLINK_FISCAL_YEAR_START setting", () => {
    const env = { UPLINK_HOME: freshHome() };
    const april = JSON.parse(runCli(["report", "-p", "2Q12", "-f", "json"], env).stdout);
    expect([april.start, april.end]).toEqual(["2012-07-01", "2012-09-30"]);
    const january = JSON.parse(
      runCli(["report", "-p", "2Q12", "-f", "json"], { ...env, UPLINK_FISCAL_YEAR_START: "1" })
        .stdout,
    );
    expect([january.start, january.end]).toEqual(["2012-04-01", "2012-06-30"]);
    const refused = runCli(["report", "-p", "2Q12"], { ...env, UPLINK_FISCAL_YEAR_START: "13" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/start month must be a whole number from 1 to 12/);
  });

  it("writes CSV a spreadsheet reads", () => {
    const result = runCli(["report", "--period", "1H12", "--format", "csv"], {
      UPLINK_HOME: freshHome(),
    });
    const [header, ...rows] = result.stdout.trim().split("\n");
    expect(header).toBe("metric,label,unit,value,yoy_pct,qoq_pct,target,achievement_pct");
    expect(rows.some((row) => row.startsWith("revenue.atm,"))).toBe(true);
  });

  it.each([
    [["report", "--period", "5Q12"], /Invalid period "5Q12"/],
    [["report", "--period", "2012-09"], /quarter, half or year/],
    [["report", "--period", "2Q12", "--format", "xml"], /Choose one of: table, json, csv/],
    [["facts", "list", "--metric", "revenue.nope"], /Unknown metric "revenue.nope"/],
    [["facts", "import", "/no/such/file.csv"], /does not exist/],
  ])("refuses %o with a message and no stack trace", (args, message) => {
    const result = runCli(args, { UPLINK_HOME: freshHome() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("imports a fact file once, names a bad row, and lists a metric across periods", () => {
    const home = freshHome();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-cli-facts-"));
    const good = path.join(dir, "atm.csv");
    fs.writeFileSync(
      good,
      "metric,period,value,unit,source\nkpi.atm_units,3Q12,567,count,management report\n",
    );
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "metric,period,value,unit,source\nkpi.atm_units,4Q12,lots,count,x\n");

    expect(runCli(["facts", "import", good], { UPLINK_HOME: home }).stdout).toContain("1 added");
    expect(runCli(["facts", "import", good], { UPLINK_HOME: home }).stdout).toContain(
      "1 unchanged",
    );
    const refused = runCli(["facts", "import", bad], { UPLINK_HOME: home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${bad}:2, field "value"`);

    const listed = runCli(["facts", "list", "--metric", "kpi.atm_units", "--format", "json"], {
      UPLINK_HOME: home,
    });
    const rows = JSON.parse(listed.stdout) as { period: string; value: number }[];
    expect(rows.map((r) => r.period)).toContain("3Q12");
    expect(rows.find((r) => r.period === "3Q12")?.value).toBe(567);
  });

  it("checks the presentation's statements and reports its tally", () => {
    const result = runCli(["verify-source", "--format", "json"], { UPLINK_HOME: freshHome() });
    expect(result.status).toBe(0);
    const { tally } = JSON.parse(result.stdout) as {
      tally: { agrees: number; disagrees: number; noInputs: number; total: number };
    };
    expect(tally.total).toBeGreaterThan(100);
    expect(tally.agrees + tally.disagrees + tally.noInputs).toBe(tally.total);
    expect(tally.agrees).toBeGreaterThan(tally.disagrees);
  });
});
