import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { AppEnv, ServerContext } from "./server-context.js";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is sane, else a new UUID), answers
 * with it, counts the request in the metrics by its route template, and logs one JSON line.
 */
export function requestContext(context: ServerContext) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const offered = c.req.header("x-request-id");
    const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    const seconds = (performance.now() - started) / 1000;
    const route = routeTemplateOf(c);
    context.metrics.observe(c.req.method, route, c.res.status, seconds);
    context.logger.info(
      {
        request_id: requestId,
        method: c.req.method,
        path: c.req.path,
        route,
        status: c.res.status,
        duration_ms: Math.round(seconds * 100_000) / 100,
        token_id: c.get("principal")?.tokenId ?? null,
      },
      "request",
    );
  });
}

/**
 * The template of the route that answered (`/api/v1/customers/:id`), or `unmatched` when none
 * did, so that the metrics have one series per route, never one per id.
 */
export function routeTemplateOf(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== "ALL") return answered.path;
  for (let i = routes.length - 1; i >= 0; i--) {
    if (routes[i]!.method !== "ALL") return routes[i]!.path;
  }
  return "unmatched";
}
