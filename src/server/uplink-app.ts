import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { type Logger, pino } from "pino";
import { APRIL_FISCAL_YEAR, type FiscalCalendar } from "../core/index.js";
import type { Store } from "../store/index.js";
import { authentication } from "./authentication.js";
import { BillingRunTracker } from "./billing-run-tracker.js";
import {
  DASHBOARD_NOT_BUILT,
  dashboardBuilt,
  dashboardDirectory,
  dashboardFile,
} from "./dashboard-assets.js";
import { renderDocsPage } from "./docs-page.js";
import { ApiError, errorResponseOf } from "./http-error.js";
import { ReportSource } from "./report-source.js";
import { requestContext } from "./request-context.js";
import { RequestMetrics } from "./request-metrics.js";
import { responseValidation, validationHook } from "./request-validation.js";
import { registerAccessRoutes } from "./routes/access-routes.js";
import { registerBillingRoutes } from "./routes/billing-routes.js";
import { registerContractRoutes } from "./routes/contract-routes.js";
import { registerCustomerRoutes } from "./routes/customer-routes.js";
import { registerInvoiceRoutes } from "./routes/invoice-routes.js";
import { registerLedgerRoutes } from "./routes/ledger-routes.js";
import { registerProjectRoutes } from "./routes/project-routes.js";
import { registerReportRoutes } from "./routes/report-routes.js";
import { registerServiceRoutes } from "./routes/service-routes.js";
import { registerUsageRoutes } from "./routes/usage-routes.js";
import type { AppEnv, ServerContext } from "./server-context.js";

export interface AppOptions {
  readonly store: Store;
  readonly calendar?: FiscalCalendar;
  /** Where JSON log lines go; silent by default. */
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** The built dashboard's folder; null serves none; default dist/web of this package. */
  readonly webRoot?: string | null;
  /** Check every JSON answer against its route's schema (tests turn it on). */
  readonly validateResponses?: boolean;
  /** How long report reads may reuse the facts they read (ms; default 1000, 0 = never). */
  readonly reportCacheMs?: number;
  /** The largest request body accepted, in bytes (default 64 MiB: a big usage batch). */
  readonly maxBodyBytes?: number;
}

export const API_VERSION = "1.0.0";

const DESCRIPTION = `The HTTP API of Uplink: reports and facts (the same JSON as the \`uplink\` command), customers, contracts, usage ingestion, SI projects, invoices, billing runs and the audit log.

Every route under /api/v1 needs \`Authorization: Bearer <token>\`; \`uplink token create --role ROLE [--customer ID]\` prints one, and \`uplink serve\` prints a fresh admin token at each start. Roles: admin (everything), finance (reports, billing runs, invoices, ledger), operations (customers, contracts, usage, projects), customer (its own contracts, usage, projects and invoices; another customer's record answers 404 as if it did not exist).

Errors are \`{"error": {"code", "message", "field"}}\`: 400 bad input (field named), 401 no valid token, 403 role may not, 404 not found, 409 conflict. Lists take \`limit\` (default 50, at most 1000) and \`cursor\`, and answer \`{"items": [...], "next_cursor"}\`. Every answer carries an X-Request-Id, which the server's log lines carry too.`;

/** The Hono application with every route, and the context it shares with its host. */
export function createApp(options: AppOptions): {
  app: OpenAPIHono<AppEnv>;
  context: ServerContext;
  openApiDocument: () => Record<string, unknown>;
} {
  const logger = options.logger ?? pino({ level: "silent" });
  const now = options.now ?? (() => new Date());
  const calendar = options.calendar ?? APRIL_FISCAL_YEAR;
  const context: ServerContext = {
    store: options.store,
    calendar,
    logger,
    metrics: new RequestMetrics(now().getTime()),
    billingRuns: new BillingRunTracker(options.store.db, logger, now),
    now,
    webRoot: options.webRoot === undefined ? dashboardDirectory() : options.webRoot,
  };
  const reports = new ReportSource(options.store, calendar, options.reportCacheMs ?? 1000);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use("*", requestContext(context));
  app.onError((error, c) => {
    const { status, body, internal } = errorResponseOf(error);
    if (internal) {
      logger.error({ request_id: c.get("requestId"), err: error }, "request failed");
    }
    return c.json(body, status);
  });
  app.notFound((c) => {
    const root = context.webRoot;
    if (c.req.method === "GET" && !c.req.path.startsWith("/api/") && dashboardBuilt(root)) {
      const file = dashboardFile(c, root, c.req.path.slice(1));
      if (file) return file;
      // A path of the dashboard's own (it routes in the browser) gets its page.
      if ((c.req.header("accept") ?? "").includes("text/html")) {
        return dashboardFile(c, root, "index.html") ?? c.notFound();
      }
    }
    const { status, body } = errorResponseOf(
      new ApiError("NOT_FOUND", `There is no route ${c.req.method} ${c.req.path}; see /docs.`),
    );
    return c.json(body, status);
  });

  app.use("/api/*", authentication(context));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024 * 1024,
      onError: () => {
        throw new ApiError(
          "PAYLOAD_TOO_LARGE",
          "The request body is too large; send smaller batches.",
        );
      },
    }),
  );
  if (options.validateResponses) app.use("*", responseValidation(app, context));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API token: `uplink token create --role ROLE` prints one.",
  });

  registerServiceRoutes(app, context);
  registerAccessRoutes(app, context);
  registerReportRoutes(app, context, reports);
  registerCustomerRoutes(app, context);
  registerContractRoutes(app, context);
  registerUsageRoutes(app, context);
  registerProjectRoutes(app, context);
  registerInvoiceRoutes(app, context);
  registerBillingRoutes(app, context);
  registerLedgerRoutes(app, context);

  let document: Record<string, unknown> | undefined;
  const openApiDocument = () => {
    document ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Uplink API", version: API_VERSION, description: DESCRIPTION },
      servers: [{ url: "/" }],
      tags: [
        { name: "Reports" },
        { name: "Customers" },
        { name: "Contracts" },
        { name: "Usage" },
        { name: "Projects" },
        { name: "Invoices" },
        { name: "Billing" },
        { name: "Ledger" },
        { name: "Access" },
        { name: "Service" },
      ],
    }) as unknown as Record<string, unknown>;
    return document;
  };
  let docsPage: string | undefined;
  app.get("/openapi.json", (c) => c.json(openApiDocument()));
  app.get("/docs", (c) => {
    docsPage ??= renderDocsPage(openApiDocument());
    return c.html(docsPage);
  });

  app.get("/", (c) => {
    const root = context.webRoot;
    if (dashboardBuilt(root)) {
      const page = dashboardFile(c, root, "index.html");
      if (page) return page;
    }
    return c.html(DASHBOARD_NOT_BUILT);
  });
  app.get("/assets/*", (c) => {
    const root = context.webRoot;
    const file = dashboardBuilt(root) ? dashboardFile(c, root, c.req.path.slice(1)) : null;
    if (file) return file;
    throw new ApiError("NOT_FOUND", `There is no dashboard file ${c.req.path}.`);
  });

  return { app, context, openApiDocument };
}
