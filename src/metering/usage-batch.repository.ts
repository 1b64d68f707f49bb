import type { Transaction } from "kysely";
import { UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { UsageBatch } from "./usage-batch.js";

/**
 * Records a batch's idempotency key in the caller's transaction, as its first write, so that the
 * key and the batch's rows commit or roll back together: a batch retried after a failed write is
 * stored once, never twice and never zero times. "new" means the caller writes the rows now;
 * "repeat" means they were committed before. The same key with another digest is a CONFLICT.
 * Claiming first also takes the write lock at once (SQLite) or waits for a concurrent writer of
 * the same key to commit (PostgreSQL), so two writers of one batch cannot both write it.
 */
export async function claimBatch(
  tx: Transaction<Database>,
  batch: UsageBatch,
): Promise<"new" | "repeat"> {
  const inserted = await tx
    .insertInto("usage_batches")
    .values({ key: batch.key, kind: batch.kind, digest: batch.digest, items: batch.items })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return "new";
  const stored = await tx
    .selectFrom("usage_batches")
    .select(["kind", "digest"])
    .where("key", "=", batch.key)
    .executeTakeFirstOrThrow();
  if (stored.digest !== batch.digest || stored.kind !== batch.kind) {
    throw new UplinkError(
      "CONFLICT",
      `The usage batch "${batch.key}" was already written with other content (${stored.kind}); a batch key names one batch. Nothing was written.`,
    );
  }
  return "repeat";
}
