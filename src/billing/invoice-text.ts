import { formatMoney, money } from "../core/index.js";
import { type Invoice, type InvoiceLine, taxBreakdown } from "./invoice.js";

/**
 * An invoice or credit note as plain text, the way a customer reads it: who issues it to whom,
 * dates, one row per line with its period of service, subtotal, tax per rate and total.
 */
export function renderInvoiceText(invoice: Invoice): string {
  const title = invoice.kind === "invoice" ? "INVOICE" : "CREDIT NOTE";
  const header = [
    `${title} ${invoice.id}`,
    `Issued by ${invoice.groupCompanyId} on ${invoice.issueDate}; ${invoice.kind === "invoice" ? `due ${invoice.dueDate}` : `corrects ${invoice.creditsInvoiceId}`}`,
    `Bill to:  ${invoice.billToName} (${invoice.customerId})`,
    ...(invoice.billToAddress ? [`          ${invoice.billToAddress}`] : []),
    `Billing month: ${invoice.month}   Currency: ${invoice.currency}`,
    ...(invoice.reason ? [`Reason: ${invoice.reason}`] : []),
    ...(invoice.fxRate
      ? [
          `Converted from yen at JPY ${invoice.fxRate.jpyPerUnit} per ${invoice.fxRate.currency} (${invoice.fxRate.source}, ${invoice.fxRate.rateDate})`,
        ]
      : []),
    "",
  ];
  const rows = invoice.lines.map((line) => [
    String(line.lineNo),
    line.description,
    period(line),
    amountText(line),
  ]);
  const widths = [2, 11, 23, 14].map((min, i) =>
    Math.max(
      min,
      ...rows.map((r) => r[i]!.length),
      ["#", "Description", "Service", "Amount"][i]!.length,
    ),
  );
  widths[1] = Math.min(widths[1]!, 60);
  const cell = (text: string, i: number, right = false) => {
    const clipped = text.length > widths[i]! ? `${text.slice(0, widths[i]! - 1)}…` : text;
    return right ? clipped.padStart(widths[i]!) : clipped.padEnd(widths[i]!);
  };
  const table = [
    [cell("#", 0, true), cell("Description", 1), cell("Service", 2), cell("Amount", 3, true)].join(
      "  ",
    ),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map((r) =>
      [cell(r[0]!, 0, true), cell(r[1]!, 1), cell(r[2]!, 2), cell(r[3]!, 3, true)].join("  "),
    ),
  ];
  const width = table[1]!.length;
  const right = (label: string, value: string) =>
    `${label}${value.padStart(Math.max(1, width - label.length))}`;
  const taxes = taxBreakdown(invoice.lines, invoice.currency).map((part) =>
    part.ratePercent === "0"
      ? right(
          `Exempt from consumption tax (${formatMoney(part.taxable)})`,
          formatMoney(money(0n, invoice.currency)),
        )
      : right(
          `Consumption tax ${part.ratePercent}% on ${formatMoney(part.taxable)}`,
          formatMoney(part.tax),
        ),
  );
  const footer = [
    "",
    right("Subtotal", formatMoney(invoice.subtotal)),
    ...taxes,
    right(invoice.kind === "invoice" ? "Total due" : "Total credited", formatMoney(invoice.total)),
  ];
  return `${[...header, ...table.map((l) => l.trimEnd()), ...footer].join("\n")}\n`;
}

function period(line: InvoiceLine): string {
  const days =
    line.daysCharged !== null && line.daysInPeriod !== null && line.daysCharged < line.daysInPeriod
      ? ` (${line.daysCharged}/${line.daysInPeriod} d)`
      : "";
  return line.serviceFrom === line.serviceTo
    ? line.serviceFrom
    : `${line.serviceFrom.slice(5)}–${line.serviceTo.slice(5)}${days}`;
}

function amountText(line: InvoiceLine): string {
  const text = formatMoney(line.amount); // "JPY 1,234" or "-JPY 1,234"
  const digits = text.slice(text.indexOf(" ") + 1);
  return text.startsWith("-") ? `-${digits}` : digits;
}
