import type { Kysely, Transaction } from "kysely";
import { type Currency, Decimal } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { RateKind, TranslationRate } from "./translation-rate.js";

export async function listTranslationRates(db: Kysely<Database>): Promise<TranslationRate[]> {
  const rows = await db
    .selectFrom("translation_rates")
    .selectAll()
    .orderBy("currency")
    .orderBy("kind")
    .orderBy("starts_on")
    .orderBy("ends_on")
    .execute();
  return rows.map((r) => ({
    currency: r.currency as Currency,
    kind: r.kind as RateKind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    jpyPerUnit: new Decimal(r.jpy_per_unit),
    source: r.source,
  }));
}

/** Writes rates inside the caller's transaction; a rate with the same key is replaced. */
export async function saveTranslationRates(
  tx: Transaction<Database>,
  rates: readonly TranslationRate[],
): Promise<void> {
  for (let i = 0; i < rates.length; i += 500) {
    const rows = rates.slice(i, i + 500).map((r) => ({
      currency: r.currency,
      kind: r.kind,
      starts_on: r.startsOn,
      ends_on: r.endsOn,
      jpy_per_unit: r.jpyPerUnit.toFixed(),
      source: r.source,
    }));
    await tx
      .insertInto("translation_rates")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["currency", "kind", "starts_on", "ends_on"]).doUpdateSet((eb) => ({
          jpy_per_unit: eb.ref("excluded.jpy_per_unit"),
          source: eb.ref("excluded.source"),
        })),
      )
      .execute();
  }
}
