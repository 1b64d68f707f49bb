/** Row types of SI projects and their progress reports, as the query layer sees them. */
export interface SiProjectTable {
  id: string;
  customer_id: string;
  name: string;
  /** construction | operation */
  kind: string;
  /** percentage_of_completion | on_acceptance | monthly */
  recognition: string;
  ordered_on: string;
  /** Integer yen. The stores hand bigint columns back as number or string. */
  order_value_yen: bigint | number | string;
  follows_project_id: string | null;
  accepted_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  monthly_fee_yen: bigint | number | string | null;
}

export interface SiProjectProgressTable {
  project_id: string;
  customer_id: string;
  reported_on: string;
  /** Exact decimal text, 0–100. */
  percent_complete: string;
}
