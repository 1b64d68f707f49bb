import fs from "node:fs";
import { type Command, InvalidArgumentError, Option } from "commander";
import {
  findInvoice,
  INVOICE_KINDS,
  type Invoice,
  type InvoiceHeader,
  type InvoiceKind,
  listInvoices,
  parseBillingMonth,
  renderInvoicePdf,
  renderInvoiceText,
} from "../../billing/index.js";
import { formatMoney, UplinkError } from "../../core/index.js";
import { creditInvoice } from "../../flows/index.js";
import { minorUnitsFrom } from "../../input/index.js";
import { withStore } from "../command-context.js";
import { type OutputFormat, parseFormat, parseLimit, printJson } from "../output-format.js";
import { renderCsv, renderTable } from "../text-table.js";

/** `uplink invoices list|show|credit`. */
export function registerInvoicesCommand(program: Command): void {
  const invoices = program
    .command("invoices")
    .description(
      "Look up invoices and credit notes, render one as text or PDF, issue a credit note.",
    );

  invoices
    .command("list")
    .description("List invoices and credit notes by month and customer.")
    .option("--month <YYYY-MM>", "only this billing month", parseMonth)
    .option("--customer <id>", "only this customer's")
    .addOption(
      new Option("--kind <kind>", "only invoices or only credit notes").choices(INVOICE_KINDS),
    )
    .addOption(new Option("--limit <n>", "at most n").default(50).argParser(parseLimit))
    .addOption(
      new Option("-f, --format <format>", "table, json or csv")
        .default("table")
        .argParser(parseFormat(["table", "json", "csv"])),
    )
    .addHelpText(
      "after",
      `
Amounts in JSON and CSV are integer minor units of the invoice's currency (yen for JPY,
cents for USD). Each JSON record has id, kind, customer_id, month, currency, subtotal, tax
and total.

Examples:
  uplink invoices list --month 2012-09 --limit 20
  uplink invoices list --customer C00001 --format json`,
    )
    .action(
      async (
        options: {
          month?: string;
          customer?: string;
          kind?: InvoiceKind;
          limit: number;
          format: OutputFormat;
        },
        command: Command,
      ) => {
        const rows = await withStore(command, (store) =>
          listInvoices(store.db, {
            month: options.month,
            customerId: options.customer,
            kind: options.kind,
            limit: options.limit,
          }),
        );
        printInvoices(rows, options.format);
      },
    );

  invoices
    .command("show")
    .description("Show one invoice or credit note: as text, JSON, or a PDF for the customer.")
    .argument("<id>", "e.g. INV-2012-09-C00001")
    .addOption(
      new Option("-f, --format <format>", "text, json or pdf")
        .default("text")
        .choices(["text", "json", "pdf"]),
    )
    .option("-o, --output <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      `
Examples:
  uplink invoices show INV-2012-09-C00001
  uplink invoices show INV-2012-09-C00001 --format pdf --output INV-2012-09-C00001.pdf`,
    )
    .action(
      async (
        id: string,
        options: { format: "text" | "json" | "pdf"; output?: string },
        command: Command,
      ) => {
        const invoice = await withStore(command, (store) => findInvoice(store.db, id));
        if (options.format === "pdf") {
          if (!options.output && process.stdout.isTTY) {
            throw new UplinkError(
              "INVALID_INPUT",
              "A PDF is not for the terminal: give --output FILE (or redirect the output).",
            );
          }
          const pdf = await renderInvoicePdf(invoice);
          if (options.output) {
            fs.writeFileSync(options.output, pdf);
            process.stderr.write(
              `${options.output}: ${pdf.length.toLocaleString("en-US")} bytes\n`,
            );
          } else process.stdout.write(pdf);
          return;
        }
        const text =
          options.format === "json"
            ? `${JSON.stringify(invoiceJson(invoice), null, 2)}\n`
            : renderInvoiceText(invoice);
        if (options.output) fs.writeFileSync(options.output, text);
        else process.stdout.write(text);
      },
    );

  invoices
    .command("credit")
    .description("Issue a credit note against an invoice (the invoice itself is never edited).")
    .argument("<id>", "the invoice, e.g. INV-2012-09-C00001")
    .requiredOption("--reason <text>", "why the invoice is corrected")
    .option(
      "--line <n[=amount]>",
      "credit line n (all that is left of it, or amount in major units); repeatable",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--on <date>", "the credit note's issue date (default: today)", parseDate)
    .addOption(
      new Option("-f, --format <format>", "text or json").default("text").choices(["text", "json"]),
    )
    .addHelpText(
      "after",
      `
Without --line, credits whatever is left of every line. A line is never credited for more than
it charged less earlier credit notes. The credit note keeps each line's revenue line, contract,
period of service and tax rate, and is numbered CN-<month>-<customer>-<n>. It is booked with
the month it is issued in, so its date must fall in a month whose books are not yet posted.

Examples:
  uplink invoices credit INV-2012-09-C00001 --reason "Billed twice"
  uplink invoices credit INV-2012-09-C00001 --line 2=26000 --reason "Outage, 1 day"`,
    )
    .action(
      async (
        id: string,
        options: { reason: string; line?: string[]; on?: string; format: "text" | "json" },
        command: Command,
      ) => {
        const issueDate = options.on ?? new Date().toISOString().slice(0, 10);
        const note = await withStore(command, async (store) => {
          const original = await findInvoice(store.db, id);
          const lines = options.line?.map((spec) => parseLineSpec(spec, original));
          return creditInvoice(store, id, {
            reason: options.reason,
            issueDate,
            ...(lines ? { lines } : {}),
          });
        });
        if (options.format === "json") printJson(invoiceJson(note));
        else process.stdout.write(renderInvoiceText(note));
      },
    );
}

function parseLineSpec(spec: string, invoice: Invoice): { lineNo: number; amount?: bigint } {
  const match = /^(\d+)(?:=(.+))?$/.exec(spec.trim());
  if (!match) {
    throw new UplinkError(
      "INVALID_INPUT",
      `--line ${spec}: write a line number, optionally with an amount: 2 or 2=26000.`,
    );
  }
  const lineNo = Number(match[1]);
  if (match[2] === undefined) return { lineNo };
  return {
    lineNo,
    amount: minorUnitsFrom(match[2], invoice.currency, { field: "--line" }),
  };
}

function parseMonth(value: string): string {
  try {
    return parseBillingMonth(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function parseDate(value: string): string {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms)) {
    throw new InvalidArgumentError("Give a date as YYYY-MM-DD, e.g. 2012-10-15.");
  }
  if (new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`${value} is not a calendar date.`);
  }
  return value;
}

function headerJson(h: InvoiceHeader) {
  return {
    id: h.id,
    kind: h.kind,
    customer_id: h.customerId,
    group_company_id: h.groupCompanyId,
    month: h.month,
    issue_date: h.issueDate,
    due_date: h.dueDate,
    currency: h.currency,
    subtotal: Number(h.subtotal.amount),
    tax: Number(h.tax.amount),
    total: Number(h.total.amount),
    credits_invoice_id: h.creditsInvoiceId,
  };
}

function invoiceJson(invoice: Invoice) {
  return {
    ...headerJson(invoice),
    bill_to_name: invoice.billToName,
    bill_to_address: invoice.billToAddress,
    fx_rate: invoice.fxRate,
    reason: invoice.reason,
    lines: invoice.lines.map((l) => ({
      line_no: l.lineNo,
      kind: l.kind,
      description: l.description,
      product_line_id: l.productLineId,
      revenue_metric: l.revenueMetric,
      contract_id: l.contractId,
      project_id: l.projectId,
      delivery_id: l.deliveryId,
      service_from: l.serviceFrom,
      service_to: l.serviceTo,
      quantity: l.quantity,
      unit: l.unit,
      days_charged: l.daysCharged,
      days_in_period: l.daysInPeriod,
      amount: Number(l.amount.amount),
      amount_yen: Number(l.amountYen),
      tax_rate_percent: l.taxRatePercent,
      net_share_percent: l.netSharePercent,
      credits_line_no: l.creditsLineNo,
    })),
  };
}

function printInvoices(rows: readonly InvoiceHeader[], format: OutputFormat): void {
  if (format === "json") {
    printJson(rows.map(headerJson));
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      renderCsv(
        [
          "id",
          "kind",
          "customer_id",
          "month",
          "issue_date",
          "due_date",
          "currency",
          "subtotal",
          "tax",
          "total",
          "credits_invoice_id",
        ],
        rows.map((h) => [
          h.id,
          h.kind,
          h.customerId,
          h.month,
          h.issueDate,
          h.dueDate,
          h.currency,
          h.subtotal.amount,
          h.tax.amount,
          h.total.amount,
          h.creditsInvoiceId ?? "",
        ]),
      ),
    );
    return;
  }
  if (rows.length === 0) {
    process.stdout.write("No invoices match.\n");
    return;
  }
  process.stdout.write(
    renderTable(rows, [
      { header: "Invoice", cell: (h) => h.id },
      { header: "Customer", cell: (h) => h.customerId },
      { header: "Month", cell: (h) => h.month },
      { header: "Issued", cell: (h) => h.issueDate },
      { header: "Due", cell: (h) => h.dueDate },
      { header: "Subtotal", align: "right", cell: (h) => formatMoney(h.subtotal) },
      { header: "Tax", align: "right", cell: (h) => formatMoney(h.tax) },
      { header: "Total", align: "right", cell: (h) => formatMoney(h.total) },
    ]),
  );
}
