import { describe, expect, it } from "vitest";
import { money, yen } from "../core/index.js";
import { creditNoteFor } from "./credit-note.js";
import { assembleInvoice, type Invoice, type InvoiceLine } from "./invoice.js";

function line(amount: bigint, extra: Partial<InvoiceLine> = {}): Omit<InvoiceLine, "lineNo"> {
  return {
    kind: "recurring",
    description: "IP service, 100 Mbps",
    productLineId: "ip_service",
    revenueMetric: "revenue.network.connectivity_corporate",
    contractId: "CT1",
    projectId: null,
    deliveryId: null,
    serviceFrom: "2012-09-01",
    serviceTo: "2012-09-30",
    quantity: "1",
    unit: "circuit",
    daysCharged: 30,
    daysInPeriod: 30,
    amount: yen(amount),
    amountYen: amount,
    taxRatePercent: "5",
    netSharePercent: null,
    creditsLineNo: null,
    ...extra,
  };
}

const ORIGINAL: Invoice = assembleInvoice(
  {
    id: "INV-2012-09-C00001",
    kind: "invoice",
    customerId: "C00001",
    groupCompanyId: "parent",
    month: "2012-09",
    issueDate: "2012-09-30",
    dueDate: "2012-10-31",
    currency: "JPY",
    billToName: "Customer",
    billToAddress: "Tokyo",
    fxRate: null,
    creditsInvoiceId: null,
    reason: "",
  },
  [line(780_000n), line(25_173n, { kind: "burst", description: "Burst", quantity: "12.5" })],
);

describe("credit notes", () => {
  it("credit a whole invoice: every line and exactly the tax it charged", () => {
    expect(ORIGINAL.tax).toEqual(yen(40_258)); // 5% of 805,173 = 40,258.65
    const note = creditNoteFor(ORIGINAL, [], { reason: "Billed twice", issueDate: "2012-10-15" });
    expect(note).toMatchObject({
      id: "CN-2012-09-C00001-1",
      kind: "credit_note",
      month: "2012-09",
      issueDate: "2012-10-15",
      creditsInvoiceId: "INV-2012-09-C00001",
      subtotal: yen(-805_173),
      tax: yen(-40_258),
      total: yen(-845_431),
    });
    expect(note.lines.map((l) => [l.creditsLineNo, l.amountYen, l.revenueMetric])).toEqual([
      [1, -780_000n, "revenue.network.connectivity_corporate"],
      [2, -25_173n, "revenue.network.connectivity_corporate"],
    ]);
  });

  it("credit part of a line, then what is left of it, and never more", () => {
    const first = creditNoteFor(ORIGINAL, [], {
      reason: "Outage credit",
      issueDate: "2012-10-05",
      lines: [{ lineNo: 1, amount: 26_000n }],
    });
    expect(first.lines.map((l) => [l.amount, l.unit, l.daysCharged])).toEqual([
      [yen(-26_000), "adjustment", null],
    ]);
    expect(first.tax).toEqual(yen(-1_300));
    expect(() =>
      creditNoteFor(ORIGINAL, [first], {
        reason: "Too much",
        issueDate: "2012-10-06",
        lines: [{ lineNo: 1, amount: 754_001n }],
      }),
    ).toThrow(/754000 JPY minor units left to credit, less than 754001/);
    const rest = creditNoteFor(ORIGINAL, [first], {
      reason: "Cancelled",
      issueDate: "2012-10-06",
    });
    expect(rest.id).toBe("CN-2012-09-C00001-2");
    expect(rest.lines.map((l) => [l.creditsLineNo, l.amount])).toEqual([
      [1, yen(-754_000)],
      [2, yen(-25_173)],
    ]);
    expect(() =>
      creditNoteFor(ORIGINAL, [first, rest], { reason: "Again", issueDate: "2012-10-07" }),
    ).toThrow(/nothing left to credit/);
  });

  it.each([
    [{ reason: "", issueDate: "2012-10-01" }, /states its reason/],
    [{ reason: "x", issueDate: "2012-09-29" }, /before the invoice it corrects/],
    [{ reason: "x", issueDate: "2012-10-01", lines: [{ lineNo: 3 }] }, /has no line 3/],
    [{ reason: "x", issueDate: "2012-10-01", lines: [{ lineNo: 1, amount: 0n }] }, /positive/],
    [
      { reason: "x", issueDate: "2012-10-01", lines: [{ lineNo: 1 }, { lineNo: 1 }] },
      /named twice/,
    ],
  ])("refuse a bad request %o", (request, message) => {
    expect(() => creditNoteFor(ORIGINAL, [], request)).toThrow(message);
  });

  it("keep a foreign invoice's currency and yen in proportion", () => {
    const usd = assembleInvoice({ ...ORIGINAL, id: "INV-2012-09-C00002", currency: "USD" }, [
      line(0n, { amount: money(1_000_000n, "USD"), amountYen: 779_600n, taxRatePercent: "0" }),
    ]);
    const note = creditNoteFor(usd, [], {
      reason: "Discount",
      issueDate: "2012-10-01",
      lines: [{ lineNo: 1, amount: 333_333n }],
    });
    expect(note.lines[0]?.amount).toEqual(money(-333_333n, "USD"));
    expect(note.lines[0]?.amountYen).toBe(-259_866n); // 779,600 × 0.333333 = 259,866.39
    expect(note.tax).toEqual(money(0n, "USD"));
  });
});
