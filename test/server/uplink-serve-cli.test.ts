import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/index.js";
import { insertCustomers, insertGroupCompanies } from "../../src/customers/index.js";
import { runCli } from "../support/run-cli.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

// `uplink token …` and `uplink serve` as a user runs them: the compiled command in a process of
// its own, on a data folder (or PostgreSQL schema) of the test's.

const MAIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const TOKEN = /^upl_[A-Za-z0-9_-]{43}$/;

const kinds = await storeKinds();

describe.each(kinds)("uplink token and uplink serve (%s)", (kind) => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await openTestStore(kind);
    await testStore.store.db.transaction().execute(async (tx) => {
      await insertGroupCompanies(tx, [
        {
          id: "G1",
          name: "Uplink Inc.",
          parentId: null,
          ownershipPercent: new Decimal(100),
          functionalCurrency: "JPY",
          consolidatedFrom: "2000-04-01",
          relation: "parent",
        },
      ]);
      await insertCustomers(tx, [
        {
          id: "C00001",
          name: "Acme Bank",
          industry: "financial",
          country: "JP",
          groupCompanyId: "G1",
          billingCurrency: "JPY",
          status: "active",
          statusSince: "2010-04-01",
          billingAddress: "Tokyo",
        },
      ]);
    });
  });
  afterAll(async () => {
    await testStore.dispose();
  });

  it("prints the new token alone on standard output", () => {
    const result = runCli(
      ["token", "create", "--role", "customer", "--customer", "C00001", "--name", "portal"],
      testStore.env,
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.endsWith("\n")).toBe(true);
    expect(result.stdout.trimEnd()).toMatch(TOKEN);
    expect(result.stdout.split("\n")).toHaveLength(2);
  });

  it.each([
    { args: ["--role", "customer"], says: /names its customer/ },
    { args: ["--role", "finance", "--customer", "C00001"], says: /customer role/ },
    { args: ["--role", "customer", "--customer", "C99999"], says: /no customer "C99999"/ },
    { args: ["--role", "root"], says: /Allowed choices are admin, finance, operations, customer/ },
  ])("refuses $args with a one-line reason", ({ args, says }) => {
    const result = runCli(["token", "create", ...args], testStore.env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(says);
  });

  it("lists tokens without their secrets, and revokes one", () => {
    const secret = runCli(["token", "create", "--role", "finance"], testStore.env).stdout.trim();
    const listed = runCli(["token", "list", "--format", "json"], testStore.env);
    expect(listed.status).toBe(0);
    const tokens = JSON.parse(listed.stdout) as { id: string; role: string; revoked_at: null }[];
    expect(tokens.map((t) => t.role).sort()).toEqual(["customer", "finance"]);
    expect(listed.stdout).not.toContain(secret);
    const finance = tokens.find((t) => t.role === "finance")!;
    const revoked = runCli(["token", "revoke", finance.id], testStore.env);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${finance.id}`);
    const active = JSON.parse(
      runCli(["token", "list", "--active", "--format", "json"], testStore.env).stdout,
    ) as { id: string }[];
    expect(active.map((t) => t.id)).not.toContain(finance.id);
    expect(runCli(["token", "revoke", "tok_000000000000"], testStore.env).status).toBe(2);
  });

  it("serves with a fresh admin token, logs JSON lines, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [MAIN, "serve", "--port", "0"], {
      env: { ...process.env, UPLINK_DATABASE_URL: undefined, ...testStore.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL in time: ${stdout} ${stderr}`)),
        30_000,
      );
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/Admin token: \S+\n/.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const [first, second] = stdout.split("\n");
    expect(first).toMatch(/^Uplink is serving http:\/\/localhost:\d+$/);
    const url = first!.replace("Uplink is serving ", "");
    const token = second!.replace("Admin token: ", "");
    expect(token).toMatch(TOKEN);

    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const me = await fetch(`${url}/api/v1/me`, {
      headers: { Authorization: `Bearer ${token}`, "X-Request-Id": "cli-test-1" },
    });
    expect(await me.json()).toMatchObject({
      role: "admin",
      name: expect.stringMatching(/^serve /),
    });
    expect((await fetch(`${url}/api/v1/me`)).status).toBe(401);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const lines = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((l) => l.request_id === "cli-test-1")).toMatchObject({
      msg: "request",
      method: "GET",
      route: "/api/v1/me",
      status: 200,
    });
    expect(lines.at(-1)).toMatchObject({ msg: "stopped" });
  });
});
