import { type BookContract, type BookState, changeBandwidth } from "./recurring-book.js";
import type { SeededRandom } from "./seeded-random.js";

// Contracted bandwidth grows faster than connectivity revenue (bandwidth migration: customers
// move up a tier at about the same price). Each month the demo moves contracts between tiers,
// keeping their fees, until the book's bandwidth and its count of 1 Gbps-or-more contracts meet
// the month's targets.

const ONE_GBPS = 1000;

export interface BandwidthTarget {
  readonly totalMbps: number;
  readonly contractsOver1Gbps: number;
  /** How close is close enough, in Mbps. */
  readonly toleranceMbps: number;
}

export function bookBandwidth(state: BookState): { totalMbps: number; over1Gbps: number } {
  let totalMbps = 0;
  let over1Gbps = 0;
  for (const c of state.contracts) {
    if (c.cancelled || !c.countsTowardBandwidth || c.bandwidthMbps === null) continue;
    totalMbps += c.bandwidthMbps * c.quantity;
    if (c.bandwidthMbps >= ONE_GBPS) over1Gbps++;
  }
  return { totalMbps, over1Gbps };
}

export function calibrateBandwidth(
  state: BookState,
  target: BandwidthTarget,
  month: number,
  date: string,
  random: SeededRandom,
): void {
  const movable = (): BookContract[] =>
    state.contracts.filter(
      (c) =>
        !c.cancelled &&
        c.countsTowardBandwidth &&
        c.ladder !== null &&
        c.bandwidthMbps !== null &&
        c.lastChangedMonth !== month,
    );
  let { over1Gbps } = bookBandwidth(state);

  // First the count of large contracts: a 300–500 Mbps contract moving up to 1 Gbps, or back.
  for (const c of shuffled(movable(), random)) {
    if (over1Gbps >= target.contractsOver1Gbps) break;
    const bw = c.bandwidthMbps!;
    if (bw < ONE_GBPS && bw >= 300 && c.ladder!.includes(ONE_GBPS)) {
      changeBandwidth(state, c, ONE_GBPS, month, date);
      over1Gbps++;
    }
  }
  for (const c of shuffled(movable(), random)) {
    if (over1Gbps <= target.contractsOver1Gbps) break;
    if (c.bandwidthMbps === ONE_GBPS) {
      const below = [...c.ladder!].reverse().find((t) => t < ONE_GBPS);
      if (below !== undefined) {
        changeBandwidth(state, c, below, month, date);
        over1Gbps--;
      }
    }
  }

  // Then the total, one tier at a time, never crossing the 1 Gbps line again.
  let gap = target.totalMbps - bookBandwidth(state).totalMbps;
  const candidates = shuffled(movable(), random);
  for (const c of candidates) {
    if (Math.abs(gap) <= target.toleranceMbps) break;
    const bw = c.bandwidthMbps!;
    const ladder = c.ladder!;
    const index = ladder.indexOf(bw);
    if (index < 0) continue;
    const next = gap > 0 ? ladder[index + 1] : ladder[index - 1];
    if (next === undefined || bw < ONE_GBPS !== next < ONE_GBPS) continue;
    const step = (next - bw) * c.quantity;
    if (Math.abs(step) > Math.abs(gap) + target.toleranceMbps) continue;
    changeBandwidth(state, c, next, month, date);
    gap -= step;
  }
}

function shuffled<T>(items: T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
