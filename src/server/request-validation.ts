import type { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { ZodError, ZodType } from "zod";
import { ApiError, errorBody } from "./http-error.js";
import { routeTemplateOf } from "./request-context.js";
import type { AppEnv, ServerContext } from "./server-context.js";

/**
 * The routes' validation hook: the first problem of a request becomes a 400 that names the field
 * — a query or path parameter by its name, a header by its name, a body field by its path
 * (`samples[3].in_bps`).
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
): void {
  if (result.success) return;
  const issue = result.error.issues[0];
  const target = result.target ?? "json";
  const field = issue ? fieldName(target, issue.path) : null;
  const missing = issue?.code === "invalid_type" && /received undefined/.test(issue.message);
  const where = field ?? (target === "json" ? "the body" : `the ${target}`);
  const message = missing
    ? `${field ? `"${field}"` : where} is required.`
    : `${field ? `"${field}"` : where}: ${issue?.message ?? "invalid"}.`;
  throw new ApiError("INVALID_INPUT", message.replace(/\.\.$/, "."), field);
}

function fieldName(target: string, path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  if (target === "header") {
    return String(path[0])
      .split("-")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("-");
  }
  let name = "";
  for (const part of path) {
    if (typeof part === "number") name += `[${part}]`;
    else name += name === "" ? String(part) : `.${String(part)}`;
  }
  return name;
}

/**
 * Checks each JSON answer against the schema its route declares for that status (for tests and
 * development: it costs a parse of every body). An answer that breaks its schema is logged and
 * replaced by a 500, so that a drift between the code and the document cannot go unnoticed.
 */
export function responseValidation(app: OpenAPIHono<AppEnv>, context: ServerContext) {
  let schemas: Map<string, ZodType> | undefined;
  const schemaFor = (method: string, route: string, status: number): ZodType | undefined => {
    schemas ??= responseSchemas(app);
    return schemas.get(`${method} ${route} ${status}`);
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (!type.startsWith("application/json")) return;
    const schema = schemaFor(c.req.method, routeTemplateOf(c), c.res.status);
    if (!schema) return;
    const body: unknown = await c.res.clone().json();
    const checked = schema.safeParse(body);
    if (checked.success) return;
    context.logger.error(
      { request_id: c.get("requestId"), issues: checked.error.issues.slice(0, 5) },
      "response does not match its schema",
    );
    c.res = new Response(
      JSON.stringify(
        errorBody("INTERNAL", "The server's answer did not match its documented schema."),
      ),
      { status: 500, headers: { "content-type": "application/json" } },
    );
  });
}

function responseSchemas(app: OpenAPIHono<AppEnv>): Map<string, ZodType> {
  const schemas = new Map<string, ZodType>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== "route") continue;
    const { method, path, responses } = definition.route;
    const route = path.replaceAll(/\{(.+?)\}/g, ":$1");
    for (const [status, response] of Object.entries(responses ?? {})) {
      const content = (response as { content?: Record<string, { schema?: unknown }> }).content;
      const schema = content?.["application/json"]?.schema;
      if (schema && typeof (schema as ZodType).safeParse === "function") {
        schemas.set(`${method.toUpperCase()} ${route} ${status}`, schema as ZodType);
      }
    }
  }
  return schemas;
}
