import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listAuditEntries, ROLES } from "../../access/index.js";
import { ERROR_RESPONSES, jsonContent, pageSchema } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { pageQueryFields } from "../page-cursor.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const MeSchema = z
  .object({
    role: z.enum(ROLES as ["admin", "finance", "operations", "customer"]),
    customer_id: z.string().nullable(),
    token_id: z.string(),
    name: z.string(),
  })
  .openapi("Me");

const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ description: "When, ISO time (UTC)." }),
    actor: z.object({
      token_id: z.string().nullable(),
      name: z.string(),
      role: z.string().openapi({ description: "The token's role, or `local` for the CLI." }),
    }),
    request_id: z.string().nullable(),
    method: z.string(),
    path: z.string(),
    action: z.string().openapi({ example: "usage_batch.store" }),
    entity: z.string(),
    entity_id: z.string(),
    customer_id: z.string().nullable(),
    before: z.unknown().openapi({ description: "The entity before; null when it is new." }),
    after: z.unknown().openapi({ description: "The entity after the write." }),
  })
  .openapi("AuditEntry");

const meRoute = createRoute({
  method: "get",
  path: "/api/v1/me",
  tags: ["Access"],
  summary: "The caller's token: role and customer",
  ...guarded(["admin", "finance", "operations", "customer"]),
  responses: { 200: jsonContent(MeSchema, "Who the token is."), ...ERROR_RESPONSES },
});

const auditRoute = createRoute({
  method: "get",
  path: "/api/v1/audit-log",
  tags: ["Access"],
  summary: "Every write, newest first: who, what, when, before and after",
  ...guarded(["admin"]),
  request: {
    query: z.object({
      entity: z.string().optional().openapi({ example: "usage_batch" }),
      action: z.string().optional().openapi({ example: "billing_run.start" }),
      customer: z.string().optional(),
      ...pageQueryFields,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(AuditEntrySchema, "AuditPage"), "A page of the log."),
    ...ERROR_RESPONSES,
  },
});

export function registerAccessRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  app.openapi(meRoute, (c) => {
    const principal = c.get("principal");
    return c.json(
      {
        role: principal.role,
        customer_id: principal.customerId,
        token_id: principal.tokenId,
        name: principal.name,
      },
      200,
    );
  });

  app.openapi(auditRoute, async (c) => {
    const query = c.req.valid("query");
    const beforeSeq = seqOfCursor(query.cursor);
    const entries = await listAuditEntries(context.store.db, {
      beforeSeq,
      entity: query.entity,
      action: query.action,
      customerId: query.customer,
      limit: query.limit + 1,
    });
    const items = entries.slice(0, query.limit);
    const last = items.at(-1);
    return c.json(
      {
        items: items.map((e) => ({
          seq: e.seq,
          at: e.at,
          actor: { token_id: e.actor.tokenId, name: e.actor.name, role: e.actor.role },
          request_id: e.requestId,
          method: e.method,
          path: e.path,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          customer_id: e.customerId,
          before: e.before,
          after: e.after,
        })),
        next_cursor: entries.length > query.limit && last ? cursorBefore(last.seq) : null,
      },
      200,
    );
  });
}

// The log pages by its sequence (newest first), so that entries written meanwhile never shift a page.
function cursorBefore(seq: number): string {
  return Buffer.from(JSON.stringify({ before: seq }), "utf8").toString("base64url");
}

function seqOfCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      before?: unknown;
    };
    if (typeof parsed.before === "number" && Number.isSafeInteger(parsed.before)) {
      return parsed.before;
    }
  } catch {
    // fall through
  }
  throw new ApiError(
    "INVALID_INPUT",
    "The cursor is not one this API gave; pass the next_cursor of the previous page unchanged.",
    "cursor",
  );
}
