import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";

// Integration tests run against both real stores. PostgreSQL tests each get a schema of their own
// in UPLINK_TEST_DATABASE_URL, so parallel runs never see each other.

export type StoreKind = "sqlite" | "postgres";

export const POSTGRES_TEST_URL =
  process.env.UPLINK_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let postgresAvailable: Promise<boolean> | undefined;

/** Whether the PostgreSQL test server answers; under CI its absence is a failure, not a skip. */
export function postgresIsAvailable(): Promise<boolean> {
  postgresAvailable ??= (async () => {
    const client = new pg.Client({
      connectionString: POSTGRES_TEST_URL,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.CI === "true") {
        throw new Error(
          `PostgreSQL is required under CI but ${POSTGRES_TEST_URL} did not answer: ${(error as Error).message}`,
        );
      }
      console.warn(`PostgreSQL at ${POSTGRES_TEST_URL} is not reachable: its tests are skipped.`);
      return false;
    }
  })();
  return postgresAvailable;
}

export interface TestStore {
  readonly store: Store;
  /** The settings that open this same store again (as another process would). */
  readonly env: { UPLINK_HOME: string; UPLINK_DATABASE_URL?: string };
  readonly home: string;
  dispose(): Promise<void>;
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-test-"));
  if (kind === "sqlite") {
    const store = await openStore({ home, databaseUrl: undefined });
    return {
      store,
      home,
      env: { UPLINK_HOME: home },
      dispose: async () => {
        await store.close();
        fs.rmSync(home, { recursive: true, force: true });
      },
    };
  }
  const schema = `uplink_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(POSTGRES_TEST_URL, schema);
  const store = await openStore({ home, databaseUrl: url });
  return {
    store,
    home,
    env: { UPLINK_HOME: home, UPLINK_DATABASE_URL: url },
    dispose: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

/** The store kinds to run: SQLite always; PostgreSQL when its server answers. */
export async function storeKinds(): Promise<StoreKind[]> {
  return (await postgresIsAvailable()) ? ["sqlite", "postgres"] : ["sqlite"];
}
