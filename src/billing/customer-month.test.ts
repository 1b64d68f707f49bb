import { describe, expect, it } from "vitest";
import type { Plan, PriceEntry } from "../catalog/index.js";
import type { ContractEvent, ContractHistory } from "../contracts/index.js";
import { Decimal, firstDayOf, lastDayOf, money, yen } from "../core/index.js";
import type { Customer } from "../customers/index.js";
import type { MonthlyPercentile } from "../metering/index.js";
import { billingCatalog } from "./billing-catalog.js";
import { type CustomerMonth, rateCustomerMonth } from "./customer-month.js";
import type { Invoice } from "./invoice.js";

// The grid: every charge kind × every period boundary, each cell a hand-computed expectation, so
// that a kind or a boundary without a cell is a visible gap (the completeness test fails).
//
// Prices are chosen so that a day of the monthly fee is a whole number of yen in every month
// length: 755,160 = lcm(28, 29, 30, 31) × 1, i.e. 26,970 a day in 28 days, 26,040 in 29, 25,172 in
// 30 and 24,360 in 31.

const FEE = 755_160;

const PLANS: Plan[] = [
  {
    id: "tier",
    name: "Tiered",
    lineId: "ip_service",
    chargeModel: "bandwidth_tier",
    unit: "circuit",
  },
  {
    id: "unit",
    name: "Per unit",
    lineId: "managed_firewall",
    chargeModel: "per_unit",
    unit: "device",
  },
  {
    id: "burst",
    name: "Burstable",
    lineId: "ip_service",
    chargeModel: "commit_burst",
    unit: "circuit",
  },
  { id: "setup", name: "With set-up", lineId: "mobile", chargeModel: "per_unit", unit: "SIM" },
  {
    id: "once",
    name: "Equipment",
    lineId: "equipment_sales",
    chargeModel: "one_time",
    unit: "device",
  },
  {
    id: "resale",
    name: "Resold",
    lineId: "reseller_flets",
    chargeModel: "reseller_net",
    unit: "line",
  },
  { id: "atm", name: "ATM", lineId: "atm_operation", chargeModel: "per_use", unit: "withdrawal" },
  { id: "cloud", name: "Cloud", lineId: "public_cloud", chargeModel: "per_unit", unit: "server" },
];

function entry(
  planId: string,
  tierMbps: number,
  amount: number,
  extra: Partial<PriceEntry> = {},
): PriceEntry {
  return {
    priceBookId: "grid",
    planId,
    effectiveFrom: "2009-04-01",
    tierMbps,
    amount: yen(amount),
    setupFee: null,
    burstPerMbps: null,
    netSharePercent: null,
    ...extra,
  };
}

const CATALOG = billingCatalog({
  plans: PLANS,
  priceBooks: [
    {
      id: "grid",
      entries: [
        entry("tier", 10, FEE),
        entry("tier", 100, 2 * FEE),
        entry("unit", 0, FEE / 2),
        entry("burst", 10, FEE, { burstPerMbps: yen(1000) }),
        entry("burst", 100, 2 * FEE, { burstPerMbps: yen(500) }),
        entry("setup", 0, 0, { setupFee: yen(30_000) }),
        entry("once", 0, 100_000),
        entry("resale", 0, FEE, { netSharePercent: new Decimal(10) }),
        entry("atm", 0, 120),
        entry("cloud", 0, 0),
      ],
    },
  ],
  usagePrices: [
    {
      priceBookId: "grid",
      resource: "vcpu_hours",
      effectiveFrom: "2009-04-01",
      currency: "JPY",
      unitPrice: new Decimal("3.5"),
    },
  ],
  fxRates: [
    { currency: "USD", rateDate: "2012-02-29", jpyPerUnit: new Decimal(80), source: "test" },
  ],
});

type Boundary =
  | "first_day"
  | "last_day"
  | "cancel_first_day"
  | "cancel_last_day"
  | "change_last_day"
  | "days_28"
  | "days_29"
  | "days_30"
  | "days_31"
  | "usd_dst";

const BOUNDARIES: readonly Boundary[] = [
  "first_day",
  "last_day",
  "cancel_first_day",
  "cancel_last_day",
  "change_last_day",
  "days_28",
  "days_29",
  "days_30",
  "days_31",
  "usd_dst",
];

type Kind =
  | "recurring_tier"
  | "recurring_unit"
  | "commitment"
  | "burst"
  | "setup"
  | "one_time"
  | "reseller_net"
  | "per_use"
  | "usage"
  | "si"
  | "equipment"
  | "tax";

