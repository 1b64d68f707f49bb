import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { customerScope, maySeeCustomer, type Principal } from "../../access/index.js";
import {
  findInvoice,
  type Invoice,
  type InvoiceHeader,
  type InvoiceLine,
  listInvoices,
  renderInvoicePdf,
} from "../../billing/index.js";
import { isUplinkError } from "../../core/index.js";
import type { Store } from "../../store/index.js";
import { billingMonth, ERROR_RESPONSES, jsonContent, pageSchema } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { offsetOfCursor, pageOf, pageQueryFields, rowsToRead } from "../page-cursor.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const ROLES = ["admin", "finance", "customer"] as const;

const amount = z
  .number()
  .int()
  .openapi({ description: "Integer minor units of the invoice's currency (yen: whole yen)." });

const InvoiceSchema = z
  .object({
    id: z.string().openapi({ example: "INV-2012-09-C00001" }),
    kind: z.enum(["invoice", "credit_note"]),
    customer_id: z.string(),
    group_company_id: z.string(),
    month: z.string().openapi({ example: "2012-09" }),
    issue_date: z.string(),
    due_date: z.string(),
    currency: z.string(),
    bill_to_name: z.string(),
    bill_to_address: z.string(),
    subtotal: amount,
    tax: amount,
    total: amount,
    fx_rate: z
      .object({ rate_date: z.string(), jpy_per_unit: z.string(), source: z.string() })
      .nullable(),
    credits_invoice_id: z.string().nullable(),
    reason: z.string(),
  })
  .openapi("Invoice");

const InvoiceLineSchema = z
  .object({
    line_no: z.number().int(),
    kind: z.string(),
    description: z.string(),
    product_line_id: z.string(),
    revenue_metric: z.string(),
    contract_id: z.string().nullable(),
    project_id: z.string().nullable(),
    delivery_id: z.string().nullable(),
    service_from: z.string(),
    service_to: z.string(),
    quantity: z.string().openapi({ description: "Exact decimal text in `unit`." }),
    unit: z.string(),
    days_charged: z.number().int().nullable(),
    days_in_period: z.number().int().nullable(),
    amount,
    amount_yen: z.number().int(),
    tax_rate_percent: z.string(),
    net_share_percent: z.string().nullable(),
  })
  .openapi("InvoiceLine");

const InvoiceDetailSchema = InvoiceSchema.extend({ lines: z.array(InvoiceLineSchema) }).openapi(
  "InvoiceDetail",
);

const idParam = z.object({ id: z.string().openapi({ example: "INV-2012-09-C00001" }) });

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/invoices",
  tags: ["Invoices"],
  summary: "Invoices and credit notes by month and customer",
  description: "A customer token sees only its own; asking for another customer is a 404.",
  ...guarded(ROLES),
  request: {
    query: z.object({
      customer: z.string().optional(),
      month: billingMonth.optional(),
      kind: z.enum(["invoice", "credit_note"]).optional(),
      ...pageQueryFields,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(InvoiceSchema, "InvoicePage"), "A page of invoices."),
    ...ERROR_RESPONSES,
  },
});

const showRoute = createRoute({
  method: "get",
  path: "/api/v1/invoices/{id}",
  tags: ["Invoices"],
  summary: "One invoice with its lines (or its PDF, with Accept: application/pdf)",
  ...guarded(ROLES),
  request: { params: idParam },
  responses: {
    200: {
      description: "The invoice as JSON, or as a PDF when the request accepts application/pdf.",
      content: {
        "application/json": { schema: InvoiceDetailSchema },
        "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
      },
    },
    ...ERROR_RESPONSES,
  },
});

const pdfRoute = createRoute({
  method: "get",
  path: "/api/v1/invoices/{id}/pdf",
  tags: ["Invoices"],
  summary: "One invoice as a PDF",
  ...guarded(ROLES),
  request: { params: idParam },
  responses: {
    200: {
      description: "The PDF.",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...ERROR_RESPONSES,
  },
});

export function registerInvoiceRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  const { store } = context;

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = customerScope(c.get("principal"));
    if (scope !== null && query.customer !== undefined && query.customer !== scope) {
      throw new ApiError("NOT_FOUND", `There is no customer "${query.customer}".`, "customer");
    }
    const offset = offsetOfCursor(query.cursor);
    const rows = await listInvoices(store.db, {
      customerId: scope ?? query.customer,
      month: query.month,
      kind: query.kind,
      limit: rowsToRead(offset, query.limit),
    });
    const page = pageOf(rows, offset, query.limit);
    return c.json({ items: page.items.map(headerJson), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(showRoute, async (c) => {
    const invoice = await visibleInvoice(store, c.get("principal"), c.req.valid("param").id);
    if (wantsPdf(c)) return pdfResponse(c, invoice);
    return c.json({ ...headerJson(invoice), lines: invoice.lines.map(lineJson) }, 200);
  });

  app.openapi(pdfRoute, async (c) => {
    const invoice = await visibleInvoice(store, c.get("principal"), c.req.valid("param").id);
    return pdfResponse(c, invoice);
  });
}

async function visibleInvoice(store: Store, principal: Principal, id: string): Promise<Invoice> {
  const missing = () => new ApiError("NOT_FOUND", `There is no invoice or credit note "${id}".`);
  let invoice: Invoice;
  try {
    invoice = await findInvoice(store.db, id);
  } catch (error) {
    if (isUplinkError(error) && error.code === "NOT_FOUND") throw missing();
    throw error;
  }
  if (!maySeeCustomer(principal, invoice.customerId)) throw missing();
  return invoice;
}

/** Whether the request prefers a PDF to JSON (an Accept naming application/pdf before JSON). */
function wantsPdf(c: Context): boolean {
  const accept = c.req.header("accept") ?? "";
  const pdf = accept.indexOf("application/pdf");
  if (pdf < 0) return false;
  const json = accept.indexOf("application/json");
  return json < 0 || pdf < json;
}

async function pdfResponse(c: Context, invoice: Invoice) {
  const pdf = await renderInvoicePdf(invoice);
  return c.body(new Uint8Array(pdf), 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename="${invoice.id}.pdf"`,
  });
}

function headerJson(invoice: InvoiceHeader) {
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
    subtotal: Number(invoice.subtotal.amount),
    tax: Number(invoice.tax.amount),
    total: Number(invoice.total.amount),
    fx_rate: invoice.fxRate
      ? {
          rate_date: invoice.fxRate.rateDate,
          jpy_per_unit: invoice.fxRate.jpyPerUnit,
          source: invoice.fxRate.source,
        }
      : null,
    credits_invoice_id: invoice.creditsInvoiceId,
    reason: invoice.reason,
  };
}

function lineJson(line: InvoiceLine) {
  return {
    line_no: line.lineNo,
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
    amount: Number(line.amount.amount),
    amount_yen: Number(line.amountYen),
    tax_rate_percent: line.taxRatePercent,
    net_share_percent: line.netSharePercent,
  };
}
