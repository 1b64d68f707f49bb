import { UplinkError } from "../core/index.js";

/** The five kinds of account of a double-entry ledger. */
export type AccountType = "asset" | "liability" | "equity" | "revenue" | "expense";
export const ACCOUNT_TYPES: readonly AccountType[] = [
  "asset",
  "liability",
  "equity",
  "revenue",
  "expense",
];

/**
 * An account of a group company's chart. `name` is written as hledger writes it
 * ("Assets:Receivables", "Revenue:Network:WAN"). Amounts are signed: a debit is positive, a
 * credit negative; `normalSign` is the sign of the account's usual balance (+1 for assets and
 * expenses, −1 for liabilities, equity and revenue). `metric` is the catalogue id the account feeds
 * (if any) and `metricSign` turns the balance into that metric's value: revenue is stored as a
 * credit (negative) and reported positive, so its `metricSign` is −1.
 */
export interface Account {
  readonly name: string;
  readonly type: AccountType;
  readonly normalSign: 1 | -1;
  readonly metric: string | null;
  readonly metricSign: 1 | -1;
  readonly label: string;
}

/** Balance-sheet accounts carry their balance forward; revenue and expense start each period at zero. */
export function isBalanceSheet(type: AccountType): boolean {
  return type === "asset" || type === "liability" || type === "equity";
}

export function normalSignOf(type: AccountType): 1 | -1 {
  return type === "asset" || type === "expense" ? 1 : -1;
}

const ACCOUNT_NAME = /^(Assets|Liabilities|Equity|Revenue|Expenses)(:[A-Za-z][A-Za-z0-9]*)+$/;
const TOP_LEVEL: Readonly<Record<AccountType, string>> = {
  asset: "Assets",
  liability: "Liabilities",
  equity: "Equity",
  revenue: "Revenue",
  expense: "Expenses",
};

/** The account's type as its name's top level says ("Assets:…" is an asset). */
export function accountTypeOfName(name: string): AccountType | undefined {
  const top = name.split(":", 1)[0];
  return ACCOUNT_TYPES.find((type) => TOP_LEVEL[type] === top);
}

/**
 * Checks an account definition: a colon-separated name under the top-level account of its type
 * (hledger infers the type from it), segments of letters and digits (no spaces, so that the
 * journal export never needs quoting).
 */
