import { describe, expect, it } from "vitest";
import {
  assembleInvoice,
  creditNoteFor,
  type Invoice,
  type InvoiceLine,
  LINE_KINDS,
  type LineKind,
} from "../billing/index.js";
import { type Currency, money, UplinkError, yen } from "../core/index.js";
import type { JournalEntry } from "../ledger/index.js";
import {
  invoiceEntryId,
  netShare,
  recognizeCreditNote,
  recognizeInvoice,
} from "./invoice-recognition.js";

function line(
  kind: LineKind,
  revenueMetric: string,
  amount: bigint,
  extra: Partial<InvoiceLine> = {},
): Omit<InvoiceLine, "lineNo"> {
  return {
    kind,
    description: `${kind} line`,
    productLineId: "ip_service",
    revenueMetric,
    contractId: "CT1",
    projectId: null,
    deliveryId: null,
    serviceFrom: "2012-09-01",
    serviceTo: "2012-09-30",
    quantity: "1",
    unit: "circuit",
    daysCharged: null,
    daysInPeriod: null,
    amount: money(amount, extra.amount?.currency ?? "JPY"),
    amountYen: amount,
    taxRatePercent: "5",
    netSharePercent: null,
    creditsLineNo: null,
    ...extra,
  };
}

function invoice(
  lines: readonly Omit<InvoiceLine, "lineNo">[],
  extra: { currency?: Currency; groupCompanyId?: string } = {},
): Invoice {
  return assembleInvoice(
    {
      id: "INV-2012-09-C00001",
      kind: "invoice",
      customerId: "C00001",
      groupCompanyId: extra.groupCompanyId ?? "iij",
      month: "2012-09",
      issueDate: "2012-09-30",
      dueDate: "2012-10-31",
      currency: extra.currency ?? "JPY",
      billToName: "Customer C00001",
      billToAddress: "Tokyo",
      fxRate: null,
      creditsInvoiceId: null,
      reason: "",
    },
    lines,
  );
}

/** Account → amount, the shape a hand-worked expectation is written in. */
function postings(entry: JournalEntry | null): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const l of entry?.lines ?? []) out[l.account] = (out[l.account] ?? 0n) + l.amount;
  return out;
}

function balancesPerCurrency(entry: JournalEntry): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const l of entry.lines) sums.set(l.currency, (sums.get(l.currency) ?? 0n) + l.amount);
  return sums;
}

function expectBalanced(entry: JournalEntry | null): void {
  expect(entry).not.toBeNull();
  for (const sum of balancesPerCurrency(entry as JournalEntry).values()) expect(sum).toBe(0n);
}

const RECEIVABLES = "Assets:Receivables";
const TAX = "Liabilities:ConsumptionTax";
const DEFERRED = "Liabilities:DeferredRevenue";
const PAYABLES = "Liabilities:Payables";

/**
 * Where each kind of invoice line goes. A 10,000-yen line taxed at 5%: receivable 10,500, tax
 * payable 500, and 10,000 to the account in the last column (credited, so −10,000). The test below
 * checks the grid covers every kind a billing run writes on an invoice, so a new kind shows up here
 * as a missing cell.
 */
const GRID: readonly [LineKind, string, string][] = [
  ["recurring", "revenue.network.connectivity_corporate", "Revenue:Network:ConnectivityCorporate"],
  ["setup", "revenue.network.connectivity_home", DEFERRED],
  ["one_time", "revenue.si.construction", "Revenue:SI:Construction"],
  ["burst", "revenue.network.connectivity_corporate", "Revenue:Network:ConnectivityCorporate"],
  ["per_use", "revenue.atm", "Revenue:ATM"],
  ["usage", "revenue.network.outsourcing", "Revenue:Network:Outsourcing"],
  ["si", "revenue.si.operation", "Revenue:SI:Operation"],
  ["equipment", "revenue.equipment", "Revenue:Equipment"],
];

