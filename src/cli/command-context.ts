import type { Command } from "commander";
import { APRIL_FISCAL_YEAR, type FiscalCalendar, fiscalCalendar } from "../core/index.js";
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

/** The fiscal calendar: April unless `UPLINK_FISCAL_YEAR_START` names another month (1–12). */
export function calendarFromEnv(env: NodeJS.ProcessEnv = process.env): FiscalCalendar {
  const setting = env.UPLINK_FISCAL_YEAR_START?.trim();
  return setting ? fiscalCalendar(Number(setting)) : APRIL_FISCAL_YEAR;
}
