import type { Kysely, Transaction } from "kysely";
import { type Currency, Decimal } from "../core/index.js";
import type { Database } from "../store/index.js";
import type { FxRate } from "./exchange-rate.js";
import type { UsagePrice } from "./usage-price.js";

// The two rate tables billing reads: FX rates and cloud-resource usage prices.

const BATCH = 1000;

/** Writes new FX rates inside the caller's transaction. */
export async function insertFxRates(
  tx: Transaction<Database>,
  rates: readonly FxRate[],
): Promise<void> {
  for (let i = 0; i < rates.length; i += BATCH) {
    await tx
      .insertInto("fx_rates")
      .values(
        rates.slice(i, i + BATCH).map((r) => ({
          currency: r.currency,
          rate_date: r.rateDate,
          jpy_per_unit: r.jpyPerUnit.toFixed(),
          source: r.source,
        })),
      )
      .execute();
  }
}

export async function updateFxRates(
  tx: Transaction<Database>,
  rates: readonly FxRate[],
): Promise<void> {
  for (const r of rates) {
    await tx
      .updateTable("fx_rates")
      .set({ jpy_per_unit: r.jpyPerUnit.toFixed(), source: r.source })
      .where("currency", "=", r.currency)
      .where("rate_date", "=", r.rateDate)
      .execute();
  }
}

/** The FX-rate table, by currency and date. */
export async function listFxRates(db: Kysely<Database>): Promise<FxRate[]> {
  const rows = await db
    .selectFrom("fx_rates")
    .selectAll()
    .orderBy("currency")
    .orderBy("rate_date")
    .execute();
  return rows.map((r) => ({
    currency: r.currency as Currency,
    rateDate: r.rate_date,
    jpyPerUnit: new Decimal(r.jpy_per_unit),
    source: r.source,
  }));
}

/** Writes new usage prices inside the caller's transaction. */
export async function insertUsagePrices(
  tx: Transaction<Database>,
  prices: readonly UsagePrice[],
): Promise<void> {
  for (let i = 0; i < prices.length; i += BATCH) {
    await tx
      .insertInto("usage_prices")
      .values(
        prices.slice(i, i + BATCH).map((p) => ({
          price_book_id: p.priceBookId,
          resource: p.resource,
          effective_from: p.effectiveFrom,
          currency: p.currency,
          unit_price: p.unitPrice.toFixed(),
        })),
      )
      .execute();
  }
}

export async function updateUsagePrices(
  tx: Transaction<Database>,
  prices: readonly UsagePrice[],
): Promise<void> {
  for (const p of prices) {
    await tx
      .updateTable("usage_prices")
      .set({ currency: p.currency, unit_price: p.unitPrice.toFixed() })
      .where("price_book_id", "=", p.priceBookId)
      .where("resource", "=", p.resource)
      .where("effective_from", "=", p.effectiveFrom)
      .execute();
  }
}

export async function listUsagePrices(db: Kysely<Database>): Promise<UsagePrice[]> {
  const rows = await db
    .selectFrom("usage_prices")
    .selectAll()
    .orderBy("price_book_id")
    .orderBy("resource")
    .orderBy("effective_from")
    .execute();
  return rows.map((r) => ({
    priceBookId: r.price_book_id,
    resource: r.resource,
    effectiveFrom: r.effective_from,
    currency: r.currency as Currency,
    unitPrice: new Decimal(r.unit_price),
  }));
}
