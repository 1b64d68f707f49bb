import { type Currency, type Money, money } from "../core/index.js";
import { taxOn } from "./consumption-tax.js";

/** An invoice, or a credit note that takes back (part of) an invoice without editing it. */
export type InvoiceKind = "invoice" | "credit_note";
export const INVOICE_KINDS: readonly InvoiceKind[] = ["invoice", "credit_note"];

/**
 * What a line charges for:
 * - `recurring`: a monthly fee for the days of the month the contract was active under some terms;
 * - `setup`: a one-time set-up fee in the month of activation;
 * - `one_time`: the price of a one-time plan in the month of activation;
 * - `burst`: 95th-percentile traffic above a burstable contract's commitment;
 * - `per_use`: a commission per use (ATM withdrawals);
 * - `usage`: metered cloud resources;
 * - `si`: systems-integration revenue of the month (completion increments, acceptance, O&M fees);
 * - `equipment`: equipment delivered in the month;
 * - `credit`: a credit note's line, taking back (part of) an invoice line.
 */
export type LineKind =
  | "recurring"
  | "setup"
  | "one_time"
  | "burst"
  | "per_use"
  | "usage"
  | "si"
  | "equipment"
  | "credit";
export const LINE_KINDS: readonly LineKind[] = [
  "recurring",
  "setup",
  "one_time",
  "burst",
  "per_use",
  "usage",
  "si",
  "equipment",
  "credit",
];

/**
 * One line of an invoice. It carries what revenue recognition needs to book it later: the revenue
 * metric of its product line, the contract (or SI project, or delivery) it bills, and the period
 * of service. `amount` is in the invoice's currency; `amountYen` is the charge as rated in yen
 * (for a foreign customer, before conversion).
 */
export interface InvoiceLine {
  readonly lineNo: number;
  readonly kind: LineKind;
  readonly description: string;
  readonly productLineId: string;
  readonly revenueMetric: string;
  readonly contractId: string | null;
  readonly projectId: string | null;
  readonly deliveryId: string | null;
  readonly serviceFrom: string;
  readonly serviceTo: string;
  /** Exact decimal text in `unit`: circuits, withdrawals, Mbps, GB… */
  readonly quantity: string;
  readonly unit: string;
  /** Proration: the days charged and the days of the month ("days active ÷ days in month"). */
  readonly daysCharged: number | null;
  readonly daysInPeriod: number | null;
  readonly amount: Money;
  readonly amountYen: bigint;
  /** Consumption tax rate applied to this line, percent ("0" when exempt). */
  readonly taxRatePercent: string;
  /** reseller_net: the share of `amount` presented as revenue (percent); null: all of it. */
  readonly netSharePercent: string | null;
  /** Credit notes: the line of the original invoice this takes back. */
  readonly creditsLineNo: number | null;
}

/** The rate a foreign customer's month was converted at. */
export interface AppliedFxRate {
  readonly currency: Currency;
  readonly rateDate: string;
  /** Exact decimal text: yen per unit of `currency`. */
  readonly jpyPerUnit: string;
  readonly source: string;
}

export interface Invoice {
  /** INV-2012-09-C00001, or CN-2012-09-C00001-1 for the first credit note against it. */
  readonly id: string;
  readonly kind: InvoiceKind;
  readonly customerId: string;
  /** The group company that serves the customer and issues the invoice. */
  readonly groupCompanyId: string;
  /** The billing month (`YYYY-MM`); for a credit note, the month of the invoice it corrects. */
  readonly month: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly currency: Currency;
  readonly billToName: string;
  readonly billToAddress: string;
  readonly lines: readonly InvoiceLine[];
  readonly subtotal: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly fxRate: AppliedFxRate | null;
  readonly creditsInvoiceId: string | null;
  readonly reason: string;
}

/** The deterministic number of a customer's invoice for a month: INV-2012-09-C00001. */
export function invoiceNumber(month: string, customerId: string): string {
  return `INV-${month}-${customerId}`;
}

/** The number of the `sequence`-th credit note against an invoice: CN-2012-09-C00001-1. */
export function creditNoteNumber(invoiceId: string, sequence: number): string {
  return `${invoiceId.replace(/^INV-/, "CN-")}-${sequence}`;
}

/** Taxable amounts and their tax, one entry per rate in force on the document's lines. */
export interface TaxBreakdown {
  readonly ratePercent: string;
  readonly taxable: Money;
  readonly tax: Money;
}

/**
 * The tax of a document: its lines summed per rate, and each sum's tax rounded down (toward zero)
 * to the minor unit once (see taxOn). Exempt lines (rate 0) are listed with no tax.
 */
export function taxBreakdown(
  lines: readonly Pick<InvoiceLine, "amount" | "taxRatePercent">[],
  currency: Currency,
): TaxBreakdown[] {
  const byRate = new Map<string, bigint>();
  for (const line of lines) {
    byRate.set(line.taxRatePercent, (byRate.get(line.taxRatePercent) ?? 0n) + line.amount.amount);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([ratePercent, amount]) => {
      const taxable = money(amount, currency);
      return { ratePercent, taxable, tax: taxOn(taxable, ratePercent) };
    });
}

/** Fills in line numbers, subtotal, tax and total from the lines. */
export function assembleInvoice(
  header: Omit<Invoice, "lines" | "subtotal" | "tax" | "total">,
  lines: readonly Omit<InvoiceLine, "lineNo">[],
): Invoice {
  return invoiceWithTotals(
    header,
    lines.map((line, i) => ({ ...line, lineNo: i + 1 })),
  );
}

/** Subtotal, tax and total of lines already numbered 1, 2, … */
export function invoiceWithTotals(
  header: Omit<Invoice, "lines" | "subtotal" | "tax" | "total">,
  numbered: readonly InvoiceLine[],
): Invoice {
  let subtotal = 0n;
  for (const line of numbered) subtotal += line.amount.amount;
  let tax = 0n;
  for (const part of taxBreakdown(numbered, header.currency)) tax += part.tax.amount;
  return {
    ...header,
    lines: numbered,
    subtotal: money(subtotal, header.currency),
    tax: money(tax, header.currency),
    total: money(subtotal + tax, header.currency),
  };
}
