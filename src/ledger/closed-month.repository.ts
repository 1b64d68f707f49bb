import type { Kysely, Transaction } from "kysely";
import { UplinkError } from "../core/index.js";
import type { Database } from "../store/index.js";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Closes `month` (`YYYY-MM`) for the named companies, or for every group company when none is
 * named: from then on the store refuses entries dated in it. Closing a closed month changes
 * nothing. Returns the companies closed now.
 */
export async function closeMonth(
  tx: Transaction<Database>,
  options: { month: string; entities?: readonly string[] | undefined; closedAt: string },
): Promise<string[]> {
  if (!MONTH.test(options.month)) {
    throw new UplinkError("INVALID_PERIOD", `"${options.month}" is not a month like 2012-09.`);
  }
  const companies = (await tx.selectFrom("group_companies").select("id").orderBy("id").execute())
    .map((r) => r.id)
    .filter((id) => !options.entities || options.entities.includes(id));
  if (companies.length === 0 && !options.entities) {
    throw new UplinkError(
      "NOT_FOUND",
      "There are no group companies to close a month for; import them first.",
    );
  }
  const unknown = (options.entities ?? []).filter((e) => !companies.includes(e));
  if (unknown.length > 0) {
    throw new UplinkError("NOT_FOUND", `There is no group company "${unknown[0]}".`);
  }
  const already = new Set(
    (
      await tx
        .selectFrom("ledger_closed_months")
        .select("entity_id")
        .where("month", "=", options.month)
        .execute()
    ).map((r) => r.entity_id),
  );
  const closing = companies.filter((id) => !already.has(id));
  if (closing.length > 0) {
    await tx
      .insertInto("ledger_closed_months")
      .values(
        closing.map((entity_id) => ({
          entity_id,
          month: options.month,
          closed_at: options.closedAt,
        })),
      )
      .execute();
  }
  return closing;
}

/** The closed months of each company, as `entity|YYYY-MM` keys sorted. */
export async function closedMonths(
  db: Kysely<Database>,
): Promise<{ entity: string; month: string; closedAt: string }[]> {
  const rows = await db
    .selectFrom("ledger_closed_months")
    .selectAll()
    .orderBy("entity_id")
    .orderBy("month")
    .execute();
  return rows.map((r) => ({ entity: r.entity_id, month: r.month, closedAt: r.closed_at }));
}
