import { type ContractEvent, type ContractState, contractStateOn } from "../contracts/index.js";
import type { Currency, Money } from "../core/index.js";
import { addDays, daysBetween, firstDayOf, lastDayOf, money } from "../core/index.js";
import { divideHalfUp } from "./exchange-rate.js";

/**
 * Proration by day. A month is cut at every date inside it on which the contract's terms or price
 * may change (its events, and the price book's effective dates); within each piece the contract
 * has one state. A piece in which it is active is charged
 *
 *     monthly fee × days in the piece ÷ days in the month
 *
 * rounded half-up to the minor unit (the yen), piece by piece. An event takes effect from the
 * start of its date: a contract activated on the 16th of a 30-day month is charged 15/30, one
 * cancelled on the 16th is charged 15/30 too (the 1st to the 15th), and a change on the last day
 * charges that one day at the new terms.
 */
export interface ServiceSegment {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly state: ContractState;
}

/** The pieces of `month` in which the contract is active, in date order. */
export function activeSegments(
  events: readonly ContractEvent[],
  month: string,
  extraBoundaries: readonly string[] = [],
): ServiceSegment[] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const starts = new Set<string>([first]);
  for (const event of events) {
    if (event.effectiveDate > first && event.effectiveDate <= last) starts.add(event.effectiveDate);
  }
  for (const date of extraBoundaries) if (date > first && date <= last) starts.add(date);
  const ordered = [...starts].sort();
  const segments: ServiceSegment[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const from = ordered[i]!;
    const next = ordered[i + 1];
    const to = next === undefined ? last : addDays(next, -1);
    const state = contractStateOn(events, from);
    if (state?.status !== "active") continue;
    segments.push({ from, to, days: daysBetween(from, to), state });
  }
  return segments;
}

/** monthly fee × days ÷ days in the month, half-up to the minor unit; the whole fee for a full month. */
export function prorate<C extends Currency>(
  monthlyFee: Money<C>,
  days: number,
  daysInMonth: number,
): Money<C> {
  if (days >= daysInMonth) return money(monthlyFee.amount, monthlyFee.currency);
  return money(
    divideHalfUp(monthlyFee.amount * BigInt(days), BigInt(daysInMonth)),
    monthlyFee.currency,
  );
}
