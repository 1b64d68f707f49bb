import { findProductLine, isTiered, listPlans, type Plan } from "../catalog/index.js";
import { formatLocation, type InputLocation, UplinkError } from "../core/index.js";
import { customersByIds } from "../customers/index.js";
import {
  checkEach,
  type Located,
  readCsvRecords,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import { insertContractEvents, loadContractHistories } from "./contract.repository.js";
import {
  CONTRACT_EVENT_FIELDS,
  type ContractEvent,
  contractEventDifference,
  contractEventFromRaw,
  contractEventKey,
  type RawContractEvent,
} from "./contract-event.js";
import { contractHistoryProblem } from "./contract-history.js";

/** What a contracts import did: events added and events already stored. */
export interface ContractImportOutcome {
  readonly file: string;
  readonly added: number;
  readonly unchanged: number;
}

/** Reads and validates a contracts file: one row per event. */
export function readContractFile(file: string): Located<ContractEvent>[] {
  const records = validateAll(
    readCsvRecords(file, {
      required: ["contract", "customer", "event", "effective_date"],
      optional: CONTRACT_EVENT_FIELDS.filter(
        (f) => !["contract", "customer", "event", "effective_date"].includes(f),
      ),
    }),
    ({ values, where }) => ({
      record: contractEventFromRaw(values as RawContractEvent, where),
      where,
    }),
    file,
  );
  refuseRepeatedKeys(records, contractEventKey, "event");
  return records;
}

/**
 * Imports contract events in one transaction. Each row must name a stored customer, and an
 * `ordered` row a stored plan (with a bandwidth if the plan is priced or counted by bandwidth);
 * other rows belong to a contract ordered in the store or the file. The events already stored
 * must agree with the file's: a contract's history is never edited, so a row that differs from a
 * stored event is a CONFLICT (record a `changed` event instead), and the merged history must keep
 * the lifecycle (ordered first; one activation; nothing after the cancellation).
 */
export async function importContractFile(
  store: Store,
  file: string,
): Promise<ContractImportOutcome> {
  const records = readContractFile(file);
  return store.db.transaction().execute(async (tx) => {
    const customers = await customersByIds(
      tx,
      records.map((r) => r.record.customerId),
    );
    const plans = new Map((await listPlans(tx)).map((p) => [p.id, p]));
    const stored = new Map(
      (
        await loadContractHistories(tx, {
          contractIds: records.map((r) => r.record.contractId),
        })
      ).map((h) => [h.contractId, h]),
    );
    const orderedInFile = new Map<string, ContractEvent>();
    for (const { record } of records) {
      if (record.kind === "ordered") orderedInFile.set(record.contractId, record);
    }

    checkEach(records, (event, where) => {
      const at = (field: string): { location: InputLocation } => ({
        location: { ...where, field },
      });
      const customer = customers.get(event.customerId);
      if (!customer) {
        throw new UplinkError(
          "INVALID_INPUT",
          `There is no customer "${event.customerId}".`,
          at("customer"),
        );
      }
      if (event.monthlyFee && event.monthlyFee.currency !== customer.billingCurrency) {
        throw new UplinkError(
          "INVALID_INPUT",
          `${customer.id} is billed in ${customer.billingCurrency}; the monthly fee is in ${event.monthlyFee.currency}.`,
          at("currency"),
        );
      }
      const contract = stored.get(event.contractId);
      const planId = contract?.planId ?? orderedInFile.get(event.contractId)?.planId;
      if (planId === undefined || planId === null) {
        throw new UplinkError(
          "INVALID_INPUT",
          `The contract ${event.contractId} is not ordered in the store or in this file.`,
          at("contract"),
        );
      }
      if (event.planId !== null && event.planId !== planId) {
        throw new UplinkError(
          "INVALID_INPUT",
          `The contract ${event.contractId} is on plan ${planId}; a contract keeps its plan (another plan is a new contract).`,
          at("plan"),
        );
      }
      const plan = plans.get(planId);
      if (!plan) {
        throw new UplinkError(
          "INVALID_INPUT",
          `There is no plan "${planId}"; import the catalog first.`,
          at("plan"),
        );
      }
      if (event.kind === "ordered" && event.bandwidthMbps === null && needsBandwidth(plan)) {
        throw new UplinkError(
          "INVALID_INPUT",
          `The plan ${plan.id} is priced or counted by bandwidth; give bandwidth_mbps.`,
          at("bandwidth_mbps"),
        );
      }
    });

    const storedEvents = new Map<string, ContractEvent>();
    for (const history of stored.values()) {
      for (const event of history.events) storedEvents.set(contractEventKey(event), event);
    }
    const added: Located<ContractEvent>[] = [];
    let unchanged = 0;
    const conflicts: UplinkError[] = [];
    for (const { record: event, where } of records) {
      const before = storedEvents.get(contractEventKey(event));
      const field = before && contractEventDifference(before, event);
      if (!before) added.push({ record: event, where });
      else if (field === undefined) unchanged++;
      else {
        conflicts.push(
          new UplinkError(
            "CONFLICT",
            `The ${event.kind} event of ${event.contractId} on ${event.effectiveDate} is already stored with another ${field}. A contract's history is never edited: record a "changed" event instead. Nothing was imported.`,
            { location: { ...where, field } },
          ),
        );
      }
    }
    if (conflicts.length > 0) throw oneConflict(conflicts);

    checkHistories(added, stored);
    await insertContractEvents(
      tx,
      added.map((a) => a.record),
    );
    return { file, added: added.length, unchanged };
  });
}

function needsBandwidth(plan: Plan): boolean {
  return (
    isTiered(plan.chargeModel) || (findProductLine(plan.lineId)?.countsTowardBandwidth ?? false)
  );
}

/** Checks the lifecycle of every contract the file adds to, on its merged history. */
function checkHistories(
  added: readonly Located<ContractEvent>[],
  stored: ReadonlyMap<string, { readonly events: readonly ContractEvent[] }>,
): void {
  const byContract = new Map<string, Located<ContractEvent>[]>();
  for (const item of added) {
    const list = byContract.get(item.record.contractId) ?? [];
    list.push(item);
    byContract.set(item.record.contractId, list);
  }
  const problems: Located<{ field: string; message: string }>[] = [];
  for (const [contractId, incoming] of byContract) {
    const merged = [...(stored.get(contractId)?.events ?? []), ...incoming.map((i) => i.record)];
    const problem = contractHistoryProblem(merged);
    if (!problem) continue;
    // Blame the row of the event at fault, or the contract's first new row if a stored event is.
    const row = incoming.find((i) => i.record === problem.event) ?? incoming[0]!;
    problems.push({ record: { field: problem.field, message: problem.message }, where: row.where });
  }
  problems.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0));
  checkEach(problems, (problem, where) => {
    throw new UplinkError("INVALID_INPUT", problem.message, {
      location: { ...where, field: problem.field },
    });
  });
}

function oneConflict(conflicts: readonly UplinkError[]): UplinkError {
  const first = conflicts[0]!;
  if (conflicts.length === 1) return first;
  const shown = conflicts.slice(0, 20).map((c) => `  ${formatLocation(c.location)}: ${c.message}`);
  const more = conflicts.length > 20 ? [`  … and ${conflicts.length - 20} more`] : [];
  return new UplinkError(
    "CONFLICT",
    `${conflicts.length} rows differ from stored events; nothing was written:\n${[...shown, ...more].join("\n")}`,
    { cause: first, location: first.location },
  );
}
