import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runCli } from "../support/run-cli.js";
import { seedReferences, writeCsv } from "./metering-fixtures.js";

const SAMPLES = "contract_id,timestamp,in_bps,out_bps";

describe("the usage commands", () => {
  let home: string;
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-usage-cli-"));
    const store = await openStore({ home, databaseUrl: undefined });
    await seedReferences(store);
    await store.close();
  });

  it.each([
    [["import", "samples"]],
    [["import", "counters"]],
    [["import", "withdrawals"]],
    [["import", "cloud-usage"]],
    [["usage", "percentile"]],
  ])("explain themselves with --help (%o)", (args) => {
    const result = runCli([...args, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: uplink/);
    expect(result.stdout).toMatch(/Columns:|ceil\(0\.95 × n\)/);
  });

  it("import samples once, then print the month's 95th percentile with its sample counts", () => {
    const lines = Array.from({ length: 20 }, (_, i) => {
      const at = new Date(Date.UTC(2012, 8, 1) + i * 300_000).toISOString().replace(".000Z", "Z");
      return `CT000001,${at},${(i + 1) * 1_000_000},${(i + 1) * 500_000}`;
    });
    const file = writeCsv("samples.csv", [SAMPLES, ...lines]);
    const first = runCli(["import", "samples", file], { UPLINK_HOME: home });
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe(`${file}: 20 added, 0 replaced, 0 unchanged.\n`);
    const again = runCli(["import", "samples", file], { UPLINK_HOME: home });
    expect(again.stdout).toContain(
      "0 added, 0 replaced, 20 unchanged (this file was imported before).",
    );

    const text = runCli(["usage", "percentile", "--contract", "CT000001", "--month", "2012-09"], {
      UPLINK_HOME: home,
    });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      "CT000001, 2012-09: 95th percentile of 20 of 8,640 five-minute windows",
    );
    expect(text.stdout).toMatch(/In\s+19,000,000\s+19\.00\s+20/);
    expect(text.stdout).toMatch(/Billed\s+19,000,000\s+19\.00/);

    const json = runCli(
      ["usage", "percentile", "--contract", "CT000001", "--month", "2012-09", "--format", "json"],
      {
        UPLINK_HOME: home,
      },
    );
    expect(JSON.parse(json.stdout)).toEqual({
      id: "CT000001",
      contractId: "CT000001",
      month: "2012-09",
      inBps: 19_000_000,
      outBps: 9_500_000,
      billedBps: 19_000_000,
      inSamples: 20,
      outSamples: 20,
      windows: 8_640,
    });
  });

  it("refuse a bad file naming file, line and field, and an unknown contract", () => {
    const file = writeCsv("bad.csv", [SAMPLES, "CT000002,2012-09-01T00:00:00Z,-1,5"]);
    const bad = runCli(["import", "samples", file], { UPLINK_HOME: home });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${file}:2, field "in_bps"`);
    const missing = runCli(["usage", "percentile", "--contract", "CT404", "--month", "2012-09"], {
      UPLINK_HOME: home,
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('No contract "CT404"');
    const month = runCli(["usage", "percentile", "--contract", "CT000001", "--month", "Sep"], {
      UPLINK_HOME: home,
    });
    expect(month.status).toBe(2);
  });
});
