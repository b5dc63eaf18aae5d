/**
 * Bucket -> row of the packed model, for the lookups every message makes (hundreds of
 * features, plus the abstention check's word lookups). A bitmap of the buckets that have a
 * row, and the count of rows before each 32-bucket word: the row is that count plus the set
 * bits below the bucket (buckets are sorted, so a bucket's row is its rank).
 *
 * Why not a plain bucket -> row array: at 2^20 buckets it is 4 MB, larger than a core's
 * cache, and each of a message's features then costs a memory read; these two tables are
 * 256 KB and stay in cache.
 */
export class RowIndex {
  private readonly present: Uint32Array;
  private readonly rowsBefore: Int32Array;

  constructor(buckets: Uint32Array, hashBits: number) {
    const words = Math.ceil(2 ** hashBits / 32);
    this.present = new Uint32Array(words);
    this.rowsBefore = new Int32Array(words);
    for (let r = 0; r < buckets.length; r++) {
      const b = buckets[r]!;
      if (b >= 2 ** hashBits || (r > 0 && b <= buckets[r - 1]!)) {
        throw new Error(`intent model buckets must be unique, ascending and below 2^${hashBits} (bucket ${b} at row ${r})`);
      }
      this.present[b >>> 5] = this.present[b >>> 5]! | (1 << (b & 31));
    }
    let rows = 0;
    for (let w = 0; w < words; w++) {
      this.rowsBefore[w] = rows;
      rows += bitCount(this.present[w]!);
    }
  }

  /** Row of `bucket`, or -1 when the model has no weights for it. */
  row(bucket: number): number {
    const w = bucket >>> 5;
    const bit = 1 << (bucket & 31);
    const word = this.present[w]!;
    if ((word & bit) === 0) return -1;
    return this.rowsBefore[w]! + bitCount(word & (bit - 1));
  }
}

/** Set bits in a 32-bit word (the classic SWAR count). */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
