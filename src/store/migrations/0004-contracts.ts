import { type Kysely, sql } from "kysely";

// Service contracts as an append-only history. `contracts` holds what never changes (customer,
// plan, price book); `contract_events` holds every event — ordered, activated, changed,
// cancelled — each effective from the start of its date. A contract's state on a date is the fold
// of its events up to that date, so nothing here is ever updated in place.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("contracts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
    .addColumn("price_book_id", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contracts_customer_idx")
    .on("contracts")
    .columns(["customer_id"])
    .execute();
  await db.schema.createIndex("contracts_plan_idx").on("contracts").columns(["plan_id"]).execute();

  await db.schema
    .createTable("contract_events")
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("bandwidth_mbps", "integer")
    .addColumn("quantity", "integer")
    .addColumn("monthly_fee", "bigint")
    .addColumn("currency", "text")
    .addColumn("note", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("contract_events_pk", ["contract_id", "effective_date", "event"])
    .addCheckConstraint(
      "contract_events_event_check",
      sql`event in ('ordered', 'activated', 'changed', 'cancelled')`,
    )
    .execute();
  await db.schema
    .createIndex("contract_events_customer_idx")
    .on("contract_events")
    .columns(["customer_id"])
    .execute();
  await db.schema
    .createIndex("contract_events_date_idx")
    .on("contract_events")
    .columns(["effective_date"])
    .execute();
}
