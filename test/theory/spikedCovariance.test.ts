/**
 * theory/spikedCovariance.ts against values obtained another way:
 *  - hand derivations: the threshold and edge at γ = 1/4, 1, 2; the exact identity
 *    ρ(ℓ_c + δ) − (1 + √γ)² = δ²/(√γ + δ) (ρ(ℓ) = ℓ + γ + γ/(ℓ − 1); subtract the edge), so the
 *    outlier location tends to the edge as ℓ ↓ ℓ_c, quadratically, with no jump; the
 *    'threshold-at-1' neighbour's offset √γ(u − 1)²/u below ℓ_c (the same identity at δ < 0);
 *    Paul's variance, Lawley's bias, Johnstone's scale, the test statistics on small samples;
 *  - brute force: top eigenvalues of simulated spiked Wishart matrices on BOTH sides of the
 *    threshold and AT it, with tolerances derived from the fluctuation laws (below), and the
 *    outlier's spread over many draws against Paul's variance (α stated), the complex-case and
 *    the factor-free variances rejected by the same test.
 *
 * Simulation tolerances (R coupled draws: the same Gaussian X for every ℓ, only the first column
 * scaled, so λ_max is non-decreasing in ℓ draw by draw — a PSD perturbation ℓzzᵀ/N):
 *  - above ℓ_c: z_i = (λ_i − ρ)/(σ_ρ/√N), E z̄ = Lawley's c ± |c| (as the property), sd 1/√R:
 *    |z̄ − c| ≤ |c| + Z_ALPHA/√R;
 *  - below ℓ_c (outside the N^{−1/3} window): z in Johnstone's scale, E z̄ = E TW₁ ± EDGE_ALLOWANCE,
 *    sd TW1_SD/√R;
 *  - at ℓ_c: λ_max is above the unspiked one draw by draw, so E z̄ ≥ E TW₁ − allowance; continuity
 *    says it does not jump above the edge by more than the edge's own fluctuation scale:
 *    |z̄| ≤ |E TW₁| + EDGE_ALLOWANCE + Z_ALPHA·TW1_SD/√R (measured −0.5 … −0.1 at N = 100–400).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/rng.js';
import { spikedTopEigenvalues } from '../../src/spectrum/spikedWishart.js';
import {
  ALPHA,
  bbpThreshold,
  bulkEdge,
  complexOutlierSd,
  EDGE_ALLOWANCE,
  edgeScale,
  isSupercritical,
  locationScale,
  locationTest,
  neighbourTopEigenvalue,
  outlierBias,
  outlierSd,
  predictedTopEigenvalue,
  shrinkRatioBound,
  spreadTest,
  TW1_MEAN,
  TW1_SD,
  Z_ALPHA,
  CV_ABS,
} from '../../theory/spikedCovariance.js';

const EPS = 2 ** -52;

describe('threshold, edge and location: hand values and the identity at the threshold', () => {
  it('ℓ_c = 1 + √γ and edge (1 + √γ)² at γ = 1/4, 1, 2', () => {
    expect(bbpThreshold(0.25)).toBe(1.5);
    expect(bulkEdge(0.25)).toBe(2.25);
    expect(bbpThreshold(1)).toBe(2);
    expect(bulkEdge(1)).toBe(4);
    expect(bbpThreshold(2)).toBeCloseTo(1 + Math.SQRT2, 15);
    expect(bulkEdge(2)).toBeCloseTo(3 + 2 * Math.SQRT2, 14);
  });
  it('ρ(ℓ_c + δ) − edge = δ²/(√γ + δ) for δ from 1 down to 1e-4: the outlier tends to the edge, quadratically', () => {
    for (const gamma of [0.1, 0.25, 1, 2]) {
      const lc = bbpThreshold(gamma);
      for (const delta of [1, 0.1, 1e-2, 1e-3, 1e-4]) {
        const diff = predictedTopEigenvalue({ ell: lc + delta, gamma }) - bulkEdge(gamma);
        const exact = (delta * delta) / (Math.sqrt(gamma) + delta);
        // Rounding: ρ and the edge are ~(1 + √γ)² with a few ulps each; ℓ_c + δ itself is rounded.
        expect(Math.abs(diff - exact), `γ = ${gamma}, δ = ${delta}`).toBeLessThan(16 * EPS * bulkEdge(gamma));
      }
    }
  });
  it('at ℓ = ℓ_c exactly the prediction is the edge, and one ulp above it is still the edge to rounding (no jump)', () => {
    for (const gamma of [0.25, 1, 2]) {
      const lc = bbpThreshold(gamma);
      expect(isSupercritical({ ell: lc, gamma })).toBe(false);
      expect(predictedTopEigenvalue({ ell: lc, gamma })).toBe(bulkEdge(gamma));
      const above = lc * (1 + 2 * EPS);
      expect(isSupercritical({ ell: above, gamma })).toBe(true);
      expect(Math.abs(predictedTopEigenvalue({ ell: above, gamma }) - bulkEdge(gamma))).toBeLessThan(16 * EPS * bulkEdge(gamma));
    }
  });
  it('the prediction is continuous and non-decreasing in ℓ across the threshold (grid of 2001 points)', () => {
    for (const gamma of [0.25, 1]) {
      let prev = -Infinity;
      for (let i = 0; i <= 2000; i++) {
        const ell = 1.001 + (3 * Math.sqrt(gamma) * i) / 2000;
        const v = predictedTopEigenvalue({ ell, gamma });
        expect(v).toBeGreaterThanOrEqual(prev - 16 * EPS * v);
        // Lipschitz: ρ' = 1 − γ/(ℓ − 1)² ∈ [0, 1) above ℓ_c, 0 below, so a step of h moves it by < h.
        if (i > 0) expect(v - prev).toBeLessThan((3 * Math.sqrt(gamma)) / 2000 + 16 * EPS * v);
        prev = v;
      }
    }
  });
  it("neighbours: 'naive-spike' is ℓ; 'threshold-at-1' exceeds the edge below ℓ_c by √γ(u − 1)²/u at ℓ = 1 + u√γ", () => {
    for (const gamma of [0.25, 1]) {
      for (const u of [0.2, 0.5, 0.9]) {
        const p = { ell: 1 + u * Math.sqrt(gamma), gamma };
        expect(neighbourTopEigenvalue(p, 'naive-spike')).toBe(p.ell);
        const off = neighbourTopEigenvalue(p, 'threshold-at-1') - predictedTopEigenvalue(p);
        expect(Math.abs(off - (Math.sqrt(gamma) * (u - 1) ** 2) / u)).toBeLessThan(64 * EPS * bulkEdge(gamma) / u);
      }
    }
  });
  it("Paul's variance, the complex one, Lawley's bias and Johnstone's scale by hand", () => {
    // ℓ = 2, γ = 1/4: 2·4·(1 − 0.25/1) = 6.
    expect(outlierSd({ ell: 2, gamma: 0.25 }) ** 2).toBeCloseTo(6, 13);
    expect(complexOutlierSd({ ell: 2, gamma: 0.25 }) ** 2).toBeCloseTo(3, 13);
    expect(outlierBias({ ell: 3, gamma: 0.5 }, 100)).toBeCloseTo(-3 / 200, 15);
    // N = 400, M = 100: (20 + 10)(1/20 + 1/10)^{1/3}/400.
    expect(edgeScale(100, 400)).toBeCloseTo((30 * Math.cbrt(0.15)) / 400, 15);
    expect(() => outlierSd({ ell: -1, gamma: 0.5 })).toThrow(/ell/);
    expect(() => edgeScale(1.5, 4)).toThrow(/M/);
  });
});

describe('the test statistics on small samples (hand computation)', () => {
  it('locationTest: z̄, distance, tolerance and p', () => {
    const t = locationTest([1, 2, 3, 4], 2, { scale: 0.5, centre: 0.5, sd: 1, allowance: 0.2 });
    // z = (−1, 0, 1, 2)/0.5 → mean 1; distance |1 − 0.5| = 0.5; tolerance 0.2 + Z/2.
    expect(t.zMean).toBe(1);
    expect(t.distance).toBe(0.5);
    expect(t.tolerance).toBeCloseTo(0.2 + Z_ALPHA / 2, 14);
    // p = erfc(0.3·2/√2) = erfc(0.42426) = 0.54851 (tables).
    expect(t.pValue).toBeCloseTo(0.548506, 5);
  });
  it('spreadTest: variance ratio, kurtosis-based se, |log| distance', () => {
    // [1, 2, 3, 4]: s² = 5/3; m2/R = 1.25, m4/R = 2.5625, κ = 1.64; se = √(0.64/4) = 0.4.
    const t = spreadTest([1, 2, 3, 4], 5 / 3);
    expect(t.ratio).toBeCloseTo(1, 14);
    expect(t.se).toBeCloseTo(0.4, 14);
    expect(t.distance).toBeCloseTo(0, 14);
    expect(t.pValue).toBe(1);
    expect(spreadTest([1, 2, 3, 4], 5 / 6).distance).toBeCloseTo(Math.LN2, 14);
    expect(() => spreadTest([1, 1, 1, 1], 1)).toThrow(/no spread/);
  });
  it('shrinkRatioBound = r₀·exp(Z·√2·CV_ABS/√R)', () => {
    expect(shrinkRatioBound(0.5, 32)).toBeCloseTo(0.5 * Math.exp((Z_ALPHA * Math.SQRT2 * CV_ABS) / Math.sqrt(32)), 14);
  });
});

/** R coupled top eigenvalues at each spike (the same stream for every ℓ). */
function coupled(gamma: number, N: number, us: readonly number[], R: number, seed: number): Float64Array[] {
  const M = Math.round(gamma * N);
  return us.map((u) => spikedTopEigenvalues(Rng.fromSeed(seed), { M, N, ell: 1 + u * Math.sqrt(gamma) }, R));
}
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, v) => s + v, 0) / xs.length;

