import { type Kysely, PostgresAdapter, sql } from "kysely";

// Metered usage. Traffic samples are packed one row per contract, day and port, each direction a
// binary array of the day's 288 five-minute slots (a blob in SQLite, bytea in PostgreSQL). Usage
// batches keep the idempotency key of every batch written, in the same transaction as its rows.
// ATM withdrawals are counted per ATM and day (ATMs belong to no customer); cloud usage per
// contract, day and resource with an exact decimal quantity.
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? "bytea" : "blob";
  await db.schema
    .createTable("usage_samples")
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("port", "text", (c) => c.notNull())
    .addColumn("in_bps", binary, (c) => c.notNull())
    .addColumn("out_bps", binary, (c) => c.notNull())
    .addColumn("sample_count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_samples_pk", ["contract_id", "day", "port"])
    .addCheckConstraint("usage_samples_count_check", sql`sample_count between 0 and 288`)
    .execute();
  await db.schema
    .createIndex("usage_samples_day_idx")
    .on("usage_samples")
    .columns(["day", "contract_id"])
    .execute();
  await db.schema
    .createIndex("usage_samples_customer_idx")
    .on("usage_samples")
    .columns(["customer_id"])
    .execute();

  await db.schema
    .createTable("usage_batches")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("items", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("usage_counter_ports")
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("port", "text", (c) => c.notNull())
    .addColumn("read_at", "text", (c) => c.notNull())
    .addColumn("in_octets", "text", (c) => c.notNull())
    .addColumn("out_octets", "text", (c) => c.notNull())
    .addColumn("counter_bits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_counter_ports_pk", ["contract_id", "port"])
    .addCheckConstraint("usage_counter_ports_bits_check", sql`counter_bits in (32, 64)`)
    .execute();

  await db.schema
    .createTable("atm_withdrawals")
    .addColumn("atm_id", "text", (c) => c.notNull().references("atms.id"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("atm_withdrawals_pk", ["atm_id", "day"])
    .addCheckConstraint("atm_withdrawals_count_check", sql`count >= 0`)
    .execute();
  await db.schema
    .createIndex("atm_withdrawals_day_idx")
    .on("atm_withdrawals")
    .columns(["day"])
    .execute();

  await db.schema
    .createTable("cloud_usage")
    .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("resource", "text", (c) => c.notNull())
    .addColumn("quantity", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cloud_usage_pk", ["contract_id", "day", "resource"])
    .execute();
  await db.schema
    .createIndex("cloud_usage_customer_idx")
    .on("cloud_usage")
    .columns(["customer_id"])
    .execute();
  await db.schema.createIndex("cloud_usage_day_idx").on("cloud_usage").columns(["day"]).execute();
}
