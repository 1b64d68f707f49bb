import { type Kysely, sql } from "kysely";

// The group's companies, the customers each serves, and the customers' contacts. Ids are the text
// keys of the imported files; percentages are exact decimal text; dates are ISO `YYYY-MM-DD` text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("group_companies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "text", (c) => c.references("group_companies.id"))
    .addColumn("ownership_percent", "text", (c) => c.notNull())
    .addColumn("functional_currency", "text", (c) => c.notNull())
    .addColumn("consolidated_from", "text", (c) => c.notNull())
    .addColumn("relation", "text", (c) => c.notNull())
    .addCheckConstraint(
      "group_companies_relation_check",
      sql`relation in ('parent', 'subsidiary', 'equity_method')`,
    )
    .execute();

  await db.schema
    .createTable("customers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("group_company_id", "text", (c) => c.notNull().references("group_companies.id"))
    .addColumn("billing_currency", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_since", "text", (c) => c.notNull())
    .addColumn("billing_address", "text", (c) => c.notNull())
    .addCheckConstraint("customers_status_check", sql`status in ('active', 'suspended', 'closed')`)
    .execute();
  await db.schema
    .createIndex("customers_group_company_idx")
    .on("customers")
    .columns(["group_company_id"])
    .execute();
  await db.schema
    .createIndex("customers_industry_idx")
    .on("customers")
    .columns(["industry"])
    .execute();

  await db.schema
    .createTable("customer_contacts")
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_contacts_pk", ["customer_id", "email"])
    .execute();
}
