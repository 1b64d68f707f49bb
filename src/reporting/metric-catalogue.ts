import { UplinkError } from "../core/index.js";
import type {
  Aggregation,
  Derivation,
  Metric,
  MetricUnit,
  ReportSection,
  Segment,
  SignedTerm,
} from "./metric.js";

// The public vocabulary of DESIGN.md. Ids are stable: add, never rename. The order here is the
// order the report prints, which follows the presentation's slides.

interface Options {
  readonly unit?: MetricUnit;
  readonly aggregation?: Aggregation;
  readonly decimals?: number;
  readonly derivation?: Derivation;
}

function define(
  id: string,
  label: string,
  segment: Segment,
  section: ReportSection,
  options: Options = {},
): Metric {
  const unit = options.unit ?? "JPY million";
  const aggregation =
    options.aggregation ?? (options.derivation?.kind === "ratio" ? "ratio" : "flow");
  const decimals =
    options.decimals ?? (unit === "%" || unit === "Gbps" ? 1 : unit === "JPY" ? 2 : 0);
  const metric: Metric = { id, label, unit, segment, section, aggregation, decimals };
  return options.derivation ? { ...metric, derivation: options.derivation } : metric;
}

const plus = (...metrics: string[]): SignedTerm[] => metrics.map((metric) => ({ metric, sign: 1 }));
const minus = (...metrics: string[]): SignedTerm[] =>
  metrics.map((metric) => ({ metric, sign: -1 }));
const sumOf = (...terms: SignedTerm[][]): Derivation => ({ kind: "sum", terms: terms.flat() });
const ratioOf = (numerator: string, denominator: string): Derivation => ({
  kind: "ratio",
  numerator,
  denominator,
});
const percent = (derivation: Derivation): Options => ({ unit: "%", derivation });
const stock = (unit: MetricUnit = "JPY million", decimals?: number): Options =>
  decimals === undefined
    ? { unit, aggregation: "stock" }
    : { unit, aggregation: "stock", decimals };

const NETWORK_LINES = [
  "revenue.network.connectivity_corporate",
  "revenue.network.connectivity_home",
  "revenue.network.wan",
  "revenue.network.outsourcing",
];
const NETWORK_COSTS = [
  "cost.network.circuit",
  "cost.network.network_operation",
  "cost.network.personnel",
  "cost.network.outsourcing",
  "cost.network.other",
];
const SI_COSTS = [
  "cost.si.purchasing",
  "cost.si.outsourcing",
  "cost.si.personnel",
  "cost.si.network_operation",
  "cost.si.other",
];
const SEGMENTS = ["network", "si", "equipment", "atm"] as const;

const grossMargin = (segment: "total" | (typeof SEGMENTS)[number], label: string): Metric[] => [
  define(`gross_margin.${segment}`, label, segment, "gross_margin", {
    derivation: sumOf(plus(`revenue.${segment}`), minus(`cost.${segment}`)),
  }),
  define(
    `ratio.gross_margin.${segment}`,
    "Gross margin ratio",
    segment,
    "gross_margin",
    percent(ratioOf(`gross_margin.${segment}`, `revenue.${segment}`)),
  ),
];

