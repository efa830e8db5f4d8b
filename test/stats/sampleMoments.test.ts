import { describe, expect, it } from 'vitest';
import { sampleMoments } from '../../src/stats/sampleMoments.js';

describe('sampleMoments', () => {
  it('matches hand-computed moments (exact in binary for these values)', () => {
    // x = 1, 2, 3, 6: mean 3, deviations −2, −1, 0, 3 → Σd² = 14, Σd⁴ = 16 + 1 + 0 + 81 = 98
    expect(sampleMoments([1, 2, 3, 6])).toEqual({ n: 4, mean: 3, variance: 14 / 3, m4: 98 / 4 });
  });
  it('two passes: no cancellation for a large offset (naive Σx² − n·x̄² would lose every digit)', () => {
    const x = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6];
    const m = sampleMoments(Float64Array.from(x));
    expect(m.variance).toBe(14 / 3);
    expect(m.m4).toBe(98 / 4);
  });
  it('bad input names the field', () => {
    expect(() => sampleMoments([1])).toThrow(/sampleMoments: field `x` must hold at least 2/);
    expect(() => sampleMoments([1, NaN])).toThrow(/field `x\[1\]`/);
  });
});
