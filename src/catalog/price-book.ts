import {
  type Currency,
  Decimal,
  type InputLocation,
  type Money,
  money,
  multiply,
  UplinkError,
} from "../core/index.js";
import { recordFields } from "../input/index.js";
import { type ChargeModel, isTiered, type Plan } from "./plan.js";

/**
 * One line of a price book: the price of a plan (and bandwidth tier) from `effectiveFrom` until
 * the plan's next effective date in the same book. An effective date restates the plan's whole
 * price table: every tier in force from then on is written with that date.
 */
export interface PriceEntry {
  readonly priceBookId: string;
  readonly planId: string;
  readonly effectiveFrom: string;
  /** The tier's bandwidth in Mbps (it covers contracts up to this); 0 for an untiered plan. */
  readonly tierMbps: number;
  /** Monthly fee (per tier, per unit, or for the commitment), commission per use, or one-time price. */
  readonly amount: Money;
  readonly setupFee: Money | null;
  /** commit_burst: the price per Mbps of 95th-percentile traffic above the commitment. */
  readonly burstPerMbps: Money | null;
  /** reseller_net: the percentage of the gross price presented as revenue. */
  readonly netSharePercent: Decimal | null;
}

/** A named set of price entries, e.g. the standard list prices. */
export interface PriceBook {
  readonly id: string;
  readonly entries: readonly PriceEntry[];
}

/** What a plan costs on a date for a bandwidth or quantity, from the entry in force. */
export interface PlanPrice {
  readonly entry: PriceEntry;
  /** The monthly charge (tier fee, or fee × quantity), the commission × uses, or one-time price × units. */
  readonly charge: Money;
  /** The one-time set-up charge, if the plan has one. */
  readonly setupCharge: Money | null;
  /** reseller_net: the part of `charge` presented as revenue (half-up to the minor unit). */
  readonly netCharge: Money | null;
}

export const STANDARD_PRICE_BOOK = "standard";

export const PRICE_FIELDS = [
  "price_book",
  "plan",
  "effective_from",
  "tier_mbps",
  "currency",
  "amount",
  "setup_fee",
  "burst_per_mbps",
  "net_share_percent",
] as const;

export type RawPriceEntry = Partial<Record<(typeof PRICE_FIELDS)[number], string>>;

export function priceEntryKey(
  entry: Pick<PriceEntry, "priceBookId" | "planId" | "effectiveFrom" | "tierMbps">,
): string {
  return `${entry.priceBookId}|${entry.planId}|${entry.effectiveFrom}|${entry.tierMbps}`;
}

/** Reads one written price entry; whether it fits its plan's charge model is `checkEntryFitsPlan`. */
export function priceEntryFromRaw(raw: RawPriceEntry, where: InputLocation): PriceEntry {
  const f = recordFields(raw, where);
  const currency: Currency = f.currency("currency", "JPY");
  const amount = f.optionalAmount("amount", currency);
  const setupFee = f.optionalAmount("setup_fee", currency);
  const burst = f.optionalAmount("burst_per_mbps", currency);
  const share = f.optionalDecimal("net_share_percent");
  if (share !== undefined && (share.lte(0) || share.gt(100))) {
    f.fail("net_share_percent", "The net share is a percentage above 0 and at most 100.");
  }
  return {
    priceBookId: f.id("price_book"),
    planId: f.id("plan"),
    effectiveFrom: f.date("effective_from"),
    tierMbps: f.optionalInteger("tier_mbps", 0) ?? 0,
    amount: money(amount ?? f.fail("amount", 'The field "amount" is empty.'), currency),
    setupFee: setupFee === undefined ? null : money(setupFee, currency),
    burstPerMbps: burst === undefined ? null : money(burst, currency),
    netSharePercent: share === undefined ? null : new Decimal(share),
  };
}