/**
 * The scenario of each boundary: the month billed, the activation (or a contract active since
 * before the month), and an event at the boundary. `usd_dst` is a USD customer's March 2012, the
 * month the US moved to daylight-saving time (2012-03-11): billing counts calendar days, so the
 * 23-hour day is a day like any other and the month has 31.
 */
const SCENARIOS: Record<
  Boundary,
  { month: string; activated: string; cancelled?: string; changed?: string; usd?: boolean }
> = {
  first_day: { month: "2012-09", activated: "2012-09-01" },
  last_day: { month: "2012-09", activated: "2012-09-30" },
  cancel_first_day: { month: "2012-09", activated: "2012-06-01", cancelled: "2012-09-01" },
  cancel_last_day: { month: "2012-09", activated: "2012-06-01", cancelled: "2012-09-30" },
  change_last_day: { month: "2012-09", activated: "2012-06-01", changed: "2012-09-30" },
  days_28: { month: "2013-02", activated: "2013-02-15" },
  days_29: { month: "2012-02", activated: "2012-02-15" },
  days_30: { month: "2012-09", activated: "2012-09-16" },
  days_31: { month: "2012-10", activated: "2012-10-16" },
  usd_dst: { month: "2012-03", activated: "2012-03-11", usd: true },
};

type Cell = readonly number[] | "none";

/** Expected line amounts (JPY; for usd_dst, US cents at JPY 80 per USD) or the invoice tax. */
const GRID: Record<Kind, Record<Boundary, Cell>> = {
  recurring_tier: {
    first_day: [755_160], // 30/30
    last_day: [25_172], // 1/30
    cancel_first_day: "none", // not active on any day
    cancel_last_day: [729_988], // 29/30
    change_last_day: [729_988, 50_344], // 29/30 at 10 Mbps + 1/30 of 1,510,320 at 100 Mbps
    days_28: [377_580], // 14/28
    days_29: [390_600], // 15/29
    days_30: [377_580], // 15/30
    days_31: [389_760], // 16/31
    usd_dst: [639_450], // 21/31 = 511,560 yen ÷ 80 = USD 6,394.50
  },
  recurring_unit: {
    first_day: [755_160], // 2 × 377,580
    last_day: [25_172],
    cancel_first_day: "none",
    cancel_last_day: [729_988],
    change_last_day: [729_988, 37_758], // 1/30 of 3 × 377,580
    days_28: [377_580],
    days_29: [390_600],
    days_30: [377_580],
    days_31: [389_760],
    usd_dst: [639_450],
  },
  commitment: {
    first_day: [755_160],
    last_day: [25_172],
    cancel_first_day: "none",
    cancel_last_day: [729_988],
    change_last_day: [729_988, 50_344], // commitment raised to 100 Mbps on the last day
    days_28: [377_580],
    days_29: [390_600],
    days_30: [377_580],
    days_31: [389_760],
    usd_dst: [639_450],
  },
  burst: {
    // 95th percentile 25 Mbps against a 10 Mbps commitment: 15 Mbps × 1,000, whole month
    first_day: [15_000],
    last_day: [15_000],
    cancel_first_day: "none",
    cancel_last_day: [15_000],
    change_last_day: "none", // the commitment on the last active day is 100 Mbps: no excess
    days_28: [15_000],
    days_29: [15_000],
    days_30: [15_000],
    days_31: [15_000],
    usd_dst: [18_750], // USD 187.50
  },
  setup: {
    first_day: [30_000],
    last_day: [30_000],
    cancel_first_day: "none",
    cancel_last_day: "none", // activated before the month
    change_last_day: "none",
    days_28: [30_000],
    days_29: [30_000],
    days_30: [30_000],
    days_31: [30_000],
    usd_dst: [37_500], // USD 375.00
  },
  one_time: {
    first_day: [100_000],
    last_day: [100_000],
    cancel_first_day: "none",
    cancel_last_day: "none",
    change_last_day: "none",
    days_28: [100_000],
    days_29: [100_000],
    days_30: [100_000],
    days_31: [100_000],
    usd_dst: [125_000],
  },
  reseller_net: {
    first_day: [755_160],
    last_day: [25_172],
    cancel_first_day: "none",
    cancel_last_day: [729_988],
    change_last_day: [729_988, 50_344], // quantity 1 → 2 on the last day
    days_28: [377_580],
    days_29: [390_600],
    days_30: [377_580],
    days_31: [389_760],
    usd_dst: [639_450],
  },
  per_use: {
    // 1,000 withdrawals × JPY 120, at the commission in force on the last active day
    first_day: [120_000],
    last_day: [120_000],
    cancel_first_day: "none", // not active: an anomaly, not a charge
    cancel_last_day: [120_000],
    change_last_day: [100_000], // an agreed commission of 100 from the last day
    days_28: [120_000],
    days_29: [120_000],
    days_30: [120_000],
    days_31: [120_000],
    usd_dst: [150_000], // USD 1,500.00
  },
  usage: {
    // 1,000 vcpu_hours × JPY 3.5; usage is billed even on an inactive contract (with an anomaly)
    first_day: [3_500],
    last_day: [3_500],
    cancel_first_day: [3_500],
    cancel_last_day: [3_500],
    change_last_day: [3_500],
    days_28: [3_500],
    days_29: [3_500],
    days_30: [3_500],
    days_31: [3_500],
    usd_dst: [4_375], // USD 43.75
  },
  si: {
    // the month's project revenue, as operations computes it: JPY 1,000,000
    first_day: [1_000_000],
    last_day: [1_000_000],
    cancel_first_day: [1_000_000],
    cancel_last_day: [1_000_000],
    change_last_day: [1_000_000],
    days_28: [1_000_000],
    days_29: [1_000_000],
    days_30: [1_000_000],
    days_31: [1_000_000],
    usd_dst: [1_250_000],
  },
  equipment: {
    // JPY 200,000 delivered on the boundary's day (first or last of the month, or mid-month)
    first_day: [200_000],
    last_day: [200_000],
    cancel_first_day: [200_000],
    cancel_last_day: [200_000],
    change_last_day: [200_000],
    days_28: [200_000],
    days_29: [200_000],
    days_30: [200_000],
    days_31: [200_000],
    usd_dst: [250_000],
  },
  tax: {
    // consumption tax on the tiered contract's invoice: 5% (2012–2013), rounded down
    first_day: [37_758],
    last_day: [1_258], // 1,258.6
    cancel_first_day: "none", // no invoice
    cancel_last_day: [36_499], // 36,499.4
    change_last_day: [39_016], // 5% of 780,332 = 39,016.6
    days_28: [18_879],
    days_29: [19_530],
    days_30: [18_879],
    days_31: [19_488],
    usd_dst: [0], // a customer abroad: exempt
  },
};

