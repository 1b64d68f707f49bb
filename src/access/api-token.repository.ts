import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { ApiTokenTable } from "./access.table.js";
import { type ApiToken, hashTokenSecret, tokenIdFrom, tokenSecretFrom } from "./api-token.js";
import type { AuditActor } from "./audit-entry.js";
import { recordAudit } from "./audit-log.repository.js";
import { type Principal, type Role, tokenTerms } from "./role.js";

export interface NewApiToken {
  readonly role: string;
  readonly customerId?: string | undefined;
  readonly name?: string | undefined;
  /** ISO timestamp of creation: the caller's clock. */
  readonly now: string;
  /** Who creates it, for the audit log. */
  readonly actor: AuditActor;
  readonly requestId?: string | null;
  readonly method?: string;
  readonly path?: string;
}

/**
 * Creates a token in one transaction with its audit entry, and returns it with its secret — the
 * only time the secret exists outside the caller's hands. A customer token's customer must exist.
 */
export async function createApiToken(
  db: Kysely<Database>,
  request: NewApiToken,
): Promise<{ token: ApiToken; secret: string }> {
  const terms = tokenTerms(request.role, request.customerId);
  const secret = tokenSecretFrom(randomBytes(32));
  const token: ApiToken = {
    id: tokenIdFrom(randomBytes(6)),
    name: request.name?.trim() || `${terms.role} token`,
    role: terms.role,
    customerId: terms.customerId,
    createdAt: request.now,
    revokedAt: null,
  };
  await db.transaction().execute(async (tx) => {
    if (token.customerId !== null) {
      const customer = await tx
        .selectFrom("customers")
        .select("id")
        .where("id", "=", token.customerId)
        .executeTakeFirst();
      if (!customer) {
        throw new UplinkError("NOT_FOUND", `There is no customer "${token.customerId}".`, {
          location: { field: "customer" },
        });
      }
    }
    await tx
      .insertInto("api_tokens")
      .values({ ...rowFromToken(token), token_hash: hashTokenSecret(secret) })
      .execute();
    await recordAudit(tx, {
      at: request.now,
      actor: request.actor,
      requestId: request.requestId ?? null,
      method: request.method ?? "CLI",
      path: request.path ?? "uplink token create",
      action: "api_token.create",
      entity: "api_token",
      entityId: token.id,
      customerId: token.customerId,
      before: null,
      after: tokenJson(token),
    });
  });
  return { token, secret };
}

/** The principal a secret stands for, or undefined when it is unknown or revoked. */
export async function principalForSecret(
  db: Kysely<Database>,
  secret: string,
): Promise<Principal | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "role", "customer_id"])
    .where("token_hash", "=", hashTokenSecret(secret))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    tokenId: row.id,
    name: row.name,
    role: row.role as Role,
    customerId: row.customer_id,
  };
}

/** Tokens, newest first; revoked ones too unless `activeOnly`. */
export async function listApiTokens(
  db: Kysely<Database>,
  filter: { readonly activeOnly?: boolean; readonly limit?: number } = {},
): Promise<ApiToken[]> {
  let query = db
    .selectFrom("api_tokens")
    .select(["id", "name", "role", "customer_id", "created_at", "revoked_at"])
    .orderBy("created_at", "desc")
    .orderBy("id");
  if (filter.activeOnly) query = query.where("revoked_at", "is", null);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(tokenFromRow);
}

/**
 * Revokes a token from `now` on, with its audit entry. Revoking a revoked token changes nothing
 * and says when it was revoked; an unknown id is NOT_FOUND.
 */
export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  options: { readonly now: string; readonly actor: AuditActor; readonly requestId?: string | null },
): Promise<{ token: ApiToken; changed: boolean }> {
  return db.transaction().execute(async (tx) => {
    const before = await findToken(tx, id);
    if (before.revokedAt !== null) return { token: before, changed: false };
    await tx
      .updateTable("api_tokens")
      .set({ revoked_at: options.now })
      .where("id", "=", id)
      .execute();
    const after: ApiToken = { ...before, revokedAt: options.now };
    await recordAudit(tx, {
      at: options.now,
      actor: options.actor,
      requestId: options.requestId ?? null,
      method: "CLI",
      path: `uplink token revoke ${id}`,
      action: "api_token.revoke",
      entity: "api_token",
      entityId: id,
      customerId: before.customerId,
      before: tokenJson(before),
      after: tokenJson(after),
    });
    return { token: after, changed: true };
  });
}

async function findToken(db: Kysely<Database> | Transaction<Database>, id: string) {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "role", "customer_id", "created_at", "revoked_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new UplinkError("NOT_FOUND", `There is no API token "${id}".`);
  return tokenFromRow(row);
}

/** A token as the API, the CLI's JSON and the audit log show it (never with its hash). */
export function tokenJson(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    customer_id: token.customerId,
    created_at: token.createdAt,
    revoked_at: token.revokedAt,
  };
}

function rowFromToken(token: ApiToken): Omit<ApiTokenTable, "token_hash"> {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    customer_id: token.customerId,
    created_at: token.createdAt,
    revoked_at: token.revokedAt,
  };
}

function tokenFromRow(row: Omit<ApiTokenTable, "token_hash">): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    customerId: row.customer_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
