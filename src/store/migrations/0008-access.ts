import { type Kysely, PostgresAdapter, sql } from "kysely";

// Access: API tokens and the audit log. A token row keeps the SHA-256 of its secret (unique, the
// look-up key of every request), never the secret; a revoked token keeps its row with the time.
// The audit log is append-only; its `seq` is assigned by the store (an identity column in
// PostgreSQL, SQLite's integer primary key), so concurrent writers never pick the same number.
// It carries the customer id of the entity written, where there is one (the scale-out key).
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.references("customers.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addCheckConstraint(
      "api_tokens_role_check",
      // A customer token names its customer; the other roles name none.
      sql`role in ('admin', 'finance', 'operations', 'customer') and ((role = 'customer') = (customer_id is not null))`,
    )
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_token_id", "text")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("request_id", "text")
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("customer_id", "text")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema
    .createIndex("audit_log_customer_idx")
    .on("audit_log")
    .columns(["customer_id"])
    .execute();
}
