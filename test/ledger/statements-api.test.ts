import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postEntries } from "../../src/ledger/index.js";
import { type ServerFixture, serverFixture } from "../server/server-fixture.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { entry, line } from "./ledger-fixtures.js";

const kinds = await storeKinds();

describe.each(kinds)("GET /api/v1/ledger/statements on %s", (kind) => {
  let t: TestStore;
  let fixture: ServerFixture;

  beforeAll(async () => {
    t = await openTestStore(kind);
    fixture = await serverFixture(t.store);
    // The fixture's parent company G1: capital in 1Q12, a cash sale and a loan in 2Q12.
    await t.store.db
      .transaction()
      .execute((tx) =>
        postEntries(tx, [
          entry(
            "CAP",
            "2012-04-02",
            [line("Assets:Cash", 900_000), line("Equity:CommonStock", -900_000)],
            { entity: "G1" },
          ),
          entry(
            "CASHSALE",
            "2012-08-01",
            [line("Assets:Cash", 70_000), line("Revenue:Equipment", -70_000)],
            { entity: "G1" },
          ),
          entry(
            "LOAN",
            "2012-09-03",
            [line("Assets:Cash", 200_000), line("Liabilities:Borrowings", -200_000)],
            { entity: "G1" },
          ),
        ]),
      );
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("answers one entry per quarter end with both summaries and their checks", async () => {
    const response = await fixture.call("/api/v1/ledger/statements?period=1H12", {
      role: "finance",
    });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(200);
    const body = JSON.parse(text) as {
      period: string;
      entity: string;
      quarters: {
        quarter: string;
        end: string;
        balance_sheet: { lines: Record<string, number>; total_assets: number; balances: boolean };
        cash_flow: { lines: Record<string, number>; change_in_cash: number; agrees: boolean };
      }[];
    };
    expect(body.period).toBe("1H12");
    expect(body.entity).toBe("group");
    expect(body.quarters.map((q) => q.end)).toEqual(["2012-06-30", "2012-09-30"]);
    const [q1, q2] = body.quarters;
    expect(q1?.balance_sheet.total_assets).toBe(900_000);
    expect(q1?.cash_flow.lines.share_capital).toBe(900_000);
    // 2Q12: cash 900,000 + 70,000 + 200,000; profit 70,000 in retained earnings
    expect(q2?.balance_sheet.lines.cash).toBe(1_170_000);
    expect(q2?.balance_sheet.lines.retained_earnings).toBe(70_000);
    expect(q2?.balance_sheet.balances).toBe(true);
    expect(q2?.cash_flow.lines.net_income).toBe(70_000);
    expect(q2?.cash_flow.lines.borrowings).toBe(200_000);
    expect(q2?.cash_flow.change_in_cash).toBe(270_000);
    expect(q2?.cash_flow.agrees).toBe(true);
  });

  it("answers 400 naming the period for a month, and 404 before anything was posted", async () => {
    const month = await fixture.call("/api/v1/ledger/statements?period=2012-09");
    expect(month.status).toBe(400);
    expect(((await month.json()) as { error: { field: string } }).error.field).toBe("period");
    const empty = await fixture.call("/api/v1/ledger/statements?period=FY11");
    expect(empty.status).toBe(404);
  });
});
