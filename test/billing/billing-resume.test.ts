import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { findBillingRun, monthInvoices, runBilling } from "../../src/billing/index.js";
import type { ContractEvent } from "../../src/contracts/index.js";
import { runCli } from "../support/run-cli.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import {
  contractEvents,
  customer,
  rowCount,
  seedBillingWorld,
  writeEvents,
} from "./billing-fixtures.js";

// A run killed at a random point (SIGKILL: no clean-up, no last words) and started again must end
// with exactly the invoices an uninterrupted run makes: no duplicate, no gap. The run under test is
// the compiled CLI (`npm run build` first), killed after a random number of committed chunks.

const MAIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const CUSTOMERS = 1_200;
const kinds = await storeKinds();

/** A small deterministic generator, so every store gets the same world. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function world(): { customers: ReturnType<typeof customer>[]; events: ContractEvent[] } {
  const random = lcg(20120930);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const day = (month: string) =>
    `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  const customers = Array.from({ length: CUSTOMERS }, (_, i) =>
    customer(`C${String(i + 1).padStart(5, "0")}`),
  );
  const events: ContractEvent[] = [];
  let n = 0;
  for (const c of customers) {
    // Some customers have nothing to bill this month: their chunk still moves the marker.
    const contracts = Math.floor(random() * 4);
    for (let k = 0; k < contracts; k++) {
      const id = `CT${String(++n).padStart(6, "0")}`;
      const plan = pick(["ip-service", "mobile-lte", "consumer-fiber", "managed-firewall"]);
      const tiered = plan === "ip-service";
      const activated = day(pick(["2012-07", "2012-08", "2012-09"]));
      const list: Parameters<typeof contractEvents>[3][number][] = [
        tiered
          ? { kind: "ordered", on: "2012-06-15", bandwidthMbps: pick([10, 100, 1000]) }
          : { kind: "ordered", on: "2012-06-15", quantity: 1 + Math.floor(random() * 20) },
        { kind: "activated", on: activated },
      ];
      const change = day("2012-09");
      if (random() < 0.2 && change > activated) {
        list.push(
          tiered
            ? { kind: "changed", on: change, bandwidthMbps: 2000 }
            : { kind: "changed", on: change, quantity: 25 },
        );
      } else if (random() < 0.1 && change > activated) {
        list.push({ kind: "cancelled", on: change });
      }
      events.push(...contractEvents(id, c.id, plan, list));
    }
  }
  return { customers, events };
}

async function seeded(kind: "sqlite" | "postgres"): Promise<TestStore> {
  const t = await openTestStore(kind);
  const { customers, events } = world();
  await seedBillingWorld(t.store, customers);
  await writeEvents(t.store, events);
  return t;
}

/**
 * Starts `uplink bill` and SIGKILLs it `delayMs` after it has reported `chunks` committed chunks,
 * so that the kill lands anywhere in the next chunk's transaction (or between two).
 */
function killAfter(
  env: Record<string, string>,
  chunks: number,
  delayMs: number,
): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [MAIN, "bill", "--month", "2012-09", "--chunk-size", "20"],
      { env: { ...process.env, UPLINK_DATABASE_URL: undefined, ...env }, stdio: "pipe" },
    );
    let seen = 0;
    let killed = false;
    let buffered = "";
    let stderr = "";
    child.stderr?.on("data", (data: Buffer) => {
      stderr += data.toString();
      buffered += data.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      seen += lines.filter((l) => /^billing 2012-09: [\d,]+\/[\d,]+ customers/.test(l)).length;
      if (!killed && seen >= chunks) {
        killed = true;
        setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ killed: signal === "SIGKILL", stderr }));
  });
}

describe.each(kinds)("a billing run killed part-way on %s", (kind) => {
  const open: TestStore[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.dispose();
  });

  it("resumes to exactly the invoices of an uninterrupted run", async () => {
    expect(fs.existsSync(MAIN), `${MAIN} is missing: run npm run build first`).toBe(true);
    const interrupted = await seeded(kind);
    const straight = await seeded(kind);
    open.push(interrupted, straight);

    // Two kills at random points (in committed chunks: 60 chunks of 20 customers), each followed
    // by a check that what is stored is whole: the marker and the invoices agree.
    const seed = Math.floor(Math.random() * 1_000_000);
    const random = lcg(seed);
    const points = [1 + Math.floor(random() * 25), 1 + Math.floor(random() * 25)];
    let kills = 0;
    let output = "";
    for (const chunks of points) {
      const { killed, stderr } = await killAfter(
        interrupted.env,
        chunks,
        Math.floor(random() * 15),
      );
      if (killed) kills++;
      output += stderr;
      const run = await findBillingRun(interrupted.store.db, "2012-09");
      if (run === undefined) continue;
      expect(run.status, `seed ${seed}`).toBe(killed ? "running" : "completed");
      expect(await rowCount(interrupted.store, "invoices"), `seed ${seed}`).toBe(run.invoices);
      const invoiced = new Set(
        (await monthInvoices(interrupted.store.db, "2012-09")).map((i) => i.customerId),
      );
      // Every invoice is of a customer at or before the marker: no gap behind it.
      expect(
        [...invoiced].every((id) => id <= (run.lastCustomerId ?? "")),
        `seed ${seed}`,
      ).toBe(true);
    }
    expect(
      kills,
      `seed ${seed}: never killed; the runs said:\n${output.slice(-2000)}`,
    ).toBeGreaterThan(0);

    const resumed = runCli(["bill", "--month", "2012-09", "--format", "json"], interrupted.env);
    expect(resumed.stderr.split("\n").filter((l) => l && !l.startsWith("billing "))).toEqual([]);
    expect(resumed.status).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { outcome: string; resumedAfter: number };
    expect(summary.outcome).toBe("resumed");
    expect(summary.resumedAfter).toBeGreaterThan(0);

    await runBilling(straight.store.db, { month: "2012-09" });
    const expected = await monthInvoices(straight.store.db, "2012-09");
    const actual = await monthInvoices(interrupted.store.db, "2012-09");
    expect(actual.length).toBeGreaterThan(800);
    expect(actual).toEqual(expected);
    expect(await rowCount(interrupted.store, "invoice_lines")).toBe(
      await rowCount(straight.store, "invoice_lines"),
    );

    const again = runCli(["bill", "--month", "2012-09", "--format", "json"], interrupted.env);
    expect(JSON.parse(again.stdout)).toMatchObject({
      outcome: "already_completed",
      invoicesThisRun: 0,
    });
    expect(await monthInvoices(interrupted.store.db, "2012-09")).toEqual(expected);
  });
});
