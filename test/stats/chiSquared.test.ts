import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from '../fixtures/scipy/chi_squared.json' with { type: 'json' };
import { ChiSquared } from '../../src/stats/chiSquared.js';
import { EPS, ErrorTable, expectRel, relErr } from './helpers.js';

interface CCase {
  df: number; scale: number; x: number; tail: 'lower' | 'upper'; target: number;
  cdf: number; sf: number; logpdf: number; quantile: number;
  cdf_scipy: number; sf_scipy: number; quantile_scipy: number;
}
const cases = (fixture as unknown as { cases: CCase[] }).cases;

/** Tail budget as for the incomplete gamma (κ ≈ |x/(2s) − k/2| is the tail's condition number), capped at 1e-12. */
function tailBudget(value: number, c: CCase): number {
  const y = c.x / (2 * c.scale);
  return Math.min(1e-12, (64 + 2 * Math.abs(Math.log(value)) + 2 * Math.abs(y - c.df / 2)) * EPS);
}

describe('ChiSquared against mpmath and scipy (test/fixtures/scipy/chi_squared.json)', () => {
  it('cdf and sf each accurate in its own tail, down to 1e-300, df ≤ 2000', () => {
    const t = new ErrorTable();
    const s = new ErrorTable();
    for (const c of cases) {
      const d = new ChiSquared({ df: c.df, scale: c.scale });
      if (c.cdf >= 1e-300) {
        expectRel(d.cdf(c.x), c.cdf, tailBudget(c.cdf, c), c);
        t.record(`cdf (${c.tail} quantile points)`, relErr(d.cdf(c.x), c.cdf), c);
        s.record('scipy cdf', relErr(c.cdf_scipy, c.cdf), c);
      }
      if (c.sf >= 1e-300) {
        expectRel(d.sf(c.x), c.sf, tailBudget(c.sf, c), c);
        t.record(`sf (${c.tail} quantile points)`, relErr(d.sf(c.x), c.sf), c);
        s.record('scipy sf', relErr(c.sf_scipy, c.sf), c);
      }
    }
    console.log('ChiSquared cdf/sf max relative error vs mpmath:', t.summary(), s.summary());
  });

  it('quantile (ppf) and isf recover the exact quantile to the conditioning bound', () => {
    // The quantile's condition number is 1/|d ln T/d ln x| ≤ 1 away from the body; the bound is
    // (tail error + 8 EPS)·(1 + 1/|d ln T/d ln x|), with d ln T/d ln x = x·pdf/T (exact, from the fixture).
    const t = new ErrorTable();
    const s = new ErrorTable();
    for (const c of cases) {
      const d = new ChiSquared({ df: c.df, scale: c.scale });
      const got = c.tail === 'lower' ? d.quantile(c.target) : d.isf(c.target);
      const T = c.tail === 'lower' ? c.cdf : c.sf;
      const elasticity = (c.x * Math.exp(c.logpdf)) / T;
      const tol = (tailBudget(T, c) + 8 * EPS) * (1 + 1 / elasticity);
      expectRel(got, c.quantile, tol, { ...c, got, tol });
      t.record(c.tail === 'lower' ? 'quantile(p)' : 'isf(q)', relErr(got, c.quantile), c);
      s.record(c.tail === 'lower' ? 'scipy ppf' : 'scipy isf', relErr(c.quantile_scipy, c.quantile), c);
    }
    console.log('ChiSquared quantile/isf max relative error vs mpmath:', t.summary(), s.summary());
  });

  it('logpdf: absolute error ≤ (16 + |logpdf| + |x/(2s) − k/2|)·2 EPS', () => {
    for (const c of cases) {
      const d = new ChiSquared({ df: c.df, scale: c.scale });
      const tol = (16 + Math.abs(c.logpdf) + Math.abs(c.x / (2 * c.scale) - c.df / 2)) * 2 * EPS;
      expect(Math.abs(d.logpdf(c.x) - c.logpdf), JSON.stringify(c)).toBeLessThanOrEqual(tol);
    }
  });
});

describe('ChiSquared identities and boundaries', () => {
  it('cdf + sf = 1 and ppf(cdf(x)) ≈ x (seeded property, df ∈ (0.5, 2000))', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2000, noNaN: true }), fc.double({ min: 0.02, max: 0.98, noNaN: true }), (df, u) => {
        const d = new ChiSquared({ df });
        const x = d.quantile(u);
        if (Math.abs(d.cdf(x) + d.sf(x) - 1) > 4 * EPS) return false;
        // |Δx/x| ≤ (|Δp|/p)·(1/elasticity) with |Δp|/p ≤ 64 EPS: elasticity ≥ x·pdf/cdf
        const elasticity = (x * d.pdf(x)) / Math.min(d.cdf(x), d.sf(x));
        return relErr(d.quantile(d.cdf(x)), x) <= (64 * EPS) / elasticity + 8 * EPS;
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('mean and variance match the defining integrals (Gauss–Laguerre-free check: numerical sums)', () => {
    const d = new ChiSquared({ df: 7, scale: 1.5 });
    expect(d.mean()).toBe(10.5);
    expect(d.variance()).toBe(2 * 7 * 1.5 * 1.5);
    // E[X] = ∫ sf(x) dx by a fine trapezoid on [0, 200] (the sf beyond 200 is < 1e-30)
    let m1 = 0;
    const h = 0.005;
    for (let x = 0; x < 200; x += h) m1 += 0.5 * h * (d.sf(x) + d.sf(x + h));
    expect(relErr(m1, 10.5)).toBeLessThan(1e-6);
  });

  it('boundaries and special cases', () => {
    const d = new ChiSquared({ df: 2 });
    expect(d.cdf(0)).toBe(0);
    expect(d.sf(0)).toBe(1);
    expect(d.cdf(-1)).toBe(0);
    expect(d.pdf(0)).toBe(0.5);
    expect(new ChiSquared({ df: 1 }).pdf(0)).toBe(Infinity);
    expect(new ChiSquared({ df: 3 }).pdf(0)).toBe(0);
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Infinity);
    expect(d.isf(0)).toBe(Infinity);
    expect(d.isf(1)).toBe(0);
    expect(d.quantile(1.5)).toBeNaN();
    expect(d.cdf(NaN)).toBeNaN();
    // χ²(2) is exponential with mean 2: sf(x) = e^{−x/2}, isf(q) = −2 ln q
    expectRel(d.sf(1400), Math.exp(-700), 1400 * EPS, 'sf(1400)');
    expectRel(d.isf(1e-300), -2 * Math.log(1e-300), 8 * EPS, 'isf(1e-300)');
    // χ²(1) lower tail: the quantile of p = 1e-300 underflows (≈ 1.6e-600) → 0
    expect(new ChiSquared({ df: 1 }).quantile(1e-300)).toBe(0);
  });

  it('constructor throws naming the class, the field and the fix', () => {
    expect(() => new ChiSquared({ df: -1 })).toThrow(/ChiSquared: field `df` must be a finite number > 0 \(got -1\); pass the degrees of freedom/);
    expect(() => new ChiSquared({ df: NaN })).toThrow(/ChiSquared: field `df`/);
    expect(() => new ChiSquared({ df: 3, scale: 0 })).toThrow(/ChiSquared: field `scale` must be a finite number > 0/);
    expect(() => new ChiSquared(undefined as never)).toThrow(/ChiSquared: expected an object/);
  });
});
