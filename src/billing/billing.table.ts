/** Row types of billing runs, invoices and credit notes, FX rates and usage prices. */

/** One row per billing month: where its run stands. */
export interface BillingRunTable {
  month: string;
  /** running | completed | closed */
  status: string;
  /** Customers processed so far, in id order; the last of them. */
  customers_done: number;
  last_customer_id: string | null;
  invoices: number;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  closed_at: string | null;
}

/** Invoices and credit notes (`kind`), never updated once written. */
export interface InvoiceTable {
  id: string;
  kind: string;
  customer_id: string;
  group_company_id: string;
  month: string;
  issue_date: string;
  due_date: string;
  currency: string;
  bill_to_name: string;
  bill_to_address: string;
  /** Integer minor units of `currency`. The stores hand bigint columns back as number or string. */
  subtotal: bigint | number | string;
  tax: bigint | number | string;
  total: bigint | number | string;
  /** Exact decimal text: yen per unit of the invoice currency, when a rate was applied. */
  fx_rate: string | null;
  fx_rate_date: string | null;
  fx_source: string | null;
  credits_invoice_id: string | null;
  reason: string;
}

export interface InvoiceLineTable {
  invoice_id: string;
  line_no: number;
  customer_id: string;
  kind: string;
  description: string;
  product_line_id: string;
  revenue_metric: string;
  contract_id: string | null;
  project_id: string | null;
  delivery_id: string | null;
  service_from: string;
  service_to: string;
  /** Exact decimal text. */
  quantity: string;
  unit: string;
  days_charged: number | null;
  days_in_period: number | null;
  currency: string;
  amount: bigint | number | string;
  amount_yen: bigint | number | string;
  /** Exact decimal text, percent. */
  tax_rate_percent: string;
  net_share_percent: string | null;
  credits_line_no: number | null;
}

export interface BillingAnomalyTable {
  month: string;
  seq: number;
  kind: string;
  customer_id: string | null;
  contract_id: string | null;
  message: string;
}

export interface FxRateTable {
  currency: string;
  rate_date: string;
  /** Exact decimal text. */
  jpy_per_unit: string;
  source: string;
}

export interface UsagePriceTable {
  price_book_id: string;
  resource: string;
  effective_from: string;
  currency: string;
  /** Exact decimal text in major units. */
  unit_price: string;
}
