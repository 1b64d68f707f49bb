/** Row types of plans and price-book entries, as the query layer sees them. */
export interface PlanTable {
  id: string;
  name: string;
  line_id: string;
  charge_model: string;
  unit: string;
}

export interface PriceEntryTable {
  price_book_id: string;
  plan_id: string;
  /** ISO date from which the entry is in force. */
  effective_from: string;
  /** The tier's bandwidth in Mbps; 0 for an untiered entry. */
  tier_mbps: number;
  currency: string;
  /** Integer minor units (yen). The stores hand bigint columns back as number or string. */
  amount: bigint | number | string;
  setup_fee: bigint | number | string | null;
  burst_per_mbps: bigint | number | string | null;
  /** Exact decimal text, e.g. "12.5". */
  net_share_percent: string | null;
}