describe('brute force: simulated top eigenvalues on both sides of the threshold and at it', () => {
  const R = 40;
  const US = [0, 0.5, 1, 1.5, 2.5];
  for (const [gamma, N] of [[0.25, 400], [1, 100]] as const) {
    it(`γ = ${gamma}, N = ${N}: edge below, outlier above, edge at ℓ_c; wrong thresholds rejected (${R} coupled draws per spike)`, () => {
      const M = Math.round(gamma * N);
      const draws = coupled(gamma, N, US, R, 4242 + N);
      // λ_max is non-decreasing in ℓ draw by draw (exact up to the eigensolver's rounding).
      for (let k = 1; k < US.length; k++) for (let i = 0; i < R; i++) expect(draws[k][i]).toBeGreaterThanOrEqual(draws[k - 1][i] * (1 - 1e-12));
      const s = edgeScale(M, N);
      const twTol = EDGE_ALLOWANCE + (Z_ALPHA * TW1_SD) / Math.sqrt(R);
      US.forEach((u, k) => {
        const ell = 1 + u * Math.sqrt(gamma);
        const p = { ell, gamma };
        const m = mean(draws[k]);
        if (u < 1) {
          expect(Math.abs((m - bulkEdge(gamma)) / s - TW1_MEAN), `u = ${u}: below, at the edge`).toBeLessThanOrEqual(twTol);
          // A threshold placed too low (e.g. at 1) predicts ρ(ℓ) > edge here: off by √γ(u − 1)²/u.
          if (u > 0) expect(Math.abs((m - neighbourTopEigenvalue(p, 'threshold-at-1')) / s - TW1_MEAN), `u = ${u}: 'threshold at 1' must miss`).toBeGreaterThan(twTol);
        } else if (u === 1) {
          expect(Math.abs((m - bulkEdge(gamma)) / s), 'at ℓ_c: within the edge envelope').toBeLessThanOrEqual(Math.abs(TW1_MEAN) + twTol);
        } else {
          const ls = locationScale(p, M, N);
          const z = (m - predictedTopEigenvalue(p)) / ls.scale;
          expect(Math.abs(z - ls.centre), `u = ${u}: above, the outlier`).toBeLessThanOrEqual(Math.abs(ls.centre) + Z_ALPHA / Math.sqrt(R));
          // A threshold placed too high predicts the edge here: the same test must miss it.
          expect(Math.abs((m - bulkEdge(gamma)) / ls.scale - ls.centre), `u = ${u}: 'edge' must miss`).toBeGreaterThan(Math.abs(ls.centre) + Z_ALPHA / Math.sqrt(R));
        }
      });
    });
  }
});

describe("brute force: the outlier's spread is Paul's variance 2ℓ²(1 − γ/(ℓ − 1)²)/N", () => {
  it(`γ = 1/4, ℓ = 2 (u = 2), N = 100, 2000 draws: log variance ratio within the allowance at α = ${ALPHA}; complex-case and factor-free variances rejected`, () => {
    const gamma = 0.25;
    const N = 100;
    const p = { ell: 2, gamma };
    const sample = spikedTopEigenvalues(Rng.fromSeed(77), { M: Math.round(gamma * N), N, ell: p.ell }, 2000);
    const right = spreadTest(sample, outlierSd(p) ** 2 / N);
    expect(right.pValue, `ratio ${right.ratio}`).toBeGreaterThanOrEqual(ALPHA);
    // β = 2 (complex Gaussian data): half the variance, log ratio off by log 2.
    expect(spreadTest(sample, complexOutlierSd(p) ** 2 / N).pValue).toBeLessThan(ALPHA);
    // Without the factor (1 − γ/(ℓ − 1)²) = 3/4: log ratio off by log(4/3) = 0.29.
    expect(spreadTest(sample, (2 * p.ell ** 2) / N).pValue).toBeLessThan(ALPHA);
  });
});
