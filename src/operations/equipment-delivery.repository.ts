import type { Kysely, Transaction } from "kysely";
import { bigintFromColumn, type Database } from "../store/index.js";
import { batches } from "./batches.js";
import type { EquipmentDelivery } from "./equipment-delivery.js";
import type { EquipmentDeliveryTable } from "./equipment-delivery.table.js";

export interface DeliveryFilter {
  readonly customerId?: string | undefined;
  /** Delivered from this day through `deliveredTo`, both included. */
  readonly deliveredFrom?: string | undefined;
  readonly deliveredTo?: string | undefined;
  readonly limit?: number | undefined;
}

/** Inserts new deliveries in batches inside the caller's transaction. */
export async function insertDeliveries(
  tx: Transaction<Database>,
  deliveries: readonly EquipmentDelivery[],
): Promise<void> {
  for (const batch of batches(deliveries.map(rowFromDelivery))) {
    await tx.insertInto("equipment_deliveries").values(batch).execute();
  }
}

export async function updateDeliveries(
  tx: Transaction<Database>,
  deliveries: readonly EquipmentDelivery[],
): Promise<void> {
  for (const delivery of deliveries) {
    await tx
      .updateTable("equipment_deliveries")
      .set(rowFromDelivery(delivery))
      .where("id", "=", delivery.id)
      .execute();
  }
}

export async function listDeliveries(
  db: Kysely<Database>,
  filter: DeliveryFilter = {},
): Promise<EquipmentDelivery[]> {
  let query = db.selectFrom("equipment_deliveries").selectAll();
  if (filter.customerId) query = query.where("customer_id", "=", filter.customerId);
  if (filter.deliveredFrom) query = query.where("delivered_on", ">=", filter.deliveredFrom);
  if (filter.deliveredTo) query = query.where("delivered_on", "<=", filter.deliveredTo);
  query = query.orderBy("delivered_on").orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(deliveryFromRow);
}

/** The stored deliveries among `ids`, by id. */
export async function deliveriesById(
  db: Kysely<Database>,
  ids: Iterable<string>,
): Promise<Map<string, EquipmentDelivery>> {
  const found = new Map<string, EquipmentDelivery>();
  for (const batch of batches([...new Set(ids)])) {
    const rows = await db
      .selectFrom("equipment_deliveries")
      .selectAll()
      .where("id", "in", batch)
      .execute();
    for (const row of rows) found.set(row.id, deliveryFromRow(row));
  }
  return found;
}

export function deliveryFromRow(row: EquipmentDeliveryTable): EquipmentDelivery {
  return {
    id: row.id,
    customerId: row.customer_id,
    projectId: row.project_id,
    orderedOn: row.ordered_on,
    deliveredOn: row.delivered_on,
    amountYen: bigintFromColumn(row.amount_yen),
    costYen: bigintFromColumn(row.cost_yen),
    description: row.description,
  };
}

function rowFromDelivery(delivery: EquipmentDelivery): EquipmentDeliveryTable {
  return {
    id: delivery.id,
    customer_id: delivery.customerId,
    project_id: delivery.projectId,
    ordered_on: delivery.orderedOn,
    delivered_on: delivery.deliveredOn,
    amount_yen: delivery.amountYen,
    cost_yen: delivery.costYen,
    description: delivery.description,
  };
}
