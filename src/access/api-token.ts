import { createHash } from "node:crypto";
import type { Role } from "./role.js";

/**
 * An API token as stored: never the secret itself, only its SHA-256, so that a copy of the store
 * gives no one a working token. The secret is shown once, when the token is created.
 */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly customerId: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Every secret starts so, which makes a leaked one easy to recognise and to search for. */
export const TOKEN_PREFIX = "upl_";

/** The secret of a token from 32 random bytes: the prefix and the bytes in base64url. */
export function tokenSecretFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < 32) throw new RangeError("a token takes 32 random bytes or more");
  return `${TOKEN_PREFIX}${Buffer.from(randomBytes).toString("base64url")}`;
}

/** The token id from 6 random bytes: `tok_` and 12 hex digits. Ids are shown; secrets are not. */
export function tokenIdFrom(randomBytes: Uint8Array): string {
  return `tok_${Buffer.from(randomBytes.subarray(0, 6)).toString("hex")}`;
}

/** What the store keeps of a secret: its SHA-256 in hex. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The secret of an `Authorization` header (`Bearer upl_…`), or null when there is none. */
export function bearerSecret(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1]! : null;
}
