import { type Kysely, sql } from "kysely";

// The service catalog: plans (each in one product line, with one charge model) and the entries of
// price books. A price book is the set of entries sharing a `price_book_id`; each entry is in force
// from its `effective_from` date until the plan's next effective date in the same book. Untiered
// entries have `tier_mbps` 0. Amounts are integer minor units (yen) beside their currency.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("line_id", "text", (c) => c.notNull())
    .addColumn("charge_model", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addCheckConstraint(
      "plans_charge_model_check",
      sql`charge_model in ('bandwidth_tier', 'per_unit', 'commit_burst', 'per_use', 'reseller_net', 'one_time')`,
    )
    .execute();
  await db.schema.createIndex("plans_line_idx").on("plans").columns(["line_id"]).execute();

  await db.schema
    .createTable("price_entries")
    .addColumn("price_book_id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("tier_mbps", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("setup_fee", "bigint")
    .addColumn("burst_per_mbps", "bigint")
    .addColumn("net_share_percent", "text")
    .addPrimaryKeyConstraint("price_entries_pk", [
      "price_book_id",
      "plan_id",
      "effective_from",
      "tier_mbps",
    ])
    .execute();
}
