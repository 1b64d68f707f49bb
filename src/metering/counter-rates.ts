import { type SampleWindow, WINDOW_MS, windowContaining } from "./sample-window.js";

/**
 * One reading of a router port's interface octet counters (ifHCInOctets/ifHCOutOctets for 64-bit
 * counters, ifInOctets/ifOutOctets for 32-bit ones), as polled.
 */
export interface CounterReading {
  /** When it was read, in milliseconds since the epoch (UTC). */
  readonly at: number;
  readonly inOctets: bigint;
  readonly outOctets: bigint;
  readonly counterBits: 32 | 64;
  /** The device restarted since the previous reading (its uptime went back): counters restarted. */
  readonly reset: boolean;
  /** The port's line rate when known: a delta that would exceed it is a bad counter. */
  readonly lineRateBps: number | null;
}

/** One port's rate in one 5-minute window, in whole bits per second (rounded half up). */
export interface WindowRate extends SampleWindow {
  readonly inBps: number;
  readonly outBps: number;
}

/**
 * Why the interval between two readings gave no rate. None of these is ever billed: a window
 * whose intervals were all dropped has no sample, and missing samples are not invented.
 * - reset: the device restarted, the counter width changed, or a counter went back by more than
 *   one wrap explains;
 * - over-line-rate: the delta would mean more traffic than the port can carry (a bad counter);
 * - gap: the readings are too far apart to say which windows the traffic fell in;
 * - same-instant: two different readings of one port at the same instant.
 */
export type DropReason = "reset" | "over-line-rate" | "gap" | "same-instant";

export interface DroppedInterval {
  readonly from: number;
  readonly to: number;
  readonly reason: DropReason;
}

/** Without a known line rate, a delta above this is a bad counter (no port carries 1 Tbps). */
export const DEFAULT_MAX_BPS = 1_000_000_000_000;
/** Readings further apart than one and a half windows leave the windows between them empty. */
export const MAX_INTERVAL_MS = WINDOW_MS + WINDOW_MS / 2;

/**
 * Turns one port's counter readings into 5-minute rates.
 *
 * Each interval between consecutive readings belongs to the window that contains its midpoint, so
 * a poller's jitter does not move traffic into a neighbouring window. When two intervals land in
 * one window (a retried poll, a duplicate reading), the window gets one rate — their octets over
 * their time — never two samples, which would inflate the 95th percentile.
 *
 * A counter that went down wrapped if one wrap (2^32 or 2^64) explains the step within the line
 * rate; otherwise the device was reset, and that interval is dropped rather than billed as a burst.
 * A 32-bit counter can wrap more than once in five minutes above 114 Mbps, which no arithmetic can
 * see: ports that fast need 64-bit counters (or their line rate given, to catch the worst cases).
 */
export function ratesFromCounters(readings: readonly CounterReading[]): {
  rates: WindowRate[];
  dropped: DroppedInterval[];
} {
  const sorted = [...readings].sort((a, b) => a.at - b.at);
  const windows = new Map<number, { inOctets: bigint; outOctets: bigint; ms: bigint }>();
  const dropped: DroppedInterval[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1]!;
    const to = sorted[i]!;
    const reason = dropReason(from, to);
    if (reason === "duplicate") continue;
    if (reason !== null) {
      dropped.push({ from: from.at, to: to.at, reason });
      continue;
    }
    const window = Math.floor((from.at + to.at) / 2 / WINDOW_MS);
    const total = windows.get(window) ?? { inOctets: 0n, outOctets: 0n, ms: 0n };
    total.inOctets += delta(from.inOctets, to.inOctets, to.counterBits);
    total.outOctets += delta(from.outOctets, to.outOctets, to.counterBits);
    total.ms += BigInt(to.at - from.at);
    windows.set(window, total);
  }
  const rates = [...windows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([window, total]) => ({
      ...windowContaining(window * WINDOW_MS),
      inBps: bitsPerSecond(total.inOctets, total.ms),
      outBps: bitsPerSecond(total.outOctets, total.ms),
    }));
  return { rates, dropped };
}

function dropReason(from: CounterReading, to: CounterReading): DropReason | "duplicate" | null {
  const ms = to.at - from.at;
  if (ms === 0) {
    return from.inOctets === to.inOctets &&
      from.outOctets === to.outOctets &&
      from.counterBits === to.counterBits
      ? "duplicate"
      : "same-instant";
  }
  if (ms > MAX_INTERVAL_MS) return "gap";
  if (to.reset || from.counterBits !== to.counterBits) return "reset";
  const lineRate = BigInt(to.lineRateBps ?? from.lineRateBps ?? DEFAULT_MAX_BPS);
  // Octets × 8 bits × 1000 ms/s against the line rate over the interval: both sides in bit·ms.
  const limit = lineRate * BigInt(ms);
  for (const [before, after] of [
    [from.inOctets, to.inOctets],
    [from.outOctets, to.outOctets],
  ] as const) {
    const octets = delta(before, after, to.counterBits);
    if (octets * 8000n > limit) return after < before ? "reset" : "over-line-rate";
  }
  return null;
}

/** Octets counted between two readings; a counter that went down is read as one wrap. */
function delta(before: bigint, after: bigint, bits: 32 | 64): bigint {
  return after >= before ? after - before : after + (1n << BigInt(bits)) - before;
}

/** octets × 8 over ms milliseconds, in whole bits per second, halves rounded up. */
function bitsPerSecond(octets: bigint, ms: bigint): number {
  return Number((octets * 16_000n + ms) / (2n * ms));
}
