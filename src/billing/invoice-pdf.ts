import type PDFKit from "pdfkit";
import { formatMoney } from "../core/index.js";
import { type Invoice, type InvoiceLine, taxBreakdown } from "./invoice.js";

// pdfkit is loaded when a PDF is asked for, by a specifier the CLI bundler leaves alone: it reads
// its font metrics from its own package folder, so it must run from node_modules, not a bundle.
const PDFKIT = "pdfkit";

/**
 * An invoice or credit note as a one-or-more-page A4 PDF a customer could receive: issuer, bill-to
 * address, dates, the lines with their periods of service, subtotal, tax per rate and total. The
 * document's dates are the issue date, so the same invoice always gives the same bytes. Standard
 * PDF fonts cover Latin text only; other characters print as "?".
 */
export async function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  const { default: PDFDocument } = (await import(PDFKIT)) as { default: typeof PDFKit };
  const issued = new Date(`${invoice.issueDate}T00:00:00Z`);
  const title = invoice.kind === "invoice" ? "Invoice" : "Credit note";
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: {
      Title: `${title} ${invoice.id}`,
      Author: invoice.groupCompanyId,
      Subject: `${title} ${invoice.id} for ${invoice.customerId}, ${invoice.month}`,
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = 50;
  const right = 545;
  doc.font("Helvetica-Bold").fontSize(20).text(`${title.toUpperCase()}`, left, 50);
  doc.font("Helvetica").fontSize(10).text(latin(invoice.id), left, 76);
  doc
    .fontSize(9)
    .text(`Issued by: ${latin(invoice.groupCompanyId)}`, 330, 50, { width: 215, align: "right" })
    .text(`Issue date: ${invoice.issueDate}`, 330, 63, { width: 215, align: "right" })
    .text(
      invoice.kind === "invoice"
        ? `Due date: ${invoice.dueDate}`
        : `Corrects: ${invoice.creditsInvoiceId ?? ""}`,
      330,
      76,
      { width: 215, align: "right" },
    )
    .text(`Billing month: ${invoice.month}`, 330, 89, { width: 215, align: "right" });

  doc.font("Helvetica-Bold").fontSize(10).text("Bill to", left, 120);
  doc
    .font("Helvetica")
    .text(latin(invoice.billToName), left, 134)
    .text(latin(invoice.billToAddress || ""), left, doc.y)
    .text(`Customer ${invoice.customerId}`, left, doc.y);
  let y = doc.y + 6;
  if (invoice.reason) {
    doc.text(`Reason: ${latin(invoice.reason)}`, left, y, { width: right - left });
    y = doc.y + 4;
  }
  if (invoice.fxRate) {
    doc
      .fontSize(8)
      .text(
        `Amounts converted from yen at JPY ${invoice.fxRate.jpyPerUnit} per ${invoice.fxRate.currency} (${latin(invoice.fxRate.source)}, ${invoice.fxRate.rateDate}).`,
        left,
        y,
        { width: right - left },
      );
    y = doc.y + 4;
  }

  const columns = { no: left, description: left + 24, service: 300, amount: 455 };
  const header = (at: number): number => {
    doc.font("Helvetica-Bold").fontSize(8);
    doc.text("#", columns.no, at, { width: 20 });
    doc.text("Description", columns.description, at);
    doc.text("Service period", columns.service, at);
    doc.text(`Amount (${invoice.currency})`, columns.amount, at, { width: 90, align: "right" });
    doc
      .moveTo(left, at + 11)
      .lineTo(right, at + 11)
      .lineWidth(0.5)
      .stroke();
    doc.font("Helvetica").fontSize(8);
    return at + 15;
  };
  y = header(y + 10);
  for (const line of invoice.lines) {
    const description = latin(line.description);
    const served = period(line);
    const height = Math.max(
      10,
      doc.heightOfString(description, { width: columns.service - columns.description - 8 }),
      doc.heightOfString(served, { width: columns.amount - columns.service - 4 }),
    );
    if (y + height > 740) {
      doc.addPage();
      y = header(50);
    }
    doc.text(String(line.lineNo), columns.no, y, { width: 20 });
    doc.text(description, columns.description, y, {
      width: columns.service - columns.description - 8,
    });
    doc.text(served, columns.service, y, { width: columns.amount - columns.service - 4 });
    doc.text(amount(line.amount), columns.amount, y, { width: 90, align: "right" });
    y += height + 4;
  }
  if (y > 680) {
    doc.addPage();
    y = 50;
  }
  doc
    .moveTo(300, y + 2)
    .lineTo(right, y + 2)
    .lineWidth(0.5)
    .stroke();
  y += 8;
  const total = (label: string, value: string, bold = false) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 10 : 9);
    doc.text(label, 300, y, { width: 140 });
    doc.text(value, columns.amount - 30, y, { width: 120, align: "right" });
    y += bold ? 16 : 13;
  };
  total("Subtotal", formatMoney(invoice.subtotal));
  for (const part of taxBreakdown(invoice.lines, invoice.currency)) {
    total(
      part.ratePercent === "0"
        ? "Exempt from consumption tax"
        : `Consumption tax ${part.ratePercent}%`,
      formatMoney(part.tax),
    );
  }
  total(
    invoice.kind === "invoice" ? "Total due" : "Total credited",
    formatMoney(invoice.total),
    true,
  );
  doc
    .font("Helvetica")
    .fontSize(7)
    .text(
      "Consumption tax is computed on the sum of the lines at each rate and rounded down. Monthly fees for part of a month are prorated by day (days charged / days in the month).",
      left,
      750,
      { width: right - left, align: "center" },
    );
  doc.end();
  return done;
}

function period(line: InvoiceLine): string {
  if (line.serviceFrom === line.serviceTo) return line.serviceFrom;
  const days =
    line.daysCharged !== null && line.daysInPeriod !== null && line.daysCharged < line.daysInPeriod
      ? ` (${line.daysCharged}/${line.daysInPeriod} days)`
      : "";
  return `${line.serviceFrom} to ${line.serviceTo}${days}`;
}

function amount(m: InvoiceLine["amount"]): string {
  const text = formatMoney(m);
  const digits = text.slice(text.indexOf(" ") + 1);
  return text.startsWith("-") ? `-${digits}` : digits;
}

// The standard fonts' WinAnsi encoding: Latin-1 and a few typographic marks.
const WIN_ANSI_EXTRA = new Set([..."–—‘’“”•…€™"]);

function latin(text: string): string {
  return [...text]
    .map((c) => (c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : "?"))
    .join("");
}
