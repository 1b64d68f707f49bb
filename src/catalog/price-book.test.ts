import { describe, expect, it } from "vitest";
import { Decimal, type Money, UplinkError, yen } from "../core/index.js";
import type { Plan } from "./plan.js";
import {
  checkEntryFitsPlan,
  entriesInForce,
  type PriceBook,
  type PriceEntry,
  priceEntryFromRaw,
  priceOn,
} from "./price-book.js";

function entry(
  planId: string,
  effectiveFrom: string,
  tierMbps: number,
  amount: number,
  extra: Partial<PriceEntry> = {},
): PriceEntry {
  return {
    priceBookId: "standard",
    planId,
    effectiveFrom,
    tierMbps,
    amount: yen(amount),
    setupFee: null,
    burstPerMbps: null,
    netSharePercent: null,
    ...extra,
  };
}

const BOOK: PriceBook = {
  id: "standard",
  entries: [
    entry("ip", "2009-04-01", 100, 780_000),
    entry("ip", "2009-04-01", 1000, 1_800_000),
    entry("ip", "2009-04-01", 10000, 8_400_000),
    // The 2012 revision restates the whole table.
    entry("ip", "2012-04-01", 100, 780_000),
    entry("ip", "2012-04-01", 1000, 1_620_000),
    entry("ip", "2012-04-01", 10000, 7_560_000),
    entry("lte", "2011-01-01", 0, 4200, { setupFee: yen(3150) }),
    entry("lte", "2012-04-01", 0, 3900, { setupFee: yen(3150) }),
    entry("atm", "2007-10-01", 0, 120),
    entry("flets", "2009-04-01", 0, 5460, { netSharePercent: new Decimal("8.5") }),
  ],
};

const amount = (m: Money | null) => m?.amount ?? null;