const KINDS = Object.keys(GRID) as Kind[];

function customer(usd: boolean): Customer {
  return {
    id: "C00001",
    name: "Grid Customer",
    industry: "financial",
    country: usd ? "US" : "JP",
    groupCompanyId: usd ? "us-sub" : "parent",
    billingCurrency: usd ? "USD" : "JPY",
    status: "active",
    statusSince: "2010-04-01",
    billingAddress: "",
  };
}

function event(
  kind: ContractEvent["kind"],
  date: string,
  terms: Partial<ContractEvent> = {},
): ContractEvent {
  return {
    contractId: "CT1",
    customerId: "C00001",
    kind,
    effectiveDate: date,
    planId: null,
    priceBookId: null,
    bandwidthMbps: null,
    quantity: null,
    monthlyFee: null,
    note: "",
    ...terms,
  };
}

const CONTRACT_PLAN: Partial<
  Record<
    Kind,
    { plan: string; bandwidth?: number; quantity?: number; change: Partial<ContractEvent> }
  >
> = {
  recurring_tier: { plan: "tier", bandwidth: 10, change: { bandwidthMbps: 100 } },
  tax: { plan: "tier", bandwidth: 10, change: { bandwidthMbps: 100 } },
  recurring_unit: { plan: "unit", quantity: 2, change: { quantity: 3 } },
  commitment: { plan: "burst", bandwidth: 10, change: { bandwidthMbps: 100 } },
  burst: { plan: "burst", bandwidth: 10, change: { bandwidthMbps: 100 } },
  setup: { plan: "setup", change: { quantity: 2 } },
  one_time: { plan: "once", change: { quantity: 2 } },
  reseller_net: { plan: "resale", change: { quantity: 2 } },
  per_use: { plan: "atm", change: { monthlyFee: yen(100) } },
  usage: { plan: "cloud", change: { quantity: 2 } },
};

