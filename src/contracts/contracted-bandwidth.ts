import { Decimal } from "../core/index.js";
import type { ContractEvent } from "./contract-event.js";
import { contractStateOn } from "./contract-history.js";

/** Contracts at or above this bandwidth count as "over 1 Gbps" (the presentation's KPI). */
export const ONE_GBPS_IN_MBPS = 1000;

/**
 * The contracted-bandwidth KPIs on a date: the sum over active contracts of bandwidth-counted lines
 * (IP service, data-center connectivity, fiber/DSL access) of bandwidth × quantity, and how many of
 * those contracts run at 1 Gbps or more per circuit.
 */
export interface ContractedBandwidth {
  readonly date: string;
  readonly totalMbps: bigint;
  /** totalMbps / 1000, exact (1 Gbps = 1,000 Mbps). */
  readonly gbps: Decimal;
  /** Active bandwidth-counted contracts. */
  readonly contracts: number;
  readonly contractsOver1Gbps: number;
}

/**
 * Folds each contract's history to `date` and sums the active ones whose plan counts toward
 * contracted bandwidth. Pure: `countsTowardBandwidth` says which plans do (from their product line).
 */
export function contractedBandwidth(
  histories: Iterable<readonly ContractEvent[]>,
  countsTowardBandwidth: (planId: string) => boolean,
  date: string,
): ContractedBandwidth {
  let totalMbps = 0n;
  let contracts = 0;
  let contractsOver1Gbps = 0;
  for (const events of histories) {
    const state = contractStateOn(events, date);
    if (state?.status !== "active" || !countsTowardBandwidth(state.planId)) continue;
    const bandwidth = state.bandwidthMbps ?? 0;
    contracts++;
    totalMbps += BigInt(bandwidth) * BigInt(state.quantity);
    if (bandwidth >= ONE_GBPS_IN_MBPS) contractsOver1Gbps++;
  }
  return {
    date,
    totalMbps,
    gbps: new Decimal(totalMbps.toString()).div(ONE_GBPS_IN_MBPS),
    contracts,
    contractsOver1Gbps,
  };
}
