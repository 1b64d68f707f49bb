import type { Kysely, Transaction } from "kysely";
import { type Currency, money, UplinkError } from "../core/index.js";
import { bigintFromColumn, type Database } from "../store/index.js";
import type { InvoiceLineTable, InvoiceTable } from "./billing.table.js";
import type { CurrencyTotals, LineTotals } from "./billing-run.js";
import type { Invoice, InvoiceKind, InvoiceLine, LineKind } from "./invoice.js";

/** An invoice without its lines, as lists show it. */
export type InvoiceHeader = Omit<Invoice, "lines">;

export interface InvoiceFilter {
  readonly month?: string | undefined;
  readonly customerId?: string | undefined;
  readonly kind?: InvoiceKind | undefined;
  readonly limit?: number | undefined;
}

// Rows per statement: 22 columns × 500 rows stays under both stores' bound-parameter limits.
const BATCH = 500;

/** Writes invoices (or credit notes) with their lines inside the caller's transaction. */
export async function insertInvoices(
  tx: Transaction<Database>,
  invoices: readonly Invoice[],
): Promise<void> {
  for (let i = 0; i < invoices.length; i += BATCH) {
    await tx
      .insertInto("invoices")
      .values(invoices.slice(i, i + BATCH).map(rowFromInvoice))
      .execute();
  }
  const lines = invoices.flatMap((invoice) => invoice.lines.map((l) => rowFromLine(invoice, l)));
  for (let i = 0; i < lines.length; i += BATCH) {
    await tx
      .insertInto("invoice_lines")
      .values(lines.slice(i, i + BATCH))
      .execute();
  }
}

/** Invoice headers by month, customer and id, filtered. */
export async function listInvoices(
  db: Kysely<Database>,
  filter: InvoiceFilter = {},
): Promise<InvoiceHeader[]> {
  let query = db.selectFrom("invoices").selectAll();
  if (filter.month) query = query.where("month", "=", filter.month);
  if (filter.customerId) query = query.where("customer_id", "=", filter.customerId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  query = query.orderBy("month").orderBy("customer_id").orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(headerFromRow);
}

/** The invoice or credit note with this id and its lines; NOT_FOUND if there is none. */
export async function findInvoice(db: Kysely<Database>, id: string): Promise<Invoice> {
  const [invoice] = await invoicesWithLines(db, [id]);
  if (!invoice) throw new UplinkError("NOT_FOUND", `There is no invoice or credit note "${id}".`);
  return invoice;
}

/** Full invoices (with lines) for the given ids, in id order; unknown ids are left out. */
export async function invoicesWithLines(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const headers = await db.selectFrom("invoices").selectAll().where("id", "in", chunk).execute();
    const lines = await db
      .selectFrom("invoice_lines")
      .selectAll()
      .where("invoice_id", "in", chunk)
      .execute();
    invoices.push(...assemble(headers, lines));
  }
  return invoices.sort((a, b) => compare(a.id, b.id));
}

/** Every invoice of a month with its lines, in customer id order (for comparing runs). */
export async function monthInvoices(db: Kysely<Database>, month: string): Promise<Invoice[]> {
  const headers = await db
    .selectFrom("invoices")
    .selectAll()
    .where("month", "=", month)
    .where("kind", "=", "invoice")
    .execute();
  const lines = await db
    .selectFrom("invoice_lines")
    .selectAll()
    .where("invoice_id", "in", (eb) =>
      eb
        .selectFrom("invoices")
        .select("id")
        .where("month", "=", month)
        .where("kind", "=", "invoice"),
    )
    .execute();
  return assemble(headers, lines).sort((a, b) => compare(a.customerId, b.customerId));
}

/** The credit notes written against an invoice, oldest first, with their lines. */
export async function creditNotesOf(db: Kysely<Database>, invoiceId: string): Promise<Invoice[]> {
  const headers = await db
    .selectFrom("invoices")
    .selectAll()
    .where("credits_invoice_id", "=", invoiceId)
    .execute();
  if (headers.length === 0) return [];
  const lines = await db
    .selectFrom("invoice_lines")
    .selectAll()
    .where(
      "invoice_id",
      "in",
      headers.map((h) => h.id),
    )
    .execute();
  return assemble(headers, lines).sort(
    (a, b) => compare(a.issueDate, b.issueDate) || compare(a.id, b.id),
  );
}

/** The customers that already have their invoice for a month. */
export async function invoicedCustomers(db: Kysely<Database>, month: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("invoices")
    .select("customer_id")
    .where("month", "=", month)
    .where("kind", "=", "invoice")
    .execute();
  return new Set(rows.map((r) => r.customer_id));
}

