import { listPriceBooks } from "../catalog/index.js";
import { UplinkError } from "../core/index.js";
import {
  checkEach,
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import {
  insertFxRates,
  insertUsagePrices,
  listFxRates,
  listUsagePrices,
  updateFxRates,
  updateUsagePrices,
} from "./billing-rates.repository.js";
import {
  FX_RATE_FIELDS,
  type FxRate,
  fxRateDifference,
  fxRateFromRaw,
  fxRateKey,
  type RawFxRate,
} from "./exchange-rate.js";
import {
  type RawUsagePrice,
  USAGE_PRICE_FIELDS,
  type UsagePrice,
  usagePriceDifference,
  usagePriceFromRaw,
  usagePriceKey,
} from "./usage-price.js";

/** What an import did: rows added, rows that overwrote a stored record, rows already stored. */
export interface RateImportOutcome {
  readonly file: string;
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

export interface RateImportOptions {
  /** Overwrite stored records that a row changes (otherwise that is a CONFLICT). */
  readonly replace?: boolean;
}

/**
 * Imports FX rates (currency, rate_date, jpy_per_unit, source) in one transaction: a file with any
 * bad row writes nothing; the same file again changes nothing; a row that changes a stored rate is
 * a CONFLICT unless `replace`.
 */
export async function importFxRateFile(
  store: Store,
  file: string,
  options: RateImportOptions = {},
): Promise<RateImportOutcome> {
  const records: Located<FxRate>[] = validateAll(
    readCsvRecords(file, { required: FX_RATE_FIELDS }),
    ({ values, where }) => ({ record: fxRateFromRaw(values as RawFxRate, where), where }),
    file,
  );
  refuseRepeatedKeys(records, fxRateKey, "rate_date");
  return store.db.transaction().execute(async (tx) => {
    const stored = new Map((await listFxRates(tx)).map((r) => [fxRateKey(r), r]));
    const plan = reconcile(records, stored, {
      key: fxRateKey,
      difference: fxRateDifference,
      describe: (r) => `The ${r.currency} rate of ${r.rateDate}`,
      replace: options.replace ?? false,
    });
    await insertFxRates(tx, plan.added);
    await updateFxRates(tx, plan.replaced);
    return {
      file,
      added: plan.added.length,
      replaced: plan.replaced.length,
      unchanged: plan.unchanged,
    };
  });
}

/**
 * Imports cloud-resource usage prices (price_book, resource, effective_from, currency, unit_price)
 * in one transaction; each names a stored price book.
 */
export async function importUsagePriceFile(
  store: Store,
  file: string,
  options: RateImportOptions = {},
): Promise<RateImportOutcome> {
  const records: Located<UsagePrice>[] = validateAll(
    readCsvRecords(file, {
      required: ["price_book", "resource", "effective_from", "unit_price"],
      optional: USAGE_PRICE_FIELDS.filter((f) => f === "currency"),
    }),
    ({ values, where }) => ({ record: usagePriceFromRaw(values as RawUsagePrice, where), where }),
    file,
  );
  refuseRepeatedKeys(records, usagePriceKey, "effective_from");
  return store.db.transaction().execute(async (tx) => {
    const books = new Set((await listPriceBooks(tx)).map((b) => b.id));
    checkEach(records, (price, where) => {
      if (!books.has(price.priceBookId)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `There is no price book "${price.priceBookId}"; import its prices first.`,
          { location: { ...where, field: "price_book" } },
        );
      }
    });
    const stored = new Map((await listUsagePrices(tx)).map((p) => [usagePriceKey(p), p]));
    const plan = reconcile(records, stored, {
      key: usagePriceKey,
      difference: usagePriceDifference,
      describe: (p) => `The price of ${p.resource} in "${p.priceBookId}" from ${p.effectiveFrom}`,
      replace: options.replace ?? false,
    });
    await insertUsagePrices(tx, plan.added);
    await updateUsagePrices(tx, plan.replaced);
    return {
      file,
      added: plan.added.length,
      replaced: plan.replaced.length,
      unchanged: plan.unchanged,
    };
  });
}
