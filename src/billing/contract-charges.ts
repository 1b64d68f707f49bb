import { isTiered, type Plan } from "../catalog/index.js";
import type { ContractHistory, ContractState } from "../contracts/index.js";
import {
  Decimal,
  daysInMonth,
  firstDayOf,
  lastDayOf,
  type Money,
  money,
  UplinkError,
} from "../core/index.js";
import type { MonthlyPercentile } from "../metering/index.js";
import type { BillingAnomaly } from "./billing-anomaly.js";
import { type BillingCatalog, entryOn, planOf, productLineOf } from "./billing-catalog.js";
import { divideHalfUp } from "./exchange-rate.js";
import type { InvoiceLine } from "./invoice.js";
import { activeSegments, prorate, type ServiceSegment } from "./proration.js";
import { usageCharge, usagePriceOn } from "./usage-price.js";

/** A rated charge before it is put on an invoice: its price is in the price's own currency. */
export interface Charge
  extends Omit<
    InvoiceLine,
    "lineNo" | "amount" | "amountYen" | "taxRatePercent" | "creditsLineNo"
  > {
  readonly price: Money;
}

interface ChargeFields {
  readonly kind: Charge["kind"];
  readonly description: string;
  readonly serviceFrom: string;
  readonly serviceTo: string;
  readonly quantity: string;
  readonly unit: string;
  readonly daysCharged?: number;
  readonly daysInPeriod?: number;
  readonly netSharePercent?: string | null;
  readonly price: Money;
}

/** A contract's metered usage in the month. */
export interface ContractUsage {
  readonly percentile?: MonthlyPercentile | undefined;
  /** ATM withdrawals assigned to this contract (see assignWithdrawals). */
  readonly withdrawals?: number | undefined;
  /** Cloud resources used in the month: resource → exact decimal quantity. */
  readonly cloudUsage?: readonly { readonly resource: string; readonly quantity: string }[];
}

const RECURRING_MODELS = new Set(["bandwidth_tier", "per_unit", "commit_burst", "reseller_net"]);
const BPS_PER_MBPS = 1_000_000n;

/**
 * Rates one contract for one month (pure):
 * - recurring models (bandwidth_tier, per_unit, commit_burst's commitment, reseller_net): the
 *   monthly fee prorated by day over the pieces of the month in which the contract is active (see
 *   proration.ts). The fee is the contract's agreed `monthly_fee` when it has one (its whole
 *   monthly charge), else the list price in force: the tier's price × quantity for a tiered plan,
 *   the unit price × quantity otherwise;
 * - a set-up fee, once, in the month of activation (the price book's fee at activation × quantity);
 * - one_time plans: their price (or agreed fee) once, in the month of activation;
 * - commit_burst: the 95th percentile's billed Mbps above the commitment × the burst price per
 *   Mbps, rounded half-up; the commitment and price are those in force on the last active day;
 * - per_use (ATM): the withdrawals assigned to the contract × the commission (or the agreed fee
 *   per use) in force on the last active day;
 * - cloud usage: each resource's monthly quantity × its unit price in the contract's price book
 *   on the month's last day, rounded half-up.
 * A contract that cannot be priced (no price, no tier covering its bandwidth) throws, naming it.
 */
