import { STANDARD_PRICE_BOOK } from "../catalog/index.js";
import { type InputLocation, type Money, money } from "../core/index.js";
import { recordFields } from "../input/index.js";

/**
 * The lifecycle of a service contract: ordered → activated → changed (any number of times) →
 * cancelled. Each event takes effect from the start of its date; on one date they apply in this
 * order, so a contract ordered and activated on the same day is active that day.
 */
export type ContractEventKind = "ordered" | "activated" | "changed" | "cancelled";
export const CONTRACT_EVENT_KINDS: readonly ContractEventKind[] = [
  "ordered",
  "activated",
  "changed",
  "cancelled",
];

/**
 * One event of a contract's history; never edited once stored. `planId` and `priceBookId` are set
 * on the `ordered` event only (a contract keeps its plan; moving to another plan is a new
 * contract). Bandwidth, quantity and monthly fee set on an event hold until a later event changes
 * them; a monthly fee overrides the price book.
 */
export interface ContractEvent {
  readonly contractId: string;
  readonly customerId: string;
  readonly kind: ContractEventKind;
  readonly effectiveDate: string;
  readonly planId: string | null;
  readonly priceBookId: string | null;
  readonly bandwidthMbps: number | null;
  readonly quantity: number | null;
  readonly monthlyFee: Money | null;
  readonly note: string;
}

export const CONTRACT_EVENT_FIELDS = [
  "contract",
  "customer",
  "plan",
  "event",
  "effective_date",
  "bandwidth_mbps",
  "quantity",
  "monthly_fee",
  "currency",
  "price_book",
  "note",
] as const;

export type RawContractEvent = Partial<Record<(typeof CONTRACT_EVENT_FIELDS)[number], string>>;

/** The identity of an event: one event of a kind per contract and date. */
export function contractEventKey(
  event: Pick<ContractEvent, "contractId" | "effectiveDate" | "kind">,
): string {
  return `${event.contractId}|${event.effectiveDate}|${event.kind}`;
}

/** History order: by date, then ordered, activated, changed, cancelled within a date. */
export function compareContractEvents(a: ContractEvent, b: ContractEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  return CONTRACT_EVENT_KINDS.indexOf(a.kind) - CONTRACT_EVENT_KINDS.indexOf(b.kind);
}

/**
 * Validates one written event (a row of a contracts file). An `ordered` row names the plan (and
 * optionally the price book, default "standard"); a `changed` row says what changed; a
 * `cancelled` row carries no terms.
 */
export function contractEventFromRaw(raw: RawContractEvent, where: InputLocation): ContractEvent {
  const f = recordFields(raw, where);
  const kind = f.oneOf("event", CONTRACT_EVENT_KINDS);
  const currency = f.currency("currency", "JPY");
  const fee = f.optionalAmount("monthly_fee", currency);
  const bandwidthMbps = f.optionalInteger("bandwidth_mbps", 1) ?? null;
  const quantity = f.optionalInteger("quantity", 1) ?? null;
  const plan = f.optionalId("plan");
  const priceBook = f.optionalId("price_book");
  if (kind === "ordered" && plan === undefined) f.fail("plan", "An ordered event names its plan.");
  if (kind !== "ordered" && priceBook !== undefined) {
    f.fail("price_book", "The price book is chosen on the ordered event only.");
  }
  if (kind === "changed" && bandwidthMbps === null && quantity === null && fee === undefined) {
    f.fail("event", "A changed event says what changed: bandwidth_mbps, quantity or monthly_fee.");
  }
  if (kind === "cancelled") {
    if (bandwidthMbps !== null) f.fail("bandwidth_mbps", "A cancellation carries no bandwidth.");
    if (quantity !== null) f.fail("quantity", "A cancellation carries no quantity.");
    if (fee !== undefined) f.fail("monthly_fee", "A cancellation carries no monthly fee.");
  }
  return {
    contractId: f.id("contract"),
    customerId: f.id("customer"),
    kind,
    effectiveDate: f.date("effective_date"),
    // Kept on any row so that the import can check it against the contract's plan.
    planId: plan ?? null,
    priceBookId: kind === "ordered" ? (priceBook ?? STANDARD_PRICE_BOOK) : null,
    bandwidthMbps,
    quantity,
    monthlyFee: fee === undefined ? null : money(fee, currency),
    note: f.optionalText("note") ?? "",
  };
}

/** The file's name of the first field in which two events with the same key differ, if any. */
export function contractEventDifference(a: ContractEvent, b: ContractEvent): string | undefined {
  if (a.customerId !== b.customerId) return "customer";
  if (a.kind === "ordered" && a.planId !== b.planId) return "plan";
  if (a.priceBookId !== b.priceBookId) return "price_book";
  if (a.bandwidthMbps !== b.bandwidthMbps) return "bandwidth_mbps";
  if (a.quantity !== b.quantity) return "quantity";
  if (a.monthlyFee?.currency !== b.monthlyFee?.currency) return "currency";
  if (a.monthlyFee?.amount !== b.monthlyFee?.amount) return "monthly_fee";
  if (a.note !== b.note) return "note";
  return undefined;
}
