import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../scripts/eval/dev-report.js';

const frac = (hit: number, of: number) => ({ hit, of, rate: of === 0 ? null : hit / of });

describe('wilsonInterval', () => {
  // Reference values: the closed forms at 0 and n hits (z²/(n+z²) and n/(n+z²)), and the
  // textbook 5/10 interval (Wilson 1927; e.g. Newcombe 1998, table I).
  it('gives the published 95% bounds', () => {
    const [lo10, hi10] = wilsonInterval(frac(5, 10))!;
    expect(lo10).toBeCloseTo(0.2366, 4);
    expect(hi10).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(frac(0, 10))![1]).toBeCloseTo(3.8416 / 13.8416, 4);
    expect(wilsonInterval(frac(8, 8))![0]).toBeCloseTo(8 / 11.8416, 4);
  });

  it('stays inside [0, 1] at the edges and narrows as the count grows', () => {
    expect(wilsonInterval(frac(0, 3))![0]).toBe(0);
    expect(wilsonInterval(frac(3, 3))![1]).toBe(1);
    const small = wilsonInterval(frac(8, 8))!;
    const large = wilsonInterval(frac(1315, 1316))!;
    expect(large[0]).toBeGreaterThan(small[0]);
    expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
  });

  it('has no interval without answers', () => {
    expect(wilsonInterval(frac(0, 0))).toBeNull();
  });
});
