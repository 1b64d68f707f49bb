import { type Kysely, sql } from "kysely";

// SI projects with their progress reports, equipment deliveries, ATMs, and monthly cost and SG&A
// records. Ids are the imported files' text keys, dates ISO `YYYY-MM-DD` text, months `YYYY-MM`,
// yen bigint, percentages exact decimal text. Project and delivery tables carry `customer_id`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("si_projects")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("recognition", "text", (c) => c.notNull())
    .addColumn("ordered_on", "text", (c) => c.notNull())
    .addColumn("order_value_yen", "bigint", (c) => c.notNull())
    .addColumn("follows_project_id", "text", (c) => c.references("si_projects.id"))
    .addColumn("accepted_on", "text")
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("monthly_fee_yen", "bigint")
    .addCheckConstraint("si_projects_kind_check", sql`kind in ('construction', 'operation')`)
    .addCheckConstraint(
      "si_projects_recognition_check",
      sql`(kind = 'construction' and recognition in ('percentage_of_completion', 'on_acceptance'))
        or (kind = 'operation' and recognition = 'monthly')`,
    )
    .execute();
  await db.schema
    .createIndex("si_projects_customer_idx")
    .on("si_projects")
    .columns(["customer_id"])
    .execute();
  await db.schema
    .createIndex("si_projects_ordered_on_idx")
    .on("si_projects")
    .columns(["ordered_on"])
    .execute();

  await db.schema
    .createTable("si_project_progress")
    .addColumn("project_id", "text", (c) => c.notNull().references("si_projects.id"))
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("reported_on", "text", (c) => c.notNull())
    .addColumn("percent_complete", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("si_project_progress_pk", ["project_id", "reported_on"])
    .execute();

  await db.schema
    .createTable("equipment_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("project_id", "text", (c) => c.references("si_projects.id"))
    .addColumn("ordered_on", "text", (c) => c.notNull())
    .addColumn("delivered_on", "text", (c) => c.notNull())
    .addColumn("amount_yen", "bigint", (c) => c.notNull())
    .addColumn("cost_yen", "bigint", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("equipment_deliveries_customer_idx")
    .on("equipment_deliveries")
    .columns(["customer_id"])
    .execute();
  await db.schema
    .createIndex("equipment_deliveries_delivered_on_idx")
    .on("equipment_deliveries")
    .columns(["delivered_on"])
    .execute();

  await db.schema
    .createTable("atms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("placed_on", "text", (c) => c.notNull())
    .addColumn("removed_on", "text")
    .addColumn("group_company_id", "text", (c) => c.notNull().references("group_companies.id"))
    .execute();

  await db.schema
    .createTable("cost_records")
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("group_company_id", "text", (c) => c.notNull().references("group_companies.id"))
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("amount_yen", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("cost_records_pk", [
      "group_company_id",
      "month",
      "segment",
      "category",
    ])
    .addCheckConstraint(
      "cost_records_segment_check",
      sql`segment in ('network', 'si', 'equipment', 'atm', 'sga')`,
    )
    .execute();
  await db.schema
    .createIndex("cost_records_month_idx")
    .on("cost_records")
    .columns(["month"])
    .execute();
}
