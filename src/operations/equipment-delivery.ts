import { type InputLocation, UplinkError } from "../core/index.js";
import { recordFields } from "../input/index.js";
import { firstDifference } from "./first-difference.js";

/**
 * Equipment sold and delivered to a customer: revenue and its cost on the delivery date. The
 * order was received on `orderedOn` (the delivery date when not told otherwise); until delivery
 * it sits in the construction order backlog, as the presentation counts equipment orders there.
 * A project id links equipment sold alongside an SI project; its amount is not part of the
 * project's order value.
 */
export interface EquipmentDelivery {
  readonly id: string;
  readonly customerId: string;
  readonly projectId: string | null;
  readonly orderedOn: string;
  readonly deliveredOn: string;
  readonly amountYen: bigint;
  readonly costYen: bigint;
  readonly description: string;
}

export const DELIVERY_FIELDS = [
  "id",
  "customer",
  "project",
  "ordered_on",
  "delivered_on",
  "amount_yen",
  "cost_yen",
  "description",
] as const;
export const DELIVERY_REQUIRED_FIELDS = [
  "id",
  "customer",
  "delivered_on",
  "amount_yen",
  "cost_yen",
] as const;

export function deliveryFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): EquipmentDelivery {
  const f = recordFields(values, where);
  const id = f.id("id");
  const customerId = f.id("customer");
  const projectId = f.optionalId("project") ?? null;
  const deliveredOn = f.date("delivered_on");
  const orderedOn = f.optionalDate("ordered_on") ?? deliveredOn;
  if (orderedOn > deliveredOn) {
    throw new UplinkError(
      "INVALID_INPUT",
      `Ordered on ${orderedOn}, after the delivery of ${deliveredOn}.`,
      { location: f.at("ordered_on") },
    );
  }
  return {
    id,
    customerId,
    projectId,
    orderedOn,
    deliveredOn,
    amountYen: f.yen("amount_yen", 0n),
    costYen: f.yen("cost_yen", 0n),
    description: f.optionalText("description") ?? "",
  };
}

export function deliveryDifference(a: EquipmentDelivery, b: EquipmentDelivery): string | undefined {
  return firstDifference([
    ["customer", a.customerId, b.customerId],
    ["project", a.projectId, b.projectId],
    ["ordered_on", a.orderedOn, b.orderedOn],
    ["delivered_on", a.deliveredOn, b.deliveredOn],
    ["amount_yen", a.amountYen, b.amountYen],
    ["cost_yen", a.costYen, b.costYen],
    ["description", a.description, b.description],
  ]);
}
