/**
 * The bitmap row index answers exactly what a plain bucket -> row array would, for every
 * bucket (present or not), including the edges of each 32-bucket word.
 */
import { describe, expect, it } from 'vitest';
import { RowIndex } from '../../connector/src/triage/model/row-index.js';
import { seededRandom } from '../../connector/src/triage/model/softmax-regression.js';

function plainIndex(buckets: Uint32Array, hashBits: number): Int32Array {
  const index = new Int32Array(2 ** hashBits).fill(-1);
  buckets.forEach((b, r) => (index[b] = r));
  return index;
}

describe('RowIndex', () => {
  it('gives every bucket the row a plain array gives', () => {
    const bits = 12;
    const rand = seededRandom(7);
    for (const density of [0, 0.01, 0.3, 0.9, 1]) {
      const picked = [0, 31, 32, 63, 2 ** bits - 1].filter(() => density > 0);
      for (let b = 0; b < 2 ** bits; b++) if (rand() < density) picked.push(b);
      const buckets = Uint32Array.from(new Set(picked)).sort();
      const index = new RowIndex(buckets, bits);
      const plain = plainIndex(buckets, bits);
      const differ: number[] = [];
      for (let b = 0; b < 2 ** bits; b++) if (index.row(b) !== plain[b]) differ.push(b);
      expect(differ, `density ${density}`).toEqual([]);
    }
  });

  it('refuses buckets that are unsorted, repeated or out of range', () => {
    expect(() => new RowIndex(Uint32Array.from([5, 3]), 8)).toThrow(/ascending/);
    expect(() => new RowIndex(Uint32Array.from([3, 3]), 8)).toThrow(/unique/);
    expect(() => new RowIndex(Uint32Array.from([256]), 8)).toThrow(/below 2\^8/);
  });
});
