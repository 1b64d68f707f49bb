import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

// Small settings the application keeps about its own data: which shipped figures are loaded, how
// far a demo build has got. One key, one text value.

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("uplink_meta")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.value;
}

export async function writeMeta(
  tx: Transaction<Database>,
  key: string,
  value: string,
): Promise<void> {
  await tx
    .insertInto("uplink_meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/** The keys that start with `prefix` (letters, digits, dots and dashes only), sorted. */
export async function metaKeysStartingWith(
  db: Kysely<Database>,
  prefix: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("uplink_meta")
    .select("key")
    .where("key", "like", `${prefix}%`)
    .orderBy("key")
    .execute();
  return rows.map((r) => r.key);
}
