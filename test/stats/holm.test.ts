import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holm } from '../../src/stats/holm.js';

describe('holm', () => {
  it("matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm') = 0.03 0.06 0.06 0.02", () => {
    const r = holm([0.01, 0.04, 0.03, 0.005], 0.05);
    const expected = [0.03, 0.06, 0.06, 0.02];
    r.adjusted.forEach((a, i) => expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(1e-16));
    expect(r.reject).toEqual([true, false, false, true]);
  });

  it('properties: adjusted ≥ p, ≤ 1, monotone in p; reject ⇔ adjusted ≤ α; contains Bonferroni (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (ps, alpha) => {
        const r = holm(ps, alpha);
        const m = ps.length;
        for (let i = 0; i < m; i++) {
          if (r.adjusted[i] < ps[i] || r.adjusted[i] > 1) return false;
          if (r.reject[i] !== r.adjusted[i] <= alpha) return false;
          if (ps[i] * m <= alpha && !r.reject[i]) return false; // Bonferroni rejections are kept
          for (let j = 0; j < m; j++) if (ps[i] < ps[j] && r.adjusted[i] > r.adjusted[j]) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('bad input throws naming the function, the field and the fix', () => {
    expect(() => holm([], 0.05)).toThrow(/holm: field `pValues` must be a non-empty array/);
    expect(() => holm([0.1, 1.5], 0.05)).toThrow(/holm: field `pValues\[1\]` must be a number in \[0, 1\]/);
    expect(() => holm([0.1], 0)).toThrow(/holm: field `alpha`/);
    expect(() => holm([0.1], NaN)).toThrow(/holm: field `alpha`/);
  });
});
