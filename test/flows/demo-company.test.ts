import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractedBandwidthAtQuarterEnds } from "../../src/contracts/index.js";
import { parsePeriod } from "../../src/core/index.js";
import { countCustomers } from "../../src/customers/index.js";
import { buildDemoCompany } from "../../src/flows/index.js";
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
];

describe.each(kinds)("the demo company on %s", (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await buildDemoCompany(t.store);
  }, 300_000);
  afterAll(async () => {
    await t.dispose();
  });

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
    expect(await countCustomers(t.store.db)).toBe(6500);
  });

  it("changes nothing when built again", async () => {
    const before = await tableDigest(t.store, DEMO_TABLES);
    const again = await buildDemoCompany(t.store);
    expect(again.phasesRun).toEqual([]);
    expect(await tableDigest(t.store, DEMO_TABLES)).toEqual(before);
  });

  it("refuses another seed in the same data folder", async () => {
    await expect(buildDemoCompany(t.store, { seed: 7 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("a demo build killed part-way", () => {
  const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
  const homes: string[] = [];
  const home = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-demo-"));
    homes.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of homes) fs.rmSync(dir, { recursive: true, force: true });
  });

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

  it("ends identical to an uninterrupted build once started again", async () => {
    const whole = home();
    expect(await runDemo(whole)).toBe(0);
    const interrupted = home();
    // Killed at several points of the build: during planning, inside a phase, between phases.
    for (const ms of [700, 1500, 2300]) await runDemo(interrupted, ms);
    expect(await runDemo(interrupted)).toBe(0);

    const a = await openStore({ home: whole, databaseUrl: undefined });
    const b = await openStore({ home: interrupted, databaseUrl: undefined });
    try {
      expect(await tableDigest(b, DEMO_TABLES)).toEqual(await tableDigest(a, DEMO_TABLES));
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});
