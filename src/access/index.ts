// Access: who may use the API — roles (admin, finance, operations, customer), API tokens stored
// only as hashes, and the audit log that records every write with who, what, when, before and
// after. The server checks roles and writes entries; the CLI creates and revokes tokens.
export type { ApiTokenTable, AuditLogTable } from "./access.table.js";
export {
  type ApiToken,
  bearerSecret,
  hashTokenSecret,
  TOKEN_PREFIX,
  tokenIdFrom,
  tokenSecretFrom,
} from "./api-token.js";
export {
  createApiToken,
  listApiTokens,
  type NewApiToken,
  principalForSecret,
  revokeApiToken,
  tokenJson,
} from "./api-token.repository.js";
export {
  type AuditActor,
  type AuditEntry,
  type AuditRecord,
  auditJson,
  LOCAL_ACTOR,
} from "./audit-entry.js";
export { type AuditFilter, listAuditEntries, recordAudit } from "./audit-log.repository.js";
export {
  customerScope,
  isRole,
  maySeeCustomer,
  type Principal,
  ROLES,
  type Role,
  tokenTerms,
} from "./role.js";
