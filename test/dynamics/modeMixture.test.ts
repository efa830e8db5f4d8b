/**
 * The eigenbasis prediction L_t = ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} (and e^{−2λ_i t} for flow)
 * against closed forms: a diagonal Hessian (the formula exactly), the matrix iteration
 * (an independent route), the naive sum at moderate t, flow vs descent at small η, and
 * huge t / ηλ = 1 where the naive sum fails.
 */
import { describe, expect, it } from 'vitest';
import { EPS, frobenius } from '../../src/linalg/matrix.js';
import { quadraticModelOfMatrix } from '../../src/dynamics/eigenbasis.js';
import {
  contamination,
  dominanceStep,
  gradientDescentPrediction,
  gradientFlowPrediction,
  logLossAt,
  lossAt,
  slowestModes,
} from '../../src/dynamics/modeMixture.js';
import { quadraticGradientDescent } from '../../src/dynamics/quadraticIteration.js';
import { diagonalQuadratic } from './diagonalQuadratic.js';

const LAMBDAS = [0, 0.05, 0.4, 1, 0, 1.6];
const D0 = Float64Array.from([0.3, -0.2, 0.5, 0.1, -0.7, 0.25]);

/** The formula summed naively over the curved modes of a diagonal H (eigenvectors = axes). */
function naive(lambdas: number[], d0: Float64Array, eta: number | null, t: number): number {
  let s = 0;
  lambdas.forEach((l, i) => {
    if (l === 0) return;
    const f = eta === null ? Math.exp(-2 * l * t) : Math.pow(1 - eta * l, 2 * t);
    s += 0.5 * l * d0[i] * d0[i] * f;
  });
  return s;
}

describe('gradientDescentPrediction on a diagonal Hessian', () => {
  const m = quadraticModelOfMatrix(diagonalQuadratic(LAMBDAS).H);
  const eta = 0.9;
  const mix = gradientDescentPrediction(m, D0, eta);
  it('is the closed form at moderate t (log space vs naive, 64·eps relative per unit of t·|ρ| and a few ulps)', () => {
    for (const t of [0, 1, 2, 7, 30, 100]) {
      const want = naive(LAMBDAS, D0, eta, t);
      // Each naive pow carries ≈ 2t·eps relative (rounded base raised to 2t); log-sum-exp a few ulps.
      expect(Math.abs(lossAt(mix, t) - want)).toBeLessThanOrEqual((8 + 4 * t) * EPS * want);
    }
  });
  it('leaves the flat modes out: they carry no loss and do not decay', () => {
    expect(mix.eigenvalues.length).toBe(4);
    const zeroFlat = Float64Array.from(D0);
    zeroFlat[0] = 0;
    zeroFlat[4] = 0;
    expect(logLossAt(gradientDescentPrediction(m, zeroFlat, eta), 5)).toBe(logLossAt(mix, 5));
  });
  it('agrees with the matrix iteration d ← d − ηHd (independent route) to the iteration rounding', () => {
    const T = 200;
    const run = quadraticGradientDescent(diagonalQuadratic(LAMBDAS).H, D0, eta, T);
    // Per step ≤ 3 roundings of each coordinate, amplified by ηλ/|1 − ηλ| ≤ 1.44/0.44 < 4:
    // relative loss error ≤ 2·T·3·4·eps.
    for (const t of [0, 1, 10, 50, T]) {
      const want = lossAt(mix, t);
      expect(Math.abs(run.losses[t] - want)).toBeLessThanOrEqual(24 * (t + 1) * EPS * want);
    }
  });
  it('stays finite in log space at t = 1e6 and 1e12, where the naive sum underflows to 0', () => {
    expect(naive(LAMBDAS, D0, eta, 1e6)).toBe(0);
    const slow = slowestModes(mix);
    for (const t of [1e6, 1e12]) {
      const l = logLossAt(mix, t);
      expect(Number.isFinite(l)).toBe(true);
      // The slowest mode dominates completely: log L = α_s + t·ρ_s to rounding of t·ρ_s.
      expect(Math.abs(l - (slow.logAmplitude + t * slow.logRate))).toBeLessThanOrEqual(4 * EPS * Math.abs(t * slow.logRate));
    }
  });
  it('keeps the digits of a rate 1 − 1e-17 (log1p), where (1 − ηλ)^{2t} in floating point is exactly 1', () => {
    const tiny = quadraticModelOfMatrix(diagonalQuadratic([1e-17, 1]).H);
    // Rank by |λ| > P·eps·λ_max would drop 1e-17: use eta on a matrix whose small λ is resolved instead.
    expect(tiny.rank).toBe(1);
    const resolved = quadraticModelOfMatrix(diagonalQuadratic([1e-3, 1]).H);
    const mixTiny = gradientDescentPrediction(resolved, Float64Array.from([1, 0]), 1e-14);
    // ρ = 2 log(1 − 1e-17) = −2e-17 exactly to rounding; naive Math.pow(1 − 1e-17, 2t) = 1.
    expect(mixTiny.logRates[0]).toBeCloseTo(-2e-17, 30);
    expect(Math.pow(1 - 1e-17, 2e15)).toBe(1);
    const t = 1e15;
    expect(logLossAt(mixTiny, t) - logLossAt(mixTiny, 0)).toBeCloseTo(-2e-2, 12);
  });
  it('a mode with ηλ = 1 exactly is present at t = 0 and gone from t = 1 (0⁰ = 1, never NaN)', () => {
    const mm = quadraticModelOfMatrix(diagonalQuadratic([0.5, 2]).H);
    const one = gradientDescentPrediction(mm, Float64Array.from([0, 1]), 0.5);
    expect(one.logRates[1]).toBe(-Infinity);
    expect(lossAt(one, 0)).toBe(1);
    expect(logLossAt(one, 1)).toBe(-Infinity);
    expect(logLossAt(one, 3.5)).toBe(-Infinity);
  });
  it('rejects a bad step or time by name', () => {
    expect(() => gradientDescentPrediction(m, D0, 0)).toThrow(/eta/);
    expect(() => gradientDescentPrediction(m, D0, NaN)).toThrow(/eta/);
    expect(() => logLossAt(mix, -1)).toThrow(/t must be/);
    expect(() => logLossAt(mix, Infinity)).toThrow(/t must be/);
  });
});

