import { describe, expect, it } from "vitest";
import {
  decodeSlots,
  emptyBlock,
  encodeSlots,
  MISSING,
  mergeBlock,
  presentSlots,
  type SampleBlock,
} from "./sample-block.js";

function block(slots: Record<number, [number, number]>): SampleBlock {
  const b = emptyBlock({ customerId: "C1", contractId: "CT1", day: "2012-09-01", port: "" });
  for (const [slot, [inBps, outBps]] of Object.entries(slots)) {
    b.inBps[Number(slot)] = inBps;
    b.outBps[Number(slot)] = outBps;
  }
  return b;
}

describe("the stored layout of a day's slots", () => {
  it.each([
    ["below 4.29 Gbps in 4 bytes a slot", 4_294_967_294, 1_152],
    ["from 4.29 Gbps in 8 bytes a slot", 4_294_967_295, 2_304],
    ["a 10 Gbps burst in 8 bytes a slot", 10_000_000_000, 2_304],
  ])("keeps rates %s, exactly, with missing windows", (_, largest, bytes) => {
    const values = new Float64Array(288).fill(MISSING);
    values[0] = 0;
    values[1] = 1;
    values[200] = largest;
    values[287] = 123_456_789;
    const encoded = encodeSlots(values);
    expect(encoded.length).toBe(bytes);
    expect(decodeSlots(encoded)).toEqual(values);
  });

  it("decodes from a buffer at an odd offset, as drivers hand them back", () => {
    const values = new Float64Array(288).map((_, i) => (i % 3 === 0 ? MISSING : i * 1_000));
    for (const encoded of [
      encodeSlots(values),
      encodeSlots(values.map((v) => (v === 3_000 ? 5e9 : v))),
    ]) {
      const shifted = new Uint8Array(encoded.length + 3);
      shifted.set(encoded, 3);
      expect(decodeSlots(shifted.subarray(3))).toEqual(decodeSlots(encoded));
    }
  });

  it("is little-endian whatever the machine", () => {
    const values = new Float64Array(288).fill(MISSING);
    values[0] = 0x01020304;
    expect([...encodeSlots(values).subarray(0, 8)]).toEqual([4, 3, 2, 1, 255, 255, 255, 255]);
  });

  it("refuses bytes of neither layout", () => {
    expect(() => decodeSlots(new Uint8Array(100))).toThrow(RangeError);
  });
});

describe("merging a block into the stored one", () => {
  it("adds new samples and keeps the stored ones", () => {
    const merge = mergeBlock(block({ 0: [1, 2] }), block({ 1: [3, 4] }), false);
    expect(merge).toMatchObject({ added: 1, unchanged: 0, replaced: 0, conflictSlot: null });
    expect(presentSlots(merge.merged)).toBe(2);
  });

  it("changes nothing when the same samples come again", () => {
    const merge = mergeBlock(
      block({ 0: [1, 2], 5: [3, 4] }),
      block({ 0: [1, 2], 5: [3, 4] }),
      false,
    );
    expect(merge).toMatchObject({ added: 0, unchanged: 2, replaced: 0, conflictSlot: null });
  });

  it("names the first slot whose value differs, and writes nothing for it", () => {
    const stored = block({ 0: [1, 2], 5: [3, 4], 9: [5, 6] });
    const merge = mergeBlock(stored, block({ 5: [3, 40], 9: [50, 6] }), false);
    expect(merge.conflictSlot).toBe(5);
    expect(merge.merged.outBps[5]).toBe(4);
  });

  it("overwrites a different value when replacing", () => {
    const merge = mergeBlock(block({ 5: [3, 4] }), block({ 5: [3, 40] }), true);
    expect(merge).toMatchObject({ added: 0, unchanged: 0, replaced: 1, conflictSlot: null });
    expect(merge.merged.outBps[5]).toBe(40);
  });

  it("leaves the stored block as it was", () => {
    const stored = block({ 0: [1, 2] });
    mergeBlock(stored, block({ 1: [3, 4] }), false);
    expect(presentSlots(stored)).toBe(1);
  });
});
