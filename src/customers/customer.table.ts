/** Row types of group companies, customers and their contacts, as the query layer sees them. */
export interface GroupCompanyTable {
  id: string;
  name: string;
  parent_id: string | null;
  /** Exact decimal text, e.g. "79.5". */
  ownership_percent: string;
  functional_currency: string;
  /** ISO date from which the company is consolidated. */
  consolidated_from: string;
  relation: string;
}

export interface CustomerTable {
  id: string;
  name: string;
  industry: string;
  /** ISO 3166 alpha-2. */
  country: string;
  group_company_id: string;
  billing_currency: string;
  status: string;
  status_since: string;
  billing_address: string;
}

export interface CustomerContactTable {
  customer_id: string;
  email: string;
  name: string;
  role: string;
}
