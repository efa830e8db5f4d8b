import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import fixture from '../fixtures/scipy/marchenko_pastur.json' with { type: 'json' };
import { MarchenkoPastur } from '../../src/stats/marchenkoPastur.js';
import { integrate } from '../../src/stats/tanhSinh.js';
import { EPS, ErrorTable, TestRng, expectRel, relErr } from './helpers.js';

interface MCase { ratio: number; scale: number; x: number; cdf: number; sf: number; cont: number; pdf: number }
const cases = (fixture as unknown as { cases: MCase[] }).cases;

/**
 * Budget: the edges s(1 ∓ √γ)² are not doubles — the computed edge is off by a few ulps — and
 * near an edge the tail behaves like (distance)^{3/2}: condition number κ = 1.5·x/distance.
 * Budget (32 + 8κ)·EPS (8 covers the ~3 roundings in forming the edge and x/s).
 */
function budget(c: MCase, d: MarchenkoPastur, tail: 'cdf' | 'sf'): number {
  const dist = tail === 'cdf' ? c.x - d.lowerEdge : d.upperEdge - c.x;
  const kappa = (1.5 * c.x) / Math.max(dist, Number.MIN_VALUE);
  return (32 + 8 * kappa) * EPS;
}

describe('MarchenkoPastur closed-form cdf against mpmath integration of the density', () => {
  it('continuous cdf (lower half) and sf (upper half) each relative-accurate; cdf with atom absolute', () => {
    const t = new ErrorTable();
    for (const c of cases) {
      const d = new MarchenkoPastur({ ratio: c.ratio, scale: c.scale });
      const lowerHalf = c.x <= d.scale * (1 + c.ratio);
      const frac = lowerHalf ? (c.x - d.lowerEdge) / (d.upperEdge - d.lowerEdge) : (d.upperEdge - c.x) / (d.upperEdge - d.lowerEdge);
      const where = frac < 1e-3 ? 'distance < 1e-3·width' : frac < 0.1 ? 'distance 1e-3–0.1·width' : 'distance ≥ 0.1·width';
      if (lowerHalf) {
        expectRel(d.continuousCdf(c.x), c.cont, budget(c, d, 'cdf'), c);
        t.record(`continuous cdf, lower half, ${where}`, relErr(d.continuousCdf(c.x), c.cont), c);
      } else {
        expectRel(d.sf(c.x), c.sf, budget(c, d, 'sf'), c);
        t.record(`sf, upper half, ${where}`, relErr(d.sf(c.x), c.sf), c);
      }
      // the complementary tails (atom included) to absolute 8 EPS
      expect(Math.abs(d.cdf(c.x) - c.cdf)).toBeLessThanOrEqual(8 * EPS);
      expect(Math.abs(d.sf(c.x) - c.sf)).toBeLessThanOrEqual(8 * EPS);
      expectRel(d.pdf(c.x), c.pdf, 16 * EPS + budget(c, d, lowerHalf ? 'cdf' : 'sf'), c);
    }
    console.log('MarchenkoPastur max relative error vs mpmath quad:', t.summary());
  });

  it('cdf + sf = 1 and quantile(cdf(x)) ≈ x (seeded property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (g, u) => {
        const d = new MarchenkoPastur({ ratio: g, scale: 3 });
        const x = d.lowerEdge + u * (d.upperEdge - d.lowerEdge);
        if (Math.abs(d.cdf(x) + d.sf(x) - 1) > 4 * EPS) return false;
        const back = d.quantile(d.cdf(x));
        const backIsf = d.isf(d.sf(x));
        // conditioning of the inverse: |Δx| ≈ |ΔF|/pdf with |ΔF| ≤ 8 EPS·max(F, S)
        const tol = (8 * EPS) / d.pdf(x) + 8 * EPS * x;
        return Math.abs(back - x) <= tol && Math.abs(backIsf - x) <= tol;
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('MarchenkoPastur moments: which convention makes docs/theory.md C2d hold', () => {
  for (const g of [0.25, 1, 2.5]) {
    it(`γ = ${g}: with the atom mean = s, variance = γs²; conditional on λ ≠ 0 mean = s·max(1, γ)`, () => {
      const s = 4;
      const d = new MarchenkoPastur({ ratio: g, scale: s });
      const opts = { relTol: 1e-13 };
      const m0 = integrate((x) => d.pdf(x), d.lowerEdge, d.upperEdge, opts).value; // continuous mass
      const m1 = integrate((x) => x * d.pdf(x), d.lowerEdge, d.upperEdge, opts).value; // atom adds 0
      const m2 = integrate((x) => x * x * d.pdf(x), d.lowerEdge, d.upperEdge, opts).value;
      expectRel(m0, Math.min(1, 1 / g), 1e-12, 'continuous mass');
      expectRel(m1, d.mean(), 1e-12, 'mean with atom');
      expectRel(m1, s, 1e-12, 'mean = s');
      expectRel(m2 - m1 * m1, d.variance(), 1e-11, 'variance with atom');
      expectRel(m2 - m1 * m1, g * s * s, 1e-11, 'variance = γ s²');
      expectRel(m1 / m0, d.nonzeroMean(), 1e-12, 'conditional mean');
      expectRel(m2 / m0 - (m1 / m0) ** 2, d.nonzeroVariance(), 1e-11, 'conditional variance');
      if (g > 1) expect(Math.abs(m1 / m0 - s)).toBeGreaterThan(0.1 * s); // conditional mean ≠ s
    });
  }

  it('docs/theory.md C2d numbers (mean Nh(σ1²+σ2²), variance 2Nhσ2⁴ + Nh·Ni·σ1⁴) hold only with the atom', () => {
    const Nh = 20;
    const Ni = 50; // γ = 2.5 > 1: an atom of mass 0.6
    const s1 = 1.3;
    const mp = new MarchenkoPastur({ ratio: Ni / Nh, scale: Nh * s1 });
    expectRel(mp.mean(), Nh * s1, 4 * EPS, 'MP mean with atom = Nh σ1²');
    expectRel(mp.variance(), Nh * Ni * s1 * s1, 4 * EPS, 'MP variance = Nh Ni σ1⁴');
    expect(Math.abs(mp.nonzeroMean() - Nh * s1)).toBeGreaterThan(1); // without the atom the mean is Ni σ1²
  });

  it('Wishart check: eigenvalues of WᵀW (W: Nh×Ni, N(0, σ²)) approach MP(Ni/Nh, Nh σ²), distance shrinks', () => {
    // Pooled eigenvalues are not iid, so this uses the KS *distance* only (no p-value).
    const rng = new TestRng(2025);
    const distance = (nh: number, ni: number, draws: number): number => {
      const sigma2 = 0.7;
      const eig: number[] = [];
      for (let r = 0; r < draws; r++) {
        const W = new Matrix(nh, ni);
        for (let i = 0; i < nh; i++) for (let j = 0; j < ni; j++) W.set(i, j, Math.sqrt(sigma2) * rng.normal());
        const evd = new EigenvalueDecomposition(W.transpose().mmul(W), { assumeSymmetric: true });
        for (const v of evd.realEigenvalues) eig.push(Math.max(0, v));
      }
      const d = new MarchenkoPastur({ ratio: ni / nh, scale: nh * sigma2 });
      // The atom: exactly Ni − Nh zero eigenvalues per draw (rounding leaves them ≲ 1e-10·edge).
      const nonzero = eig.filter((v) => v > 1e-8 * d.upperEdge).sort((a, b) => a - b);
      expect(eig.length - nonzero.length).toBe(draws * Math.max(0, ni - nh));
      // KS distance of the nonzero eigenvalues to the conditional law F_c/continuousMass
      let D = 0;
      for (let i = 0; i < nonzero.length; i++) {
        const F = d.continuousCdf(nonzero[i]) / d.continuousMass;
        D = Math.max(D, (i + 1) / nonzero.length - F, F - i / nonzero.length);
      }
      return D;
    };
    const small = distance(10, 25, 40); // γ = 2.5 (atom)
    const large = distance(40, 100, 10);
    expect(large).toBeLessThan(small);
    expect(large).toBeLessThan(0.06);
  });
});

describe('MarchenkoPastur boundaries and bad input', () => {
  it('edges, atom and special values', () => {
    const d = new MarchenkoPastur({ ratio: 4, scale: 2 });
    expect(d.atomMass).toBe(0.75);
    expect(d.cdf(0)).toBe(0.75);
    expect(d.cdf(-1)).toBe(0);
    expect(d.cdf(d.lowerEdge)).toBe(0.75);
    expect(d.cdf(d.upperEdge)).toBe(1);
    expect(d.sf(d.upperEdge)).toBe(0);
    expect(d.quantile(0.5)).toBe(0);
    expect(d.quantile(1)).toBe(d.upperEdge);
    expect(d.pdf(d.upperEdge + 1)).toBe(0);
    expect(d.quantile(-0.1)).toBeNaN();
    const e = new MarchenkoPastur({ ratio: 1 }); // lower edge 0, density ~ λ^{-1/2}
    expect(e.lowerEdge).toBe(0);
    expectRel(e.cdf(1e-10), (2 / Math.PI) * Math.sqrt(1e-10), 1e-9, 'γ = 1 near 0: F ≈ (2/π)√λ');
  });

  it('constructor throws naming the class, the field and the fix', () => {
    expect(() => new MarchenkoPastur({ ratio: 0 })).toThrow(/MarchenkoPastur: field `ratio` must be a finite number > 0 \(got 0\); pass γ = Ni\/Nh/);
    expect(() => new MarchenkoPastur({ ratio: 1, scale: -2 })).toThrow(/MarchenkoPastur: field `scale`/);
    expect(() => new MarchenkoPastur(null as never)).toThrow(/MarchenkoPastur: expected an object/);
  });
});
