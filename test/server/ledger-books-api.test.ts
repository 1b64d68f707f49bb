import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPostings, listEntries, RECEIVABLES } from "../../src/ledger/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { OTHER_INVOICE, OWN_INVOICE, type ServerFixture, serverFixture } from "./server-fixture.js";

// POST /api/v1/ledger/books on the server fixture's company, whose 2012-09 is billed by a real
// billing run (two invoices) and whose ledger starts empty; GET /api/v1/ledger/books/{month}.

const kinds = await storeKinds();

interface Books {
  month: string;
  entries: number;
  posted: number;
  unchanged: number;
  lines: number;
}

type ErrorBody = { error: { code: string; message: string; field: string | null } };

describe.each(kinds)("booking a month over HTTP (%s)", (kind) => {
  let t: TestStore;
  let fixture: ServerFixture;
  const book = (
    month: unknown,
    role: "admin" | "finance" | "operations" | "customer" = "finance",
  ) => fixture.call("/api/v1/ledger/books", { role, method: "POST", body: { month } });
  const booked = async (month: string) => {
    const response = await fixture.call(`/api/v1/ledger/books/${month}`, { role: "finance" });
    expect(response.status).toBe(200);
    return (await response.json()) as { month: string; booked: boolean };
  };
  const allEntries = () => listEntries(t.store.db, { from: "0001-01-01", to: "9999-12-31" });
  const bookAudits = async () =>
    (
      (await (await fixture.call("/api/v1/audit-log?action=ledger.book")).json()) as {
        items: { entity_id: string; actor: { role: string }; after: Record<string, unknown> }[];
      }
    ).items;

  beforeAll(async () => {
    t = await openTestStore(kind);
    fixture = await serverFixture(t.store);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("refuses a month that is not billed with a 409 naming the month, and posts nothing", async () => {
    const response = await book("2012-10");
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.message).toContain("2012-10");
    expect(await countPostings(t.store.db)).toBe(0);
    expect(await booked("2012-10")).toEqual({ month: "2012-10", booked: false });
  });

  it.each([
    { case: "a month 13", month: "2012-13" },
    { case: "a month in words", month: "September 2012" },
    { case: "a number", month: 201209 },
  ])("answers 400 naming month to $case", async ({ month }) => {
    const response = await book(month);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "INVALID_INPUT", field: "month" });
  });

  it("answers 400 naming month to a path month that is not one", async () => {
    const response = await fixture.call("/api/v1/ledger/books/2012-9", { role: "finance" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe("month");
  });

  it("lets neither an operations nor a customer token book or look", async () => {
    for (const role of ["operations", "customer"] as const) {
      const response = await book("2012-09", role);
      expect(response.status, role).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
      const look = await fixture.call("/api/v1/ledger/books/2012-09", { role });
      expect(look.status, role).toBe(403);
    }
    expect(await countPostings(t.store.db)).toBe(0);
    expect(await booked("2012-09")).toEqual({ month: "2012-09", booked: false });
  });

  it("books a billed month: 200 with the counts of what the ledger now holds", async () => {
    const response = await book("2012-09");
    expect(response.status).toBe(200);
    const books = (await response.json()) as Books;
    // The ledger was empty: everything the month holds was posted by this call.
    const entries = await allEntries();
    expect(books).toEqual({
      month: "2012-09",
      entries: entries.length,
      posted: entries.length,
      unchanged: 0,
      lines: await countPostings(t.store.db),
    });
    expect(books.lines).toBe(entries.reduce((n, e) => n + e.lines.length, 0));
    // Each invoice is an entry with the receivable for its total (README, "The books").
    for (const id of [OWN_INVOICE, OTHER_INVOICE]) {
      const invoice = (await (await fixture.call(`/api/v1/invoices/${id}`)).json()) as {
        total: number;
      };
      const entry = entries.find((e) => e.id === `REV/${id}`);
      expect(entry, id).toBeDefined();
      const receivable = entry?.lines.find((l) => l.account === RECEIVABLES);
      expect(receivable?.amount).toBe(BigInt(invoice.total));
    }
    expect(await booked("2012-09")).toEqual({ month: "2012-09", booked: true });
  });

  it("records the booking in the audit log as ledger.book", async () => {
    const audits = await bookAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entity_id: "2012-09",
      actor: { role: "finance" },
      after: { month: "2012-09", booked: true },
    });
  });

  it("answers a second booking with the same counts and posted 0, and no new audit entry", async () => {
    const before = await allEntries();
    const postings = await countPostings(t.store.db);
    const response = await book("2012-09", "admin");
    expect(response.status).toBe(200);
    expect((await response.json()) as Books).toEqual({
      month: "2012-09",
      entries: before.length,
      posted: 0,
      unchanged: before.length,
      lines: postings,
    });
    expect(await countPostings(t.store.db)).toBe(postings);
    expect(await bookAudits()).toHaveLength(1);
  });

  it("refuses the next month while it is not billed, even with the month before booked", async () => {
    const response = await book("2012-10", "admin");
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.message).toContain("2012-10");
  });
});
