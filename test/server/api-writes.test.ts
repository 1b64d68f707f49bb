import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import {
  OTHER_CONTRACT,
  OWN,
  OWN_CONTRACT,
  type ServerFixture,
  serverFixture,
} from "./server-fixture.js";

// Writes over the API: usage batches stored once per idempotency key and never half-written, a
// billing run started in the background and followed to its end, and the audit entry of each.

const kinds = await storeKinds();

interface AuditItem {
  action: string;
  entity: string;
  entity_id: string;
  customer_id: string | null;
  actor: { token_id: string | null; name: string; role: string };
  method: string;
  path: string;
  request_id: string | null;
  before: unknown;
  after: Record<string, unknown> | null;
}

function sample(contractId: string, minute: number, inBps: number | string = 2_000_000) {
  const mm = String(minute).padStart(2, "0");
  return {
    contract_id: contractId,
    timestamp: `2012-09-02T03:${mm}:00Z`,
    in_bps: inBps,
    out_bps: 1_000_000,
  };
}

describe.each(kinds)("writes over the API (%s)", (kind) => {
  let testStore: TestStore;
  let fixture: ServerFixture;

  beforeAll(async () => {
    testStore = await openTestStore(kind);
    fixture = await serverFixture(testStore.store);
  });
  afterAll(async () => {
    await testStore.dispose();
  });

  const batch = (
    key: string | null,
    samples: unknown[],
    role: "operations" | "customer" = "operations",
  ) =>
    fixture.call("/api/v1/usage/batches", {
      role,
      method: "POST",
      body: { samples },
      headers: key === null ? {} : { "Idempotency-Key": key },
    });

  const usageOf = async (contractId: string) =>
    (await (await fixture.call(`/api/v1/contracts/${contractId}/usage?month=2012-09`)).json()) as {
      in_bps: (number | null)[];
      percentile_95: { samples: number };
    };

  // 2012-09-02 03:00 is window 288 + 36 of the month.
  const windowAt = (minute: number) => 288 + 36 + minute / 5;

  const auditEntries = async (query = "") =>
    ((await (await fixture.call(`/api/v1/audit-log${query}`)).json()) as { items: AuditItem[] })
      .items;

  it("stores a batch once per idempotency key", async () => {
    const samples = [sample(OWN_CONTRACT, 0), sample(OWN_CONTRACT, 5, 3_000_000)];
    const first = await batch("router-7/2012-09-02T03", samples);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ repeated: false, stored: 2, unchanged: 0 });
    const again = await batch("router-7/2012-09-02T03", samples);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ repeated: true, stored: 0 });
    const usage = await usageOf(OWN_CONTRACT);
    expect(usage.in_bps[windowAt(0)]).toBe(2_000_000);
    expect(usage.in_bps[windowAt(5)]).toBe(3_000_000);
    expect(usage.in_bps[windowAt(10)]).toBeNull();
    expect(usage.percentile_95.samples).toBe(24 + 2);
    const stored = await testStore.store.db
      .selectFrom("usage_batches")
      .select("key")
      .where("key", "=", "api:router-7/2012-09-02T03")
      .execute();
    expect(stored).toHaveLength(1);
  });

  it("refuses the same key with other content (409) and writes nothing of it", async () => {
    const response = await batch("router-7/2012-09-02T03", [sample(OWN_CONTRACT, 0, 9)]);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("CONFLICT");
    expect((await usageOf(OWN_CONTRACT)).in_bps[windowAt(0)]).toBe(2_000_000);
  });

  it.each([
    {
      case: "a negative rate",
      samples: [sample(OWN_CONTRACT, 20), sample(OWN_CONTRACT, 25, -5)],
      field: "samples[1].in_bps",
    },
    {
      case: "a fractional rate",
      samples: [sample(OWN_CONTRACT, 20, 1.5)],
      field: "samples[0].in_bps",
    },
    {
      case: "a rate as text",
      samples: [sample(OWN_CONTRACT, 20, "fast")],
      field: "samples[0].in_bps",
    },
    {
      case: "a time not on a 5-minute boundary",
      samples: [
        sample(OWN_CONTRACT, 20),
        { ...sample(OWN_CONTRACT, 25), timestamp: "2012-09-02T03:27:00Z" },
      ],
      field: "samples[1].timestamp",
    },
    {
      case: "a local time",
      samples: [{ ...sample(OWN_CONTRACT, 20), timestamp: "2012-09-02T12:20:00+09:00" }],
      field: "samples[0].timestamp",
    },
    {
      case: "a missing contract id",
      samples: [{ timestamp: "2012-09-02T03:20:00Z", in_bps: 1, out_bps: 1 }],
      field: "samples[0].contract_id",
    },
    { case: "no samples", samples: [], field: "samples" },
  ])("answers 400 naming the field for $case, writing nothing", async ({ samples, field }) => {
    const before = await usageOf(OWN_CONTRACT);
    const response = await batch(`bad-${field}`, samples);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; field: string } };
    expect(body.error).toMatchObject({ code: "INVALID_INPUT", field });
    expect(await usageOf(OWN_CONTRACT)).toEqual(before);
  });

  it("answers 400 naming the Idempotency-Key when it is missing", async () => {
    const response = await batch(null, [sample(OWN_CONTRACT, 30)]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(
      "Idempotency-Key",
    );
  });

  it("answers 404 for an unknown contract, and for another customer's contract to a customer token", async () => {
    const unknown = await batch("unknown-contract", [
      sample(OWN_CONTRACT, 40),
      sample("CT999999", 40),
    ]);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe(
      "samples[1].contract_id",
    );
    const other = await batch("customer-other", [sample(OTHER_CONTRACT, 40)], "customer");
    expect(other.status).toBe(404);
    expect((await usageOf(OTHER_CONTRACT)).in_bps[windowAt(40)]).toBeNull();
    expect((await usageOf(OWN_CONTRACT)).in_bps[windowAt(40)]).toBeNull();
    const own = await batch("customer-own", [sample(OWN_CONTRACT, 40)], "customer");
    expect(own.status).toBe(201);
  });

  it("records each stored batch in the audit log: who, what, when, after", async () => {
    const entries = await auditEntries("?entity=usage_batch");
    const first = entries.find((e) => e.entity_id === "router-7/2012-09-02T03");
    expect(first).toMatchObject({
      action: "usage_batch.store",
      customer_id: OWN,
      method: "POST",
      path: "/api/v1/usage/batches",
      actor: { role: "operations", name: "operations test token" },
      before: null,
      after: { samples: 2, added: 2, contracts: [OWN_CONTRACT] },
    });
    expect(first?.actor.token_id).toMatch(/^tok_/);
    expect(first?.request_id).toBeTruthy();
    // A repeat and the refused batches wrote nothing, so they left no entry.
    expect(entries.map((e) => e.entity_id).sort()).toEqual(
      ["customer-own", "router-7/2012-09-02T03"].sort(),
    );
  });

  it("starts a billing run in the background and reports its progress to the end", async () => {
    const started = await fixture.call("/api/v1/billing-runs", {
      role: "finance",
      method: "POST",
      body: { month: "2012-08" },
    });
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ month: "2012-08", status: "running" });
    await fixture.context.billingRuns.idle();
    const run = await fixture.call("/api/v1/billing-runs/2012-08", { role: "finance" });
    expect(await run.json()).toMatchObject({
      month: "2012-08",
      status: "completed",
      customers_done: 2,
      customers_total: 2,
      invoices: 2,
      error: null,
    });
    const again = await fixture.call("/api/v1/billing-runs", {
      role: "admin",
      method: "POST",
      body: { month: "2012-08" },
    });
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ status: "completed", invoices: 2 });
    const list = (await (await fixture.call("/api/v1/billing-runs")).json()) as {
      items: { month: string }[];
    };
    expect(list.items.map((r) => r.month)).toEqual(["2012-09", "2012-08"]);
    const invoices = (await (await fixture.call("/api/v1/invoices?month=2012-08")).json()) as {
      items: unknown[];
    };
    expect(invoices.items).toHaveLength(2);
    const entries = await auditEntries("?entity=billing_run");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "billing_run.start",
      entity_id: "2012-08",
      actor: { role: "finance" },
      before: null,
      after: { month: "2012-08", status: "running" },
    });
  });

  it("answers 404 for a month never billed, and 400 naming the month for a bad one", async () => {
    expect((await fixture.call("/api/v1/billing-runs/2011-01")).status).toBe(404);
    const bad = await fixture.call("/api/v1/billing-runs/2012-9");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("month");
  });

  it("lists token creation in the audit log, newest first, a page at a time", async () => {
    const tokens = await auditEntries("?action=api_token.create");
    expect(tokens.map((e) => e.after?.role).sort()).toEqual([
      "admin",
      "customer",
      "finance",
      "operations",
    ]);
    expect(tokens.every((e) => e.actor.role === "local" && e.before === null)).toBe(true);
    expect(JSON.stringify(tokens)).not.toMatch(/upl_|token_hash/);
    const page1 = (await (await fixture.call("/api/v1/audit-log?limit=2")).json()) as {
      items: { seq: number }[];
      next_cursor: string | null;
    };
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]!.seq).toBeGreaterThan(page1.items[1]!.seq);
    const page2 = (await (
      await fixture.call(`/api/v1/audit-log?limit=2&cursor=${page1.next_cursor}`)
    ).json()) as { items: { seq: number }[] };
    expect(page2.items[0]!.seq).toBeLessThan(page1.items[1]!.seq);
  });
});
