import { APRIL_FISCAL_YEAR, type FiscalCalendar } from "../core/index.js";
import {
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import {
  type RawTranslationRate,
  TRANSLATION_RATE_FIELDS,
  type TranslationRate,
  translationRateDifference,
  translationRateFromRaw,
  translationRateKey,
} from "./translation-rate.js";
import { listTranslationRates, saveTranslationRates } from "./translation-rate.repository.js";

export interface TranslationRateImportOutcome {
  readonly file: string;
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

/**
 * Imports translation rates (currency, kind, period, jpy_per_unit, source) in one transaction: a
 * file with any bad row writes nothing; the same file again changes nothing; a row that changes a
 * stored rate is a CONFLICT naming file, line and field unless `replace`.
 */
export async function importTranslationRateFile(
  store: Store,
  file: string,
  options: { replace?: boolean; calendar?: FiscalCalendar } = {},
): Promise<TranslationRateImportOutcome> {
  const calendar = options.calendar ?? APRIL_FISCAL_YEAR;
  const records: Located<TranslationRate>[] = validateAll(
    readCsvRecords(file, { required: TRANSLATION_RATE_FIELDS }),
    ({ values, where }) => ({
      record: translationRateFromRaw(values as RawTranslationRate, where, calendar),
      where,
    }),
    file,
  );
  refuseRepeatedKeys(records, translationRateKey, "period");
  return store.db.transaction().execute(async (tx) => {
    const stored = new Map((await listTranslationRates(tx)).map((r) => [translationRateKey(r), r]));
    const plan = reconcile(records, stored, {
      key: translationRateKey,
      difference: translationRateDifference,
      describe: (r) =>
        r.kind === "closing"
          ? `The closing ${r.currency} rate of ${r.startsOn}`
          : `The average ${r.currency} rate of ${r.startsOn} to ${r.endsOn}`,
      replace: options.replace ?? false,
    });
    await saveTranslationRates(tx, [...plan.added, ...plan.replaced]);
    return {
      file,
      added: plan.added.length,
      replaced: plan.replaced.length,
      unchanged: plan.unchanged,
    };
  });
}
