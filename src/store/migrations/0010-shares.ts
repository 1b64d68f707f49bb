import { type Kysely, sql } from "kysely";

// Shares and dividends, what per-share figures are computed from: the shares outstanding as
// counted from a date on, the stock splits (a ratio of new shares per old share, as exact text),
// and the dividends per share as declared, on the basis of their record date. Each row names its
// source. Plain tables and checks that both dialects read alike; no triggers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("shares_outstanding")
    .addColumn("date", "text", (c) => c.primaryKey())
    .addColumn("shares", "bigint", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addCheckConstraint("shares_outstanding_shares_check", sql`shares > 0`)
    .execute();

  await db.schema
    .createTable("stock_splits")
    .addColumn("effective_on", "text", (c) => c.primaryKey())
    .addColumn("ratio", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("dividends_per_share")
    .addColumn("fiscal_period", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("yen_per_share", "text", (c) => c.notNull())
    .addColumn("record_date", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dividends_per_share_pk", ["fiscal_period", "kind"])
    .addCheckConstraint("dividends_per_share_kind_check", sql`kind in ('interim', 'year_end')`)
    .execute();
}
