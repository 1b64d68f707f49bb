import { money, UplinkError } from "../core/index.js";
import { divideHalfUp } from "./exchange-rate.js";
import { assembleInvoice, creditNoteNumber, type Invoice, type InvoiceLine } from "./invoice.js";

/**
 * A correction to an issued invoice, which is never edited: a credit note takes back some lines in
 * full, part of a line, or (no lines named) whatever is left of every line. A line can never be
 * credited for more than it charged less what earlier credit notes took back. Each credit line
 * keeps the original line's revenue metric, contract, period of service and tax rate (the
 * correction reverses the original supply), and its yen in proportion, half-up. The tax of a
 * credit note is computed like an invoice's, rounded toward zero, so crediting a whole invoice
 * takes back exactly its tax.
 */
export interface CreditRequest {
  readonly reason: string;
  readonly issueDate: string;
  /** Lines to credit; `amount` in the invoice's minor units (default: all that is left of it). */
  readonly lines?: readonly { readonly lineNo: number; readonly amount?: bigint }[];
}

export function creditNoteFor(
  original: Invoice,
  earlierCredits: readonly Invoice[],
  request: CreditRequest,
): Invoice {
  if (original.kind !== "invoice") {
    throw new UplinkError("INVALID_INPUT", `${original.id} is a credit note; credit the invoice.`);
  }
  if (request.reason.trim() === "") {
    throw new UplinkError("INVALID_INPUT", "A credit note states its reason.");
  }
  if (request.issueDate < original.issueDate) {
    throw new UplinkError(
      "INVALID_INPUT",
      `A credit note cannot be issued (${request.issueDate}) before the invoice it corrects (${original.issueDate}).`,
    );
  }
  const remaining = new Map<number, bigint>();
  for (const line of original.lines) remaining.set(line.lineNo, line.amount.amount);
  for (const credit of earlierCredits) {
    for (const line of credit.lines) {
      if (line.creditsLineNo === null) continue;
      remaining.set(
        line.creditsLineNo,
        (remaining.get(line.creditsLineNo) ?? 0n) + line.amount.amount,
      );
    }
  }
  const byNo = new Map(original.lines.map((l) => [l.lineNo, l]));
  const wanted =
    request.lines ??
    original.lines
      .filter((l) => (remaining.get(l.lineNo) ?? 0n) > 0n)
      .map((l) => ({ lineNo: l.lineNo, amount: undefined }));
  if (wanted.length === 0) {
    throw new UplinkError("CONFLICT", `${original.id} has nothing left to credit.`);
  }
  const seen = new Set<number>();
  const lines: Omit<InvoiceLine, "lineNo">[] = wanted.map(({ lineNo, amount }) => {
    const line = byNo.get(lineNo);
    if (!line) {
      throw new UplinkError(
        "NOT_FOUND",
        `${original.id} has no line ${lineNo}; its lines are 1 to ${original.lines.length}.`,
      );
    }
    if (seen.has(lineNo)) {
      throw new UplinkError("INVALID_INPUT", `Line ${lineNo} is named twice.`);
    }
    seen.add(lineNo);
    const left = remaining.get(lineNo) ?? 0n;
    const credit = amount ?? left;
    if (credit <= 0n) {
      throw new UplinkError(
        amount === undefined ? "CONFLICT" : "INVALID_INPUT",
        amount === undefined
          ? `Line ${lineNo} of ${original.id} has nothing left to credit.`
          : "A credit is a positive amount.",
      );
    }
    if (credit > left) {
      throw new UplinkError(
        "INVALID_INPUT",
        `Line ${lineNo} of ${original.id} has ${left} ${original.currency} minor units left to credit, less than ${credit}.`,
      );
    }
    const whole = credit === line.amount.amount;
    return {
      kind: "credit",
      description: `Credit: ${line.description}`,
      productLineId: line.productLineId,
      revenueMetric: line.revenueMetric,
      contractId: line.contractId,
      projectId: line.projectId,
      deliveryId: line.deliveryId,
      serviceFrom: line.serviceFrom,
      serviceTo: line.serviceTo,
      quantity: whole ? line.quantity : "1",
      unit: whole ? line.unit : "adjustment",
      daysCharged: whole ? line.daysCharged : null,
      daysInPeriod: whole ? line.daysInPeriod : null,
      amount: money(-credit, original.currency),
      amountYen: whole
        ? -line.amountYen
        : -divideHalfUp(line.amountYen * credit, line.amount.amount),
      taxRatePercent: line.taxRatePercent,
      netSharePercent: line.netSharePercent,
      creditsLineNo: lineNo,
    };
  });
  return assembleInvoice(
    {
      id: creditNoteNumber(original.id, earlierCredits.length + 1),
      kind: "credit_note",
      customerId: original.customerId,
      groupCompanyId: original.groupCompanyId,
      month: original.month,
      issueDate: request.issueDate,
      dueDate: request.issueDate,
      currency: original.currency,
      billToName: original.billToName,
      billToAddress: original.billToAddress,
      fxRate: original.fxRate,
      creditsInvoiceId: original.id,
      reason: request.reason.trim(),
    },
    lines,
  );
}