/** Refuses an entry whose fields do not fit its plan's charge model, naming the field. */
export function checkEntryFitsPlan(entry: PriceEntry, plan: Plan, where: InputLocation): void {
  const fail = (field: string, message: string): never => {
    throw new UplinkError("INVALID_INPUT", `${plan.id} (${plan.chargeModel}): ${message}`, {
      location: { ...where, field },
    });
  };
  const model: ChargeModel = plan.chargeModel;
  if (isTiered(model) && entry.tierMbps <= 0) {
    fail("tier_mbps", "give the tier's bandwidth in Mbps (1 or more).");
  }
  if (!isTiered(model) && entry.tierMbps !== 0) {
    fail("tier_mbps", "this plan is not priced by bandwidth; leave tier_mbps empty.");
  }
  if (model === "commit_burst" && entry.burstPerMbps === null) {
    fail("burst_per_mbps", "give the price per Mbps above the commitment.");
  }
  if (model !== "commit_burst" && entry.burstPerMbps !== null) {
    fail("burst_per_mbps", "only commit_burst plans have a burst price.");
  }
  if (model === "reseller_net" && entry.netSharePercent === null) {
    fail("net_share_percent", "give the share of the gross price presented as revenue.");
  }
  if (model !== "reseller_net" && entry.netSharePercent !== null) {
    fail("net_share_percent", "only reseller_net plans have a net share.");
  }
  if ((model === "per_use" || model === "one_time") && entry.setupFee !== null) {
    fail("setup_fee", "only recurring plans have a set-up fee.");
  }
}

/** The file's name of the first field in which two entries with the same key differ, if any. */
export function priceEntryDifference(a: PriceEntry, b: PriceEntry): string | undefined {
  if (a.amount.currency !== b.amount.currency) return "currency";
  if (a.amount.amount !== b.amount.amount) return "amount";
  if (a.setupFee?.amount !== b.setupFee?.amount) return "setup_fee";
  if (a.burstPerMbps?.amount !== b.burstPerMbps?.amount) return "burst_per_mbps";
  const shareA = a.netSharePercent?.toFixed() ?? null;
  const shareB = b.netSharePercent?.toFixed() ?? null;
  if (shareA !== shareB) return "net_share_percent";
  return undefined;
}

/**
 * The entries of a plan in force on `date` (ISO): those with the plan's latest effective date on
 * or before it, by tier. Empty when the plan has no price yet on that date.
 */
export function entriesInForce(book: PriceBook, planId: string, date: string): PriceEntry[] {
  let latest: string | undefined;
  for (const entry of book.entries) {
    if (entry.planId === planId && entry.effectiveFrom <= date) {
      if (latest === undefined || entry.effectiveFrom > latest) latest = entry.effectiveFrom;
    }
  }
  if (latest === undefined) return [];
  return book.entries
    .filter((e) => e.planId === planId && e.effectiveFrom === latest)
    .sort((a, b) => a.tierMbps - b.tierMbps);
}

/**
 * The price of a plan on a date, from the entry in force then. For a tiered plan the number is the
 * contracted bandwidth in Mbps and the smallest tier covering it applies; otherwise it is the
 * quantity (units, or uses for a per-use commission) and the charge is the unit price × it.
 * NOT_FOUND when the book has no price for the plan on that date or no tier covers the bandwidth.
 */
export function priceOn(
  book: PriceBook,
  planId: string,
  date: string,
  quantityOrBandwidth: number,
): PlanPrice {
  if (!Number.isSafeInteger(quantityOrBandwidth) || quantityOrBandwidth < 0) {
    throw new UplinkError(
      "INVALID_INPUT",
      `A quantity or bandwidth is a whole number of 0 or more, not ${quantityOrBandwidth}.`,
    );
  }
  const entries = entriesInForce(book, planId, date);
  const first = entries[0];
  if (!first) {
    throw new UplinkError(
      "NOT_FOUND",
      `The price book "${book.id}" has no price for ${planId} on ${date}.`,
    );
  }
  if (first.tierMbps > 0) {
    const entry = entries.find((e) => e.tierMbps >= quantityOrBandwidth);
    if (!entry) {
      const top = entries[entries.length - 1]!;
      throw new UplinkError(
        "NOT_FOUND",
        `No tier of ${planId} in "${book.id}" covers ${quantityOrBandwidth} Mbps on ${date}; the largest is ${top.tierMbps} Mbps.`,
      );
    }
    return { entry, charge: entry.amount, setupCharge: entry.setupFee, netCharge: null };
  }
  const quantity = String(quantityOrBandwidth);
  const charge = multiply(first.amount, quantity);
  return {
    entry: first,
    charge,
    setupCharge: first.setupFee === null ? null : multiply(first.setupFee, quantity),
    netCharge:
      first.netSharePercent === null ? null : multiply(charge, first.netSharePercent.div(100)),
  };
}
