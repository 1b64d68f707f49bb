import {
  type Currency,
  Decimal,
  type InputLocation,
  MINOR_DIGITS,
  type Money,
  money,
} from "../core/index.js";
import { recordFields } from "../input/index.js";
import { divideHalfUp, fraction } from "./exchange-rate.js";

/**
 * The price of one unit of a metered cloud resource (`vcpu_hours`, `storage_gb`) in a price book,
 * from a date until the resource's next effective date in the same book. The unit price is an
 * exact decimal in major units (JPY 3.5 per GB-hour), since metered units are often worth less
 * than a yen; a month's charge is quantity × unit price, rounded half-up to the minor unit.
 */
export interface UsagePrice {
  readonly priceBookId: string;
  readonly resource: string;
  readonly effectiveFrom: string;
  readonly currency: Currency;
  readonly unitPrice: Decimal;
}

export const USAGE_PRICE_FIELDS = [
  "price_book",
  "resource",
  "effective_from",
  "currency",
  "unit_price",
] as const;
export type RawUsagePrice = Partial<Record<(typeof USAGE_PRICE_FIELDS)[number], string>>;

const RESOURCE = /^[a-z][a-z0-9_.-]*$/;

export function usagePriceKey(
  price: Pick<UsagePrice, "priceBookId" | "resource" | "effectiveFrom">,
): string {
  return `${price.priceBookId}|${price.resource}|${price.effectiveFrom}`;
}

export function usagePriceFromRaw(raw: RawUsagePrice, where: InputLocation): UsagePrice {
  const f = recordFields(raw, where);
  const resource = f.text("resource");
  if (!RESOURCE.test(resource)) {
    f.fail("resource", `"${resource}" is not a resource name such as vcpu_hours (lower case).`);
  }
  const unitPrice = f.decimal("unit_price");
  if (unitPrice.isNegative()) f.fail("unit_price", "A unit price is not negative.");
  return {
    priceBookId: f.id("price_book"),
    resource,
    effectiveFrom: f.date("effective_from"),
    currency: f.currency("currency", "JPY"),
    unitPrice: new Decimal(unitPrice),
  };
}

export function usagePriceDifference(a: UsagePrice, b: UsagePrice): string | undefined {
  if (a.currency !== b.currency) return "currency";
  if (!a.unitPrice.equals(b.unitPrice)) return "unit_price";
  return undefined;
}

/** The price of a resource in a book on `date`: the entry with the latest date on or before it. */
export function usagePriceOn(
  prices: readonly UsagePrice[],
  priceBookId: string,
  resource: string,
  date: string,
): UsagePrice | undefined {
  let found: UsagePrice | undefined;
  for (const price of prices) {
    if (price.priceBookId !== priceBookId || price.resource !== resource) continue;
    if (price.effectiveFrom > date) continue;
    if (found === undefined || price.effectiveFrom > found.effectiveFrom) found = price;
  }
  return found;
}

/** quantity × unit price in minor units, rounded half-up once. */
export function usageCharge(quantity: Decimal, price: UsagePrice): Money {
  const scale = 10n ** BigInt(MINOR_DIGITS[price.currency]);
  const q = exact(quantity);
  const p = price.unitPrice.isZero() ? { num: 0n, den: 1n } : fraction(price.unitPrice);
  return money(divideHalfUp(q.num * p.num * scale, q.den * p.den), price.currency);
}

function exact(value: Decimal): { num: bigint; den: bigint } {
  const [whole = "0", frac = ""] = new Decimal(value).toFixed().split(".");
  return { num: BigInt(whole + frac), den: 10n ** BigInt(frac.length) };
}