export function checkAccount(account: Account): Account {
  if (!ACCOUNT_NAME.test(account.name)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The account name "${account.name}" must be segments of letters and digits joined by ":", under Assets, Liabilities, Equity, Revenue or Expenses.`,
    );
  }
  const top = TOP_LEVEL[account.type];
  if (!account.name.startsWith(`${top}:`)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The ${account.type} account "${account.name}" must sit under "${top}".`,
    );
  }
  if (account.normalSign !== normalSignOf(account.type)) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The normal sign of the ${account.type} account "${account.name}" is ${normalSignOf(account.type)}.`,
    );
  }
  return account;
}

const define = (
  name: string,
  type: AccountType,
  label: string,
  metric: string | null = null,
  metricSign: 1 | -1 = normalSignOf(type),
): Account =>
  checkAccount({ name, type, normalSign: normalSignOf(type), metric, metricSign, label });

// Accounts the ledger's own rules post to.
export const RETAINED_EARNINGS = "Equity:RetainedEarnings";
export const TRANSLATION_ADJUSTMENT = "Equity:AccumulatedOCI:TranslationAdjustment";
export const NCI_EQUITY = "Equity:NoncontrollingInterests";
export const NCI_INCOME = "Expenses:NoncontrollingInterests";
export const EQUITY_METHOD_INVESTMENTS = "Assets:Investments:EquityMethod";
export const EQUITY_METHOD_INCOME = "Revenue:EquityMethodIncome";
export const INTERCOMPANY_DIFFERENCE = "Expenses:Other:IntercompanyDifference";
// Accounts revenue recognition and settlement post to.
export const CASH = "Assets:Cash";
export const RECEIVABLES = "Assets:Receivables";
export const PAYABLES = "Liabilities:Payables";
export const DEFERRED_REVENUE = "Liabilities:DeferredRevenue";
export const CONSUMPTION_TAX_PAYABLE = "Liabilities:ConsumptionTax";

/**
 * The standard chart every group company starts with: each revenue line and cost category of the
 * metric catalogue, SG&A and R&D, other income and expense, tax, equity-method income and
 * non-controlling interests, and the balance sheet. Metric ids are the reporting catalogue's; an
 * account with `null` feeds no published line yet (deferred revenue, share capital, NCI equity,
 * consumption tax).
 */
export const STANDARD_CHART: readonly Account[] = [
  // Balance sheet: assets
  define(CASH, "asset", "Cash and cash equivalents", "bs.cash"),
  define(RECEIVABLES, "asset", "Accounts receivable", "bs.accounts_receivable"),
  // Balances brought forward from books kept elsewhere: reported with their line, but apart from
  // the invoices the monthly settlement collects.
  define(
    "Assets:Receivables:BroughtForward",
    "asset",
    "Accounts receivable brought forward",
    "bs.accounts_receivable",
  ),
  define("Assets:Inventories", "asset", "Inventories", "bs.inventories"),
  define("Assets:PrepaidExpenses", "asset", "Prepaid expenses", "bs.prepaid_expenses"),
  define("Assets:PropertyAndEquipment", "asset", "Property and equipment", "bs.property_equipment"),
  define(
    "Assets:GoodwillAndIntangibles",
    "asset",
    "Goodwill and other intangibles",
    "bs.goodwill_intangibles",
  ),
  define("Assets:Investments:Other", "asset", "Other investments", "bs.other_investments"),
  define(EQUITY_METHOD_INVESTMENTS, "asset", "Investments in equity-method investees"),
  define("Assets:Intercompany", "asset", "Receivables from group companies"),
  define("Assets:Other", "asset", "Other assets"),
  // Balance sheet: liabilities
  define(PAYABLES, "liability", "Accounts payable", "bs.accounts_payable"),
  define(
    "Liabilities:Payables:BroughtForward",
    "liability",
    "Accounts payable brought forward",
    "bs.accounts_payable",
  ),
  define(DEFERRED_REVENUE, "liability", "Deferred revenue (initial set-up fees)"),
  define(CONSUMPTION_TAX_PAYABLE, "liability", "Consumption tax payable"),
  define("Liabilities:IncomeTaxes", "liability", "Income taxes payable", "bs.income_taxes_payable"),
  define("Liabilities:Borrowings", "liability", "Borrowings", "bs.borrowings"),
  define(
    "Liabilities:CapitalLeases",
    "liability",
    "Capital lease obligations",
    "bs.capital_lease_obligations",
  ),
  define("Liabilities:Intercompany", "liability", "Payables to group companies"),
  define("Liabilities:Other", "liability", "Other liabilities"),
  // Balance sheet: equity
  define("Equity:CommonStock", "equity", "Common stock and additional paid-in capital"),
  define(
    RETAINED_EARNINGS,
    "equity",
    "Retained earnings (accumulated deficit)",
    "bs.accumulated_deficit",
  ),
  define(
    TRANSLATION_ADJUSTMENT,
    "equity",
    "Accumulated other comprehensive income: translation adjustment",
    "bs.accumulated_other_comprehensive_loss",
  ),
  define(NCI_EQUITY, "equity", "Non-controlling interests"),
  // Revenue, one account per line of the catalogue
  define(
    "Revenue:Network:ConnectivityCorporate",
    "revenue",
    "Internet connectivity (corporate)",
    "revenue.network.connectivity_corporate",
  ),
  define(
    "Revenue:Network:ConnectivityHome",
    "revenue",
    "Internet connectivity (home)",
    "revenue.network.connectivity_home",
  ),
  define("Revenue:Network:WAN", "revenue", "WAN services", "revenue.network.wan"),
  define(
    "Revenue:Network:Outsourcing",
    "revenue",
    "Outsourcing services",
    "revenue.network.outsourcing",
  ),
  define("Revenue:SI:Construction", "revenue", "Systems construction", "revenue.si.construction"),
  define(
    "Revenue:SI:Operation",
    "revenue",
    "Systems operation and maintenance",
    "revenue.si.operation",
  ),
  define("Revenue:Equipment", "revenue", "Equipment sales", "revenue.equipment"),
  define("Revenue:ATM", "revenue", "ATM operation business", "revenue.atm"),
  define("Revenue:OtherIncome", "revenue", "Other income", "other_income_expense"),
  define(EQUITY_METHOD_INCOME, "revenue", "Equity in income of investees", "equity_method_income"),
  // Cost of revenues, each category per segment
  define("Expenses:Cost:Network:Circuit", "expense", "Circuit related", "cost.network.circuit"),
  define(
    "Expenses:Cost:Network:NetworkOperation",
    "expense",
    "Network operation related",
    "cost.network.network_operation",
  ),
  define(
    "Expenses:Cost:Network:Personnel",
    "expense",
    "Personnel related (network)",
    "cost.network.personnel",
  ),
  define(
    "Expenses:Cost:Network:Outsourcing",
    "expense",
    "Outsourcing (network)",
    "cost.network.outsourcing",
  ),
  define("Expenses:Cost:Network:Other", "expense", "Others (network)", "cost.network.other"),
  define("Expenses:Cost:SI:Purchasing", "expense", "Purchasing", "cost.si.purchasing"),
  define("Expenses:Cost:SI:Outsourcing", "expense", "Outsourcing (SI)", "cost.si.outsourcing"),
  define("Expenses:Cost:SI:Personnel", "expense", "Personnel related (SI)", "cost.si.personnel"),
  define(
    "Expenses:Cost:SI:NetworkOperation",
    "expense",
    "Network operation related (SI)",
    "cost.si.network_operation",
  ),
  define("Expenses:Cost:SI:Other", "expense", "Others (SI)", "cost.si.other"),
  define("Expenses:Cost:Equipment", "expense", "Equipment sales cost", "cost.equipment"),
  define("Expenses:Cost:ATM", "expense", "ATM operation cost", "cost.atm"),
  // SG&A and R&D
  define("Expenses:SGA:SalesMarketing", "expense", "Sales and marketing", "sga.sales_marketing"),
  define("Expenses:SGA:GeneralAdmin", "expense", "General and administrative", "sga.general_admin"),
  define("Expenses:SGA:RnD", "expense", "Research and development", "sga.rnd"),
  // Below operating income
  define("Expenses:Other:Expense", "expense", "Other expense", "other_income_expense", -1),
  define(
    INTERCOMPANY_DIFFERENCE,
    "expense",
    "Unmatched intercompany balances on elimination",
    "other_income_expense",
    -1,
  ),
  define("Expenses:IncomeTax", "expense", "Income tax expense", "income_tax"),
  define(
    NCI_INCOME,
    "expense",
    "Net income attributable to non-controlling interests",
    "noncontrolling_interests",
  ),
];

const STANDARD_BY_NAME = new Map(STANDARD_CHART.map((account) => [account.name, account]));

/** The standard account with this name, if there is one. */
export function standardAccount(name: string): Account | undefined {
  return STANDARD_BY_NAME.get(name);
}

/** Maps each revenue or cost metric id to its standard account ("revenue.network.wan" → "Revenue:Network:WAN"). */
export function accountForMetric(metric: string): Account {
  const account = STANDARD_CHART.find((a) => a.metric === metric && a.metricSign === a.normalSign);
  if (!account) {
    throw new UplinkError("NOT_FOUND", `No account of the standard chart feeds "${metric}".`);
  }
  return account;
}
