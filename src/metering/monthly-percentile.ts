import { burstablePercentile } from "./percentile.js";
import { decodeSlotsInto, MISSING, type SampleBlock } from "./sample-block.js";
import { dayIndexOf, daysOfMonth, SLOTS_PER_DAY } from "./sample-window.js";

/** A contract's burstable reading of one month (see percentile.ts for the rule). */
export interface MonthlyPercentile {
  readonly contractId: string;
  readonly month: string;
  /** The 95th percentile of each direction in bits per second; null without samples. */
  readonly inBps: number | null;
  readonly outBps: number | null;
  /** The greater of the two: the rate a burstable contract is billed at. */
  readonly billedBps: number | null;
  readonly inSamples: number;
  readonly outSamples: number;
  /** The month's 5-minute windows (days × 288): how many samples a complete month has. */
  readonly windows: number;
}

/**
 * One contract's month of 5-minute windows being filled from its stored day blocks. A window's
 * rate is the sum over the contract's ports of the rates present in it (a bill over several ports
 * sums them per window before the percentile); a window no port has a rate for stays missing, and
 * is not invented.
 */
export class MonthSeries {
  readonly month: string;
  readonly windows: number;
  private readonly firstDay: number;
  private readonly inBps: Float64Array;
  private readonly outBps: Float64Array;
  private readonly dayIn = new Float64Array(SLOTS_PER_DAY);
  private readonly dayOut = new Float64Array(SLOTS_PER_DAY);
  private readonly presentIn: Float64Array;
  private readonly presentOut: Float64Array;
  /** Days that some port has filled in already (a further port is added to them). */
  private readonly filled: Uint8Array;

  constructor(month: string) {
    this.month = month;
    this.windows = daysOfMonth(month).length * SLOTS_PER_DAY;
    this.firstDay = dayIndexOf(`${month}-01`);
    this.inBps = new Float64Array(this.windows).fill(MISSING);
    this.outBps = new Float64Array(this.windows).fill(MISSING);
    this.presentIn = new Float64Array(this.windows);
    this.presentOut = new Float64Array(this.windows);
    this.filled = new Uint8Array(this.windows / SLOTS_PER_DAY);
  }

  /** Empties the month for the next contract. */
  clear(): void {
    this.inBps.fill(MISSING);
    this.outBps.fill(MISSING);
    this.filled.fill(0);
  }

  /** Adds one port's day of slots (MISSING where absent). */
  addDay(day: string, inSlots: Float64Array, outSlots: Float64Array): void {
    const offset = this.offsetOf(day);
    this.filled[offset / SLOTS_PER_DAY] = 1;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const rateIn = inSlots[slot]!;
      if (rateIn === MISSING) continue;
      const at = offset + slot;
      if (this.inBps[at] === MISSING) {
        this.inBps[at] = rateIn;
        this.outBps[at] = outSlots[slot]!;
      } else {
        this.inBps[at]! += rateIn;
        this.outBps[at]! += outSlots[slot]!;
      }
    }
  }

  addBlock(block: SampleBlock): void {
    this.addDay(block.day, block.inBps, block.outBps);
  }

  /** Adds one port's day straight from its stored bytes. */
  addStoredDay(day: string, inBytes: Uint8Array, outBytes: Uint8Array): void {
    const offset = this.offsetOf(day);
    if (this.filled[offset / SLOTS_PER_DAY] === 0) {
      // The day's first port (most contracts have one): decode straight into the month.
      decodeSlotsInto(inBytes, this.inBps, offset);
      decodeSlotsInto(outBytes, this.outBps, offset);
      this.filled[offset / SLOTS_PER_DAY] = 1;
      return;
    }
    decodeSlotsInto(inBytes, this.dayIn);
    decodeSlotsInto(outBytes, this.dayOut);
    this.addDay(day, this.dayIn, this.dayOut);
  }

  percentile(contractId: string): MonthlyPercentile {
    let present = 0;
    for (let at = 0; at < this.windows; at++) {
      const rateIn = this.inBps[at]!;
      if (rateIn === MISSING) continue;
      this.presentIn[present] = rateIn;
      this.presentOut[present] = this.outBps[at]!;
      present++;
    }
    const reading = burstablePercentile(this.presentIn, this.presentOut, {
      in: present,
      out: present,
    });
    return {
      contractId,
      month: this.month,
      inBps: reading.in.bps,
      outBps: reading.out.bps,
      billedBps: reading.billedBps,
      inSamples: reading.in.samples,
      outSamples: reading.out.samples,
      windows: this.windows,
    };
  }

  private offsetOf(day: string): number {
    const index = dayIndexOf(day) - this.firstDay;
    if (!(index >= 0 && index * SLOTS_PER_DAY < this.windows)) {
      throw new RangeError(`${day} is not in ${this.month}`);
    }
    return index * SLOTS_PER_DAY;
  }
}

/** The month's percentile of one contract from its day blocks (every port of it). */
export function monthlyPercentileOf(
  contractId: string,
  month: string,
  blocks: readonly SampleBlock[],
): MonthlyPercentile {
  const series = new MonthSeries(month);
  for (const block of blocks) series.addBlock(block);
  return series.percentile(contractId);
}
