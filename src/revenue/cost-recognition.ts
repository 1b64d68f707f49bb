import { lastDayOf } from "../core/index.js";
import { accountForMetric, type JournalEntry, PAYABLES } from "../ledger/index.js";
import { type CostRecord, costMetricId, type EquipmentDelivery } from "../operations/index.js";

/**
 * A month's cost record booked on the month's last day: the expense account of its segment and
 * category (cost of revenues, SG&A or R&D) against payables. A negative record (a reversal or a
 * supplier credit) books the other way.
 */
export function recognizeCostRecord(record: CostRecord): JournalEntry | null {
  if (record.amountYen === 0n) return null;
  return {
    id: `COST/${record.groupCompanyId}/${record.month}/${record.segment}/${record.category}`,
    date: lastDayOf(record.month),
    entity: record.groupCompanyId,
    description: `${record.segment} ${record.category.replaceAll("_", " ")} costs of ${record.month}`,
    source: {
      kind: "cost_record",
      id: `${record.groupCompanyId}/${record.month}/${record.segment}/${record.category}`,
    },
    lines: [
      {
        account: accountForMetric(costMetricId(record)).name,
        amount: record.amountYen,
        currency: "JPY",
      },
      { account: PAYABLES, amount: -record.amountYen, currency: "JPY" },
    ],
  };
}

/**
 * The cost of equipment delivered, on its delivery date (the revenue comes with the month's
 * invoice): equipment sales cost against payables, in the books of the company that sold it.
 */
export function recognizeDeliveryCost(
  delivery: EquipmentDelivery,
  entity: string,
): JournalEntry | null {
  if (delivery.costYen === 0n) return null;
  return {
    id: `DLV/${delivery.id}`,
    date: delivery.deliveredOn,
    entity,
    description: `Cost of equipment delivered: ${delivery.description} (${delivery.id})`,
    source: { kind: "delivery", id: delivery.id },
    lines: [
      {
        account: accountForMetric("cost.equipment").name,
        amount: delivery.costYen,
        currency: "JPY",
        customerId: delivery.customerId,
      },
      {
        account: PAYABLES,
        amount: -delivery.costYen,
        currency: "JPY",
        customerId: delivery.customerId,
      },
    ],
  };
}
