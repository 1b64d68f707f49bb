import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Transaction } from "kysely";
import { UplinkError } from "../core/index.js";
import {
  checkEach,
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Database, Store } from "../store/index.js";
import {
  insertPlans,
  insertPriceEntries,
  listPlans,
  listPriceEntries,
  updatePlans,
  updatePriceEntries,
} from "./catalog.repository.js";
import { PLAN_FIELDS, type Plan, planDifference, planFromRaw, type RawPlan } from "./plan.js";
import {
  checkEntryFitsPlan,
  PRICE_FIELDS,
  type PriceEntry,
  priceEntryDifference,
  priceEntryFromRaw,
  priceEntryKey,
  type RawPriceEntry,
} from "./price-book.js";

/** What an import did: rows added, rows that overwrote a stored record, rows already stored. */
export interface CatalogImportOutcome {
  readonly file: string;
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

export interface CatalogImportOptions {
  /** Overwrite stored records that a row changes (otherwise that is a CONFLICT). */
  readonly replace?: boolean;
}

/** The folder of the shipped standard catalog (plans.csv, prices.csv). */
export function standardCatalogDirectory(): string {
  return fileURLToPath(new URL("../../data/catalog/", import.meta.url));
}

/** Reads and validates a plans file (id, name, line, charge_model, unit). */
export function readPlanFile(file: string): Located<Plan>[] {
  const records = validateAll(
    readCsvRecords(file, { required: PLAN_FIELDS }),
    ({ values, where }) => ({ record: planFromRaw(values as RawPlan, where), where }),
    file,
  );
  refuseRepeatedKeys(records, (p) => p.id, "id");
  return records;
}

/**
 * Reads and validates a prices file (price_book, plan, effective_from, amount; tier_mbps,
 * currency, setup_fee, burst_per_mbps, net_share_percent as the plan's charge model needs).
 */
export function readPriceFile(file: string): Located<PriceEntry>[] {
  const records = validateAll(
    readCsvRecords(file, {
      required: ["price_book", "plan", "effective_from", "amount"],
      optional: PRICE_FIELDS.filter(
        (f) => !["price_book", "plan", "effective_from", "amount"].includes(f),
      ),
    }),
    ({ values, where }) => ({ record: priceEntryFromRaw(values as RawPriceEntry, where), where }),
    file,
  );
  refuseRepeatedKeys(records, priceEntryKey, "effective_from");
  return records;
}

/** Imports a plans file in one transaction: all rows or none; a repeat changes nothing. */
export async function importPlanFile(
  store: Store,
  file: string,
  options: CatalogImportOptions = {},
): Promise<CatalogImportOutcome> {
  const records = readPlanFile(file);
  return store.db.transaction().execute((tx) => writePlans(tx, file, records, options));
}

/**
 * Imports a prices file in one transaction. Every row names a stored plan and fits its charge
 * model, and a price book keeps one currency.
 */
export async function importPriceFile(
  store: Store,
  file: string,
  options: CatalogImportOptions = {},
): Promise<CatalogImportOutcome> {
  const records = readPriceFile(file);
  return store.db.transaction().execute((tx) => writePrices(tx, file, records, options));
}

/**
 * Imports the shipped standard catalog (or the plans.csv and prices.csv of `directory`) in one
 * transaction. Idempotent: a second run changes nothing.
 */
export async function importStandardCatalog(
  store: Store,
  options: CatalogImportOptions & { readonly directory?: string } = {},
): Promise<{ plans: CatalogImportOutcome; prices: CatalogImportOutcome }> {
  const directory = options.directory ?? standardCatalogDirectory();
  const planFile = path.join(directory, "plans.csv");
  const priceFile = path.join(directory, "prices.csv");
  const plans = readPlanFile(planFile);
  const prices = readPriceFile(priceFile);
  return store.db.transaction().execute(async (tx) => ({
    plans: await writePlans(tx, planFile, plans, options),
    prices: await writePrices(tx, priceFile, prices, options),
  }));
}

async function writePlans(
  tx: Transaction<Database>,
  file: string,
  records: readonly Located<Plan>[],
  options: CatalogImportOptions,
): Promise<CatalogImportOutcome> {
  const stored = new Map((await listPlans(tx)).map((p) => [p.id, p]));
  const plan = reconcile(records, stored, {
    key: (p) => p.id,
    difference: planDifference,
    describe: (p) => `Plan ${p.id}`,
    replace: options.replace ?? false,
  });
  await insertPlans(tx, plan.added);
  await updatePlans(tx, plan.replaced);
  return {
    file,
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged,
  };
}

async function writePrices(
  tx: Transaction<Database>,
  file: string,
  records: readonly Located<PriceEntry>[],
  options: CatalogImportOptions,
): Promise<CatalogImportOutcome> {
  const plans = new Map((await listPlans(tx)).map((p) => [p.id, p]));
  const storedEntries = await listPriceEntries(tx);
  const bookCurrency = new Map<string, string>();
  for (const entry of storedEntries) bookCurrency.set(entry.priceBookId, entry.amount.currency);
  checkEach(records, (entry, where) => {
    const plan = plans.get(entry.planId);
    if (!plan) {
      throw new UplinkError(
        "INVALID_INPUT",
        `There is no plan "${entry.planId}"; import plans first.`,
        {
          location: { ...where, field: "plan" },
        },
      );
    }
    checkEntryFitsPlan(entry, plan, where);
    const currency = bookCurrency.get(entry.priceBookId);
    if (currency !== undefined && currency !== entry.amount.currency) {
      throw new UplinkError(
        "INVALID_INPUT",
        `The price book "${entry.priceBookId}" is in ${currency}; one book keeps one currency.`,
        { location: { ...where, field: "currency" } },
      );
    }
    bookCurrency.set(entry.priceBookId, entry.amount.currency);
  });
  const stored = new Map(storedEntries.map((e) => [priceEntryKey(e), e]));
  const plan = reconcile(records, stored, {
    key: priceEntryKey,
    difference: priceEntryDifference,
    describe: (e) =>
      `The price of ${e.planId} in "${e.priceBookId}" from ${e.effectiveFrom}${e.tierMbps > 0 ? ` at ${e.tierMbps} Mbps` : ""}`,
    replace: options.replace ?? false,
  });
  await insertPriceEntries(tx, plan.added);
  await updatePriceEntries(tx, plan.replaced);
  return {
    file,
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged,
  };
}
