import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Store } from "../../src/store/index.js";

/**
 * A digest of every row of the given tables, in a stable order, for comparing two stores' contents
 * ("a build killed and resumed ends identical to one that was not").
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
    const rows = result.rows.map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => [k, String(row[k])]),
      ),
    );
    rows.sort();
    digests[table] =
      `${rows.length}:${createHash("sha256").update(rows.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return digests;
}
