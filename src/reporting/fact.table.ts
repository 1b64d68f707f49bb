/** Row types of the facts store, as the query layer sees them. */
export interface FactTable {
  metric: string;
  entity: string;
  period: string;
  scenario: string;
  /** Exact decimal text in the metric's base unit. */
  value: string;
  unit: string;
  resolution: string;
  source: string;
}
