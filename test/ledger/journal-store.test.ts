import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePeriod, UplinkError } from "../../src/core/index.js";
import {
  closeMonth,
  countPostings,
  ensureCharts,
  findEntry,
  ledgerTrialBalance,
  localTrialBalance,
  metricBalances,
  monthlyBalances,
  monthlySumsOfPostings,
  monthWindow,
  postEntries,
  reverseEntry,
} from "../../src/ledger/index.js";
import type { Database } from "../../src/store/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { entry, line, sale, seedLedgerWorld } from "./ledger-fixtures.js";

const kinds = await storeKinds();

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure, the operation succeeded");
    },
    (e: unknown) => e,
  );
}

async function uplinkFailure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

/** Balances and the sums of the postings, both without zero rows, in one comparable form. */
async function balancesAndPostings(db: Kysely<Database>) {
  const key = (r: { entity: string; account: string; month: string; currency: string }) =>
    `${r.entity}|${r.account}|${r.month}|${r.currency}`;
  const shown = (
    rows: { entity: string; account: string; month: string; currency: string; amount: bigint }[],
  ) =>
    rows
      .filter((r) => r.amount !== 0n)
      .map((r) => `${key(r)}=${r.amount}`)
      .sort();
  return {
    balances: shown(await monthlyBalances(db, { through: "9999-12" })),
    postings: shown(await monthlySumsOfPostings(db, { through: "9999-12" })),
  };
}