describe("recognizeInvoice", () => {
  it("covers every kind of invoice line in the grid (credit lines are on credit notes only)", () => {
    expect(GRID.map(([kind]) => kind).sort()).toEqual(
      LINE_KINDS.filter((k) => k !== "credit").sort(),
    );
  });

  it.each(GRID)(
    "books a %s line (%s) to %s, with its receivable and tax",
    (kind, metric, account) => {
      const entry = recognizeInvoice(invoice([line(kind, metric, 10_000n)]));
      // 10,000 + 5% tax (500) = 10,500 receivable
      expect(postings(entry)).toEqual({
        [RECEIVABLES]: 10_500n,
        [account]: -10_000n,
        [TAX]: -500n,
      });
      expectBalanced(entry);
    },
  );

  it.each(GRID)("books the credit of a %s line (%s) back out of %s", (kind, metric, account) => {
    const original = invoice([line(kind, metric, 10_000n)]);
    const credit = creditNoteFor(original, [], { reason: "Voided", issueDate: "2013-02-15" });
    const entry = recognizeCreditNote(credit, original);
    // The mirror of the invoice: the credit note takes back 10,000 and its 500 tax.
    expect(postings(entry)).toEqual({ [RECEIVABLES]: -10_500n, [account]: 10_000n, [TAX]: 500n });
    expect(entry?.date).toBe("2013-02-15");
    expect(entry?.source).toEqual({ kind: "credit_note", id: "CN-2012-09-C00001-1" });
    expectBalanced(entry);
  });

  it("puts a recurring fee in revenue of the month of service, dated the month's last day", () => {
    const entry = recognizeInvoice(
      invoice([line("recurring", "revenue.network.wan", 350_000n, { contractId: "CT9" })]),
    );
    // 350,000 × 5% = 17,500 tax; 367,500 receivable
    expect(entry).toEqual({
      id: "REV/INV-2012-09-C00001",
      date: "2012-09-30",
      entity: "iij",
      description: "Invoice INV-2012-09-C00001",
      source: { kind: "invoice", id: "INV-2012-09-C00001" },
      lines: [
        {
          account: RECEIVABLES,
          amount: 367_500n,
          currency: "JPY",
          customerId: "C00001",
          contractId: null,
        },
        {
          account: "Revenue:Network:WAN",
          amount: -350_000n,
          currency: "JPY",
          customerId: "C00001",
          contractId: "CT9",
        },
        {
          account: TAX,
          amount: -17_500n,
          currency: "JPY",
          customerId: "C00001",
          contractId: null,
        },
      ],
    });
    expect(invoiceEntryId("INV-2012-09-C00001")).toBe(entry?.id);
  });

  it("presents a reseller line net: 8.5% of 5,460 is revenue, the rest is owed to the carrier", () => {
    const reseller = line("recurring", "revenue.network.connectivity_home", 5_460n, {
      netSharePercent: "8.5",
    });
    const entry = recognizeInvoice(invoice([reseller]));
    // 5,460 × 8.5% = 464.1 → 464 (half-up); 5,460 − 464 = 4,996 payable; tax 5% of the gross
    // 5,460 = 273; receivable 5,733.
    expect(postings(entry)).toEqual({
      [RECEIVABLES]: 5_733n,
      "Revenue:Network:ConnectivityHome": -464n,
      [PAYABLES]: -4_996n,
      [TAX]: -273n,
    });
    expectBalanced(entry);
  });

  it("rounds the net share half-up: 8.5% of 100 is 8.5 → 9", () => {
    // 100 × 0.085 = 8.5, the tie goes up to 9; 200 × 0.085 = 17 exactly.
    expect(netShare(yen(100), "8.5")).toEqual(yen(9));
    expect(netShare(yen(200), "8.5")).toEqual(yen(17));
  });

  it("takes back a reseller credit net as well, so the margin is what is given back", () => {
    const original = invoice([
      line("recurring", "revenue.network.connectivity_home", 5_460n, { netSharePercent: "8.5" }),
    ]);
    const credit = creditNoteFor(original, [], {
      reason: "Line never up",
      issueDate: "2012-10-05",
    });
    // The mirror of 464 revenue, 4,996 payable, 273 tax, 5,733 receivable.
    expect(postings(recognizeCreditNote(credit, original))).toEqual({
      [RECEIVABLES]: -5_733n,
      "Revenue:Network:ConnectivityHome": 464n,
      [PAYABLES]: 4_996n,
      [TAX]: 273n,
    });
  });

  it("sends tax to consumption tax payable, rounded down once per rate on the invoice", () => {
    const entry = recognizeInvoice(
      invoice([
        line("recurring", "revenue.network.wan", 129_032n),
        line("setup", "revenue.network.wan", 30_000n),
      ]),
    );
    // 159,032 × 5% = 7,951.6 → 7,951 (toward zero); receivable 166,983
    expect(postings(entry)).toEqual({
      [RECEIVABLES]: 166_983n,
      "Revenue:Network:WAN": -129_032n,
      [DEFERRED]: -30_000n,
      [TAX]: -7_951n,
    });
    expectBalanced(entry);
  });

  it("leaves out a zero line, and no tax line for an exempt customer", () => {
    const entry = recognizeInvoice(
      invoice([
        line("recurring", "revenue.network.wan", 0n),
        line("usage", "revenue.network.outsourcing", 3_502n, { taxRatePercent: "0" }),
      ]),
    );
    // Only the 3,502 usage line, untaxed (rate 0): receivable 3,502, no WAN line, no tax line.
    expect(entry?.lines.map((l) => [l.account, l.amount])).toEqual([
      [RECEIVABLES, 3_502n],
      ["Revenue:Network:Outsourcing", -3_502n],
    ]);
  });

  it("books nothing for an invoice of zero lines", () => {
    expect(recognizeInvoice(invoice([line("recurring", "revenue.network.wan", 0n)]))).toBeNull();
  });

  it("keeps a foreign invoice in its currency and in its issuing company's books", () => {
    const usd = line("recurring", "revenue.network.connectivity_corporate", 1_000_513n, {
      amount: money(1_000_513n, "USD"),
      amountYen: 780_000n,
      taxRatePercent: "0",
    });
    const entry = recognizeInvoice(invoice([usd], { currency: "USD", groupCompanyId: "iij-us" }));
    // USD 10,005.13 untaxed: receivable and revenue in cents, in iij-us's books.
    expect(entry?.entity).toBe("iij-us");
    expect(entry?.lines.map((l) => [l.account, l.amount, l.currency])).toEqual([
      [RECEIVABLES, 1_000_513n, "USD"],
      ["Revenue:Network:ConnectivityCorporate", -1_000_513n, "USD"],
    ]);
  });

  it("books a partial credit of a set-up fee out of deferred revenue", () => {
    const original = invoice([
      line("recurring", "revenue.network.wan", 350_000n),
      line("setup", "revenue.network.wan", 50_000n),
    ]);
    const credit = creditNoteFor(original, [], {
      reason: "Set-up discount",
      issueDate: "2012-10-10",
      lines: [{ lineNo: 2, amount: 20_000n }],
    });
    const entry = recognizeCreditNote(credit, original);
    // 20,000 back from deferred revenue; tax 5% of 20,000 = 1,000; receivable −21,000
    expect(postings(entry)).toEqual({
      [RECEIVABLES]: -21_000n,
      [DEFERRED]: 20_000n,
      [TAX]: 1_000n,
    });
    expect(entry?.id).toBe("REV/CN-2012-09-C00001-1");
  });

  it("refuses a credit note as an invoice and a credit note against another invoice", () => {
    const original = invoice([line("recurring", "revenue.network.wan", 1_000n)]);
    const credit = creditNoteFor(original, [], { reason: "x", issueDate: "2012-10-01" });
    expect(() => recognizeInvoice(credit)).toThrow(UplinkError);
    const other = { ...original, id: "INV-2012-09-C00002" };
    expect(() => recognizeCreditNote(credit, other)).toThrow(/is not a credit note of/);
  });
});
