import type { Command } from "commander";
import { openStore, type Store, storeConfigFromEnv } from "../store/index.js";

export interface GlobalOptions {
  readonly home?: string;
}

/** Opens the store the user chose (`--home`, `UPLINK_HOME`, `UPLINK_DATABASE_URL`) for one command. */
export async function withStore<T>(
  command: Command,
  run: (store: Store) => Promise<T>,
): Promise<T> {
  const { home } = command.optsWithGlobals<GlobalOptions>();
  const store = await openStore(storeConfigFromEnv(process.env, { home }));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
