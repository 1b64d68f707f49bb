import type { FxRate } from "../../billing/index.js";
import { addMonths, lastDayOf } from "../../core/index.js";
import type { TranslationRate } from "../../ledger/index.js";

/**
 * The demo's translation rates, from its billing rates (one per currency at each month's start):
 * a month's average is the rate its invoices were converted at, and a month's closing rate the
 * next month's opening one (the month's own where there is no next).
 */
export function demoTranslationRates(fxRates: readonly FxRate[]): TranslationRate[] {
  const byKey = new Map(fxRates.map((r) => [`${r.currency}|${r.rateDate}`, r]));
  const rates: TranslationRate[] = [];
  for (const rate of fxRates) {
    if (!rate.rateDate.endsWith("-01")) continue;
    const month = rate.rateDate.slice(0, 7);
    const next = byKey.get(`${rate.currency}|${addMonths(month)}-01`) ?? rate;
    rates.push(
      {
        currency: rate.currency,
        kind: "average",
        startsOn: `${month}-01`,
        endsOn: lastDayOf(month),
        jpyPerUnit: rate.jpyPerUnit,
        source: "Demo setting: the month's billing rate",
      },
      {
        currency: rate.currency,
        kind: "closing",
        startsOn: lastDayOf(month),
        endsOn: lastDayOf(month),
        jpyPerUnit: next.jpyPerUnit,
        source: "Demo setting: the next month's opening billing rate",
      },
    );
  }
  return rates;
}
