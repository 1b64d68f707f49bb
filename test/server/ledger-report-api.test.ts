import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/core/index.js";
import { loadLedgerResolver } from "../../src/flows/index.js";
import { postEntries } from "../../src/ledger/index.js";
import { buildQuarterlyReport, type QuarterlyReport } from "../../src/reporting/index.js";
import { entry, line } from "../ledger/ledger-fixtures.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { type ServerFixture, serverFixture } from "./server-fixture.js";

// GET /api/v1/reports?source=ledger on the server fixture's company (group company G1; two
// ip-service contracts of 100 and 1,000 Mbps from 2012-04-01; two SI construction orders of
// JPY 12m each on 2012-05-10, not yet accepted) with a hand-made ledger: WAN 3,000m in 1Q12,
// WAN 3,300m and circuit cost 1,300m in 2Q12.

const kinds = await storeKinds();

const wan = (id: string, date: string, yen: number) =>
  entry(id, date, [line("Assets:Receivables", yen), line("Revenue:Network:WAN", -yen)], {
    entity: "G1",
  });

describe.each(kinds)("the report from the ledger over HTTP (%s)", (kind) => {
  let t: TestStore;
  let fixture: ServerFixture;
  const get = async (path: string) => {
    const response = await fixture.call(path, { role: "finance" });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const lineOf = (report: unknown, metric: string) =>
    (report as QuarterlyReport).lines.find((l) => l.metric === metric);

  beforeAll(async () => {
    t = await openTestStore(kind);
    fixture = await serverFixture(t.store);
    await t.store.db
      .transaction()
      .execute((tx) =>
        postEntries(tx, [
          wan("W1", "2012-05-31", 3_000_000_000),
          wan("W2", "2012-08-31", 3_300_000_000),
          entry(
            "K2",
            "2012-09-10",
            [
              line("Expenses:Cost:Network:Circuit", 1_300_000_000),
              line("Liabilities:Payables", -1_300_000_000),
            ],
            { entity: "G1" },
          ),
        ]),
      );
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("answers the report the CLI computes from the ledger", async () => {
    const { status, body } = await get("/api/v1/reports?period=2Q12&source=ledger");
    expect(status).toBe(200);
    const expected = buildQuarterlyReport(await loadLedgerResolver(t.store), parsePeriod("2Q12"));
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    // 3,300 booked; QoQ 3,300 ÷ 3,000 = +10.0%; margin 3,300 − 1,300 = 2,000.
    expect(lineOf(body, "revenue.network.wan")).toMatchObject({ value: 3300, qoq_pct: 10 });
    expect(lineOf(body, "gross_margin.total")?.value).toBe(2000);
  });

  it("counts the KPIs operations hold at the quarter's end", async () => {
    const { body } = await get("/api/v1/reports?period=1Q12&source=ledger");
    // 100 + 1,000 Mbps = 1.1 Gbps, one contract at 1 Gbps or more; 2 × JPY 12m ordered in May,
    // both still in the backlog (recognised on acceptance) on 30 June.
    expect(lineOf(body, "kpi.contracted_bandwidth_gbps")?.value).toBe(1.1);
    expect(lineOf(body, "kpi.contracts_over_1gbps")?.value).toBe(1);
    expect(lineOf(body, "orders.construction.received")?.value).toBe(24);
    expect(lineOf(body, "orders.construction.backlog")?.value).toBe(24);
  });

  it("adds the reported figure and the difference with compare=reported", async () => {
    const { status, body } = await get(
      "/api/v1/reports?period=2Q12&source=ledger&compare=reported",
    );
    expect(status).toBe(200);
    // WAN services 2Q12 reported: 6,265 (slide Ⅱ-4 (1)); 3,300 − 6,265 = −2,965; ÷ 6,265 = −47.3%.
    expect(lineOf(body, "revenue.network.wan")).toMatchObject({
      value: 3300,
      reported: 6265,
      difference: -2965,
      difference_pct: -47.3,
    });
  });

  it("refuses compare without source=ledger, naming the parameter", async () => {
    const { status, body } = await get("/api/v1/reports?period=2Q12&compare=reported");
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "INVALID_INPUT", field: "compare" });
  });

  it("answers 404 for a period the ledger has not booked", async () => {
    const { status, body } = await get("/api/v1/reports?period=2Q11&source=ledger");
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "NOT_FOUND", field: "period" });
  });

  it("gives chart series from the ledger with source=ledger", async () => {
    const { status, body } = await get(
      "/api/v1/reports/series?metrics=revenue.network.wan&periods=1Q12,2Q12,1H12&source=ledger",
    );
    expect(status).toBe(200);
    // 3,000 and 3,300 booked; the half adds them up: 6,300.
    expect(body.series).toEqual([
      expect.objectContaining({ metric: "revenue.network.wan", values: [3000, 3300, 6300] }),
    ]);
  });

  it("documents source and compare in the OpenAPI document", async () => {
    const response = await fixture.call("/openapi.json", { token: null });
    const document = (await response.json()) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    const names = document.paths["/api/v1/reports"]!.get.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["period", "source", "compare"]));
  });
});
