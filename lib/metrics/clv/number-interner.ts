// Maps numbers to dense indices 0, 1, 2, … in first-seen order. An open-addressing table on the
// double's bit pattern is several times faster than Map<number, number> for a million non-integer keys
// (V8 boxes non-Smi keys), which is most of the cost of compressing a large customer base.

const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);

/** Dense first-seen indices for numbers; `values[i]` is the number with index i. */
export class NumberInterner {
  private keys: Float64Array;
  private slots: Int32Array;
  private mask: number;
  readonly values: number[] = [];

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private static hash(v: number): number {
    bits[0] = v === 0 ? 0 : v; // −0 and +0 are the same key
    // MurmurHash3's fmix32 finaliser, so the low bits used as the slot depend on every input bit.
    let h = halves[0]! ^ Math.imul(halves[1]!, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** Index of v, adding it when new. NaN is not a valid key (callers validate first). */
  intern(v: number): number {
    let slot = NumberInterner.hash(v) & this.mask;
    for (;;) {
      const index = this.slots[slot]!;
      if (index === -1) break;
      if (this.keys[slot] === v) return index;
      slot = (slot + 1) & this.mask;
    }
    const index = this.values.length;
    this.values.push(v);
    this.keys[slot] = v;
    this.slots[slot] = index;
    if (this.values.length * 2 > this.mask) this.grow();
    return index;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.slots = new Int32Array(oldKeys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] === -1) continue;
      let slot = NumberInterner.hash(oldKeys[i]!) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = oldKeys[i]!;
      this.slots[slot] = oldSlots[i]!;
    }
  }
}