/** A month's invoices (not credit notes) totalled per currency. */
export async function monthCurrencyTotals(
  db: Kysely<Database>,
  month: string,
): Promise<CurrencyTotals[]> {
  const rows = await db
    .selectFrom("invoices")
    .select((eb) => [
      "currency",
      eb.fn.countAll<number | string>().as("invoices"),
      eb.fn.sum<number | string>("subtotal").as("subtotal"),
      eb.fn.sum<number | string>("tax").as("tax"),
      eb.fn.sum<number | string>("total").as("total"),
    ])
    .where("month", "=", month)
    .where("kind", "=", "invoice")
    .groupBy("currency")
    .execute();
  return rows
    .map((r) => ({
      currency: r.currency,
      invoices: Number(r.invoices),
      subtotal: bigintFromColumn(r.subtotal),
      tax: bigintFromColumn(r.tax),
      total: bigintFromColumn(r.total),
    }))
    .sort((a, b) => compare(a.currency, b.currency));
}

/** A month's invoice lines totalled in yen by revenue metric and line kind. */
export async function monthLineTotals(db: Kysely<Database>, month: string): Promise<LineTotals[]> {
  const rows = await db
    .selectFrom("invoice_lines as l")
    .innerJoin("invoices as i", "i.id", "l.invoice_id")
    .select((eb) => [
      "l.revenue_metric",
      "l.kind",
      eb.fn.countAll<number | string>().as("lines"),
      eb.fn.sum<number | string>("l.amount_yen").as("amount_yen"),
    ])
    .where("i.month", "=", month)
    .where("i.kind", "=", "invoice")
    .groupBy(["l.revenue_metric", "l.kind"])
    .execute();
  return rows
    .map((r) => ({
      revenueMetric: r.revenue_metric,
      kind: r.kind,
      lines: Number(r.lines),
      amountYen: bigintFromColumn(r.amount_yen),
    }))
    .sort((a, b) => compare(a.revenueMetric, b.revenueMetric) || compare(a.kind, b.kind));
}

