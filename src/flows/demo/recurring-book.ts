import type { ContractEvent } from "../../contracts/index.js";
import { allocate, yen } from "../../core/index.js";
import type { DemoCustomer } from "./customer-population.js";
import type { SeededRandom } from "./seeded-random.js";

// The book of monthly contracts of one revenue line, grown month by month so that the fees in
// force each month add up exactly to the line's target: a month's new contracts carry the
// target's change plus what that month's cancellations took away. Every event falls on the 1st,
// so a month's fees are whole (billing prorates nothing in the demo's own book).

export interface PlanMix {
  readonly planId: string;
  readonly weight: number;
  /** Bandwidth tiers to draw from (tiered plans), with their relative chances. */
  readonly tiers?: readonly (readonly [number, number])[];
  /** Quantity range for per-unit plans (and sites or lines for tiered ones). */
  readonly quantity: readonly [number, number];
  /** The plan's list price for one unit or tier, to weigh fees by. */
  readonly listPrice: (bandwidthMbps: number | null) => number;
  /** The one-time set-up fee per unit on a date (billing charges it × quantity on activation). */
  readonly setupFee: (date: string, bandwidthMbps: number | null) => bigint;
  /** Counts toward contracted bandwidth (its bandwidth × quantity). */
  readonly countsTowardBandwidth: boolean;
}

export interface BookContract {
  readonly id: string;
  readonly customerId: string;
  readonly planId: string;
  readonly lineMetric: string;
  bandwidthMbps: number | null;
  readonly quantity: number;
  readonly monthlyFee: bigint;
  readonly countsTowardBandwidth: boolean;
  readonly ladder: readonly number[] | null;
  cancelled: boolean;
  /** Month index of the last change, so a contract changes at most once a month. */
  lastChangedMonth: number;
}

export interface BookState {
  readonly contracts: BookContract[];
  readonly events: ContractEvent[];
  readonly activeByCustomer: Map<string, number>;
  nextId: number;
}

export function newBookState(): BookState {
  return { contracts: [], events: [], activeByCustomer: new Map(), nextId: 1 };
}

export interface LineBookPlan {
  readonly lineMetric: string;
  readonly mix: readonly PlanMix[];
  /** Share of the book cancelled each month (by fee), before the target's change is added. */
  readonly monthlyChurn: number;
}

export interface ContractTerms {
  readonly plan: PlanMix;
  readonly bandwidthMbps: number | null;
  readonly quantity: number;
  /** The list price × quantity: how a cohort's fees are shared out. */
  readonly weight: number;
}

/** Draws new contracts' terms (plan, bandwidth, quantity) from the line's mix. */
export function drawTerms(
  mix: readonly PlanMix[],
  count: number,
  random: SeededRandom,
): ContractTerms[] {
  return Array.from({ length: count }, () => {
    const plan = random.weighted(mix.map((m) => [m, m.weight] as const));
    const bandwidthMbps = plan.tiers ? random.weighted(plan.tiers) : null;
    const quantity = random.integer(plan.quantity[0], plan.quantity[1]);
    return { plan, bandwidthMbps, quantity, weight: plan.listPrice(bandwidthMbps) * quantity };
  });
}

/** Opens contracts carrying exactly `total` yen a month between them, one per customer given. */
export function openContracts(
  state: BookState,
  line: LineBookPlan,
  total: bigint,
  terms: readonly ContractTerms[],
  customers: readonly DemoCustomer[],
  dates: (index: number) => { readonly ordered: string; readonly activated: string },
): BookContract[] {
  if (terms.length === 0 || total <= 0n) return [];
  const fees = allocate(
    yen(total),
    terms.map((t) => Math.max(1, Math.round(t.weight))),
  );
  return terms.map((t, i) => {
    const customer = customers[i]!;
    const contract: BookContract = {
      id: `CT${String(state.nextId++).padStart(7, "0")}`,
      customerId: customer.id,
      planId: t.plan.planId,
      lineMetric: line.lineMetric,
      bandwidthMbps: t.bandwidthMbps,
      quantity: t.quantity,
      monthlyFee: fees[i]!.amount,
      countsTowardBandwidth: t.plan.countsTowardBandwidth,
      ladder: t.plan.tiers ? t.plan.tiers.map(([tier]) => tier) : null,
      cancelled: false,
      lastChangedMonth: -1,
    };
    state.contracts.push(contract);
    state.activeByCustomer.set(customer.id, (state.activeByCustomer.get(customer.id) ?? 0) + 1);
    const { ordered, activated } = dates(i);
    const base = {
      contractId: contract.id,
      customerId: contract.customerId,
      bandwidthMbps: null,
      quantity: null,
      monthlyFee: null,
      planId: null,
      priceBookId: null,
      note: "",
    };
    state.events.push(
      {
        ...base,
        kind: "ordered",
        effectiveDate: ordered,
        planId: contract.planId,
        priceBookId: "standard",
        bandwidthMbps: contract.bandwidthMbps,
        quantity: contract.quantity,
        monthlyFee: yen(contract.monthlyFee),
      },
      { ...base, kind: "activated", effectiveDate: activated },
    );
    return contract;
  });
}

/**
 * Cancels active contracts of the line, at random, until their fees reach `atLeast`; a customer's
 * last contract is kept, so the demo's customers stay customers. Returns the fees cancelled.
 */
export function cancelContracts(
  state: BookState,
  lineMetric: string,
  atLeast: bigint,
  date: string,
  random: SeededRandom,
): bigint {
  if (atLeast <= 0n) return 0n;
  const candidates = state.contracts.filter((c) => c.lineMetric === lineMetric && !c.cancelled);
  let cancelled = 0n;
  let attempts = 0;
  while (cancelled < atLeast && candidates.length > 0 && attempts < candidates.length * 4) {
    attempts++;
    const index = random.integer(0, candidates.length - 1);
    const contract = candidates[index]!;
    if ((state.activeByCustomer.get(contract.customerId) ?? 0) <= 1) continue;
    candidates.splice(index, 1);
    contract.cancelled = true;
    state.activeByCustomer.set(
      contract.customerId,
      state.activeByCustomer.get(contract.customerId)! - 1,
    );
    cancelled += contract.monthlyFee;
    state.events.push({
      contractId: contract.id,
      customerId: contract.customerId,
      kind: "cancelled",
      effectiveDate: date,
      planId: null,
      priceBookId: null,
      bandwidthMbps: null,
      quantity: null,
      monthlyFee: null,
      note: "",
    });
  }
  return cancelled;
}

/** Fees in force on the line now (after this month's events). */
export function bookTotal(state: BookState, lineMetric: string): bigint {
  let total = 0n;
  for (const c of state.contracts)
    if (c.lineMetric === lineMetric && !c.cancelled) total += c.monthlyFee;
  return total;
}

/** Moves a contract to another bandwidth tier from `date`, keeping its fee (bandwidth migration). */
export function changeBandwidth(
  state: BookState,
  contract: BookContract,
  bandwidthMbps: number,
  month: number,
  date: string,
): void {
  contract.bandwidthMbps = bandwidthMbps;
  contract.lastChangedMonth = month;
  state.events.push({
    contractId: contract.id,
    customerId: contract.customerId,
    kind: "changed",
    effectiveDate: date,
    planId: null,
    priceBookId: null,
    bandwidthMbps,
    quantity: null,
    monthlyFee: null,
    note: bandwidthMbps > 0 ? "bandwidth migration" : "",
  });
}
