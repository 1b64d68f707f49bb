import { type Kysely, sql } from "kysely";
import { UplinkError } from "../core/index.js";
import * as facts from "./migrations/0001-facts.js";
import * as customers from "./migrations/0002-customers.js";
import * as catalog from "./migrations/0003-catalog.js";
import * as contracts from "./migrations/0004-contracts.js";
import * as operations from "./migrations/0005-operations.js";
import * as metering from "./migrations/0006-metering.js";
import * as billing from "./migrations/0007-billing.js";
import * as access from "./migrations/0008-access.js";
import * as ledger from "./migrations/0009-ledger.js";
import * as shares from "./migrations/0010-shares.js";

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Every schema change, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "facts", up: facts.up },
  { version: 2, name: "customers", up: customers.up },
  { version: 3, name: "catalog", up: catalog.up },
  { version: 4, name: "contracts", up: contracts.up },
  { version: 5, name: "operations", up: operations.up },
  { version: 6, name: "metering", up: metering.up },
  { version: 7, name: "billing", up: billing.up },
  { version: 8, name: "access", up: access.up },
  { version: 9, name: "ledger", up: ledger.up },
  { version: 10, name: "shares", up: shares.up },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

const MIGRATIONS_TABLE = "uplink_schema_migrations";

/**
 * Brings the schema up to this code's version, each migration in its own transaction. A database
 * written by newer code is refused rather than touched, since this code cannot know its tables.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: "sqlite" | "postgres",
): Promise<{ applied: number[] }> {
  await db.schema
    .createTable(MIGRATIONS_TABLE)
    .ifNotExists()
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  await currentVersion(db);

  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const ran = await db.transaction().execute(async (tx) => {
      // Two processes starting at once must not both apply a migration.
      if (dialect === "postgres") await sql`select pg_advisory_xact_lock(74657001)`.execute(tx);
      const current = await currentVersion(tx);
      if (current >= migration.version) return false;
      await migration.up(tx);
      await sql`insert into ${sql.table(MIGRATIONS_TABLE)} (version, name, applied_at)
        values (${migration.version}, ${migration.name}, ${new Date().toISOString()})`.execute(tx);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return { applied };
}

async function currentVersion(db: Kysely<unknown>): Promise<number> {
  const newest = await sql<{ version: number | string | null }>`
    select max(version) as version from ${sql.table(MIGRATIONS_TABLE)}`.execute(db);
  const version = Number(newest.rows[0]?.version ?? 0);
  if (version > SCHEMA_VERSION) {
    throw new UplinkError(
      "SCHEMA_TOO_NEW",
      `The database is at schema version ${version}, newer than this Uplink knows (${SCHEMA_VERSION}). Upgrade Uplink, or point UPLINK_HOME / UPLINK_DATABASE_URL at another database.`,
    );
  }
  return version;
}
