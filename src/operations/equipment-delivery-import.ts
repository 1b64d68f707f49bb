import { UplinkError } from "../core/index.js";
import { customersByIds, type ImportOptions, type ImportOutcome } from "../customers/index.js";
import {
  checkEach,
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import {
  DELIVERY_FIELDS,
  DELIVERY_REQUIRED_FIELDS,
  deliveryDifference,
  deliveryFromRaw,
  type EquipmentDelivery,
} from "./equipment-delivery.js";
import {
  deliveriesById,
  insertDeliveries,
  updateDeliveries,
} from "./equipment-delivery.repository.js";
import { importOutcome, optionalColumns } from "./import-outcome.js";
import { projectsById } from "./si-project.repository.js";

export function readDeliveryFile(file: string): Located<EquipmentDelivery>[] {
  const records = validateAll(
    readCsvRecords(file, {
      required: DELIVERY_REQUIRED_FIELDS,
      optional: optionalColumns(DELIVERY_FIELDS, DELIVERY_REQUIRED_FIELDS),
    }),
    ({ values, where }) => ({ record: deliveryFromRaw(values, where), where }),
    file,
  );
  refuseRepeatedKeys(records, (d) => `Delivery ${d.id}`, "id");
  return records;
}

/**
 * Imports equipment deliveries in one transaction: every customer must exist, and a project must
 * be a stored project of the same customer.
 */
export async function importDeliveryFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const located = readDeliveryFile(file);
  const deliveries = located.map((l) => l.record);
  return store.db.transaction().execute(async (tx) => {
    const customers = await customersByIds(
      tx,
      deliveries.map((d) => d.customerId),
    );
    const projects = await projectsById(
      tx,
      deliveries.flatMap((d) => (d.projectId ? [d.projectId] : [])),
    );
    checkEach(located, (delivery, where) => {
      const fail = (field: string, message: string): never => {
        throw new UplinkError("INVALID_INPUT", message, { location: { ...where, field } });
      };
      if (!customers.has(delivery.customerId)) {
        fail("customer", `Unknown customer "${delivery.customerId}"; import customers first.`);
      }
      if (delivery.projectId === null) return;
      const project = projects.get(delivery.projectId);
      if (!project)
        fail("project", `Unknown project "${delivery.projectId}"; import projects first.`);
      else if (project.customerId !== delivery.customerId) {
        fail(
          "project",
          `Project ${project.id} belongs to customer ${project.customerId}, not ${delivery.customerId}.`,
        );
      }
    });
    const stored = await deliveriesById(
      tx,
      deliveries.map((d) => d.id),
    );
    const plan = reconcile(located, stored, {
      key: (d) => d.id,
      difference: deliveryDifference,
      describe: (d) => `Delivery ${d.id}`,
      replace: options.replace ?? false,
    });
    await insertDeliveries(tx, plan.added);
    await updateDeliveries(tx, plan.replaced);
    return importOutcome(file, plan);
  });
}