function scenario(kind: Kind, boundary: Boundary): CustomerMonth {
  const s = SCENARIOS[boundary];
  const terms = CONTRACT_PLAN[kind];
  const contracts: ContractHistory[] = [];
  if (terms) {
    const events = [
      event("ordered", "2012-01-10", {
        planId: terms.plan,
        priceBookId: "grid",
        bandwidthMbps: terms.bandwidth ?? null,
        quantity: terms.quantity ?? null,
      }),
      event("activated", s.activated),
    ];
    if (s.changed) events.push(event("changed", s.changed, terms.change));
    if (s.cancelled) events.push(event("cancelled", s.cancelled));
    contracts.push({
      contractId: "CT1",
      customerId: "C00001",
      planId: terms.plan,
      priceBookId: "grid",
      events,
    });
  }
  const windows = 31 * 288;
  const percentile: MonthlyPercentile = {
    contractId: "CT1",
    month: s.month,
    inBps: 25_000_000,
    outBps: 5_000_000,
    billedBps: 25_000_000,
    inSamples: windows,
    outSamples: windows,
    windows,
  };
  const deliveredOn = boundary.endsWith("last_day")
    ? lastDayOf(s.month)
    : boundary.startsWith("days_") || boundary === "usd_dst"
      ? s.activated
      : firstDayOf(s.month);
  return {
    customer: customer(s.usd ?? false),
    contracts,
    percentiles: new Map([["CT1", percentile]]),
    withdrawals: kind === "per_use" ? new Map([["CT1", 1000]]) : new Map(),
    cloudUsage:
      kind === "usage" ? [{ contractId: "CT1", resource: "vcpu_hours", quantity: "1000" }] : [],
    projectRevenues:
      kind === "si"
        ? [
            {
              projectId: "P1",
              customerId: "C00001",
              kind: "construction",
              recognition: "percentage_of_completion",
              revenueYen: 1_000_000n,
            },
          ]
        : [],
    deliveries:
      kind === "equipment"
        ? [
            {
              id: "D1",
              customerId: "C00001",
              projectId: null,
              orderedOn: `${s.month}-01`,
              deliveredOn,
              amountYen: 200_000n,
              costYen: 150_000n,
              description: "Router",
            },
          ]
        : [],
  };
}

/** The amounts a kind's cell looks at on the invoice. */
function observed(kind: Kind, invoice: Invoice | null): Cell {
  if (!invoice) return "none";
  if (kind === "tax") return [Number(invoice.tax.amount)];
  const wanted: Record<Exclude<Kind, "tax">, string> = {
    recurring_tier: "recurring",
    recurring_unit: "recurring",
    commitment: "recurring",
    burst: "burst",
    setup: "setup",
    one_time: "one_time",
    reseller_net: "recurring",
    per_use: "per_use",
    usage: "usage",
    si: "si",
    equipment: "equipment",
  };
  const amounts = invoice.lines
    .filter((l) => l.kind === wanted[kind])
    .map((l) => Number(l.amount.amount));
  return amounts.length === 0 ? "none" : amounts;
}

describe("the rating grid: charge kinds × period boundaries", () => {
  it("has a cell for every charge kind at every boundary", () => {
    const missing: string[] = [];
    for (const kind of KINDS) {
      for (const boundary of BOUNDARIES)
        if (GRID[kind][boundary] === undefined) missing.push(`${kind} × ${boundary}`);
      for (const boundary of Object.keys(GRID[kind])) {
        if (!BOUNDARIES.includes(boundary as Boundary))
          missing.push(`unknown boundary ${boundary}`);
      }
    }
    expect(missing).toEqual([]);
    expect(KINDS.length * BOUNDARIES.length).toBe(120);
  });

  const cells = KINDS.flatMap((kind) =>
    BOUNDARIES.map((boundary) => [kind, boundary, GRID[kind][boundary]] as const),
  );
  it.each(cells)("%s at %s bills %j", (kind, boundary, expected) => {
    const s = SCENARIOS[boundary];
    const { invoice } = rateCustomerMonth(s.month, CATALOG, scenario(kind, boundary));
    expect(observed(kind, invoice)).toEqual(expected);
    if (invoice) expect(invoice.currency).toBe(s.usd ? "USD" : "JPY");
  });
});

