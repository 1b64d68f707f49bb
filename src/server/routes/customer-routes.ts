import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { customerScope, maySeeCustomer } from "../../access/index.js";
import { listPlans, PRODUCT_LINES } from "../../catalog/index.js";
import { contractedBandwidth, loadContractHistories } from "../../contracts/index.js";
import {
  CUSTOMER_STATUSES,
  type Customer,
  contactsOf,
  customerMatches,
  findCustomer,
  INDUSTRIES,
  listCustomers,
} from "../../customers/index.js";
import { ERROR_RESPONSES, isoDate, jsonContent, pageSchema } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { offsetOfCursor, pageOf, pageQueryFields, rowsToRead } from "../page-cursor.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const ROLES = ["admin", "operations", "customer"] as const;

// Folding every history to a date after its last event gives the record as it stands now.
const LATEST = "9999-12-31";

export const CustomerSchema = z
  .object({
    id: z.string().openapi({ example: "C00001" }),
    name: z.string(),
    industry: z.string().openapi({ example: "financial", description: INDUSTRIES.join(", ") }),
    country: z.string().openapi({ example: "JP" }),
    group_company: z.string(),
    billing_currency: z.string(),
    status: z.string().openapi({ example: "active", description: CUSTOMER_STATUSES.join(", ") }),
    status_since: z.string(),
    billing_address: z.string(),
  })
  .openapi("Customer");

const CustomerDetailSchema = CustomerSchema.extend({
  contacts: z.array(z.object({ name: z.string(), email: z.string(), role: z.string() })),
  summary: z.object({
    on: z.string().nullable().openapi({ description: "The date of the summary; null: now." }),
    contracts: z.number().int(),
    active_contracts: z.number().int(),
    contracted_bandwidth_mbps: z
      .number()
      .openapi({ description: "Active IP, data-center and fiber/DSL access contracts, summed." }),
    contracted_bandwidth_gbps: z.number(),
  }),
}).openapi("CustomerDetail");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/customers",
  tags: ["Customers"],
  summary: "Customers in id order, filtered",
  description: "A customer token sees only its own customer.",
  ...guarded(ROLES),
  request: {
    query: z.object({
      industry: z.enum(INDUSTRIES as [string, ...string[]]).optional(),
      status: z.enum(CUSTOMER_STATUSES as [string, ...string[]]).optional(),
      search: z.string().optional().openapi({ description: "Part of the id or name, any case." }),
      ...pageQueryFields,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(CustomerSchema, "CustomerPage"), "A page of customers."),
    ...ERROR_RESPONSES,
  },
});

const showRoute = createRoute({
  method: "get",
  path: "/api/v1/customers/{id}",
  tags: ["Customers"],
  summary: "One customer with contacts and a contracts summary",
  ...guarded(ROLES),
  request: {
    params: z.object({ id: z.string().openapi({ example: "C00001" }) }),
    query: z.object({
      on: isoDate.optional().openapi({ description: "The summary's date (default: now)." }),
    }),
  },
  responses: { 200: jsonContent(CustomerDetailSchema, "The customer."), ...ERROR_RESPONSES },
});

export function registerCustomerRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  const { db } = context.store;

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const offset = offsetOfCursor(query.cursor);
    const scope = customerScope(c.get("principal"));
    let rows: Customer[];
    if (scope !== null) {
      const own = await findCustomer(db, scope);
      const matches =
        (!query.industry || own.industry === query.industry) &&
        (!query.status || own.status === query.status) &&
        (!query.search || customerMatches(own, query.search));
      rows = matches ? [own] : [];
    } else {
      rows = await listCustomers(db, {
        industry: query.industry as Customer["industry"] | undefined,
        status: query.status as Customer["status"] | undefined,
        search: query.search,
        limit: rowsToRead(offset, query.limit),
      });
    }
    const page = pageOf(rows, offset, query.limit);
    return c.json({ items: page.items.map(customerJson), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { on } = c.req.valid("query");
    if (!maySeeCustomer(c.get("principal"), id)) throw notFound(id);
    const customer = await findCustomer(db, id);
    const [contacts, histories, plans] = await Promise.all([
      contactsOf(db, id),
      loadContractHistories(db, { customerId: id }),
      listPlans(db),
    ]);
    const countedLines = new Set(
      PRODUCT_LINES.filter((l) => l.countsTowardBandwidth).map((l) => l.id),
    );
    const counted = new Set(plans.filter((p) => countedLines.has(p.lineId)).map((p) => p.id));
    const date = on ?? LATEST;
    const events = histories.map((h) => h.events);
    const bandwidth = contractedBandwidth(events, (planId) => counted.has(planId), date);
    const all = contractedBandwidth(events, () => true, date);
    const contracts = histories.filter((h) => h.events.some((e) => e.effectiveDate <= date)).length;
    return c.json(
      {
        ...customerJson(customer),
        contacts: contacts.map((ct) => ({ name: ct.name, email: ct.email, role: ct.role })),
        summary: {
          on: on ?? null,
          contracts,
          active_contracts: all.contracts,
          contracted_bandwidth_mbps: Number(bandwidth.totalMbps),
          contracted_bandwidth_gbps: bandwidth.gbps.toNumber(),
        },
      },
      200,
    );
  });
}

export function customerJson(customer: Customer) {
  return {
    id: customer.id,
    name: customer.name,
    industry: customer.industry,
    country: customer.country,
    group_company: customer.groupCompanyId,
    billing_currency: customer.billingCurrency,
    status: customer.status,
    status_since: customer.statusSince,
    billing_address: customer.billingAddress,
  };
}

function notFound(id: string): ApiError {
  return new ApiError("NOT_FOUND", `There is no customer "${id}".`);
}
