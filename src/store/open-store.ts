import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { UplinkError } from "../core/index.js";
import { migrateToLatest } from "./migrations.js";
import type { Database } from "./schema.js";
import { SQLITE_FILE_NAME, type StoreConfig } from "./store-config.js";

export type Dialect = "sqlite" | "postgres";

/** An open store: the typed query layer, which dialect it speaks, and how to let go of it. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages: a file path or a URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

/** Opens (creating if needed) the store the config names and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openSqlite(path.join(config.home, SQLITE_FILE_NAME));
  try {
    await migrateToLatest(store.db as Kysely<unknown>, store.dialect);
  } catch (error) {
    await store.close();
    if (error instanceof UplinkError) throw error;
    throw new UplinkError(
      "STORE_UNAVAILABLE",
      `Could not open the store at ${store.location}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return store;
}

function openSqlite(file: string): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
  } catch (error) {
    throw new UplinkError(
      "STORE_UNAVAILABLE",
      `Could not open ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  // Larger pages suit the packed usage rows (1–2 KB each); it only takes on a new file, so it must
  // come before WAL is switched on. WAL lets readers run beside one writer; FULL makes every
  // commit durable (ledger commits).
  database.pragma("page_size = 16384");
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("busy_timeout = 10000");
  database.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: "sqlite", location: file, close: () => db.destroy() };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", location: redactPassword(url), close: () => db.destroy() };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "the configured PostgreSQL URL";
  }
}
