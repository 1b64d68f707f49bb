import { type Kysely, sql } from "kysely";

// Facts keep their value as an exact decimal string in the metric's base unit (integer yen for
// money), so neither store ever rounds it; `resolution` is the printed step of the source figure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("facts")
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("scenario", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("resolution", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("facts_pk", ["metric", "entity", "period", "scenario"])
    .addCheckConstraint("facts_scenario_check", sql`scenario in ('actual', 'target')`)
    .execute();
  await db.schema.createIndex("facts_period_idx").on("facts").columns(["period"]).execute();
  await db.schema
    .createTable("uplink_meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
