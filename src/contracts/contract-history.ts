import type { Money } from "../core/index.js";
import { type ContractEvent, compareContractEvents } from "./contract-event.js";

/** Ordered but not yet live, live, or ended. */
export type ContractStatus = "ordered" | "active" | "cancelled";
export const CONTRACT_STATUSES: readonly ContractStatus[] = ["ordered", "active", "cancelled"];

/** A contract as its history stands on a date: the fold of every event effective by then. */
export interface ContractState {
  readonly contractId: string;
  readonly customerId: string;
  readonly planId: string;
  readonly priceBookId: string;
  readonly status: ContractStatus;
  readonly bandwidthMbps: number | null;
  readonly quantity: number;
  /** The agreed monthly fee when it overrides the price book; null means list price. */
  readonly monthlyFee: Money | null;
  readonly orderedOn: string;
  readonly activatedOn: string | null;
  readonly cancelledOn: string | null;
  /** The date of the latest change of terms, if any. */
  readonly changedOn: string | null;
}

/** Where a history breaks the lifecycle: the event at fault and the field to blame. */
export interface HistoryProblem {
  readonly event: ContractEvent;
  readonly field: string;
  readonly message: string;
}

/**
 * The lifecycle rules of one contract's events (any order): one `ordered` event, first; at most one
 * activation and one cancellation; nothing after the cancellation; every event for the same
 * customer. Returns the first problem in history order, or undefined when the history is sound.
 */
export function contractHistoryProblem(
  events: readonly ContractEvent[],
): HistoryProblem | undefined {
  const sorted = [...events].sort(compareContractEvents);
  const [first] = sorted;
  if (!first) return undefined;
  if (first.kind !== "ordered") {
    const ordered = sorted.find((e) => e.kind === "ordered");
    return {
      event: ordered ?? first,
      field: ordered ? "effective_date" : "event",
      message: ordered
        ? `The contract ${first.contractId} is ${first.kind} on ${first.effectiveDate}, before it is ordered on ${ordered.effectiveDate}.`
        : `The contract ${first.contractId} has no ordered event; its history starts with one.`,
    };
  }
  let activated: ContractEvent | undefined;
  let cancelled: ContractEvent | undefined;
  for (const event of sorted.slice(1)) {
    if (event.customerId !== first.customerId) {
      return {
        event,
        field: "customer",
        message: `The contract ${event.contractId} belongs to ${first.customerId}, not ${event.customerId}.`,
      };
    }
    if (cancelled) {
      return {
        event,
        field: "effective_date",
        message: `The contract ${event.contractId} was cancelled on ${cancelled.effectiveDate}; nothing follows a cancellation.`,
      };
    }
    if (event.kind === "ordered") {
      return {
        event,
        field: "event",
        message: `The contract ${event.contractId} was already ordered on ${first.effectiveDate}.`,
      };
    }
    if (event.kind === "activated") {
      if (activated) {
        return {
          event,
          field: "event",
          message: `The contract ${event.contractId} was already activated on ${activated.effectiveDate}.`,
        };
      }
      activated = event;
    }
    if (event.kind === "cancelled") cancelled = event;
  }
  return undefined;
}

/**
 * The state of a contract on `date` (ISO): its events effective on or before that date, folded in
 * history order. Undefined before the contract is ordered. Pass the contract's whole history; the
 * events need not be sorted.
 */
export function contractStateOn(
  events: readonly ContractEvent[],
  date: string,
): ContractState | undefined {
  return foldContractEvents(events.filter((e) => e.effectiveDate <= date));
}

/** The state after every event of the history: what the record says today, whatever the date. */
export function latestContractState(events: readonly ContractEvent[]): ContractState | undefined {
  return foldContractEvents(events);
}

function foldContractEvents(events: readonly ContractEvent[]): ContractState | undefined {
  const sorted = [...events].sort(compareContractEvents);
  const ordered = sorted.find((e) => e.kind === "ordered");
  if (!ordered) return undefined;
  let state: ContractState = {
    contractId: ordered.contractId,
    customerId: ordered.customerId,
    planId: ordered.planId ?? "",
    priceBookId: ordered.priceBookId ?? "",
    status: "ordered",
    bandwidthMbps: null,
    quantity: 1,
    monthlyFee: null,
    orderedOn: ordered.effectiveDate,
    activatedOn: null,
    cancelledOn: null,
    changedOn: null,
  };
  for (const event of sorted) {
    const terms = {
      bandwidthMbps: event.bandwidthMbps ?? state.bandwidthMbps,
      quantity: event.quantity ?? state.quantity,
      monthlyFee: event.monthlyFee ?? state.monthlyFee,
    };
    switch (event.kind) {
      case "ordered":
        state = { ...state, ...terms };
        break;
      case "activated":
        state = { ...state, ...terms, status: "active", activatedOn: event.effectiveDate };
        break;
      case "changed":
        state = { ...state, ...terms, changedOn: event.effectiveDate };
        break;
      case "cancelled":
        state = { ...state, status: "cancelled", cancelledOn: event.effectiveDate };
        break;
    }
  }
  return state;
}
