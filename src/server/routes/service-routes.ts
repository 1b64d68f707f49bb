import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { jsonContent } from "../api-schemas.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Service"],
  summary: "Whether the server answers (no token needed)",
  responses: {
    200: jsonContent(z.object({ status: z.literal("ok") }).openapi("Health"), "It does."),
  },
});

const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  tags: ["Service"],
  summary: "Prometheus metrics: request counts and latency by route and status (no token needed)",
  responses: {
    200: {
      description: "Prometheus text exposition format 0.0.4.",
      content: { "text/plain": { schema: z.string() } },
    },
  },
});

export function registerServiceRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(metricsRoute, (c) =>
    c.text(
      context.metrics.render([
        {
          name: "uplink_billing_runs_active",
          help: "Billing runs going on in this process.",
          value: context.billingRuns.active,
        },
      ]),
      200,
      { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" },
    ),
  );
}