export function contractCharges(
  month: string,
  catalog: BillingCatalog,
  contract: ContractHistory,
  usage: ContractUsage = {},
): { charges: Charge[]; anomalies: BillingAnomaly[] } {
  try {
    return rateContract(month, catalog, contract, usage);
  } catch (error) {
    if (error instanceof UplinkError) {
      throw new UplinkError(
        error.code,
        `Contract ${contract.contractId} (customer ${contract.customerId}), ${month}: ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}

function rateContract(
  month: string,
  catalog: BillingCatalog,
  contract: ContractHistory,
  usage: ContractUsage,
): { charges: Charge[]; anomalies: BillingAnomaly[] } {
  const plan = planOf(catalog, contract.planId);
  const line = productLineOf(catalog, contract.planId);
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const boundaries = catalog.effectiveDates.get(`${contract.priceBookId}|${plan.id}`) ?? [];
  const segments = activeSegments(contract.events, month, boundaries);
  const charges: Charge[] = [];
  const anomalies: BillingAnomaly[] = [];
  const charge = (fields: ChargeFields): Charge => ({
    kind: fields.kind,
    description: fields.description,
    productLineId: line.id,
    revenueMetric: line.revenueMetric,
    contractId: contract.contractId,
    projectId: null,
    deliveryId: null,
    serviceFrom: fields.serviceFrom,
    serviceTo: fields.serviceTo,
    quantity: fields.quantity,
    unit: fields.unit,
    daysCharged: fields.daysCharged ?? null,
    daysInPeriod: fields.daysInPeriod ?? null,
    netSharePercent: fields.netSharePercent ?? null,
    price: fields.price,
  });
  const anomaly = (kind: BillingAnomaly["kind"], message: string) =>
    anomalies.push({
      kind,
      customerId: contract.customerId,
      contractId: contract.contractId,
      message,
    });

  if (RECURRING_MODELS.has(plan.chargeModel)) {
    for (const piece of mergedPieces(catalog, contract, plan, segments)) {
      // A free piece (a zero fee) is not worth a line.
      if (piece.fee.amount === 0n) continue;
      const days = daysInMonth(month);
      charges.push(
        charge({
          kind: "recurring",
          description: describeTerms(plan, piece.state),
          serviceFrom: piece.from,
          serviceTo: piece.to,
          quantity: String(piece.state.quantity),
          unit: plan.unit,
          daysCharged: piece.days,
          daysInPeriod: days,
          price: prorate(piece.fee, piece.days, days),
          netSharePercent: piece.netSharePercent,
        }),
      );
    }
  }

  const activation = contract.events.find(
    (e) => e.kind === "activated" && e.effectiveDate >= first && e.effectiveDate <= last,
  );
  const activeOnActivation = activation
    ? segments.find((s) => s.from <= activation.effectiveDate && activation.effectiveDate <= s.to)
    : undefined;
  if (activation && activeOnActivation) {
    const state = activeOnActivation.state;
    const date = activation.effectiveDate;
    if (plan.chargeModel === "one_time") {
      const entry = entryOn(catalog, contract.priceBookId, plan.id, date, state.bandwidthMbps);
      charges.push(
        charge({
          kind: "one_time",
          description: describeTerms(plan, state),
          serviceFrom: date,
          serviceTo: date,
          quantity: String(state.quantity),
          unit: plan.unit,
          price: state.monthlyFee ?? times(entry.amount, state.quantity),
        }),
      );
    } else if (RECURRING_MODELS.has(plan.chargeModel)) {
      const entry = entryOn(catalog, contract.priceBookId, plan.id, date, state.bandwidthMbps);
      if (entry.setupFee !== null && entry.setupFee.amount !== 0n) {
        charges.push(
          charge({
            kind: "setup",
            description: `Set-up: ${describeTerms(plan, state)}`,
            serviceFrom: date,
            serviceTo: date,
            quantity: String(state.quantity),
            unit: plan.unit,
            price: times(entry.setupFee, state.quantity),
          }),
        );
      }
    }
  }

  const lastActive = segments.at(-1);
  if (plan.chargeModel === "commit_burst" && lastActive) {
    const reading = usage.percentile;
    const state = lastActive.state;
    if (!reading || reading.billedBps === null) {
      anomaly(
        "burstable_without_samples",
        `No traffic samples in ${month}: only the commitment is billed.`,
      );
    } else {
      if (Math.max(reading.inSamples, reading.outSamples) * 2 < reading.windows) {
        anomaly(
          "sparse_samples",
          `Only ${Math.max(reading.inSamples, reading.outSamples)} of ${reading.windows} five-minute windows have a sample in ${month}.`,
        );
      }
      const entry = entryOn(
        catalog,
        contract.priceBookId,
        plan.id,
        lastActive.to,
        state.bandwidthMbps,
      );
      const commitBps = BigInt(state.bandwidthMbps ?? 0) * BPS_PER_MBPS;
      const excessBps = BigInt(Math.round(reading.billedBps)) - commitBps;
      if (entry.burstPerMbps !== null && excessBps > 0n) {
        const excessMbps = new Decimal(excessBps.toString()).div(1_000_000);
        charges.push(
          charge({
            kind: "burst",
            description: `Burst above ${formatMbps(state.bandwidthMbps)}: 95th percentile ${new Decimal(Math.round(reading.billedBps)).div(1_000_000).toFixed()} Mbps`,
            serviceFrom: segments[0]!.from,
            serviceTo: lastActive.to,
            quantity: excessMbps.toFixed(),
            unit: "Mbps",
            price: money(
              divideHalfUp(excessBps * entry.burstPerMbps.amount, BPS_PER_MBPS),
              entry.burstPerMbps.currency,
            ),
          }),
        );
      }
    }
  }

  const withdrawals = usage.withdrawals ?? 0;
  if (plan.chargeModel === "per_use" && withdrawals > 0) {
    if (!lastActive) {
      anomaly(
        "usage_on_inactive_contract",
        `${withdrawals} uses in ${month}, but the contract is not active then; not billed.`,
      );
    } else {
      const state = lastActive.state;
      const entry = entryOn(catalog, contract.priceBookId, plan.id, lastActive.to, null);
      const commission = state.monthlyFee ?? entry.amount;
      charges.push(
        charge({
          kind: "per_use",
          description: `${plan.name}: ${withdrawals.toLocaleString("en-US")} × ${commission.amount} ${commission.currency}`,
          serviceFrom: segments[0]!.from,
          serviceTo: lastActive.to,
          quantity: String(withdrawals),
          unit: plan.unit,
          price: times(commission, withdrawals),
        }),
      );
    }
  }

  for (const used of usage.cloudUsage ?? []) {
    const price = usagePriceOn(catalog.usagePrices, contract.priceBookId, used.resource, last);
    if (!lastActive) {
      anomaly(
        "usage_on_inactive_contract",
        `${used.quantity} ${used.resource} used in ${month}, but the contract is not active then.`,
      );
    }
    if (!price) {
      anomaly(
        "usage_without_price",
        `The price book "${contract.priceBookId}" has no price for ${used.resource} on ${last}; ${used.quantity} ${used.resource} not billed.`,
      );
      continue;
    }
    charges.push(
      charge({
        kind: "usage",
        description: `${plan.name}: ${used.resource} × ${price.unitPrice.toFixed()} ${price.currency}`,
        serviceFrom: first,
        serviceTo: last,
        quantity: used.quantity,
        unit: used.resource,
        price: usageCharge(new Decimal(used.quantity), price),
      }),
    );
  }
  return { charges, anomalies };
}

interface Piece {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly state: ContractState;
  readonly fee: Money;
  readonly netSharePercent: string | null;
}

/** Active segments with their monthly fee; neighbours with the same fee and terms are joined. */
function mergedPieces(
  catalog: BillingCatalog,
  contract: ContractHistory,
  plan: Plan,
  segments: readonly ServiceSegment[],
): Piece[] {
  const pieces: Piece[] = [];
  for (const segment of segments) {
    const state = segment.state;
    const entry = entryOn(
      catalog,
      contract.priceBookId,
      plan.id,
      segment.from,
      state.bandwidthMbps,
    );
    const fee = state.monthlyFee ?? times(entry.amount, state.quantity);
    const netSharePercent =
      plan.chargeModel === "reseller_net" ? (entry.netSharePercent?.toFixed() ?? null) : null;
    const previous = pieces.at(-1);
    if (
      previous &&
      previous.fee.amount === fee.amount &&
      previous.fee.currency === fee.currency &&
      previous.state.bandwidthMbps === state.bandwidthMbps &&
      previous.state.quantity === state.quantity &&
      previous.netSharePercent === netSharePercent &&
      adjacent(previous.to, segment.from)
    ) {
      pieces[pieces.length - 1] = {
        ...previous,
        to: segment.to,
        days: previous.days + segment.days,
      };
      continue;
    }
    pieces.push({ ...segment, fee, netSharePercent });
  }
  return pieces;
}

function adjacent(to: string, nextFrom: string): boolean {
  const next = new Date(`${to}T00:00:00Z`).getTime() + 86_400_000;
  return new Date(next).toISOString().slice(0, 10) === nextFrom;
}

function times<C extends Money["currency"]>(price: Money<C>, quantity: number): Money<C> {
  return money(price.amount * BigInt(quantity), price.currency);
}

function formatMbps(mbps: number | null): string {
  if (mbps === null) return "no commitment";
  return mbps >= 1000 && mbps % 1000 === 0 ? `${mbps / 1000} Gbps` : `${mbps} Mbps`;
}

/** "IP service, flat monthly by bandwidth, 100 Mbps × 2 circuit". */
function describeTerms(plan: Plan, state: ContractState): string {
  const parts = [plan.name];
  if (isTiered(plan.chargeModel) && state.bandwidthMbps !== null) {
    parts.push(formatMbps(state.bandwidthMbps));
  }
  const text = parts.join(", ");
  return state.quantity === 1 ? text : `${text} × ${state.quantity} ${plan.unit}`;
}