describe('gradient flow vs gradient descent', () => {
  const m = quadraticModelOfMatrix(diagonalQuadratic(LAMBDAS).H);
  it('flow is the closed form ½ Σ λc² e^{−2λt}', () => {
    const flow = gradientFlowPrediction(m, D0);
    for (const t of [0, 0.5, 3, 40]) {
      const want = naive(LAMBDAS, D0, null, t);
      expect(Math.abs(lossAt(flow, t) - want)).toBeLessThanOrEqual(16 * EPS * want);
    }
  });
  it('descent at small η tends to flow, within the derived bound Tηλ_max²/(1 − ηλ_max)', () => {
    // Per mode, (2T/η)·(log(1 − ηλ) + ηλ) ∈ [−Tηλ²/(1 − ηλ), −Tηλ²]; the mixture's log is
    // within the worst mode's bound.
    const flow = gradientFlowPrediction(m, D0);
    const T = 5;
    const lmax = 1.6;
    for (const eta of [1e-2, 1e-3, 1e-4]) {
      const gd = gradientDescentPrediction(m, D0, eta);
      const steps = Math.round(T / eta);
      const diff = Math.abs(logLossAt(gd, steps) - logLossAt(flow, T));
      const bound = (T * eta * lmax * lmax) / (1 - eta * lmax);
      expect(diff).toBeLessThanOrEqual(bound);
      // …and the bound is not vacuous: the difference really shrinks like η.
      expect(diff).toBeGreaterThanOrEqual((T * eta * 0.05 * 0.05) / 2);
    }
  });
});

describe('slowest mode and dominance', () => {
  const m = quadraticModelOfMatrix(diagonalQuadratic(LAMBDAS).H);
  const mix = gradientDescentPrediction(m, D0, 0.9);
  it('the slowest mode is λ_min⁺ below the balanced step and λ_max above it', () => {
    expect(slowestModes(mix).indices).toEqual([0]);
    // Balanced step 2/(0.05 + 1.6) = 1.212; at η = 1.2 (below) λ_min⁺, at 1.22 (above) λ_max.
    expect(slowestModes(gradientDescentPrediction(m, D0, 1.2)).indices).toEqual([0]);
    expect(slowestModes(gradientDescentPrediction(m, D0, 1.22)).indices).toEqual([3]);
  });
  it('treats equal eigenvalues as one mode', () => {
    const twin = quadraticModelOfMatrix(diagonalQuadratic([0.2, 0.2, 1]).H);
    expect(slowestModes(gradientDescentPrediction(twin, Float64Array.from([1, 1, 1]), 0.5)).indices).toEqual([0, 1]);
  });
  it('contamination decreases and dominanceStep is the first step at or below the target', () => {
    let prev = Infinity;
    for (let t = 0; t < 60; t++) {
      const r = contamination(mix, t);
      expect(r).toBeLessThanOrEqual(prev);
      prev = r;
    }
    for (const target of [1, 1e-2, 1e-6]) {
      const t = dominanceStep(mix, target);
      expect(contamination(mix, t)).toBeLessThanOrEqual(target);
      if (t > 0) expect(contamination(mix, t - 1)).toBeGreaterThan(target);
    }
    expect(() => dominanceStep(mix, 0)).toThrow(/target/);
  });
});
