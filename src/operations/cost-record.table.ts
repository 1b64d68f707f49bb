/** Row type of monthly cost and SG&A records, as the query layer sees it. */
export interface CostRecordTable {
  /** Calendar month, `YYYY-MM`. */
  month: string;
  group_company_id: string;
  /** network | si | equipment | atm | sga */
  segment: string;
  category: string;
  /** Integer yen. The stores hand bigint columns back as number or string. */
  amount_yen: bigint | number | string;
}
