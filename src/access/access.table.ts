import type { Generated } from "kysely";

/** Row types of API tokens and the audit log, as the query layer sees them. */
export interface ApiTokenTable {
  id: string;
  name: string;
  role: string;
  customer_id: string | null;
  /** SHA-256 of the secret, hex; the secret itself is never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  /** Ascending, assigned by the store. */
  seq: Generated<number>;
  at: string;
  actor_token_id: string | null;
  actor_name: string;
  actor_role: string;
  request_id: string | null;
  method: string;
  path: string;
  action: string;
  entity: string;
  entity_id: string;
  customer_id: string | null;
  /** JSON text, null where there was nothing. */
  before_json: string | null;
  after_json: string | null;
}
