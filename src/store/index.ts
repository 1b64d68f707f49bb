// The store: one schema, one typed query layer (Kysely), two dialects — SQLite in the data folder
// by default, PostgreSQL when UPLINK_DATABASE_URL is set. Features keep their own queries; this
// module opens connections and runs the versioned migrations.

export { bigintFromColumn, numberFromColumn } from "./column-values.js";
export { metaKeysStartingWith, readMeta, writeMeta } from "./meta.repository.js";
export type { MetaTable } from "./meta.table.js";
export { MIGRATIONS, migrateToLatest, SCHEMA_VERSION } from "./migrations.js";
export { type Dialect, openStore, type Store } from "./open-store.js";
export type { Database } from "./schema.js";
export {
  DEFAULT_HOME,
  SQLITE_FILE_NAME,
  type StoreConfig,
  storeConfigFromEnv,
} from "./store-config.js";