describe("priceOn: the entry in force on a date", () => {
  it.each([
    ["2012-03-31", 1000, 1_800_000n, "the day before a revision keeps the old price"],
    ["2012-04-01", 1000, 1_620_000n, "the revision applies from its effective date"],
    ["2012-09-30", 1000, 1_620_000n, "and stays in force until the next"],
    ["2012-09-30", 1, 780_000n, "1 Mbps pays the smallest tier that covers it"],
    ["2012-09-30", 100, 780_000n, "a bandwidth equal to a tier pays that tier"],
    ["2012-09-30", 101, 1_620_000n, "a bandwidth just above a tier pays the next"],
    ["2012-09-30", 10000, 7_560_000n, "10 Gbps pays the 10 Gbps tier"],
  ])("on %s at %i Mbps the monthly fee is %s (%s)", (date, mbps, expected) => {
    expect(priceOn(BOOK, "ip", date, mbps).charge.amount).toBe(expected);
  });

  it.each([
    ["2011-06-01", 1, 4200n, 3150n],
    ["2012-06-01", 20, 78_000n, 63_000n],
  ])(
    "a per-unit plan on %s for %i units charges fee × units and set-up × units",
    (date, qty, fee, setup) => {
      const price = priceOn(BOOK, "lte", date, qty);
      expect(price.charge.amount).toBe(fee);
      expect(amount(price.setupCharge)).toBe(setup);
    },
  );

  it("charges the ATM commission per withdrawal", () => {
    expect(priceOn(BOOK, "atm", "2012-09-30", 1000).charge.amount).toBe(120_000n);
  });

  it("presents a reseller line's share of the gross price as net revenue, rounded half-up", () => {
    const price = priceOn(BOOK, "flets", "2012-09-30", 3);
    expect(price.charge.amount).toBe(16_380n);
    // 16,380 × 8.5% = 1,392.3
    expect(amount(price.netCharge)).toBe(1392n);
  });

  it.each([
    ["ip", "2009-03-31", 100, "NOT_FOUND", /no price for ip on 2009-03-31/],
    ["ip", "2012-09-30", 10001, "NOT_FOUND", /largest is 10000 Mbps/],
    ["nope", "2012-09-30", 1, "NOT_FOUND", /no price for nope/],
    ["lte", "2012-09-30", -1, "INVALID_INPUT", /whole number/],
    ["lte", "2012-09-30", 1.5, "INVALID_INPUT", /whole number/],
  ])("refuses %s on %s for %s", (plan, date, n, code, message) => {
    const error = (() => {
      try {
        priceOn(BOOK, plan, date, n);
      } catch (e) {
        return e as UplinkError;
      }
      throw new Error("expected an error");
    })();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("lists a plan's whole tier table in force, by tier", () => {
    expect(entriesInForce(BOOK, "ip", "2012-04-01").map((e) => e.amount.amount)).toEqual([
      780_000n,
      1_620_000n,
      7_560_000n,
    ]);
    expect(entriesInForce(BOOK, "ip", "2000-01-01")).toEqual([]);
  });
});

describe("a price row", () => {
  const WHERE = { file: "prices.csv", line: 4 };
  const base = {
    price_book: "standard",
    plan: "ip",
    effective_from: "2012-04-01",
    amount: "1620000",
  };

  it("reads amounts in major units into minor units of the currency", () => {
    const usd = priceEntryFromRaw({ ...base, currency: "USD", amount: "1234.5" }, WHERE);
    expect(usd.amount).toEqual({ amount: 123_450n, currency: "USD" });
    expect(priceEntryFromRaw(base, WHERE).tierMbps).toBe(0);
  });

  it.each([
    [{ amount: "" }, "amount"],
    [{ amount: "1.5" }, "amount"],
    [{ amount: "-1" }, "amount"],
    [{ currency: "USD", amount: "1.234" }, "amount"],
    [{ tier_mbps: "1.5" }, "tier_mbps"],
    [{ effective_from: "2012-04-31" }, "effective_from"],
    [{ net_share_percent: "0" }, "net_share_percent"],
    [{ net_share_percent: "101" }, "net_share_percent"],
  ])("refuses %o, naming the field", (change, field) => {
    expect(() => priceEntryFromRaw({ ...base, ...change }, WHERE)).toThrow(UplinkError);
    try {
      priceEntryFromRaw({ ...base, ...change }, WHERE);
    } catch (error) {
      expect((error as UplinkError).location).toEqual({ ...WHERE, field });
    }
  });

  const plan = (chargeModel: Plan["chargeModel"]): Plan => ({
    id: "p",
    name: "P",
    lineId: "ip_service",
    chargeModel,
    unit: "circuit",
  });

  it.each([
    ["bandwidth_tier", {}, "tier_mbps"],
    ["per_unit", { tierMbps: 100 }, "tier_mbps"],
    ["commit_burst", { tierMbps: 100 }, "burst_per_mbps"],
    ["per_unit", { burstPerMbps: yen(1) }, "burst_per_mbps"],
    ["reseller_net", {}, "net_share_percent"],
    ["per_unit", { netSharePercent: new Decimal(5) }, "net_share_percent"],
    ["per_use", { setupFee: yen(1) }, "setup_fee"],
    ["one_time", { setupFee: yen(1) }, "setup_fee"],
  ] as const)("refuses a %s entry with %o", (model, change, field) => {
    try {
      checkEntryFitsPlan(entry("p", "2012-04-01", 0, 1, change), plan(model), WHERE);
      throw new Error("expected an error");
    } catch (error) {
      expect((error as UplinkError).location).toEqual({ ...WHERE, field });
    }
  });

  it.each([
    ["bandwidth_tier", { tierMbps: 100 }],
    ["commit_burst", { tierMbps: 100, burstPerMbps: yen(1500) }],
    ["per_unit", { setupFee: yen(3150) }],
    ["reseller_net", { netSharePercent: new Decimal("8.5") }],
    ["per_use", {}],
    ["one_time", {}],
  ] as const)("accepts a %s entry with %o", (model, change) => {
    expect(() =>
      checkEntryFitsPlan(entry("p", "2012-04-01", 0, 1, change), plan(model), WHERE),
    ).not.toThrow();
  });
});
