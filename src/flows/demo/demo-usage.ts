import type { FxRate } from "../../billing/index.js";
import { type ContractEvent, contractStateOn } from "../../contracts/index.js";
import { allocate, Decimal, yen } from "../../core/index.js";
import {
  type AtmWithdrawal,
  emptyBlock,
  type SampleBlock,
  SLOTS_PER_DAY,
} from "../../metering/index.js";
import type { Atm } from "../../operations/index.js";
import type { SeededRandom } from "./seeded-random.js";

// What the demo company's meters read: withdrawals at each ATM each day, whose commissions add up
// to the reported ATM revenue, and 5-minute traffic of the burstable contracts, kept under their
// commitment so the revenue they bill is the commitment the books were calibrated on.

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, "0")}`;

export function daysIn(month: string): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => day(month, i + 1));
}

/**
 * Each month's withdrawals, enough that commissions meet the month's ATM revenue, shared among
 * the ATMs in place each day (busier machines and weekdays weigh more).
 */
export function planWithdrawals(
  atms: readonly Atm[],
  months: readonly string[],
  monthlyRevenue: readonly bigint[],
  commissionYen: bigint,
  random: SeededRandom,
): AtmWithdrawal[] {
  const busyness = new Map(atms.map((atm) => [atm.id, 0.5 + random.next()]));
  const withdrawals: AtmWithdrawal[] = [];
  months.forEach((month, m) => {
    const count = (monthlyRevenue[m]! + commissionYen / 2n) / commissionYen;
    const slots: { atmId: string; day: string; weight: number }[] = [];
    for (const date of daysIn(month)) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const dayWeight = weekday === 0 || weekday === 6 ? 0.7 : 1;
      for (const atm of atms) {
        if (atm.placedOn > date || (atm.removedOn !== null && atm.removedOn <= date)) continue;
        slots.push({ atmId: atm.id, day: date, weight: busyness.get(atm.id)! * dayWeight });
      }
    }
    if (slots.length === 0) return;
    const shares = allocate(
      yen(count),
      slots.map((s) => Math.max(1, Math.round(s.weight * 1000))),
    );
    slots.forEach((slot, i) => {
      const n = Number(shares[i]!.amount);
      if (n > 0) withdrawals.push({ atmId: slot.atmId, day: slot.day, count: n });
    });
  });
  return withdrawals;
}

/**
 * A month of traffic for each burstable contract active in it: a daily curve peaking in the
 * evening with noise, its 95th percentile between 55% and 90% of the commitment (the smallest
 * bandwidth the contract ever had), and an hour missing now and then, as real collectors do.
 */
export function planBurstSamples(
  histories: ReadonlyMap<string, readonly ContractEvent[]>,
  month: string,
  random: SeededRandom,
): SampleBlock[] {
  const blocks: SampleBlock[] = [];
  for (const [contractId, events] of histories) {
    const commitMbps = Math.min(
      ...events.flatMap((e) => (e.bandwidthMbps === null ? [] : [e.bandwidthMbps])),
    );
    if (!Number.isFinite(commitMbps)) continue;
    const level = (0.55 + 0.35 * random.next()) * commitMbps * 1_000_000;
    for (const date of daysIn(month)) {
      const state = contractStateOn(events, date);
      if (state === undefined || state.status !== "active") continue;
      const block = emptyBlock({ customerId: state.customerId, contractId, day: date, port: "" });
      const gapStart = random.next() < 0.05 ? random.integer(0, SLOTS_PER_DAY - 12) : -1;
      for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
        if (slot >= gapStart && slot < gapStart + 12) continue;
        const hour = slot / 12;
        const curve = 0.35 + 0.6 * Math.max(0, Math.sin(((hour - 8) / 16) * Math.PI));
        const noise = 0.9 + 0.15 * random.next();
        block.outBps[slot] = Math.round(level * curve * noise);
        block.inBps[slot] = Math.round(level * curve * noise * 0.35);
      }
      blocks.push(block);
    }
  }
  return blocks;
}

/**
 * Monthly rates for the overseas customers' invoices: approximate month-start rates of the period
 * (yen per US dollar, yuan and baht), a demo setting rather than reported figures.
 */
const USD_JPY: readonly (readonly [string, string])[] = [
  ["2011-04", "83.2"],
  ["2011-05", "81.2"],
  ["2011-06", "80.5"],
  ["2011-07", "79.4"],
  ["2011-08", "77.1"],
  ["2011-09", "76.8"],
  ["2011-10", "76.8"],
  ["2011-11", "77.5"],
  ["2011-12", "77.8"],
  ["2012-01", "76.9"],
  ["2012-02", "78.5"],
  ["2012-03", "82.4"],
  ["2012-04", "81.3"],
  ["2012-05", "79.7"],
  ["2012-06", "79.3"],
  ["2012-07", "78.9"],
  ["2012-08", "78.7"],
  ["2012-09", "78.2"],
  ["2012-10", "78.9"],
];
const PER_USD: Readonly<Record<"CNY" | "THB", string>> = { CNY: "6.35", THB: "31.0" };

export function planFxRates(): FxRate[] {
  const source = "Demo setting: approximate month-start rates of the period";
  return USD_JPY.flatMap(([month, usd]) => {
    const jpyPerUsd = new Decimal(usd);
    return [
      { currency: "USD" as const, rateDate: day(month, 1), jpyPerUnit: jpyPerUsd, source },
      ...(["CNY", "THB"] as const).map((currency) => ({
        currency,
        rateDate: day(month, 1),
        jpyPerUnit: jpyPerUsd.div(PER_USD[currency]).toDecimalPlaces(4),
        source,
      })),
    ];
  });
}
