import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/core/index.js";
import { buildQuarterlyReport, loadValueResolver } from "../../src/reporting/index.js";
import { createApp } from "../../src/server/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { OWN, OWN_CONTRACT, type ServerFixture, serverFixture } from "./server-fixture.js";

// The service around the routes: the OpenAPI document and its page, /healthz and /metrics, request
// ids, pagination, bad input named by field, the report's JSON contract, and the dashboard files.

const kinds = await storeKinds();

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

describe.each(kinds)("the HTTP service (%s)", (kind) => {
  let testStore: TestStore;
  let fixture: ServerFixture;

  beforeAll(async () => {
    testStore = await openTestStore(kind);
    fixture = await serverFixture(testStore.store);
  });
  afterAll(async () => {
    await testStore.dispose();
  });

  it("documents every route it serves in /openapi.json, each reference resolving", async () => {
    const response = await fixture.call("/openapi.json", { token: null });
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ scheme: "bearer" });
    const documented = new Set(
      Object.entries(document.paths).flatMap(([p, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${p.replaceAll(/\{(.+?)\}/g, ":$1")}`),
      ),
    );
    const served = new Set(
      fixture.app.routes
        .filter(
          (r) =>
            r.method !== "ALL" &&
            (r.path.startsWith("/api/") || r.path === "/healthz" || r.path === "/metrics"),
        )
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(documented).toEqual(served);
    for (const [p, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(Object.keys(operation.responses).length, `${method} ${p}`).toBeGreaterThan(0);
      }
    }
    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, name] of refs) expect(document.components.schemas, name).toHaveProperty(name!);
  });

  it("renders the document as a page that needs nothing from elsewhere", async () => {
    const response = await fixture.call("/docs", { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("/api/v1/usage/batches");
    expect(html).toContain("Idempotency-Key");
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });

  it("answers /healthz without a token", async () => {
    const response = await fixture.call("/healthz", { token: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("counts requests by route template and status in Prometheus text format", async () => {
    await fixture.call(`/api/v1/customers/${OWN}`);
    await fixture.call("/api/v1/customers/C99999");
    await fixture.call("/api/v1/projects/backlog?on=2012-09-30");
    await fixture.call("/api/v1/me", { token: null });
    const response = await fixture.call("/metrics", { token: null });
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const sample = /^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+]+$/;
    for (const line of text.trimEnd().split("\n")) {
      if (!line.startsWith("#")) expect(line).toMatch(sample);
    }
    expect(text).toContain("# TYPE uplink_http_requests_total counter");
    expect(text).toContain("# TYPE uplink_http_request_duration_seconds histogram");
    expect(text).toMatch(
      /uplink_http_requests_total\{method="GET",route="\/api\/v1\/customers\/:id",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/route="\/api\/v1\/customers\/:id",status="404"/);
    expect(text).toMatch(/route="\/api\/v1\/projects\/backlog",status="200"/);
    expect(text).toMatch(/route="\/api\/v1\/me",status="401"/);
    expect(text).not.toContain("C00001");
    expect(text).toMatch(
      /uplink_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/customers\/:id",status="200",le="\+Inf"\} [1-9]/,
    );
  });

  it("answers with the caller's request id, or a new one", async () => {
    const given = await fixture.call("/api/v1/me", { headers: { "X-Request-Id": "trace-42" } });
    expect(given.headers.get("x-request-id")).toBe("trace-42");
    const fresh = await fixture.call("/api/v1/me", { headers: { "X-Request-Id": "bad id!" } });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the report exactly as the CLI computes it", async () => {
    const response = await fixture.call("/api/v1/reports?period=2Q12", { role: "finance" });
    const expected = buildQuarterlyReport(
      await loadValueResolver(testStore.store),
      parsePeriod("2Q12"),
    );
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("gives chart series in the metric's unit, null where a period has no value", async () => {
    const response = await fixture.call(
      "/api/v1/reports/series?metrics=revenue.total,ratio.gross_margin.total&periods=2Q11,2Q12,2Q30",
    );
    const body = (await response.json()) as {
      periods: string[];
      series: { metric: string; unit: string; values: (number | null)[] }[];
    };
    expect(body.periods).toEqual(["2Q11", "2Q12", "2Q30"]);
    expect(body.series[0]).toMatchObject({ metric: "revenue.total", unit: "JPY million" });
    expect(body.series[0]!.values[1]).toBe(26267);
    expect(body.series[0]!.values[2]).toBeNull();
    expect(body.series[1]!.unit).toBe("%");
  });

  it("pages lists with limit and an opaque cursor", async () => {
    const first = (await (await fixture.call("/api/v1/customers?limit=1")).json()) as {
      items: { id: string }[];
      next_cursor: string | null;
    };
    expect(first.items.map((c) => c.id)).toEqual([OWN]);
    expect(first.next_cursor).toBeTypeOf("string");
    const second = (await (
      await fixture.call(`/api/v1/customers?limit=1&cursor=${first.next_cursor}`)
    ).json()) as { items: { id: string }[]; next_cursor: string | null };
    expect(second.items.map((c) => c.id)).toEqual(["C00002"]);
    expect(second.next_cursor).toBeNull();
    const all = (await (await fixture.call("/api/v1/customers")).json()) as { next_cursor: null };
    expect(all.next_cursor).toBeNull();
  });

  it.each([
    { path: "/api/v1/reports", field: "period" },
    { path: "/api/v1/reports?period=2Q1x", field: "period" },
    { path: "/api/v1/reports?period=2012-09", field: "period" },
    { path: "/api/v1/reports?period=2Q12&source=books", field: "source" },
    { path: "/api/v1/reports/series?metrics=revenue.nope&periods=2Q12", field: "metrics" },
    { path: "/api/v1/reports/series?metrics=revenue.total&periods=2Q12,Q5", field: "periods" },
    { path: "/api/v1/facts?metric=revenue.nope", field: "metric" },
    { path: "/api/v1/customers?limit=0", field: "limit" },
    { path: "/api/v1/customers?limit=1001", field: "limit" },
    { path: "/api/v1/customers?limit=ten", field: "limit" },
    { path: "/api/v1/customers?cursor=not-a-cursor", field: "cursor" },
    { path: "/api/v1/customers?industry=farming", field: "industry" },
    { path: "/api/v1/contracts?on=2012-02-30", field: "on" },
    { path: "/api/v1/contracts?status=paused", field: "status" },
    { path: "/api/v1/contracts?line=teleportation", field: "line" },
    { path: `/api/v1/contracts/${OWN_CONTRACT}/usage`, field: "month" },
    { path: `/api/v1/contracts/${OWN_CONTRACT}/usage?month=2012-13`, field: "month" },
    { path: "/api/v1/projects/backlog", field: "on" },
    { path: "/api/v1/invoices?month=Sept", field: "month" },
    { path: "/api/v1/ledger/balances?period=FY1x", field: "period" },
  ])("answers 400 naming $field for $path", async ({ path: url, field }) => {
    const response = await fixture.call(url);
    const body = (await response.json()) as { error: { code: string; field: string } };
    expect(response.status).toBe(400);
    expect(body.error.field).toBe(field);
  });

  it("answers an unknown route with a 404 error body", async () => {
    const response = await fixture.call("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND", field: null } });
  });
});

describe("the dashboard files", () => {
  let testStore: TestStore;
  let webRoot: string;

  beforeAll(async () => {
    testStore = await openTestStore("sqlite");
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-web-"));
    fs.mkdirSync(path.join(webRoot, "assets"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Dashboard</title>");
    fs.writeFileSync(path.join(webRoot, "assets", "app-1a2b.js"), "console.log(1)");
  });
  afterAll(async () => {
    await testStore.dispose();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it("serves index.html at / and the assets under /assets", async () => {
    const { app } = createApp({ store: testStore.store, webRoot });
    const page = await app.request("/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Dashboard</title>");
    const asset = await app.request("/assets/app-1a2b.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
    expect((await app.request("/assets/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    const deep = await app.request("/customers/C00001", { headers: { Accept: "text/html" } });
    expect(await deep.text()).toContain("<title>Dashboard</title>");
  });

  it('says "dashboard not built" at / when there is none', async () => {
    const { app } = createApp({ store: testStore.store, webRoot: path.join(webRoot, "none") });
    const page = await app.request("/");
    expect(page.status).toBe(200);
    expect((await page.text()).toLowerCase()).toContain("dashboard not built");
  });
});
