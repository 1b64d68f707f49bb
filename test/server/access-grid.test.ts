import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Role, revokeApiToken } from "../../src/access/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import {
  FIXED_NOW,
  OTHER,
  OTHER_CONTRACT,
  OTHER_INVOICE,
  OTHER_PROJECT,
  OWN,
  OWN_CONTRACT,
  OWN_INVOICE,
  OWN_PROJECT,
  type ServerFixture,
  serverFixture,
} from "./server-fixture.js";

// Every route × every role: the status each role gets. The customer token is C00001's; rows that
// name C00002's records show that another customer's record is a 404, as if it did not exist.
// `template` ties each row to the route it exercises, so that a route without a row fails below.

type Expected = [admin: number, finance: number, operations: number, customer: number];

interface GridRow {
  readonly template: string;
  readonly path: string;
  readonly method?: "GET" | "POST";
  readonly body?: unknown;
  readonly expected: Expected;
}

const GRID: readonly GridRow[] = [
  { template: "GET /api/v1/me", path: "/api/v1/me", expected: [200, 200, 200, 200] },
  {
    template: "GET /api/v1/reports",
    path: "/api/v1/reports?period=2Q12",
    expected: [200, 200, 200, 403],
  },
  {
    template: "GET /api/v1/reports",
    path: "/api/v1/reports?period=2Q12&source=ledger",
    expected: [404, 404, 404, 403],
  },
  {
    template: "GET /api/v1/reports/series",
    path: "/api/v1/reports/series?metrics=revenue.network,revenue.si&periods=1Q12,2Q12",
    expected: [200, 200, 200, 403],
  },
  { template: "GET /api/v1/metrics", path: "/api/v1/metrics", expected: [200, 200, 200, 403] },
  {
    template: "GET /api/v1/facts",
    path: "/api/v1/facts?metric=revenue.atm",
    expected: [200, 200, 200, 403],
  },
  { template: "GET /api/v1/customers", path: "/api/v1/customers", expected: [200, 403, 200, 200] },
  {
    template: "GET /api/v1/customers/{id}",
    path: `/api/v1/customers/${OWN}`,
    expected: [200, 403, 200, 200],
  },
  {
    template: "GET /api/v1/customers/{id}",
    path: `/api/v1/customers/${OTHER}`,
    expected: [200, 403, 200, 404],
  },
  { template: "GET /api/v1/contracts", path: "/api/v1/contracts", expected: [200, 403, 200, 200] },
  {
    template: "GET /api/v1/contracts/{id}",
    path: `/api/v1/contracts/${OWN_CONTRACT}`,
    expected: [200, 403, 200, 200],
  },
  {
    template: "GET /api/v1/contracts/{id}",
    path: `/api/v1/contracts/${OTHER_CONTRACT}`,
    expected: [200, 403, 200, 404],
  },
  {
    template: "GET /api/v1/contracts/{id}/usage",
    path: `/api/v1/contracts/${OWN_CONTRACT}/usage?month=2012-09`,
    expected: [200, 403, 200, 200],
  },
  {
    template: "GET /api/v1/contracts/{id}/usage",
    path: `/api/v1/contracts/${OTHER_CONTRACT}/usage?month=2012-09`,
    expected: [200, 403, 200, 404],
  },
  {
    // An empty batch: the roles that may send one get its 400, the others their 403 first.
    template: "POST /api/v1/usage/batches",
    path: "/api/v1/usage/batches",
    method: "POST",
    body: { samples: [] },
    expected: [400, 403, 400, 400],
  },
  { template: "GET /api/v1/projects", path: "/api/v1/projects", expected: [200, 403, 200, 200] },
  {
    template: "GET /api/v1/projects/{id}",
    path: `/api/v1/projects/${OWN_PROJECT}`,
    expected: [200, 403, 200, 200],
  },
  {
    template: "GET /api/v1/projects/{id}",
    path: `/api/v1/projects/${OTHER_PROJECT}`,
    expected: [200, 403, 200, 404],
  },
  {
    template: "GET /api/v1/projects/backlog",
    path: "/api/v1/projects/backlog?on=2012-09-30",
    expected: [200, 200, 200, 403],
  },
  { template: "GET /api/v1/invoices", path: "/api/v1/invoices", expected: [200, 200, 403, 200] },
  {
    template: "GET /api/v1/invoices/{id}",
    path: `/api/v1/invoices/${OWN_INVOICE}`,
    expected: [200, 200, 403, 200],
  },
  {
    template: "GET /api/v1/invoices/{id}",
    path: `/api/v1/invoices/${OTHER_INVOICE}`,
    expected: [200, 200, 403, 404],
  },
  {
    template: "GET /api/v1/invoices/{id}/pdf",
    path: `/api/v1/invoices/${OWN_INVOICE}/pdf`,
    expected: [200, 200, 403, 200],
  },
  {
    template: "GET /api/v1/invoices/{id}/pdf",
    path: `/api/v1/invoices/${OTHER_INVOICE}/pdf`,
    expected: [200, 200, 403, 404],
  },
  {
    template: "GET /api/v1/billing-runs",
    path: "/api/v1/billing-runs",
    expected: [200, 200, 403, 403],
  },
  {
    // A month that is not one: finance and admin get the 400, the others their 403 first.
    template: "POST /api/v1/billing-runs",
    path: "/api/v1/billing-runs",
    method: "POST",
    body: { month: "2012-13" },
    expected: [400, 400, 403, 403],
  },
  {
    template: "GET /api/v1/billing-runs/{month}",
    path: "/api/v1/billing-runs/2012-09",
    expected: [200, 200, 403, 403],
  },
  {
    template: "GET /api/v1/ledger/balances",
    path: "/api/v1/ledger/balances?period=FY11",
    expected: [404, 404, 403, 403],
  },
  {
    template: "GET /api/v1/ledger/statements",
    path: "/api/v1/ledger/statements?period=FY11",
    expected: [404, 404, 403, 403],
  },
  {
    // A month that is not one: finance and admin get the 400, the others their 403 first (and
    // nothing is booked, so the grid's shared company stays as it was).
    template: "POST /api/v1/ledger/books",
    path: "/api/v1/ledger/books",
    method: "POST",
    body: { month: "2012-13" },
    expected: [400, 400, 403, 403],
  },
  {
    template: "GET /api/v1/ledger/books/{month}",
    path: "/api/v1/ledger/books/2012-09",
    expected: [200, 200, 403, 403],
  },
  { template: "GET /api/v1/audit-log", path: "/api/v1/audit-log", expected: [200, 403, 403, 403] },
];

