import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Transaction } from "kysely";
import { APRIL_FISCAL_YEAR, type FiscalCalendar } from "../core/index.js";
import {
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Database, Store } from "../store/index.js";
import {
  listDividends,
  listShareCounts,
  listStockSplits,
  saveDividends,
  saveShareCounts,
  saveStockSplits,
} from "./share.repository.js";
import {
  DIVIDEND_FIELDS,
  type DividendRecord,
  dividendDifference,
  dividendFromRaw,
  dividendKey,
  SHARE_COUNT_FIELDS,
  type ShareCountRecord,
  STOCK_SPLIT_FIELDS,
  type StockSplitRecord,
  shareCountDifference,
  shareCountFromRaw,
  shareCountKey,
  stockSplitDifference,
  stockSplitFromRaw,
  stockSplitKey,
} from "./share-record.js";

/** The kinds `uplink import` takes for shares: counts, splits, dividends per share. */
export type ShareImportKind = "shares" | "stock-splits" | "dividends";
export const SHARE_IMPORT_KINDS: readonly ShareImportKind[] = [
  "shares",
  "stock-splits",
  "dividends",
];

export interface ShareImportOutcome {
  readonly file: string;
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

export interface ShareImportOptions {
  /** Overwrite a stored row that a file row changes (otherwise that is a CONFLICT). */
  readonly replace?: boolean;
  readonly calendar?: FiscalCalendar;
}

/** How one kind is read, keyed, compared, described and written. */
interface ShareKindRules<T> {
  readonly fields: readonly string[];
  readonly keyField: string;
  read(values: Record<string, string>, where: Located<T>["where"], calendar: FiscalCalendar): T;
  key(record: T): string;
  difference(a: T, b: T): string | undefined;
  describe(record: T): string;
  list(tx: Transaction<Database>): Promise<T[]>;
  save(tx: Transaction<Database>, records: readonly T[]): Promise<void>;
}

const SHARE_COUNTS: ShareKindRules<ShareCountRecord> = {
  fields: SHARE_COUNT_FIELDS,
  keyField: "date",
  read: (values, where) => shareCountFromRaw(values, where),
  key: shareCountKey,
  difference: shareCountDifference,
  describe: (r) => `The share count from ${r.from}`,
  list: listShareCounts,
  save: saveShareCounts,
};

const STOCK_SPLITS: ShareKindRules<StockSplitRecord> = {
  fields: STOCK_SPLIT_FIELDS,
  keyField: "effective_on",
  read: (values, where) => stockSplitFromRaw(values, where),
  key: stockSplitKey,
  difference: stockSplitDifference,
  describe: (r) => `The split of ${r.effectiveOn}`,
  list: listStockSplits,
  save: saveStockSplits,
};

const DIVIDENDS: ShareKindRules<DividendRecord> = {
  fields: DIVIDEND_FIELDS,
  keyField: "kind",
  read: dividendFromRaw,
  key: dividendKey,
  difference: dividendDifference,
  describe: (r) =>
    `The ${r.kind === "interim" ? "interim" : "year-end"} dividend of ${r.fiscalPeriod}`,
  list: listDividends,
  save: saveDividends,
};

/**
 * Imports a file of one kind in one transaction: a file with any bad row writes nothing (every
 * problem named by file, line and field); the same file again changes nothing; a row that changes
 * a stored one is a CONFLICT naming file, line and field unless `replace`.
 */
export async function importShareFile(
  store: Store,
  kind: ShareImportKind,
  file: string,
  options: ShareImportOptions = {},
): Promise<ShareImportOutcome> {
  const read = readKind(kind, file, options);
  return store.db.transaction().execute((tx) => read.write(tx));
}

/** The folder of the shipped share data (shares.csv, stock-splits.csv, dividends.csv). */
export function standardShareDirectory(): string {
  return fileURLToPath(new URL("../../data/ledger/", import.meta.url));
}

/**
 * Imports the shipped share counts, splits and dividends (or those of `directory`) in one
 * transaction. Idempotent: a second run changes nothing.
 */
export async function importStandardShares(
  store: Store,
  options: ShareImportOptions & { readonly directory?: string } = {},
): Promise<Record<ShareImportKind, ShareImportOutcome>> {
  const directory = options.directory ?? standardShareDirectory();
  const reads = SHARE_IMPORT_KINDS.map((kind) =>
    readKind(kind, path.join(directory, `${kind}.csv`), options),
  );
  return store.db.transaction().execute(async (tx) => {
    const outcomes: Partial<Record<ShareImportKind, ShareImportOutcome>> = {};
    for (const [i, kind] of SHARE_IMPORT_KINDS.entries()) {
      outcomes[kind] = await reads[i]!.write(tx);
    }
    return outcomes as Record<ShareImportKind, ShareImportOutcome>;
  });
}

// Reading and validating happen before any transaction opens; `write` reconciles and saves.
function readKind(
  kind: ShareImportKind,
  file: string,
  options: ShareImportOptions,
): { write(tx: Transaction<Database>): Promise<ShareImportOutcome> } {
  switch (kind) {
    case "shares":
      return readWith(SHARE_COUNTS, file, options);
    case "stock-splits":
      return readWith(STOCK_SPLITS, file, options);
    case "dividends":
      return readWith(DIVIDENDS, file, options);
  }
}

function readWith<T>(
  rules: ShareKindRules<T>,
  file: string,
  options: ShareImportOptions,
): { write(tx: Transaction<Database>): Promise<ShareImportOutcome> } {
  const calendar = options.calendar ?? APRIL_FISCAL_YEAR;
  const records: Located<T>[] = validateAll(
    readCsvRecords(file, { required: rules.fields }),
    ({ values, where }) => ({ record: rules.read(values, where, calendar), where }),
    file,
  );
  refuseRepeatedKeys(records, rules.key, rules.keyField);
  return {
    async write(tx) {
      const stored = new Map((await rules.list(tx)).map((r) => [rules.key(r), r]));
      const plan = reconcile(records, stored, {
        key: rules.key,
        difference: rules.difference,
        describe: rules.describe,
        replace: options.replace ?? false,
      });
      await rules.save(tx, [...plan.added, ...plan.replaced]);
      return {
        file,
        added: plan.added.length,
        replaced: plan.replaced.length,
        unchanged: plan.unchanged,
      };
    },
  };
}
