import { formatLocation, type InputLocation, UplinkError } from "../core/index.js";
import { readText } from "../input/index.js";
import { type UsageKind, usageDigest } from "./usage-batch.js";

/** What a usage import did, counted in records (samples, windows, days). */
export interface UsageImportOutcome {
  readonly file: string;
  readonly kind: UsageKind;
  readonly added: number;
  readonly unchanged: number;
  readonly replaced: number;
  /** The same file had been imported before: nothing was written. */
  readonly repeated: boolean;
}

/** A file's idempotency key: its kind and the SHA-256 of its bytes. */
export function fileBatch(kind: UsageKind, file: string): { key: string; digest: string } {
  const digest = usageDigest([kind, readText(file)]);
  return { key: `${kind}:${digest}`, digest };
}

/**
 * Spots a record key written twice in one file, inside `validateAll`: the same record again is a
 * repeat to skip (it changes nothing), a different one is an error naming the first line.
 */
export function repeatGuard(
  what: string,
): (key: string, signature: string, where: InputLocation, field: string) => boolean {
  const seen = new Map<string, { signature: string; at: string }>();
  return (key, signature, where, field) => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, { signature, at: formatLocation(where) });
      return false;
    }
    if (first.signature === signature) return true;
    throw new UplinkError(
      "INVALID_INPUT",
      `${what} is written twice with different values; the first is at ${first.at}.`,
      { location: { ...where, field } },
    );
  };
}
