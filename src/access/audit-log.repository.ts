import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../store/index.js";
import type { AuditLogTable } from "./access.table.js";
import { type AuditEntry, type AuditRecord, auditJson } from "./audit-entry.js";
import type { Role } from "./role.js";

export interface AuditFilter {
  /** Only entries older than this one (the page after it, newest first). */
  readonly beforeSeq?: number | undefined;
  readonly entity?: string | undefined;
  readonly action?: string | undefined;
  readonly customerId?: string | undefined;
  readonly limit?: number | undefined;
}

/** Appends one entry inside the caller's transaction, so it commits with the write it records. */
export async function recordAudit(
  tx: Transaction<Database> | Kysely<Database>,
  record: AuditRecord,
): Promise<void> {
  await tx
    .insertInto("audit_log")
    .values({
      at: record.at,
      actor_token_id: record.actor.tokenId,
      actor_name: record.actor.name,
      actor_role: record.actor.role,
      request_id: record.requestId,
      method: record.method,
      path: record.path,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId,
      customer_id: record.customerId,
      before_json: auditJson(record.before),
      after_json: auditJson(record.after),
    })
    .execute();
}

/** The log newest first, filtered. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom("audit_log").selectAll().orderBy("seq", "desc");
  if (filter.beforeSeq !== undefined) query = query.where("seq", "<", filter.beforeSeq);
  if (filter.entity) query = query.where("entity", "=", filter.entity);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.customerId) query = query.where("customer_id", "=", filter.customerId);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(entryFromRow);
}

function entryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: {
      tokenId: row.actor_token_id,
      name: row.actor_name,
      role: row.actor_role as Role | "local",
    },
    requestId: row.request_id,
    method: row.method,
    path: row.path,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    customerId: row.customer_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}
