/** Row type of equipment deliveries, as the query layer sees it. */
export interface EquipmentDeliveryTable {
  id: string;
  customer_id: string;
  project_id: string | null;
  ordered_on: string;
  delivered_on: string;
  /** Integer yen. The stores hand bigint columns back as number or string. */
  amount_yen: bigint | number | string;
  cost_yen: bigint | number | string;
  description: string;
}