const ROLES: readonly Role[] = ["admin", "finance", "operations", "customer"];
const CASES = GRID.flatMap((row) =>
  ROLES.map((role, i) => ({ ...row, method: row.method ?? "GET", role, status: row.expected[i]! })),
);

const kinds = await storeKinds();

describe.each(kinds)("who may do what (%s)", (kind) => {
  let testStore: TestStore;
  let fixture: ServerFixture;

  beforeAll(async () => {
    testStore = await openTestStore(kind);
    fixture = await serverFixture(testStore.store);
  });
  afterAll(async () => {
    await testStore.dispose();
  });

  it("has a grid row for every route under /api/v1", async () => {
    const document = (await (await fixture.call("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/"))
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(new Set(GRID.map((row) => row.template))).toEqual(new Set(routes));
  });

  it.each(CASES)("$role: $method $path → $status", async ({ role, path, method, body, status }) => {
    const response = await fixture.call(path, { role, method, body });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(status);
    if (status >= 400) {
      const error = JSON.parse(text) as { error: { code: string; message: string } };
      expect(error.error.code).toBe(
        { 400: "INVALID_INPUT", 403: "FORBIDDEN", 404: "NOT_FOUND" }[status as 400 | 403 | 404],
      );
      expect(error.error.message.length).toBeGreaterThan(10);
    }
  });

  it("answers another customer's record exactly as a record that does not exist", async () => {
    for (const [existing, missing] of [
      [`/api/v1/invoices/${OTHER_INVOICE}`, "/api/v1/invoices/INV-2012-09-C99999"],
      [`/api/v1/contracts/${OTHER_CONTRACT}`, "/api/v1/contracts/CT999999"],
      [`/api/v1/customers/${OTHER}`, "/api/v1/customers/C99999"],
    ] as const) {
      type Body = { error: { code: string; message: string; field: string | null } };
      const other = (await (await fixture.call(existing, { role: "customer" })).json()) as Body;
      const none = (await (await fixture.call(missing, { role: "customer" })).json()) as Body;
      const shape = (body: Body) => ({
        code: body.error.code,
        message: body.error.message.replace(/"[^"]+"/, '"…"'),
        field: body.error.field,
      });
      expect(shape(other)).toEqual(shape(none));
    }
  });

  it("keeps a customer token to its own records through the list filters", async () => {
    const as = (path: string) => fixture.call(path, { role: "customer" });
    for (const path of [
      `/api/v1/invoices?customer=${OTHER}`,
      `/api/v1/contracts?customer=${OTHER}`,
      `/api/v1/projects?customer=${OTHER}`,
    ]) {
      const response = await as(path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(
        "customer",
      );
    }
    const ids = async (path: string, key = "customer_id") =>
      ((await (await as(path)).json()) as { items: Record<string, string>[] }).items.map(
        (item) => item[key],
      );
    expect(await ids("/api/v1/invoices")).toEqual([OWN]);
    expect(await ids(`/api/v1/invoices?customer=${OWN}&month=2012-09`)).toEqual([OWN]);
    expect(await ids("/api/v1/contracts")).toEqual([OWN]);
    expect(await ids("/api/v1/projects")).toEqual([OWN]);
    expect(await ids("/api/v1/customers", "id")).toEqual([OWN]);
    expect(await ids("/api/v1/customers?search=Beta", "id")).toEqual([]);
    // An admin sees both, through the same filters.
    const all = await fixture.call("/api/v1/invoices");
    expect(
      ((await all.json()) as { items: { customer_id: string }[] }).items.map((i) => i.customer_id),
    ).toEqual([OWN, OTHER]);
  });

  it("does not hand out another customer's invoice as a PDF either", async () => {
    const response = await fixture.call(`/api/v1/invoices/${OTHER_INVOICE}`, {
      role: "customer",
      headers: { Accept: "application/pdf" },
    });
    expect(response.status).toBe(404);
    const own = await fixture.call(`/api/v1/invoices/${OWN_INVOICE}`, {
      role: "customer",
      headers: { Accept: "application/pdf" },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  it.each([
    { case: "no Authorization header", header: undefined },
    { case: "another scheme", header: "Basic YWRtaW46YWRtaW4=" },
    { case: "an unknown token", header: "Bearer upl_thisIsNotAToken" },
    { case: "an empty bearer", header: "Bearer " },
  ])("answers 401 to $case", async ({ header }) => {
    const response = await fixture.call("/api/v1/me", {
      token: null,
      headers: header === undefined ? {} : { Authorization: header },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("answers 401 to a revoked token, and 401 before 403 or 404", async () => {
    const me = (await (await fixture.call("/api/v1/me", { role: "finance" })).json()) as {
      token_id: string;
    };
    expect((await fixture.call("/api/v1/audit-log", { token: null })).status).toBe(401);
    expect((await fixture.call("/api/v1/customers/C99999", { token: null })).status).toBe(401);
    await revokeApiToken(testStore.store.db, me.token_id, {
      now: FIXED_NOW.toISOString(),
      actor: { tokenId: null, name: "test", role: "local" },
    });
    expect((await fixture.call("/api/v1/me", { role: "finance" })).status).toBe(401);
    expect((await fixture.call("/api/v1/me", { role: "admin" })).status).toBe(200);
  });
});
