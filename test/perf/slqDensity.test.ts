/**
 * Stochastic Lanczos quadrature: weights, support, and the Wasserstein-1 bound of
 * src/spectrum/slqDensity.ts checked against exactly known spectra (diagonal operators of
 * size ≈ 2000 with a Hessian-like spectrum: a bulk near zero and a few outliers) and against
 * the dense spectrum of a real Hessian.
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessian } from '../../src/hessian/hessian.js';
import { hessianOperator } from '../../src/hessian/matrixFreeHvp.js';
import { diagonalOperator } from '../../src/linalg/operator.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { Rng } from '../../src/rng/rng.js';
import { slqDensity } from '../../src/spectrum/slqDensity.js';
import { empiricalMeasure, wasserstein1 } from '../../src/spectrum/wasserstein.js';

describe('wasserstein1', () => {
  it('known answers: shifted point masses and two-point measures', () => {
    expect(wasserstein1(empiricalMeasure([0]), empiricalMeasure([3]))).toBe(3);
    expect(wasserstein1(empiricalMeasure([0, 1]), empiricalMeasure([0, 1]))).toBe(0);
    // Moving half the mass from 0 to 2: W₁ = 1.
    expect(wasserstein1({ nodes: [0, 1], weights: [0.5, 0.5] }, { nodes: [1, 2], weights: [0.5, 0.5] })).toBeCloseTo(1, 15);
    expect(() => wasserstein1({ nodes: [0], weights: [0.5] }, empiricalMeasure([0]))).toThrow(/weights sum to 0\.5/);
  });
});

/** Hessian-like spectrum: P − 10 bulk values in [0, 1] (Marchenko–Pastur-ish skew) and 10 outliers up to 50. */
function hessianLikeSpectrum(P: number, seed: number): Float64Array {
  const r = Rng.fromSeed(seed);
  const d = new Float64Array(P);
  for (let i = 0; i < P - 10; i++) d[i] = r.uniform() ** 3;
  for (let i = P - 10; i < P; i++) d[i] = 5 + 45 * r.uniform();
  return d;
}

describe('slqDensity', () => {
  it('diagonal operator, P = 2000: W₁(SLQ, exact) within the derived bound; smoothing within σ√(2/π)', () => {
    const d = hessianLikeSpectrum(2000, 1);
    const slq = slqDensity(diagonalOperator(d), { probes: 12, steps: 60, rng: Rng.fromSeed(5) });
    const w = wasserstein1(slq, empiricalMeasure(d));
    expect(slq.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(slq.range[0]).toBeGreaterThanOrEqual(Math.min(...d) - 1e-12);
    expect(slq.range[1]).toBeLessThanOrEqual(Math.max(...d) + 1e-12);
    // The bound (quadrature π(b−a)/(4m) + sampling at 99% confidence) must hold.
    expect(w).toBeLessThanOrEqual(slq.bounds.total);
    expect(slq.sigma).toBeCloseTo(0.01 * (slq.range[1] - slq.range[0]), 12);
    expect(slq.bounds.smoothing).toBeCloseTo(slq.sigma * Math.sqrt(2 / Math.PI), 15);
    // The smoothed density integrates to 1 (trapezoid on a fine grid over ±8σ beyond the range).
    const [a, b] = [slq.range[0] - 8 * slq.sigma, slq.range[1] + 8 * slq.sigma];
    const m = 20000;
    let integral = 0;
    for (let i = 0; i <= m; i++) integral += (i === 0 || i === m ? 0.5 : 1) * slq.density(a + ((b - a) * i) / m);
    expect(integral * ((b - a) / m)).toBeCloseTo(1, 6);
  });

  it('more probes and steps shrink the bound, and the distance stays under it', () => {
    const d = hessianLikeSpectrum(1500, 2);
    const coarse = slqDensity(diagonalOperator(d), { probes: 4, steps: 20, rng: Rng.fromSeed(6) });
    const fine = slqDensity(diagonalOperator(d), { probes: 16, steps: 80, rng: Rng.fromSeed(6) });
    expect(fine.bounds.total).toBeLessThan(coarse.bounds.total);
    for (const s of [coarse, fine]) expect(wasserstein1(s, empiricalMeasure(d))).toBeLessThanOrEqual(s.bounds.total);
  });

  it('a real Hessian off θ* (matrix-free operator) against its dense spectrum', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni: 8, Nh: 10, N: 60, seed: 7, studentOffset: 1 });
    const dense = portableBackend.symmetricEigenvalues(fullHessian(p, p.theta));
    const slq = slqDensity(hessianOperator(p, portableBackend), { probes: 10, steps: 30, rng: Rng.fromSeed(8) });
    expect(wasserstein1(slq, empiricalMeasure(dense))).toBeLessThanOrEqual(slq.bounds.total);
  });

  it('an exhausted Krylov space gives the exact measure of each probe (few distinct eigenvalues)', () => {
    const d = Float64Array.from({ length: 300 }, (_, i) => [0, 1, 4][i % 3]);
    const slq = slqDensity(diagonalOperator(d), { probes: 50, steps: 10, rng: Rng.fromSeed(9) });
    expect(new Set(Array.from(slq.nodes, (x) => Math.round(x * 1e9) / 1e9))).toEqual(new Set([0, 1, 4]));
    // Only sampling error remains: c·(b−a)/√(2·n_v·(n+2)).
    expect(wasserstein1(slq, empiricalMeasure(d))).toBeLessThanOrEqual(slq.bounds.sampling);
  });

  it('bad options name the field', () => {
    const op = diagonalOperator(new Float64Array([1, 2]));
    expect(() => slqDensity(op, { probes: 0 })).toThrow(/probes must be a positive integer/);
    expect(() => slqDensity(op, { sigma: -1 })).toThrow(/sigma must be > 0 \(a standard deviation\)/);
  });
});
