import { type Kysely, sql } from "kysely";

// The monthly billing run. `billing_runs` holds one row per month with its status (running,
// completed, closed) and its progress marker (customers done in id order, the last of them),
// written in the same transaction as each chunk's invoices. `invoices` holds invoices and credit
// notes, never updated once written; a partial unique index allows one invoice per customer and
// month, which is what makes a resumed or repeated run unable to bill anyone twice. Amounts are
// integer minor units beside their currency; rates and percentages exact decimal text.
// `fx_rates` is the table foreign customers' months are converted with; `usage_prices` prices
// metered cloud resources per price book.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("billing_runs")
    .addColumn("month", "text", (c) => c.primaryKey())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("customers_done", "integer", (c) => c.notNull())
    .addColumn("last_customer_id", "text")
    .addColumn("invoices", "integer", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addColumn("closed_at", "text")
    .addCheckConstraint(
      "billing_runs_status_check",
      sql`status in ('running', 'completed', 'closed')`,
    )
    .execute();

  await db.schema
    .createTable("invoices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("group_company_id", "text", (c) => c.notNull().references("group_companies.id"))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("issue_date", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("bill_to_name", "text", (c) => c.notNull())
    .addColumn("bill_to_address", "text", (c) => c.notNull())
    .addColumn("subtotal", "bigint", (c) => c.notNull())
    .addColumn("tax", "bigint", (c) => c.notNull())
    .addColumn("total", "bigint", (c) => c.notNull())
    .addColumn("fx_rate", "text")
    .addColumn("fx_rate_date", "text")
    .addColumn("fx_source", "text")
    .addColumn("credits_invoice_id", "text", (c) => c.references("invoices.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addCheckConstraint("invoices_kind_check", sql`kind in ('invoice', 'credit_note')`)
    .addCheckConstraint(
      "invoices_credit_check",
      sql`(kind = 'invoice' and credits_invoice_id is null) or (kind = 'credit_note' and credits_invoice_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("invoices_customer_month_uq")
    .unique()
    .on("invoices")
    .columns(["customer_id", "month"])
    .where(sql<boolean>`kind = 'invoice'`)
    .execute();
  await db.schema
    .createIndex("invoices_month_idx")
    .on("invoices")
    .columns(["month", "customer_id"])
    .execute();
  await db.schema
    .createIndex("invoices_credits_idx")
    .on("invoices")
    .columns(["credits_invoice_id"])
    .execute();

  await db.schema
    .createTable("invoice_lines")
    .addColumn("invoice_id", "text", (c) => c.notNull().references("invoices.id"))
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("product_line_id", "text", (c) => c.notNull())
    .addColumn("revenue_metric", "text", (c) => c.notNull())
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("project_id", "text", (c) => c.references("si_projects.id"))
    .addColumn("delivery_id", "text", (c) => c.references("equipment_deliveries.id"))
    .addColumn("service_from", "text", (c) => c.notNull())
    .addColumn("service_to", "text", (c) => c.notNull())
    .addColumn("quantity", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("days_charged", "integer")
    .addColumn("days_in_period", "integer")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("amount_yen", "bigint", (c) => c.notNull())
    .addColumn("tax_rate_percent", "text", (c) => c.notNull())
    .addColumn("net_share_percent", "text")
    .addColumn("credits_line_no", "integer")
    .addPrimaryKeyConstraint("invoice_lines_pk", ["invoice_id", "line_no"])
    .addCheckConstraint(
      "invoice_lines_kind_check",
      sql`kind in ('recurring', 'setup', 'one_time', 'burst', 'per_use', 'usage', 'si', 'equipment', 'credit')`,
    )
    .execute();
  await db.schema
    .createIndex("invoice_lines_customer_idx")
    .on("invoice_lines")
    .columns(["customer_id"])
    .execute();
  await db.schema
    .createIndex("invoice_lines_contract_idx")
    .on("invoice_lines")
    .columns(["contract_id"])
    .execute();

  await db.schema
    .createTable("billing_anomalies")
    .addColumn("month", "text", (c) => c.notNull().references("billing_runs.month"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("customer_id", "text")
    .addColumn("contract_id", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("billing_anomalies_pk", ["month", "seq"])
    .execute();

  await db.schema
    .createTable("fx_rates")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("rate_date", "text", (c) => c.notNull())
    .addColumn("jpy_per_unit", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("fx_rates_pk", ["currency", "rate_date"])
    .execute();

  await db.schema
    .createTable("usage_prices")
    .addColumn("price_book_id", "text", (c) => c.notNull())
    .addColumn("resource", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("unit_price", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_prices_pk", ["price_book_id", "resource", "effective_from"])
    .execute();
}
