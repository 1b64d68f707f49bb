import { SLOTS_PER_DAY } from "./sample-window.js";

/** Marks a window without a sample in a block's slots. Rates are never negative. */
export const MISSING = -1;

/**
 * One day of one contract's 5-minute rates, as stored: a fixed layout of 288 slots per direction
 * (bits per second, MISSING where the window has no sample). A slot holds both directions or
 * neither. `port` is the router port the rates were measured on, "" for rates given for the
 * contract as a whole; the contract's rate in a window is the sum over its ports.
 */
export interface SampleBlock {
  readonly customerId: string;
  readonly contractId: string;
  readonly day: string;
  readonly port: string;
  readonly inBps: Float64Array;
  readonly outBps: Float64Array;
}

export function emptyBlock(key: Omit<SampleBlock, "inBps" | "outBps">): SampleBlock {
  return {
    ...key,
    inBps: new Float64Array(SLOTS_PER_DAY).fill(MISSING),
    outBps: new Float64Array(SLOTS_PER_DAY).fill(MISSING),
  };
}

/** contract|day|port: the stored row's key. */
export function blockKey(block: Pick<SampleBlock, "contractId" | "day" | "port">): string {
  return `${block.contractId}|${block.day}|${block.port}`;
}

export function presentSlots(block: SampleBlock): number {
  let present = 0;
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) if (block.inBps[slot] !== MISSING) present++;
  return present;
}

/** What merging a block into the stored one did, counted in samples (slots). */
export interface BlockMerge {
  readonly merged: SampleBlock;
  readonly added: number;
  readonly unchanged: number;
  readonly replaced: number;
  /** The first slot whose stored sample differs from the incoming one, when not replacing. */
  readonly conflictSlot: number | null;
}

/**
 * Merges an incoming block into the stored one slot by slot: a new sample is added, the same
 * sample again changes nothing (so a retried batch is stored once), and a different value for a
 * stored sample is a conflict — unless `replace`, when the incoming sample wins.
 */
export function mergeBlock(
  stored: SampleBlock,
  incoming: SampleBlock,
  replace: boolean,
): BlockMerge {
  const inBps = Float64Array.from(stored.inBps);
  const outBps = Float64Array.from(stored.outBps);
  let added = 0;
  let unchanged = 0;
  let replaced = 0;
  let conflictSlot: number | null = null;
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    const nextIn = incoming.inBps[slot]!;
    if (nextIn === MISSING) continue;
    const nextOut = incoming.outBps[slot]!;
    if (inBps[slot] === MISSING) {
      added++;
    } else if (inBps[slot] === nextIn && outBps[slot] === nextOut) {
      unchanged++;
      continue;
    } else if (replace) {
      replaced++;
    } else {
      conflictSlot ??= slot;
      continue;
    }
    inBps[slot] = nextIn;
    outBps[slot] = nextOut;
  }
  return { merged: { ...stored, inBps, outBps }, added, unchanged, replaced, conflictSlot };
}

// Stored layout, chosen per block by the largest rate in it and told apart by the length:
// 288 × 4 bytes, unsigned 32-bit little-endian with 0xFFFFFFFF for a missing window, when every
// rate is below 4.29 Gbps (most days of most contracts); otherwise 288 × 8 bytes, IEEE-754 double
// little-endian with −1 for a missing window. Rates are whole bits per second, exact either way.
const U32_MISSING = 0xffff_ffff;
const U32_BYTES = SLOTS_PER_DAY * 4;
const F64_BYTES = SLOTS_PER_DAY * 8;
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const aligned = new ArrayBuffer(F64_BYTES);
const alignedBytes = new Uint8Array(aligned);
const alignedU32 = new Uint32Array(aligned, 0, SLOTS_PER_DAY);
const alignedF64 = new Float64Array(aligned);

/** A direction's 288 slots as the stored bytes. */
export function encodeSlots(values: Float64Array): Uint8Array {
  const bytes = new Uint8Array(encodedLength(values));
  encodeSlotsInto(values, bytes, 0);
  return bytes;
}

/** How many bytes a direction's slots take stored: 1,152 below 4.29 Gbps, else 2,304. */
export function encodedLength(values: Float64Array): number {
  if (values.length !== SLOTS_PER_DAY) throw new RangeError(`${values.length} slots, not 288`);
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    if (values[slot]! >= U32_MISSING) return F64_BYTES;
  }
  return U32_BYTES;
}

/**
 * Writes a direction's stored bytes into `target` at `offset` (a multiple of 8), returning their
 * length. Many blocks encoded into one buffer cost one allocation instead of one each, which is
 * what makes a month of 6,500 contracts quick to write.
 */
export function encodeSlotsInto(
  values: Float64Array,
  target: Uint8Array,
  offset: number,
  length = encodedLength(values),
): number {
  const at = target.byteOffset + offset;
  if (!LITTLE_ENDIAN_HOST || at % 8 !== 0) {
    const view = new DataView(target.buffer, at, length);
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const value = values[slot]!;
      if (length === F64_BYTES) view.setFloat64(slot * 8, value, true);
      else view.setUint32(slot * 4, value === MISSING ? U32_MISSING : value, true);
    }
    return length;
  }
  if (length === F64_BYTES) {
    new Float64Array(target.buffer, at, SLOTS_PER_DAY).set(values);
    return length;
  }
  const words = new Uint32Array(target.buffer, at, SLOTS_PER_DAY);
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    const value = values[slot]!;
    words[slot] = value === MISSING ? U32_MISSING : value;
  }
  return length;
}

/** Stored bytes back into 288 slots, written to `target` from `offset` (MISSING where absent). */
export function decodeSlotsInto(bytes: Uint8Array, target: Float64Array, offset = 0): void {
  if (bytes.length !== U32_BYTES && bytes.length !== F64_BYTES) {
    throw new RangeError(`a stored block of ${bytes.length} bytes is neither layout`);
  }
  const wide = bytes.length === F64_BYTES;
  if (!LITTLE_ENDIAN_HOST) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const value = wide ? view.getFloat64(slot * 8, true) : view.getUint32(slot * 4, true);
      target[offset + slot] = !wide && value === U32_MISSING ? MISSING : value;
    }
    return;
  }
  // Drivers hand back slices of shared buffers at any offset: copy to an aligned one to view it.
  alignedBytes.set(bytes);
  if (wide) {
    target.set(alignedF64, offset);
    return;
  }
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    const value = alignedU32[slot]!;
    target[offset + slot] = value === U32_MISSING ? MISSING : value;
  }
}

export function decodeSlots(bytes: Uint8Array): Float64Array {
  const values = new Float64Array(SLOTS_PER_DAY);
  decodeSlotsInto(bytes, values);
  return values;
}
