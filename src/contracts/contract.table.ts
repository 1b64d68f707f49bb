/** Row types of contracts and their append-only event history, as the query layer sees them. */
export interface ContractTable {
  id: string;
  customer_id: string;
  plan_id: string;
  price_book_id: string;
}

export interface ContractEventTable {
  customer_id: string;
  contract_id: string;
  /** ISO date; the event takes effect from the start of this day. */
  effective_date: string;
  event: string;
  bandwidth_mbps: number | null;
  quantity: number | null;
  /** Integer minor units; overrides the price book when set. */
  monthly_fee: bigint | number | string | null;
  currency: string | null;
  note: string;
}
