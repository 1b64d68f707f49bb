import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Store } from "../../src/store/index.js";

/**
 * A digest of every row of the given tables, independent of row order, for comparing two stores'
 * contents ("a build killed and resumed ends identical to one that was not"). Each row is hashed
 * on its own (binary columns as bytes), and a table's digest hashes the sorted row hashes.
 */
export async function tableDigest(
  store: Store,
  tables: readonly string[],
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      store.db,
    );
    const rowHashes = result.rows.map((row) => {
      const hash = createHash("sha1");
      for (const key of Object.keys(row).sort()) {
        const value = row[key];
        hash.update(key).update("=");
        if (value instanceof Uint8Array) hash.update(value);
        else hash.update(String(value));
        hash.update("\0");
      }
      return hash.digest("hex");
    });
    rowHashes.sort();
    const table_ = createHash("sha256").update(rowHashes.join("\n")).digest("hex").slice(0, 16);
    digests[table] = `${rowHashes.length}:${table_}`;
  }
  return digests;
}
