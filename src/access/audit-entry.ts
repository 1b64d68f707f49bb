import type { Role } from "./role.js";

/**
 * Who made a write: the API token (id, name, role), or `local` for a person at the `uplink`
 * command, who needs no token because they hold the data folder itself.
 */
export interface AuditActor {
  readonly tokenId: string | null;
  readonly name: string;
  readonly role: Role | "local";
}

/**
 * One write, as the audit log keeps it: who, what (the request's method and path, the action and
 * the entity it touched), when, and the entity before and after (null where there was none).
 */
export interface AuditRecord {
  readonly at: string;
  readonly actor: AuditActor;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;
  /** What was done, `entity.verb`: usage_batch.store, billing_run.start, api_token.create… */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  /** The customer the entity belongs to, when it belongs to one (the scale-out key). */
  readonly customerId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** A stored entry: the record and its place in the log (ascending, never reused). */
export interface AuditEntry extends AuditRecord {
  readonly seq: number;
}

/** The local actor of CLI writes. */
export const LOCAL_ACTOR: AuditActor = { tokenId: null, name: "uplink command", role: "local" };

/** JSON text of a before/after value; bigints (yen) are written as decimal strings. */
export function auditJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
