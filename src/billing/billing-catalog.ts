import {
  entriesInForce,
  type Plan,
  type PriceBook,
  type PriceEntry,
  type ProductLine,
  productLineById,
} from "../catalog/index.js";
import { UplinkError } from "../core/index.js";
import type { FxRate } from "./exchange-rate.js";
import type { UsagePrice } from "./usage-price.js";

/**
 * Everything a month's rating looks prices up in, indexed once per run: plans with their product
 * lines, price books, cloud-resource prices and the FX-rate table. Pure data, no I/O.
 */
export interface BillingCatalog {
  readonly plans: ReadonlyMap<string, Plan>;
  readonly priceBooks: ReadonlyMap<string, PriceBook>;
  readonly usagePrices: readonly UsagePrice[];
  readonly fxRates: readonly FxRate[];
  /** The effective dates of each plan in each book, ascending (key: `book|plan`). */
  readonly effectiveDates: ReadonlyMap<string, readonly string[]>;
}

export function billingCatalog(parts: {
  readonly plans: readonly Plan[];
  readonly priceBooks: readonly PriceBook[];
  readonly usagePrices?: readonly UsagePrice[];
  readonly fxRates?: readonly FxRate[];
}): BillingCatalog {
  const dates = new Map<string, Set<string>>();
  for (const book of parts.priceBooks) {
    for (const entry of book.entries) {
      const key = `${book.id}|${entry.planId}`;
      let set = dates.get(key);
      if (!set) {
        set = new Set();
        dates.set(key, set);
      }
      set.add(entry.effectiveFrom);
    }
  }
  return {
    plans: new Map(parts.plans.map((p) => [p.id, p])),
    priceBooks: new Map(parts.priceBooks.map((b) => [b.id, b])),
    usagePrices: parts.usagePrices ?? [],
    fxRates: parts.fxRates ?? [],
    effectiveDates: new Map([...dates].map(([key, set]) => [key, [...set].sort()])),
  };
}

export function planOf(catalog: BillingCatalog, planId: string): Plan {
  const plan = catalog.plans.get(planId);
  if (!plan) throw new UplinkError("NOT_FOUND", `There is no plan "${planId}".`);
  return plan;
}

export function productLineOf(catalog: BillingCatalog, planId: string): ProductLine {
  return productLineById(planOf(catalog, planId).lineId);
}

export function priceBookOf(catalog: BillingCatalog, id: string): PriceBook {
  const book = catalog.priceBooks.get(id);
  if (!book) throw new UplinkError("NOT_FOUND", `There is no price book "${id}".`);
  return book;
}

/** The entry in force for a plan on a date, covering `bandwidthMbps` when the plan is tiered. */
export function entryOn(
  catalog: BillingCatalog,
  priceBookId: string,
  planId: string,
  date: string,
  bandwidthMbps: number | null,
): PriceEntry {
  const book = priceBookOf(catalog, priceBookId);
  const entries = entriesInForce(book, planId, date);
  const first = entries[0];
  if (!first) {
    throw new UplinkError(
      "NOT_FOUND",
      `The price book "${priceBookId}" has no price for ${planId} on ${date}.`,
    );
  }
  if (first.tierMbps === 0) return first;
  if (bandwidthMbps === null) {
    throw new UplinkError(
      "INVALID_INPUT",
      `${planId} is priced by bandwidth, but the contract has no bandwidth.`,
    );
  }
  const entry = entries.find((e) => e.tierMbps >= bandwidthMbps);
  if (!entry) {
    throw new UplinkError(
      "NOT_FOUND",
      `No tier of ${planId} in "${priceBookId}" covers ${bandwidthMbps} Mbps on ${date}; the largest is ${entries.at(-1)!.tierMbps} Mbps.`,
    );
  }
  return entry;
}
