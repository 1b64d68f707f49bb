import { createHash } from "node:crypto";

/**
 * A batch of usage written once. Its key is the idempotency key the writer chose (an import uses
 * the kind and the file's digest); its digest says what it held, so that a key reused for other
 * content is refused instead of being taken for a retry.
 */
export interface UsageBatch {
  readonly key: string;
  readonly kind: UsageKind;
  readonly digest: string;
  readonly items: number;
}

export type UsageKind = "samples" | "counters" | "withdrawals" | "cloud-usage";

const utf8 = new TextEncoder();

/** SHA-256 over the parts in order, each length-prefixed so that no two splits hash alike. */
export function usageDigest(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash("sha256");
  const length = new Uint8Array(4);
  const view = new DataView(length.buffer);
  for (const part of parts) {
    const bytes = typeof part === "string" ? utf8.encode(part) : part;
    view.setUint32(0, bytes.length);
    hash.update(length);
    hash.update(bytes);
  }
  return hash.digest("hex");
}
