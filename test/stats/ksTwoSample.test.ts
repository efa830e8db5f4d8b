import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from '../fixtures/scipy/ks_two_sample.json' with { type: 'json' };
import { ksTwoSample } from '../../src/stats/ksTwoSample.js';
import { EPS, ErrorTable, TestRng, expectAbs, relErr } from './helpers.js';

interface K2Case { n: number; m: number; x: number[]; y: number[]; D_scipy: number; p_exact_scipy: number; p_asymp_scipy: number; p_exact_ref?: number; ties?: boolean }
const cases = (fixture as unknown as { cases: K2Case[] }).cases;

describe('ksTwoSample against scipy.stats.ks_2samp and exact integer lattice-path counts', () => {
  it('statistic D equals scipy (it is a difference of two rationals: 4 EPS)', () => {
    for (const c of cases) expectAbs(ksTwoSample(c.x, c.y).D, c.D_scipy, 4 * EPS, { n: c.n, m: c.m });
  });

  it("exact p-value vs the exact rational count: relative ≤ 1e-13 + 64 EPS·|ln p| (ours) ", () => {
    // Budget: the Viehmann recursion averages probabilities (entries in [0, 1]) over n + m
    // steps, the square formula multiplies ~n/h·h factors: ~(n + m)·EPS relative, here ≤ 1e-13.
    const table = new ErrorTable();
    const scipyTable = new ErrorTable();
    for (const c of cases) {
      if (c.p_exact_ref === undefined) continue;
      const r = ksTwoSample(c.x, c.y, { method: 'exact' });
      expect(r.method).toBe('exact');
      const tol = 1e-13 + 64 * EPS * Math.abs(Math.log(c.p_exact_ref));
      expect(relErr(r.pValue, c.p_exact_ref), JSON.stringify({ n: c.n, m: c.m, got: r.pValue, ref: c.p_exact_ref })).toBeLessThanOrEqual(tol);
      table.record(c.n === c.m ? 'n = m (square formula)' : 'n ≠ m (inside recursion)', relErr(r.pValue, c.p_exact_ref), [c.n, c.m]);
      scipyTable.record('scipy exact', relErr(c.p_exact_scipy, c.p_exact_ref), [c.n, c.m]);
    }
    console.log('ksTwoSample exact p max relative error vs integer count:', table.summary(), scipyTable.summary());
  });

  it('exact p-value agrees with scipy (same algorithms) where no integer reference exists', () => {
    for (const c of cases) {
      const r = ksTwoSample(c.x, c.y, { method: 'exact' });
      const tol = 1e-12 * c.p_exact_scipy + 64 * EPS * c.p_exact_scipy * Math.abs(Math.log(c.p_exact_scipy || 1));
      expectAbs(r.pValue, c.p_exact_scipy, Math.max(tol, 1e-300), { n: c.n, m: c.m });
    }
  });

  it("asymptotic p-value = scipy's method='asymp' (kstwo at n_eff = round(nm/(n+m)))", () => {
    for (const c of cases) {
      const r = ksTwoSample(c.x, c.y, { method: 'asymptotic' });
      expect(r.method).toBe('asymptotic');
      // same kstwo dispatch as scipy: budget as in kolmogorov.test.ts (relative (64 + 4|ln p|)·EPS or 32 EPS absolute)
      const tol = Math.max((64 + 4 * Math.abs(Math.log(c.p_asymp_scipy || 1))) * EPS * c.p_asymp_scipy, 32 * EPS);
      expectAbs(r.pValue, c.p_asymp_scipy, tol, { n: c.n, m: c.m });
    }
  });

  it("'auto' is exact up to max(n, m) = 10000 (scipy's MAX_AUTO_N)", () => {
    const c = cases[0];
    expect(ksTwoSample(c.x, c.y).method).toBe('exact');
  });
});

describe('ksTwoSample properties', () => {
  it('symmetric in the two samples and p ∈ [0, 1] (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (x, y) => {
          const a = ksTwoSample(x, y);
          const b = ksTwoSample(y, x);
          return a.D === b.D && Math.abs(a.pValue - b.pValue) <= 8 * EPS && a.pValue >= 0 && a.pValue <= 1;
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('identical samples: D = 0, p = 1; disjoint samples: D = 1 and p = 2/C(n+m, n)', () => {
    const r = ksTwoSample([1, 2, 3], [1, 2, 3]);
    expect(r.D).toBe(0);
    expect(r.pValue).toBe(1);
    const s = ksTwoSample([1, 2, 3, 4], [5, 6, 7, 8, 9]);
    expect(s.D).toBe(1);
    // only the two extreme orderings reach D = 1: p = 2/C(9, 4) = 2/126
    expect(relErr(s.pValue, 2 / 126)).toBeLessThanOrEqual(16 * EPS);
  });

  it('null calibration: P(p < 0.05) over 1000 seeded pairs (n = 30, m = 45) is ≤ 0.05 + 4 s.e.', () => {
    // the exact test is conservative for discrete D: the rate is ≤ α, not = α
    const rng = new TestRng(7);
    let rej = 0;
    const reps = 1000;
    for (let r = 0; r < reps; r++) {
      const x = Array.from({ length: 30 }, () => rng.normal());
      const y = Array.from({ length: 45 }, () => rng.normal());
      if (ksTwoSample(x, y).pValue < 0.05) rej++;
    }
    expect(rej / reps).toBeLessThanOrEqual(0.05 + 4 * Math.sqrt((0.05 * 0.95) / reps));
    expect(rej / reps).toBeGreaterThan(0.02);
  });

  it('bad input throws naming the function, the field and the fix', () => {
    expect(() => ksTwoSample([], [1])).toThrow(/ksTwoSample: field `x` must not be empty/);
    expect(() => ksTwoSample([1], [Infinity])).toThrow(/ksTwoSample: field `y\[0\]` must be a finite number/);
    expect(() => ksTwoSample([1], [2], { method: 'fast' as never })).toThrow(/ksTwoSample: field `method`/);
  });
});
