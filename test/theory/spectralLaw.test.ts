import { describe, expect, it } from 'vitest';
import { ChiSquaredMpConvolution } from '../../src/stats/index.js';
import { MP_SCALE_ERROR, c2dLaw, c2dMean, c2dVarianceExact, c2dVarianceLimit, c2dWrongLaw, supDistance, tabulatedCdf, tabulatedLaw, type SpectralLaw } from '../../theory/spectralLaw.js';
import { C2D_REGIMES } from '../../properties/arbitraries/lawConfigs.js';

const p = { Nh: 20, Ni: 10, sigma1: 0.7, sigma2: 1.3 };

describe('theory/spectralLaw (C2d)', () => {
  it('the law is σ2²χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) with docs/theory.md mean and (limit) variance', () => {
    const law = c2dLaw(p);
    const ref = new ChiSquaredMpConvolution({ df: 20, chiScale: 1.69, ratio: 0.5, mpScale: 20 * 0.49 });
    for (const x of [5, 20, 40, 80]) expect(Math.abs(law.cdf(x) - ref.cdf(x))).toBeLessThan(1e-9);
    expect(law.mean()).toBeCloseTo(c2dMean(p), 10);
    expect(law.variance()).toBeCloseTo(c2dVarianceLimit(p), 8);
    // the exact finite-size variance exceeds the limit by Nh·σ1⁴
    expect(c2dVarianceExact(p) - c2dVarianceLimit(p)).toBeCloseTo(p.Nh * p.sigma1 ** 4, 10);
  });
  it('wrong neighbours are the named mutations', () => {
    const g = c2dWrongLaw(p, 'gamma-inverted');
    expect(g.variance()).toBeCloseTo(2 * 20 * 1.69 ** 2 + 2 * (20 * 0.49) ** 2, 8); // γ s² with γ = 2
    expect(c2dWrongLaw(p, 'no-chi2-shift').mean()).toBeCloseTo(20 * 0.49, 10);
    expect(c2dWrongLaw(p, 'mp-scale-10pc').mean()).toBeCloseTo(20 * 1.69 + MP_SCALE_ERROR * 20 * 0.49, 10);
    expect(() => c2dWrongLaw(p, 'pooled' as never)).toThrow(/field `which`/);
    expect(() => c2dLaw({ ...p, Nh: 0 })).toThrow(/field `Nh`/);
    expect(() => c2dLaw({ ...p, sigma2: NaN })).toThrow(/field `sigma2`/);
  });
  // The right law of every regime, and the neighbours with a χ²-smeared atom (the hardest to
  // tabulate: an atom 1 − 1/γ at ‖a‖², ~σ2²√(2Nh) wide). (All 16 laws pass; 6 keep CI fast.)
  it('tabulated cdfs used by the KS tests are within 1e-5 of the exact cdf', () => {
    for (const r of C2D_REGIMES) {
      const q = { Nh: r.Nh, Ni: r.Ni, sigma1: 1, sigma2: r.sigmaRatio };
      const extra = r.id === 'gamma-1/4' ? ['gamma-inverted' as const] : r.id === 'gamma-3/2' ? ['mp-scale-10pc' as const] : [];
      const laws = [c2dLaw(q), ...extra.map((w) => c2dWrongLaw(q, w))];
      for (const law of laws) {
        const tab = tabulatedLaw(law);
        const m = law.mean();
        const sd = Math.sqrt(law.variance());
        let worst = 0;
        for (let i = 0; i <= 60; i++) {
          const x = Math.max(1e-9, m + sd * (-5 + (10 * i + 0.37) / 60));
          worst = Math.max(worst, Math.abs(tab.cdf(x) - law.cdf(x)));
        }
        expect(worst, `${r.id} ${law.name}`).toBeLessThan(1e-5);
        if (law.sharp) {
          // and inside the sharp interval (the smeared atom for γ > 1)
          for (let i = 0; i <= 40; i++) {
            const x = law.sharp[0] + ((law.sharp[1] - law.sharp[0]) * (i + 0.41)) / 41;
            expect(Math.abs(tab.cdf(x) - law.cdf(x)), `${r.id} ${law.name} sharp`).toBeLessThan(1e-5);
          }
        }
      }
    }
    const t = tabulatedCdf((x) => x * x, 0, 1, 11);
    expect(t(0.55)).toBeCloseTo(0.5 * (0.25 + 0.36), 14);
  });
  it("the limit variance's deficit is Nh·σ1⁴: 1/(Ni + 1) of the exact MP part, 1/(Ni + 1 + 2(σ2/σ1)⁴) of the exact total", () => {
    for (const q of [p, { Nh: 128, Ni: 32, sigma1: 1.7, sigma2: 0.85 }, { Nh: 3, Ni: 50, sigma1: 0.2, sigma2: 2 }]) {
      const deficit = c2dVarianceExact(q) - c2dVarianceLimit(q);
      const mpExact = q.Nh * (q.Ni + 1) * q.sigma1 ** 4;
      expect(deficit / mpExact).toBeCloseTo(1 / (q.Ni + 1), 12);
      expect(deficit / c2dVarianceExact(q)).toBeCloseTo(1 / (q.Ni + 1 + 2 * (q.sigma2 / q.sigma1) ** 4), 12);
    }
  });
  it('supDistance: the grid maximum of |F_a − F_b| (uniform laws: closed form)', () => {
    const uniform = (a: number, b: number): SpectralLaw => ({ name: 'u', description: 'U(a, b)', cdf: (x) => Math.min(1, Math.max(0, (x - a) / (b - a))), mean: () => (a + b) / 2, variance: () => (b - a) ** 2 / 12 });
    // U(1, 2) vs U(1.1, 2.1): |ΔF| = 0.1 on [1.1, 2] — hit by the grid exactly
    expect(supDistance(uniform(1.1, 2.1), uniform(1, 2))).toBeCloseTo(0.1, 12);
    expect(supDistance(uniform(1, 2), uniform(1, 2))).toBe(0);
    // U(1, 3) vs U(1, 2): |ΔF| peaks at 1/2 at x = 2 with slopes ±½; the grid (step 16·sd/2000,
    // sd = 1/√12) passes within step/2 of it, so the grid maximum is short by ≤ step/4
    const step = (16 / Math.sqrt(12)) / 2000;
    const d = supDistance(uniform(1, 3), uniform(1, 2));
    expect(d).toBeLessThanOrEqual(0.5);
    expect(0.5 - d).toBeLessThanOrEqual(step / 4 + 1e-15);
  });
});