function assemble(headers: readonly InvoiceTable[], lines: readonly InvoiceLineTable[]): Invoice[] {
  const byInvoice = new Map<string, InvoiceLine[]>();
  for (const row of lines) {
    const list = byInvoice.get(row.invoice_id) ?? [];
    list.push(lineFromRow(row));
    byInvoice.set(row.invoice_id, list);
  }
  return headers.map((row) => ({
    ...headerFromRow(row),
    lines: (byInvoice.get(row.id) ?? []).sort((a, b) => a.lineNo - b.lineNo),
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rowFromInvoice(invoice: Invoice): InvoiceTable {
  return {
    id: invoice.id,
    kind: invoice.kind,
    customer_id: invoice.customerId,
    group_company_id: invoice.groupCompanyId,
    month: invoice.month,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    currency: invoice.currency,
    bill_to_name: invoice.billToName,
    bill_to_address: invoice.billToAddress,
    subtotal: invoice.subtotal.amount,
    tax: invoice.tax.amount,
    total: invoice.total.amount,
    fx_rate: invoice.fxRate?.jpyPerUnit ?? null,
    fx_rate_date: invoice.fxRate?.rateDate ?? null,
    fx_source: invoice.fxRate?.source ?? null,
    credits_invoice_id: invoice.creditsInvoiceId,
    reason: invoice.reason,
  };
}

function headerFromRow(row: InvoiceTable): InvoiceHeader {
  const currency = row.currency as Currency;
  return {
    id: row.id,
    kind: row.kind as InvoiceKind,
    customerId: row.customer_id,
    groupCompanyId: row.group_company_id,
    month: row.month,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency,
    billToName: row.bill_to_name,
    billToAddress: row.bill_to_address,
    subtotal: money(bigintFromColumn(row.subtotal), currency),
    tax: money(bigintFromColumn(row.tax), currency),
    total: money(bigintFromColumn(row.total), currency),
    fxRate:
      row.fx_rate === null
        ? null
        : {
            currency,
            rateDate: row.fx_rate_date ?? "",
            jpyPerUnit: row.fx_rate,
            source: row.fx_source ?? "",
          },
    creditsInvoiceId: row.credits_invoice_id,
    reason: row.reason,
  };
}

function rowFromLine(invoice: Invoice, line: InvoiceLine): InvoiceLineTable {
  return {
    invoice_id: invoice.id,
    line_no: line.lineNo,
    customer_id: invoice.customerId,
    kind: line.kind,
    description: line.description,
    product_line_id: line.productLineId,
    revenue_metric: line.revenueMetric,
    contract_id: line.contractId,
    project_id: line.projectId,
    delivery_id: line.deliveryId,
    service_from: line.serviceFrom,
    service_to: line.serviceTo,
    quantity: line.quantity,
    unit: line.unit,
    days_charged: line.daysCharged,
    days_in_period: line.daysInPeriod,
    currency: line.amount.currency,
    amount: line.amount.amount,
    amount_yen: line.amountYen,
    tax_rate_percent: line.taxRatePercent,
    net_share_percent: line.netSharePercent,
    credits_line_no: line.creditsLineNo,
  };
}

function lineFromRow(row: InvoiceLineTable): InvoiceLine {
  return {
    lineNo: Number(row.line_no),
    kind: row.kind as LineKind,
    description: row.description,
    productLineId: row.product_line_id,
    revenueMetric: row.revenue_metric,
    contractId: row.contract_id,
    projectId: row.project_id,
    deliveryId: row.delivery_id,
    serviceFrom: row.service_from,
    serviceTo: row.service_to,
    quantity: row.quantity,
    unit: row.unit,
    daysCharged: row.days_charged === null ? null : Number(row.days_charged),
    daysInPeriod: row.days_in_period === null ? null : Number(row.days_in_period),
    amount: money(bigintFromColumn(row.amount), row.currency as Currency),
    amountYen: bigintFromColumn(row.amount_yen),
    taxRatePercent: row.tax_rate_percent,
    netSharePercent: row.net_share_percent,
    creditsLineNo: row.credits_line_no === null ? null : Number(row.credits_line_no),
  };
}

/**
 * Credit notes issued in a month (by issue date, the month they are booked in) with their lines,
 * and the invoices they correct, so that each credit line can be booked like the line it takes back.
 */
export async function creditNotesIssuedIn(
  db: Kysely<Database>,
  month: string,
): Promise<{ creditNote: Invoice; original: Invoice }[]> {
  const headers = await db
    .selectFrom("invoices")
    .selectAll()
    .where("kind", "=", "credit_note")
    .where("issue_date", ">=", `${month}-01`)
    .where("issue_date", "<=", `${month}-31`)
    .execute();
  if (headers.length === 0) return [];
  const creditNotes = await invoicesWithLines(
    db,
    headers.map((h) => h.id),
  );
  const originals = new Map(
    (
      await invoicesWithLines(db, [
        ...new Set(creditNotes.map((c) => c.creditsInvoiceId).filter((id) => id !== null)),
      ])
    ).map((invoice) => [invoice.id, invoice]),
  );
  return creditNotes.map((creditNote) => {
    const original = originals.get(creditNote.creditsInvoiceId ?? "");
    if (!original) {
      throw new UplinkError(
        "INTERNAL",
        `The credit note ${creditNote.id} corrects ${creditNote.creditsInvoiceId}, which is not stored.`,
      );
    }
    return { creditNote, original };
  });
}

/**
 * A set-up fee as charged, or (negative) as taken back by a credit note: what the release of
 * deferred set-up fees is computed from. `serviceMonth` is the month the fee was billed for (its
 * schedule starts there); `bookedMonth` the month the document was issued in.
 */
export interface SetupFeeCharge {
  readonly documentId: string;
  readonly lineNo: number;
  readonly groupCompanyId: string;
  readonly customerId: string;
  readonly contractId: string | null;
  readonly revenueMetric: string;
  readonly currency: Currency;
  readonly amount: bigint;
  readonly serviceMonth: string;
  readonly bookedMonth: string;
}

const SETUP_FEE_COLUMNS = [
  "l.invoice_id",
  "l.line_no",
  "i.group_company_id",
  "i.customer_id",
  "l.contract_id",
  "l.revenue_metric",
  "l.currency",
  "l.amount",
  "i.month",
  "i.issue_date",
] as const;

/**
 * Set-up fees (and credits of set-up fees) issued up to `month` whose service month is
 * `sinceMonth` or later, or which were issued in `month` itself whatever their service month.
 */
export async function setupFeeCharges(
  db: Kysely<Database>,
  month: string,
  sinceMonth: string,
): Promise<SetupFeeCharge[]> {
  const lastDay = `${month}-31`;
  const charged = await db
    .selectFrom("invoice_lines as l")
    .innerJoin("invoices as i", "i.id", "l.invoice_id")
    .select(SETUP_FEE_COLUMNS)
    .where("l.kind", "=", "setup")
    .where("i.kind", "=", "invoice")
    .where("i.issue_date", "<=", lastDay)
    .where((eb) =>
      eb.or([eb("i.month", ">=", sinceMonth), eb("i.issue_date", ">=", `${month}-01`)]),
    )
    .execute();
  const credited = await db
    .selectFrom("invoice_lines as l")
    .innerJoin("invoices as i", "i.id", "l.invoice_id")
    .innerJoin("invoice_lines as o", (join) =>
      join
        .onRef("o.invoice_id", "=", "i.credits_invoice_id")
        .onRef("o.line_no", "=", "l.credits_line_no"),
    )
    .select(SETUP_FEE_COLUMNS)
    .where("o.kind", "=", "setup")
    .where("i.kind", "=", "credit_note")
    .where("i.issue_date", "<=", lastDay)
    .where((eb) =>
      eb.or([eb("i.month", ">=", sinceMonth), eb("i.issue_date", ">=", `${month}-01`)]),
    )
    .execute();
  return [...charged, ...credited]
    .map((row) => ({
      documentId: row.invoice_id,
      lineNo: row.line_no,
      groupCompanyId: row.group_company_id,
      customerId: row.customer_id,
      contractId: row.contract_id,
      revenueMetric: row.revenue_metric,
      currency: row.currency as Currency,
      amount: bigintFromColumn(row.amount),
      serviceMonth: row.month,
      bookedMonth: row.issue_date.slice(0, 7),
    }))
    .sort((a, b) => compare(a.documentId, b.documentId) || a.lineNo - b.lineNo);
}