describe("rating a customer's month", () => {
  it("prorates every piece of the month between events: activation, upgrade mid-month, cancellation", () => {
    const month: CustomerMonth = {
      customer: customer(false),
      contracts: [
        {
          contractId: "CT1",
          customerId: "C00001",
          planId: "tier",
          priceBookId: "grid",
          events: [
            event("ordered", "2012-08-20", {
              planId: "tier",
              priceBookId: "grid",
              bandwidthMbps: 10,
            }),
            event("activated", "2012-09-05"),
            event("changed", "2012-09-15", { bandwidthMbps: 100 }),
            event("cancelled", "2012-09-25"),
          ],
        },
      ],
    };
    const { invoice } = rateCustomerMonth("2012-09", CATALOG, month);
    expect(
      invoice?.lines.map((l) => [
        l.serviceFrom,
        l.serviceTo,
        l.daysCharged,
        Number(l.amount.amount),
      ]),
    ).toEqual([
      ["2012-09-05", "2012-09-14", 10, 251_720], // 10/30 × 755,160
      ["2012-09-15", "2012-09-24", 10, 503_440], // 10/30 × 1,510,320
    ]);
    expect(
      invoice?.lines.every((l) => l.revenueMetric === "revenue.network.connectivity_corporate"),
    ).toBe(true);
    expect(invoice?.lines.every((l) => l.contractId === "CT1")).toBe(true);
  });

  it("rounds each prorated piece half-up to the yen", () => {
    const month: CustomerMonth = {
      customer: customer(false),
      contracts: [
        {
          contractId: "CT1",
          customerId: "C00001",
          planId: "unit",
          priceBookId: "grid",
          events: [
            event("ordered", "2012-08-20", {
              planId: "unit",
              priceBookId: "grid",
              monthlyFee: yen(100_001),
            }),
            event("activated", "2012-09-16"),
          ],
        },
      ],
    };
    // 100,001 × 15/30 = 50,000.5 → 50,001
    const { invoice } = rateCustomerMonth("2012-09", CATALOG, month);
    expect(invoice?.lines.map((l) => l.amount.amount)).toEqual([50_001n]);
  });

  it("marks the reseller line with its net share and names the anomalies it sees", () => {
    const month: CustomerMonth = {
      customer: customer(false),
      contracts: [
        {
          contractId: "CT1",
          customerId: "C00001",
          planId: "resale",
          priceBookId: "grid",
          events: [
            event("ordered", "2012-01-10", { planId: "resale", priceBookId: "grid" }),
            event("activated", "2012-02-01"),
          ],
        },
        {
          contractId: "CT2",
          customerId: "C00001",
          planId: "burst",
          priceBookId: "grid",
          events: [
            {
              ...event("ordered", "2012-01-10", {
                planId: "burst",
                priceBookId: "grid",
                bandwidthMbps: 10,
              }),
              contractId: "CT2",
            },
            { ...event("activated", "2012-02-01"), contractId: "CT2" },
          ],
        },
      ],
      cloudUsage: [{ contractId: "CT1", resource: "disk_gb", quantity: "10" }],
    };
    const { invoice, anomalies } = rateCustomerMonth("2012-09", CATALOG, month);
    expect(invoice?.lines.find((l) => l.contractId === "CT1")?.netSharePercent).toBe("10");
    expect(anomalies.map((a) => [a.kind, a.contractId])).toEqual([
      ["usage_without_price", "CT1"],
      ["burstable_without_samples", "CT2"],
    ]);
  });

  it("bills nothing to a customer suspended before the month, and says so", () => {
    const month = scenario("recurring_tier", "first_day");
    const { invoice, anomalies } = rateCustomerMonth("2012-09", CATALOG, {
      ...month,
      customer: { ...month.customer, status: "suspended", statusSince: "2012-08-15" },
    });
    expect(invoice).toBeNull();
    expect(anomalies.map((a) => a.kind)).toEqual(["customer_not_billed"]);
  });

  it("refuses a foreign customer's month when the FX table has no rate yet", () => {
    const early = billingCatalog({ plans: PLANS, priceBooks: [...CATALOG.priceBooks.values()] });
    expect(() =>
      rateCustomerMonth("2012-03", early, scenario("recurring_tier", "usd_dst")),
    ).toThrow(/no USD rate on or before 2012-03-31/);
  });

  it("names the contract that cannot be priced", () => {
    const month = scenario("recurring_tier", "first_day");
    const contract = month.contracts[0]!;
    const tooFast = {
      ...contract,
      events: contract.events.map((e) =>
        e.kind === "ordered" ? { ...e, bandwidthMbps: 1000 } : e,
      ),
    };
    expect(() => rateCustomerMonth("2012-09", CATALOG, { ...month, contracts: [tooFast] })).toThrow(
      /Contract CT1 \(customer C00001\), 2012-09: No tier of tier .* covers 1000 Mbps/,
    );
  });

  it("numbers the invoice deterministically and dates it at the month's end", () => {
    const { invoice } = rateCustomerMonth(
      "2012-09",
      CATALOG,
      scenario("recurring_tier", "first_day"),
    );
    expect(invoice).toMatchObject({
      id: "INV-2012-09-C00001",
      issueDate: "2012-09-30",
      dueDate: "2012-10-31",
      subtotal: money(755_160n, "JPY"),
      tax: money(37_758n, "JPY"),
      total: money(792_918n, "JPY"),
    });
  });
});