describe.each(kinds)("the journal on %s", (kind) => {
  let t: TestStore;
  let db: Kysely<Database>;
  const post = (...entries: Parameters<typeof postEntries>[1]) =>
    db.transaction().execute((tx) => postEntries(tx, entries));

  beforeEach(async () => {
    t = await openTestStore(kind);
    db = t.store.db;
    await seedLedgerWorld(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("posts a balanced entry with its lines and keeps the month's balances", async () => {
    expect(await post(sale("E1", "2012-09-10", 1000), sale("E2", "2012-09-20", 500))).toEqual({
      posted: 2,
      unchanged: 0,
    });
    const stored = await findEntry(db, "E1");
    expect(stored.lines).toEqual([
      {
        account: "Assets:Receivables",
        amount: 1000n,
        currency: "JPY",
        customerId: "C00001",
        contractId: null,
        counterparty: null,
      },
      {
        account: "Revenue:Network:WAN",
        amount: -1000n,
        currency: "JPY",
        customerId: "C00001",
        contractId: "CT000001",
        counterparty: null,
      },
    ]);
    const balances = await monthlyBalances(db, { through: "2012-09" });
    expect(balances.find((b) => b.account === "Revenue:Network:WAN")?.amount).toBe(-1500n);
    const { balances: kept, postings } = await balancesAndPostings(db);
    expect(kept).toEqual(postings);
  });

  it("changes nothing when the same entries are posted again, and refuses a changed one", async () => {
    await post(sale("E1", "2012-09-10", 1000));
    expect(await post(sale("E1", "2012-09-10", 1000))).toEqual({ posted: 0, unchanged: 1 });
    expect(await countPostings(db)).toBe(2);
    const error = await uplinkFailure(post(sale("E1", "2012-09-10", 1001)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("reversal");
  });

  it("refuses an unbalanced entry with a clear message and writes nothing of the batch", async () => {
    const unbalanced = entry("BAD", "2012-09-10", [
      line("Assets:Receivables", 1000),
      line("Revenue:Network:WAN", -999),
    ]);
    const error = await uplinkFailure(post(sale("OK", "2012-09-10", 5), unbalanced));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("JPY off by 1");
    expect(await countPostings(db)).toBe(0);
  });

  it("balances per currency: yen and dollars in one entry each balance on their own", async () => {
    const mixed = entry("FX1", "2012-09-10", [
      line("Assets:Receivables", 1000),
      line("Revenue:Network:WAN", -1000),
      line("Assets:Cash", 1250, { currency: "USD" }),
      line("Revenue:Network:Outsourcing", -1000, { currency: "USD" }),
    ]);
    const error = await uplinkFailure(post(mixed));
    expect(error.message).toContain("USD off by 250");
    const fixed = entry("FX1", "2012-09-10", [
      ...mixed.lines.slice(0, 3),
      line("Revenue:Network:Outsourcing", -1250, { currency: "USD" }),
    ]);
    expect((await post(fixed)).posted).toBe(1);
  });

  it.each([
    ["an unknown account", [line("Assets:Nowhere", 1), line("Revenue:Network:WAN", -1)]],
    ["a zero line", [line("Assets:Cash", 0), line("Assets:Receivables", 0)]],
    ["a single line", [line("Assets:Cash", 0)]],
  ])("refuses %s", async (_name, lines) => {
    const error = await uplinkFailure(post(entry("X", "2012-09-10", lines)));
    expect(error.code).toBe("INVALID_INPUT");
  });

  it("refuses an unknown customer or company before the store would", async () => {
    const stranger = entry("X", "2012-09-10", [
      line("Assets:Receivables", 1, { customerId: "C99999" }),
      line("Revenue:Network:WAN", -1),
    ]);
    expect((await uplinkFailure(post(stranger))).code).toBe("NOT_FOUND");
    const nowhere = sale("Y", "2012-09-10", 1, "Revenue:Network:WAN", { entity: "nobody" });
    expect((await uplinkFailure(post(nowhere))).code).toBe("NOT_FOUND");
  });

  describe("the store itself, bypassing the code", () => {
    beforeEach(async () => {
      await db.transaction().execute((tx) => ensureCharts(tx, ["parent"]));
    });

    const insertLine = (
      db: Kysely<Database>,
      entryId: string,
      no: number,
      account: string,
      amount: number,
      month = "2012-09",
      currency = "JPY",
    ) =>
      sql`insert into journal_lines (entry_id, line_no, entity_id, month, account, amount, currency)
        values (${entryId}, ${no}, 'parent', ${month}, ${account}, ${amount}, ${currency})`.execute(
        db,
      );
    const insertEntry = (db: Kysely<Database>, id: string, date = "2012-09-10") =>
      sql`insert into journal_entries (id, entity_id, entry_date, description, source_kind, source_id)
        values (${id}, 'parent', ${date}, 'raw', 'manual', ${id})`.execute(db);

    it("refuses an entry whose lines do not sum to zero", async () => {
      const error = await failure(
        db.transaction().execute(async (tx) => {
          await insertLine(tx, "RAW1", 1, "Assets:Cash", 100);
          await insertLine(tx, "RAW1", 2, "Revenue:Network:WAN", -99);
          await insertEntry(tx, "RAW1");
        }),
      );
      expect(String(error)).toContain("does not balance per currency");
      expect(await countPostings(db)).toBe(0);
    });

    it("refuses an entry balanced only across currencies", async () => {
      const error = await failure(
        db.transaction().execute(async (tx) => {
          await insertLine(tx, "RAW1", 1, "Assets:Cash", 100, "2012-09", "USD");
          await insertLine(tx, "RAW1", 2, "Revenue:Network:WAN", -100, "2012-09", "JPY");
          await insertEntry(tx, "RAW1");
        }),
      );
      expect(String(error)).toContain("does not balance per currency");
    });

    it("refuses an entry without lines, and lines without their entry at commit", async () => {
      expect(
        String(await failure(db.transaction().execute((tx) => insertEntry(tx, "EMPTY")))),
      ).toContain("has no lines");
      await failure(
        db.transaction().execute(async (tx) => {
          await insertLine(tx, "ORPHAN", 1, "Assets:Cash", 100);
          await insertLine(tx, "ORPHAN", 2, "Revenue:Network:WAN", -100);
        }),
      );
      expect(await countPostings(db)).toBe(0);
    });

    it("refuses lines of another month than the entry's date", async () => {
      const error = await failure(
        db.transaction().execute(async (tx) => {
          await insertLine(tx, "RAW1", 1, "Assets:Cash", 100, "2012-08");
          await insertLine(tx, "RAW1", 2, "Revenue:Network:WAN", -100, "2012-08");
          await insertEntry(tx, "RAW1", "2012-09-10");
        }),
      );
      expect(String(error)).toContain("another company or month");
    });

    it("accepts a balanced entry, then refuses any line added to it", async () => {
      await db.transaction().execute(async (tx) => {
        await insertLine(tx, "RAW1", 1, "Assets:Cash", 100);
        await insertLine(tx, "RAW1", 2, "Revenue:Network:WAN", -100);
        await insertEntry(tx, "RAW1");
      });
      const error = await failure(
        db.transaction().execute(async (tx) => {
          await insertLine(tx, "RAW1", 3, "Assets:Cash", 5);
          await insertLine(tx, "RAW1", 4, "Revenue:Network:WAN", -5);
        }),
      );
      expect(String(error)).toContain("cannot be added to a posted journal entry");
      expect(await countPostings(db)).toBe(2);
    });

    it.each([
      ["update journal_lines set amount = 1 where line_no = 1"],
      ["delete from journal_lines"],
      ["update journal_entries set description = 'edited'"],
      ["delete from journal_entries"],
    ])("refuses `%s`: entries are never edited or deleted", async (statement) => {
      await post(sale("E1", "2012-09-10", 1000));
      const error = await failure(sql.raw(statement).execute(db));
      expect(String(error)).toContain("never updated or deleted");
      expect((await findEntry(db, "E1")).lines).toHaveLength(2);
    });

    it("refuses an entry in a closed month", async () => {
      await db.transaction().execute((tx) =>
        closeMonth(tx, {
          month: "2012-09",
          entities: ["parent"],
          closedAt: "2012-10-05T09:00:00Z",
        }),
      );
      const error = await failure(
        db.transaction().execute(async (tx) => {
          await insertLine(tx, "RAW1", 1, "Assets:Cash", 100);
          await insertLine(tx, "RAW1", 2, "Revenue:Network:WAN", -100);
          await insertEntry(tx, "RAW1");
        }),
      );
      expect(String(error)).toContain("the month is closed");
    });
  });

  it("refuses an entry in a closed month through the code, and takes it in the next month", async () => {
    await post(sale("E1", "2012-09-10", 1000));
    const closed = await db
      .transaction()
      .execute((tx) => closeMonth(tx, { month: "2012-09", closedAt: "2012-10-05T09:00:00Z" }));
    expect(closed).toContain("parent");
    expect(
      await db
        .transaction()
        .execute((tx) => closeMonth(tx, { month: "2012-09", closedAt: "2012-10-06T09:00:00Z" })),
    ).toEqual([]);
    const error = await uplinkFailure(post(sale("E2", "2012-09-30", 1)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("2012-09 is closed for parent");
    // Another company's September is closed too (no company was named); October is open.
    expect((await post(sale("E2", "2012-10-01", 1))).posted).toBe(1);
    // A reversal of a September entry is dated in an open month.
    await db.transaction().execute((tx) => reverseEntry(tx, "E1", "2012-10-02", "billed twice"));
  });

  it("reverses an entry: lines negated, balances back to zero, once only", async () => {
    await post(sale("E1", "2012-09-10", 1000));
    const reversal = await db
      .transaction()
      .execute((tx) => reverseEntry(tx, "E1", "2012-09-15", "wrong contract"));
    expect(reversal.id).toBe("E1/R");
    expect(reversal.description).toBe("Reversal of E1: wrong contract");
    expect(reversal.lines.map((l) => l.amount)).toEqual([-1000n, 1000n]);
    const stored = await findEntry(db, "E1/R");
    expect(stored.reverses).toBe("E1");
    expect(stored.source).toEqual({ kind: "reversal", id: "E1" });
    const balances = await monthlyBalances(db, { through: "2012-09" });
    expect(balances.every((b) => b.amount === 0n)).toBe(true);
    // The same reversal again changes nothing; another date is a conflict.
    await db.transaction().execute((tx) => reverseEntry(tx, "E1", "2012-09-15", "wrong contract"));
    const again = await uplinkFailure(
      db.transaction().execute((tx) => reverseEntry(tx, "E1", "2012-09-20", "again")),
    );
    expect(again.code).toBe("CONFLICT");
    expect(
      (
        await uplinkFailure(
          db.transaction().execute((tx) => reverseEntry(tx, "NOPE", "2012-09-20", "x")),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const { balances: kept, postings } = await balancesAndPostings(db);
    expect(kept).toEqual(postings);
  });

  it("builds a trial balance: balance sheet cumulative, earlier profit in retained earnings", async () => {
    await post(
      entry("CAP", "2011-04-01", [
        line("Assets:Cash", 10_000),
        line("Equity:CommonStock", -10_000),
      ]),
      sale("S1", "2011-05-10", 3000), // FY11
      entry("C1", "2011-06-30", [
        line("Expenses:Cost:Network:Circuit", 1200),
        line("Assets:Cash", -1200),
      ]),
      sale("S2", "2012-04-10", 2000, "Revenue:SI:Construction"), // 1Q12
      entry("C2", "2012-05-31", [
        line("Expenses:SGA:RnD", 300),
        line("Liabilities:Payables", -300),
      ]),
      sale("S3", "2012-07-01", 999), // 2Q12: after the window
    );
    const window = monthWindow(parsePeriod("1Q12"));
    const lines = await ledgerTrialBalance(db, window, "parent");
    expect(lines.map((l) => [l.account, l.balance])).toEqual([
      ["Assets:Cash", 8800n],
      ["Assets:Receivables", 5000n],
      ["Equity:CommonStock", -10_000n],
      ["Equity:RetainedEarnings", -1800n],
      ["Expenses:SGA:RnD", 300n],
      ["Liabilities:Payables", -300n],
      ["Revenue:SI:Construction", -2000n],
    ]);
    expect(lines.reduce((s, l) => s + l.balance, 0n)).toBe(0n);
    expect(await localTrialBalance(db, "parent", window)).toHaveLength(7);
    const fy11 = await ledgerTrialBalance(db, monthWindow(parsePeriod("FY11")), "parent");
    expect(fy11.find((l) => l.account === "Revenue:Network:WAN")?.balance).toBe(-3000n);
    expect(fy11.find((l) => l.account === "Equity:RetainedEarnings")).toBeUndefined();

    const metrics = new Map(
      (await metricBalances(db, window, "parent")).map((m) => [m.metric, m.amount]),
    );
    expect(metrics.get("revenue.si.construction")).toBe(2000n);
    expect(metrics.get("sga.rnd")).toBe(300n);
    expect(metrics.get("bs.accounts_payable")).toBe(300n);
    // Retained earnings at the end of 1Q12: 1,800 brought forward + 2,000 − 300 of the quarter.
    expect(metrics.get("bs.accumulated_deficit")).toBe(3500n);
    expect(metrics.has("revenue.network.wan")).toBe(false);
  });
});
