import type { Invoice, InvoiceLine, LineKind } from "../billing/index.js";
import { Decimal, type Money, multiply, UplinkError } from "../core/index.js";
import {
  accountForMetric,
  CONSUMPTION_TAX_PAYABLE,
  DEFERRED_REVENUE,
  type JournalEntry,
  type JournalLine,
  PAYABLES,
  RECEIVABLES,
} from "../ledger/index.js";

/** The id of the entry that books an invoice or credit note: one entry per document. */
export function invoiceEntryId(documentId: string): string {
  return `REV/${documentId}`;
}

/**
 * The journal entry of an invoice, dated its issue date (the last day of the month of service, so
 * the month's fees, usage, SI and equipment revenue fall in that month): the receivable for the
 * total, consumption tax payable, and for each line
 * - the revenue account of its product line's metric,
 * - or deferred revenue for an initial set-up fee (released over the expected customer life),
 * - and for a reseller line presented net (agent, not principal) only the net share as revenue,
 *   the rest owed to the carrier (payables). The net share is rounded half-up to the minor unit,
 *   as the price book presents it.
 * Amounts stay in the invoice's currency; translation happens on consolidation.
 */
export function recognizeInvoice(invoice: Invoice): JournalEntry | null {
  if (invoice.kind !== "invoice") {
    throw new UplinkError("INTERNAL", `${invoice.id} is a credit note: book it with its invoice.`);
  }
  return documentEntry(invoice, (line) => line.kind);
}

/**
 * The entry of a credit note, dated its issue date: every credit line booked like the line of the
 * original invoice it takes back, negated (a credited set-up fee comes out of deferred revenue; the
 * release schedule then gives back what had already been recognised).
 */
export function recognizeCreditNote(creditNote: Invoice, original: Invoice): JournalEntry | null {
  if (creditNote.kind !== "credit_note" || creditNote.creditsInvoiceId !== original.id) {
    throw new UplinkError("INTERNAL", `${creditNote.id} is not a credit note of ${original.id}.`);
  }
  const kinds = new Map(original.lines.map((line) => [line.lineNo, line.kind]));
  return documentEntry(creditNote, (line) => {
    const kind = line.creditsLineNo === null ? undefined : kinds.get(line.creditsLineNo);
    if (!kind) {
      throw new UplinkError(
        "INTERNAL",
        `Line ${line.lineNo} of ${creditNote.id} takes back no line of ${original.id}.`,
      );
    }
    return kind;
  });
}

function documentEntry(
  document: Invoice,
  kindOf: (line: InvoiceLine) => LineKind,
): JournalEntry | null {
  const currency = document.currency;
  const lines: JournalLine[] = [];
  const push = (account: string, amount: bigint, line?: InvoiceLine) => {
    if (amount === 0n) return;
    lines.push({
      account,
      amount,
      currency,
      customerId: document.customerId,
      contractId: line?.contractId ?? null,
    });
  };
  push(RECEIVABLES, document.total.amount);
  for (const line of document.lines) {
    const charged = line.amount.amount;
    if (kindOf(line) === "setup") {
      push(DEFERRED_REVENUE, -charged, line);
      continue;
    }
    const revenue = accountForMetric(line.revenueMetric).name;
    if (line.netSharePercent === null) {
      push(revenue, -charged, line);
    } else {
      const net = netShare(line.amount, line.netSharePercent).amount;
      push(revenue, -net, line);
      push(PAYABLES, -(charged - net), line);
    }
  }
  push(CONSUMPTION_TAX_PAYABLE, -document.tax.amount);
  if (lines.length < 2) return null;
  return {
    id: invoiceEntryId(document.id),
    date: document.issueDate,
    entity: document.groupCompanyId,
    description: `${document.kind === "invoice" ? "Invoice" : "Credit note"} ${document.id}`,
    source: { kind: document.kind === "invoice" ? "invoice" : "credit_note", id: document.id },
    lines,
  };
}

/** The part of a reseller charge presented as revenue, half-up to the minor unit. */
export function netShare<M extends Money>(charged: M, netSharePercent: string): M {
  return multiply(charged, new Decimal(netSharePercent).div(100)) as M;
}
