/**
 * A set of non-negative integers below 2^53 in one Float64Array (open addressing, linear probing),
 * for the quality report's million order fingerprints: a JS Set of such numbers boxes each one on
 * the heap (about 40 bytes a number, and a garbage collector that scans them all); this keeps
 * 16–32 bytes a number in one buffer the collector never looks into.
 */
export class NumberSet {
  private table = new Float64Array(1024);
  private size = 0;

  /** Adds `value`; true when it was already there. */
  addSeen(value: number): boolean {
    // Stored +1, so that 0 marks an empty slot.
    const stored = value + 1;
    let slot = this.slot(stored);
    if (this.table[slot] === stored) return true;
    if ((this.size + 1) * 2 > this.table.length) {
      this.grow();
      slot = this.slot(stored);
    }
    this.table[slot] = stored;
    this.size += 1;
    return false;
  }

  /** The slot holding `stored`, or the empty slot where it belongs. */
  private slot(stored: number): number {
    const mask = this.table.length - 1;
    // Mix the low and high bits: fingerprints are well spread, but cheap to mix anyway.
    let i = (Math.imul((stored % 0x100000000) ^ Math.floor(stored / 0x100000000), 0x9e3779b1) >>> 0) & mask;
    while (this.table[i] !== 0 && this.table[i] !== stored) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    for (const stored of old) if (stored !== 0) this.table[this.slot(stored)] = stored;
  }
}
