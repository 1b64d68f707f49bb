import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { recordAudit } from "../../access/index.js";
import {
  type BillingRun,
  findBillingRun,
  listBillingRuns,
  parseBillingMonth,
} from "../../billing/index.js";
import { isUplinkError } from "../../core/index.js";
import {
  billingMonth,
  CONFLICT_RESPONSE,
  ERROR_RESPONSES,
  jsonContent,
  pageSchema,
} from "../api-schemas.js";
import { guarded } from "../authentication.js";
import type { TrackedRun } from "../billing-run-tracker.js";
import { ApiError } from "../http-error.js";
import { offsetOfCursor, pageOf, pageQueryFields } from "../page-cursor.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const ROLES = ["admin", "finance"] as const;

const BillingRunSchema = z
  .object({
    month: z.string().openapi({ example: "2012-09" }),
    status: z.enum(["running", "completed", "closed", "failed"]).openapi({
      description: "`failed`: the run stopped with `error`; starting it again resumes.",
    }),
    phase: z.enum(["rating", "writing", "finished", "failed", "idle"]).openapi({
      description:
        "What this server is doing with it: rating the month in memory, writing invoices, finished or failed; `idle` when no run of it is going on here.",
    }),
    customers_done: z.number().int(),
    customers_total: z.number().int().nullable().openapi({ description: "Null until known." }),
    invoices: z.number().int(),
    started_at: z.string().nullable(),
    updated_at: z.string().nullable(),
    completed_at: z.string().nullable(),
    closed_at: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi("BillingRun");

const monthParam = z.object({ month: billingMonth.openapi({ example: "2012-09" }) });

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/billing-runs",
  tags: ["Billing"],
  summary: "Billing runs, newest month first",
  ...guarded(ROLES),
  request: { query: z.object({ ...pageQueryFields }) },
  responses: {
    200: jsonContent(pageSchema(BillingRunSchema, "BillingRunPage"), "A page of runs."),
    ...ERROR_RESPONSES,
  },
});

const startRoute = createRoute({
  method: "post",
  path: "/api/v1/billing-runs",
  tags: ["Billing"],
  summary: "Start (or resume) the billing run of a month, in the background",
  description:
    "Answers 202 at once with the run; follow it with GET /api/v1/billing-runs/{month}. A month already running returns the same run; a completed month is not billed again; a closed month is a 409.",
  ...guarded(ROLES),
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ month: billingMonth }) } },
    },
  },
  responses: {
    202: jsonContent(BillingRunSchema, "The run, started or already there."),
    ...ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});

const showRoute = createRoute({
  method: "get",
  path: "/api/v1/billing-runs/{month}",
  tags: ["Billing"],
  summary: "A month's run: status and progress (customers done of total)",
  ...guarded(ROLES),
  request: { params: monthParam },
  responses: { 200: jsonContent(BillingRunSchema, "The run."), ...ERROR_RESPONSES },
});

export function registerBillingRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  const { db } = context.store;
  const tracker = context.billingRuns;

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const stored = await listBillingRuns(db);
    const months = new Set([...stored.map((r) => r.month), ...tracker.months()]);
    const byMonth = new Map(stored.map((r) => [r.month, r]));
    const runs = [...months]
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
      .map((month) => runJson(month, byMonth.get(month), tracker.progressOf(month)));
    const offset = offsetOfCursor(query.cursor);
    return c.json(pageOf(runs, offset, query.limit), 200);
  });

  app.openapi(startRoute, async (c) => {
    const { month: text } = c.req.valid("json");
    let month: string;
    try {
      month = parseBillingMonth(text);
    } catch (error) {
      if (isUplinkError(error)) throw new ApiError("INVALID_INPUT", error.message, "month");
      throw error;
    }
    const before = await findBillingRun(db, month);
    if (before?.status === "closed") {
      throw new ApiError(
        "CONFLICT",
        `${month} is closed; a closed month is not billed again (correct it with credit notes).`,
        "month",
      );
    }
    if (before?.status === "completed" || tracker.isRunning(month)) {
      return c.json(runJson(month, before, tracker.progressOf(month)), 202);
    }
    const principal = c.get("principal");
    const run = tracker.start(month);
    await recordAudit(db, {
      at: context.now().toISOString(),
      actor: { tokenId: principal.tokenId, name: principal.name, role: principal.role },
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      action: before ? "billing_run.resume" : "billing_run.start",
      entity: "billing_run",
      entityId: month,
      customerId: null,
      before: before ? storedJson(before) : null,
      after: { month, status: "running", started_at: run.startedAt },
    });
    return c.json(runJson(month, before, run), 202);
  });

  app.openapi(showRoute, async (c) => {
    const { month } = c.req.valid("param");
    const stored = await findBillingRun(db, month);
    const tracked = tracker.progressOf(month);
    if (!stored && !tracked) {
      throw new ApiError(
        "NOT_FOUND",
        `${month} has not been billed; POST /api/v1/billing-runs starts it.`,
      );
    }
    return c.json(runJson(month, stored, tracked), 200);
  });
}

function storedJson(run: BillingRun) {
  return {
    month: run.month,
    status: run.status,
    customers_done: run.customersDone,
    invoices: run.invoices,
  };
}

/** A run as the API shows it: the store's record, completed by what this process knows. */
function runJson(month: string, stored: BillingRun | undefined, tracked: TrackedRun | undefined) {
  const going = tracked && (tracked.phase === "rating" || tracked.phase === "writing");
  const failed = tracked?.phase === "failed" && stored?.status !== "completed";
  const status = failed ? "failed" : (stored?.status ?? "running");
  const customersDone = Math.max(stored?.customersDone ?? 0, going ? tracked.customersDone : 0);
  const finished = stored?.status === "completed" || stored?.status === "closed";
  return {
    month,
    status: status as "running" | "completed" | "closed" | "failed",
    phase: (tracked?.phase ?? "idle") as "rating" | "writing" | "finished" | "failed" | "idle",
    customers_done: customersDone,
    customers_total: finished ? customersDone : (tracked?.customersTotal ?? null),
    invoices: Math.max(stored?.invoices ?? 0, tracked?.invoices ?? 0),
    started_at: stored?.startedAt ?? tracked?.startedAt ?? null,
    updated_at: stored?.updatedAt ?? null,
    completed_at: stored?.completedAt ?? null,
    closed_at: stored?.closedAt ?? null,
    error: failed ? (tracked?.error ?? null) : null,
  };
}