export const METRICS: readonly Metric[] = [
  // Revenues (slides Ⅱ-2, Ⅱ-4, Ⅱ-5)
  define("revenue.total", "Total revenues", "total", "revenue", {
    derivation: sumOf(plus(...SEGMENTS.map((s) => `revenue.${s}`))),
  }),
  define("revenue.network", "Network services", "network", "revenue", {
    derivation: sumOf(plus(...NETWORK_LINES)),
  }),
  define(
    "revenue.network.connectivity_corporate",
    "Internet connectivity (corporate)",
    "network",
    "revenue",
  ),
  define("revenue.network.connectivity_home", "Internet connectivity (home)", "network", "revenue"),
  define("revenue.network.wan", "WAN services", "network", "revenue"),
  define("revenue.network.outsourcing", "Outsourcing services", "network", "revenue"),
  define("revenue.si", "Systems integration", "si", "revenue", {
    derivation: sumOf(plus("revenue.si.construction", "revenue.si.operation")),
  }),
  define("revenue.si.construction", "Systems construction", "si", "revenue"),
  define("revenue.si.operation", "Systems operation and maintenance", "si", "revenue"),
  define("revenue.equipment", "Equipment sales", "equipment", "revenue"),
  define("revenue.atm", "ATM operation business", "atm", "revenue"),
  define("revenue.recurring", "Recurring revenue", "total", "revenue", {
    derivation: sumOf(plus(...NETWORK_LINES, "revenue.si.operation")),
  }),
  define("revenue.one_time", "One-time revenue", "total", "revenue", {
    derivation: sumOf(plus("revenue.si.construction", "revenue.equipment")),
  }),
  define(
    "ratio.recurring",
    "Recurring revenue share",
    "total",
    "revenue",
    percent(ratioOf("revenue.recurring", "revenue.total")),
  ),
  define("revenue.cloud", "Cloud (IIJ GIO) revenue", "corporate", "revenue"),
  define("revenue.overseas", "Overseas revenue", "corporate", "revenue"),
  define(
    "revenue.cloud_specific_saas",
    "Cloud-based SaaS for specific business",
    "corporate",
    "revenue",
  ),
  define(
    "revenue.cloud_monthly",
    "Cloud revenue in the period's last month",
    "corporate",
    "revenue",
    stock(),
  ),
  define("revenue.ip_service", "IP service revenue", "network", "revenue"),
  define("revenue.iij_exlayer", "Revenue of the acquired subsidiary", "corporate", "revenue"),

  // Cost of revenues (slides Ⅱ-3, Ⅱ-4 (2), Ⅱ-5 (2))
  define("cost.total", "Total cost of revenues", "total", "cost", {
    derivation: sumOf(plus(...SEGMENTS.map((s) => `cost.${s}`))),
  }),
  define("cost.network", "Network services cost", "network", "cost", {
    derivation: sumOf(plus(...NETWORK_COSTS)),
  }),
  define("cost.network.circuit", "Circuit related", "network", "cost"),
  define("cost.network.network_operation", "Network operation related", "network", "cost"),
  define("cost.network.personnel", "Personnel related", "network", "cost"),
  define("cost.network.outsourcing", "Outsourcing", "network", "cost"),
  define("cost.network.other", "Others", "network", "cost"),
  define("cost.si", "Systems integration cost", "si", "cost", {
    derivation: sumOf(plus(...SI_COSTS)),
  }),
  define("cost.si.purchasing", "Purchasing", "si", "cost"),
  define("cost.si.outsourcing", "Outsourcing", "si", "cost"),
  define("cost.si.personnel", "Personnel related", "si", "cost"),
  define("cost.si.network_operation", "Network operation related", "si", "cost"),
  define("cost.si.other", "Others", "si", "cost"),
  define("cost.equipment", "Equipment sales cost", "equipment", "cost"),
  define("cost.atm", "ATM operation cost", "atm", "cost"),

  // Gross margin
  ...grossMargin("total", "Gross margin"),
  ...grossMargin("network", "Network services gross margin"),
  ...grossMargin("si", "SI gross margin"),
  ...grossMargin("equipment", "Equipment sales gross margin"),
  ...grossMargin("atm", "ATM operation gross margin"),

  // SG&A and R&D (slide Ⅱ-7)
  define("sga.total", "SG&A expenses / R&D", "total", "sga", {
    derivation: sumOf(plus("sga.sales_marketing", "sga.general_admin", "sga.rnd")),
  }),
  define("sga.sales_marketing", "Sales and marketing", "total", "sga"),
  define("sga.general_admin", "General and administrative", "total", "sga"),
  define("sga.rnd", "Research and development", "total", "sga"),
  define(
    "ratio.sga",
    "SG&A % of revenues",
    "total",
    "sga",
    percent(ratioOf("sga.total", "revenue.total")),
  ),

  // Income (slides Ⅱ-1, Ⅱ-8)
  define("operating_income", "Operating income", "total", "income", {
    derivation: sumOf(plus("gross_margin.total"), minus("sga.total")),
  }),
  define(
    "ratio.operating_margin",
    "Operating margin",
    "total",
    "income",
    percent(ratioOf("operating_income", "revenue.total")),
  ),
  define("operating_income.atm", "ATM operation operating income", "atm", "income"),
  define("other_income_expense", "Other income (expense)", "total", "income"),
  define("income_before_tax", "Income before income tax", "total", "income", {
    derivation: sumOf(plus("operating_income", "other_income_expense")),
  }),
  define(
    "ratio.income_before_tax_margin",
    "Income before tax % of revenues",
    "total",
    "income",
    percent(ratioOf("income_before_tax", "revenue.total")),
  ),
  define("income_tax", "Income tax expense", "total", "income"),
  define("equity_method_income", "Equity in income of investees", "total", "income"),
  define("noncontrolling_interests", "Income attributable to NCI", "total", "income"),
  define("net_income", "Net income attributable to the parent", "total", "income", {
    derivation: sumOf(
      plus("income_before_tax", "equity_method_income"),
      minus("income_tax", "noncontrolling_interests"),
    ),
  }),
  define(
    "ratio.net_margin",
    "Net margin",
    "total",
    "income",
    percent(ratioOf("net_income", "revenue.total")),
  ),

  // KPIs (slides Ⅱ-4, Ⅱ-6, Ⅲ-1, Ⅲ-2, ATM)
  define(
    "kpi.contracted_bandwidth_gbps",
    "Total contracted bandwidth",
    "network",
    "kpi",
    stock("Gbps"),
  ),
  define("kpi.contracts_over_1gbps", "Contracts over 1 Gbps", "network", "kpi", stock("count")),
  define("kpi.customers", "Customers", "total", "kpi", stock("count")),
  define("kpi.employees", "Employees", "total", "kpi", {
    ...stock("count"),
    derivation: sumOf(plus("kpi.employees.full_time", "kpi.employees.contract")),
  }),
  define("kpi.employees.full_time", "Full-time employees", "total", "kpi", stock("count")),
  define("kpi.employees.contract", "Contract workers", "total", "kpi", stock("count")),
  define("personnel_costs_and_expenses", "Personnel costs and expenses", "total", "kpi"),
  define(
    "ratio.personnel_costs",
    "Personnel costs % of revenues",
    "total",
    "kpi",
    percent(ratioOf("personnel_costs_and_expenses", "revenue.total")),
  ),
  ...(
    [
      ["engineers", "Engineers"],
      ["sales", "Sales"],
      ["administration", "Administration"],
    ] as const
  ).map(([key, label]) =>
    define(`mix.employees.${key}`, `Employee share: ${label}`, "total", "kpi", stock("%", 0)),
  ),
  define("kpi.new_graduates_hired", "New graduates hired", "total", "kpi", { unit: "count" }),
  define("kpi.si_outsourcing_personnel", "SI outsourcing personnel", "si", "kpi", stock("count")),
  define("kpi.atm_units", "ATMs placed", "atm", "kpi", stock("count")),
  define("kpi.cloud_projects", "Cloud (IIJ GIO) projects", "corporate", "kpi", stock("count")),
  define("kpi.cloud_clients", "Cloud (IIJ GIO) clients", "corporate", "kpi", stock("count")),

  // SI orders (slide Ⅱ-5)
  define(
    "kpi.construction_contracts_over_jpy100m",
    "Construction contracts over JPY 0.1 billion",
    "si",
    "orders",
    { unit: "count" },
  ),
  define("orders.construction.received", "Construction orders received", "si", "orders"),
  define("orders.construction.backlog", "Construction order backlog", "si", "orders", stock()),
  define("orders.operation.received", "Operation orders received", "si", "orders"),
  define("orders.operation.backlog", "Operation order backlog", "si", "orders", stock()),

  // Cash flow and other financial data (slides Ⅱ-10, Ⅱ-11)
  define("cashflow.operating", "Operating activities", "total", "cash_flow"),
  define("cashflow.investing", "Investing activities", "total", "cash_flow"),
  define("cashflow.financing", "Financing activities", "total", "cash_flow"),
  define("cashflow.income_taxes_paid", "Income taxes paid", "total", "cash_flow"),
  define(
    "cashflow.purchases_property_equipment",
    "Purchases of property and equipment",
    "total",
    "cash_flow",
  ),
  define("cashflow.borrowings_repaid_net", "Bank borrowings repaid (net)", "total", "cash_flow"),
  define(
    "cashflow.capital_lease_principal_paid",
    "Capital lease principal paid",
    "total",
    "cash_flow",
  ),
  define("cashflow.dividends_paid", "Dividends paid", "total", "cash_flow"),
  define("capex", "CAPEX (incl. capital leases)", "total", "cash_flow"),
  define("capex.cloud_domestic", "Domestic cloud-related CAPEX", "corporate", "cash_flow"),
  define(
    "capex.cloud_domestic.matsue_dc",
    "of which the container data center",
    "corporate",
    "cash_flow",
  ),
  define("depreciation_amortization", "Depreciation and amortization", "total", "cash_flow"),
  define("adjusted_ebitda", "Adjusted EBITDA", "total", "cash_flow", {
    derivation: sumOf(plus("operating_income", "depreciation_amortization")),
  }),

  // Balance sheet (slide Ⅱ-9), read at a period's end
  define("bs.cash", "Cash and cash equivalents", "total", "balance_sheet", stock()),
  define("bs.accounts_receivable", "Accounts receivable", "total", "balance_sheet", stock()),
  define("bs.inventories", "Inventories", "total", "balance_sheet", stock()),
  define("bs.prepaid_expenses", "Prepaid expenses", "total", "balance_sheet", stock()),
  define("bs.other_investments", "Other investments", "total", "balance_sheet", stock()),
  define("bs.property_equipment", "Property and equipment", "total", "balance_sheet", stock()),
  define(
    "bs.goodwill_intangibles",
    "Goodwill and other intangibles",
    "total",
    "balance_sheet",
    stock(),
  ),
  define("bs.accounts_payable", "Accounts payable", "total", "balance_sheet", stock()),
  define("bs.income_taxes_payable", "Income taxes payable", "total", "balance_sheet", stock()),
  define("bs.borrowings", "Borrowings", "total", "balance_sheet", stock()),
  define(
    "bs.capital_lease_obligations",
    "Capital lease obligations",
    "total",
    "balance_sheet",
    stock(),
  ),
  define("bs.accumulated_deficit", "Accumulated deficit", "total", "balance_sheet", stock()),
  define(
    "bs.accumulated_other_comprehensive_loss",
    "Accumulated other comprehensive loss",
    "total",
    "balance_sheet",
    stock(),
  ),
  define(
    "bs.total_shareholders_equity",
    "Total shareholders' equity",
    "total",
    "balance_sheet",
    stock(),
  ),
  define("bs.total_assets", "Total assets", "total", "balance_sheet", stock()),
  define("ratio.shareholders_equity", "Shareholders' equity ratio", "total", "balance_sheet", {
    unit: "%",
    derivation: ratioOf("bs.total_shareholders_equity", "bs.total_assets"),
  }),

  // Per share, split-adjusted (slides on dividends, Ⅲ-3)
  define("per_share.net_income", "Net income per share", "total", "per_share", { unit: "JPY" }),
  define("per_share.dividend", "Dividend per share", "total", "per_share", {
    unit: "JPY",
    derivation: sumOf(plus("per_share.dividend.interim", "per_share.dividend.year_end")),
  }),
  define("per_share.dividend.interim", "Interim dividend per share", "total", "per_share", {
    unit: "JPY",
  }),
  define("per_share.dividend.year_end", "Year-end dividend per share", "total", "per_share", {
    unit: "JPY",
  }),

  // Customer mix (FY2011 revenue composition), shares as published
  ...(
    [
      ["communication_it", "Communication/IT"],
      ["media_service", "Media/Service"],
      ["financial", "Financial sector"],
      ["machinery_manufacturing", "Machinery/Manufacturing"],
      ["government_public", "Government/Public sector"],
      ["retail", "Retail"],
      ["construction", "Construction"],
    ] as const
  ).map(([key, label]) =>
    define(
      `mix.industry.${key}`,
      `Revenue share: ${label}`,
      "total",
      "customer_mix",
      stock("%", 0),
    ),
  ),
  ...(
    [
      ["top_1_100", "top 1–100 clients"],
      ["top_101_200", "top 101–200 clients"],
      ["top_201_300", "top 201–300 clients"],
      ["top_301_400", "top 301–400 clients"],
      ["top_401_500", "top 401–500 clients"],
      ["top_501_plus", "clients 501 and below"],
    ] as const
  ).map(([key, label]) =>
    define(`mix.clients.${key}`, `Revenue share: ${label}`, "total", "customer_mix", stock("%", 0)),
  ),
];

const BY_ID = new Map(METRICS.map((metric) => [metric.id, metric]));

export function findMetric(id: string): Metric | undefined {
  return BY_ID.get(id);
}

/** The metric with this id, or an error that lists a few close ids a user may have meant. */
export function metricById(id: string): Metric {
  const metric = BY_ID.get(id);
  if (metric) return metric;
  const stem = id.split(".")[0] ?? id;
  const near = METRICS.filter((m) => m.id.startsWith(stem))
    .slice(0, 6)
    .map((m) => m.id);
  throw new UplinkError(
    "UNKNOWN_METRIC",
    `Unknown metric "${id}".${near.length ? ` Did you mean: ${near.join(", ")}?` : ""} \`uplink metrics\` lists them all.`,
  );
}
