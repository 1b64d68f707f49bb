import path from "node:path";

/** Where Uplink keeps its data: a folder for the embedded store, or a PostgreSQL server. */
export interface StoreConfig {
  /** The data folder (`UPLINK_HOME`, default `./uplink-data`); the SQLite file lives here. */
  readonly home: string;
  /** `postgres://…` selects PostgreSQL instead of the embedded SQLite file. */
  readonly databaseUrl: string | undefined;
}

export const DEFAULT_HOME = "uplink-data";
export const SQLITE_FILE_NAME = "uplink.sqlite";

export function storeConfigFromEnv(
  env: NodeJS.ProcessEnv,
  overrides: { home?: string | undefined } = {},
): StoreConfig {
  const home = path.resolve(overrides.home ?? env.UPLINK_HOME ?? DEFAULT_HOME);
  const url = env.UPLINK_DATABASE_URL?.trim();
  return { home, databaseUrl: url ? url : undefined };
}
