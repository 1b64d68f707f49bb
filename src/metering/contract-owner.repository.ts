import type { Kysely } from "kysely";
import type { Database } from "../store/index.js";

/**
 * The customer of each of `contractIds` the store holds, so that usage rows carry the customer id
 * (the scale-out key) and an import can name the line of an unknown contract. Chunked to stay
 * under both stores' bound-parameter limits.
 */
export async function contractOwners(
  db: Kysely<Database>,
  contractIds: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(contractIds)];
  const owners = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom("contracts")
      .select(["id", "customer_id"])
      .where("id", "in", wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) owners.set(row.id, row.customer_id);
  }
  return owners;
}
