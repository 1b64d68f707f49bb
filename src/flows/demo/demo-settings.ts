import { Decimal } from "../../core/index.js";
import type { GroupCompany } from "../../customers/index.js";

// The demo company's settings: what the presentation says in words rather than in facts (the
// group's structure, the ATM fleet's growth) and the shape of each line's contract book. Figures
// the demo must add up to come from the reported facts (demo-targets.ts), never from here.

export const DEMO_FIRST_MONTH = "2011-04";
export const DEMO_LAST_MONTH = "2012-09";
export const DEFAULT_SEED = 20121108;

const company = (
  id: string,
  name: string,
  parentId: string | null,
  ownershipPercent: string,
  functionalCurrency: GroupCompany["functionalCurrency"],
  consolidatedFrom: string,
  relation: GroupCompany["relation"],
): GroupCompany => ({
  id,
  name,
  parentId,
  ownershipPercent: new Decimal(ownershipPercent),
  functionalCurrency,
  consolidatedFrom,
  relation,
});

/** The group as of November 2012 (slide "IIJ Group Companies" and the ATM, overseas slides). */
export const DEMO_GROUP: readonly GroupCompany[] = [
  company("uplink", "Uplink Networks Inc.", null, "100", "JPY", "1992-12-03", "parent"),
  company(
    "uplink-global",
    "Uplink Global Solutions",
    "uplink",
    "100",
    "JPY",
    "2010-10-01",
    "subsidiary",
  ),
  // The ATM operator, 79.5% owned (non-controlling interests).
  company("trust-atm", "Trust ATM Networks", "uplink", "79.5", "JPY", "2007-07-01", "subsidiary"),
  company(
    "uplink-america",
    "Uplink America Inc.",
    "uplink",
    "100",
    "USD",
    "2000-01-01",
    "subsidiary",
  ),
  company(
    "uplink-china",
    "Uplink China (Shanghai)",
    "uplink",
    "100",
    "CNY",
    "2012-01-01",
    "subsidiary",
  ),
  company("uplink-thailand", "Uplink Thailand", "uplink", "100", "THB", "2012-06-01", "subsidiary"),
  // Acquired in April 2012, its P/L consolidated from 2Q12.
  company("exlayer", "Exlayer Global", "uplink", "100", "USD", "2012-07-01", "subsidiary"),
  company(
    "multifeed",
    "Internet Multifeed (investee)",
    "uplink",
    "20",
    "JPY",
    "2001-01-01",
    "equity_method",
  ),
  company(
    "revolution",
    "Internet Revolution (investee)",
    "uplink",
    "30",
    "JPY",
    "2006-01-01",
    "equity_method",
  ),
];

export const DEMO_PARENT = "uplink";
export const DEMO_ATM_OPERATOR = "trust-atm";

/** Customers at the first month; the rest join over the eighteen months. */
export const CUSTOMERS_AT_START = 6_000;
export const CUSTOMERS_AT_END = 6_500;

export const OVERSEAS_CUSTOMERS = [
  { country: "US", currency: "USD", groupCompanyId: "uplink-america", count: 40 },
  { country: "CN", currency: "CNY", groupCompanyId: "uplink-china", count: 15 },
  { country: "TH", currency: "THB", groupCompanyId: "uplink-thailand", count: 10 },
] as const;

/**
 * ATMs placed at a few month ends (the presentation: 567 placed by mid-November 2012, about 170 of
 * them in 1H12); the demo places them evenly between these points.
 */
export const ATM_FLEET: readonly (readonly [string, number])[] = [
  ["2011-03-31", 215],
  ["2012-03-31", 380],
  ["2012-09-30", 545],
];

/** Average monthly fee of a contract in each line, which sets how many contracts carry its revenue. */
export const AVERAGE_MONTHLY_FEE: Readonly<Record<string, number>> = {
  "revenue.network.connectivity_corporate": 300_000,
  "revenue.network.connectivity_home": 500_000,
  "revenue.network.wan": 1_500_000,
  "revenue.network.outsourcing": 150_000,
  "revenue.si.operation": 600_000,
};

/** Monthly cancellations, as a share of each line's fees. */
export const MONTHLY_CHURN = 0.006;

/** Months whose 5-minute traffic the demo meters (the latest ones): a half year. */
export const METERED_MONTHS = 6;
