/**
 * trainByGradientDescent: on a diagonal quadratic the iterates are θ_t = (1 − ηλ)^t θ₀ exactly,
 * so the step at which ‖∇L‖ first meets the tolerance is known in closed form; a too-large
 * step is reported as divergence with finite numbers; SGD on an interpolating least-squares
 * problem visits every sample once per epoch (seeded shuffles) and converges.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { trainByGradientDescent, type TrainableObjective } from '../../src/training/gradientDescent.js';

/** L(θ) = ½ Σ λ_i θ_i² (N = 1: batches are irrelevant). */
function quadratic(lambda: number[]): TrainableObjective {
  return {
    P: lambda.length,
    N: 1,
    loss: (t) => 0.5 * lambda.reduce((s, l, i) => s + l * t[i] * t[i], 0),
    gradient: (t) => Float64Array.from(lambda, (l, i) => l * t[i]),
  };
}

function gradNormAt(lambda: number[], theta0: number[], eta: number, t: number): number {
  return Math.sqrt(lambda.reduce((s, l, i) => s + (l * theta0[i] * (1 - eta * l) ** t) ** 2, 0));
}

describe('trainByGradientDescent (full batch) on a diagonal quadratic', () => {
  const lambda = [2, 0.5, 0.1];
  const theta0 = [1, -2, 3];
  const eta = 0.4;
  it('stops at the first step with ‖∇L‖ ≤ tol, as the closed form predicts, and reports it converged', () => {
    const tol = 1e-6;
    let predicted = 0;
    while (gradNormAt(lambda, theta0, eta, predicted) > tol) predicted++;
    const run = trainByGradientDescent(quadratic(lambda), Float64Array.from(theta0), { eta, gradientTolerance: tol, maxSteps: 10_000 });
    expect(run.converged).toBe(true);
    expect(run.steps).toBe(predicted);
    // Closed form to rounding: each step multiplies by (1 − ηλ) with one rounding per coordinate.
    expect(Math.abs(run.gradientNorm - gradNormAt(lambda, theta0, eta, predicted))).toBeLessThanOrEqual(4 * predicted * 2 ** -52 * run.gradientNorm + 1e-300);
    expect(run.finalLoss).toBeLessThan(run.initialLoss);
    expect(run.stopReason).toBe('converged');
    expect(run.curve.step[0]).toBe(0);
    expect(run.curve.step[run.curve.step.length - 1]).toBe(run.steps);
  });
  it('reports the step cap, not convergence, when the cap comes first', () => {
    const run = trainByGradientDescent(quadratic(lambda), Float64Array.from(theta0), { eta, gradientTolerance: 1e-12, maxSteps: 10 });
    expect(run.converged).toBe(false);
    expect(run.steps).toBe(10);
    expect(run.stopReason).toBe('step cap');
    expect(Math.abs(run.gradientNorm - gradNormAt(lambda, theta0, eta, 10))).toBeLessThanOrEqual(1e-12);
  });
  it('η > 2/λ_max diverges: reported, never NaN', () => {
    const run = trainByGradientDescent(quadratic(lambda), Float64Array.from(theta0), { eta: 1.2, gradientTolerance: 1e-8, maxSteps: 1000 });
    expect(run.diverged).toBe(true);
    expect(run.converged).toBe(false);
    expect(run.stopReason).toMatch(/initial loss/);
    expect(Number.isFinite(run.finalLoss)).toBe(true);
    expect(run.theta.every(Number.isFinite)).toBe(true);
    // |1 − 1.2·2| = 1.4: the loss passes 1e3 × L₀ when 1.4^{2t}·(share of λ=2) > 1e3.
    expect(run.steps).toBeLessThan(40);
  });
  it('rejects bad options by name', () => {
    const q = quadratic(lambda);
    expect(() => trainByGradientDescent(q, Float64Array.from(theta0), { eta: 0, gradientTolerance: 1, maxSteps: 1 })).toThrow(/eta/);
    expect(() => trainByGradientDescent(q, Float64Array.from([1]), { eta: 1, gradientTolerance: 1, maxSteps: 1 })).toThrow(/theta0/);
  });
});

describe('trainByGradientDescent (small batch) on interpolating least squares', () => {
  // L_B(θ) = 1/(2|B|) Σ_{n∈B} (x_nᵀθ − y_n)², y = Xθ* exactly, so every mini-batch gradient vanishes at θ*.
  const N = 30;
  const P = 4;
  const rng = Rng.fromSeed(5);
  const X = rng.normals(N * P);
  const thetaStar = rng.normals(P);
  const y = Float64Array.from({ length: N }, (_, n) => thetaStar.reduce((s, t, j) => s + t * X[n * P + j], 0));
  const seen: number[] = [];
  const all = Int32Array.from({ length: N }, (_, i) => i);
  const obj: TrainableObjective = {
    P,
    N,
    loss(t, b = all) {
      let s = 0;
      for (const n of b) s += (X.subarray(n * P, n * P + P).reduce((a, x, j) => a + x * t[j], 0) - y[n]) ** 2;
      return s / (2 * b.length);
    },
    gradient(t, b) {
      const batch = b ?? all;
      if (b) seen.push(...b);
      const g = new Float64Array(P);
      for (const n of batch) {
        const r = X.subarray(n * P, n * P + P).reduce((a, x, j) => a + x * t[j], 0) - y[n];
        for (let j = 0; j < P; j++) g[j] += (r * X[n * P + j]) / batch.length;
      }
      return g;
    },
  };
  it('uses every sample exactly once per epoch and converges to the tolerance', () => {
    seen.length = 0;
    const run = trainByGradientDescent(obj, new Float64Array(P), { eta: 0.05, gradientTolerance: 1e-8, maxSteps: 20_000, batchSize: 7, rng: Rng.fromSeed(1) });
    expect(run.converged).toBe(true);
    expect(run.gradientNorm).toBeLessThanOrEqual(1e-8);
    // Epoch e uses steps 5e … 5e+4 (⌈30/7⌉ = 5 batches: 7, 7, 7, 7, 2 samples).
    for (let e = 0; e < Math.floor(run.steps / 5); e++) expect([...seen.slice(30 * e, 30 * e + 30)].sort((a, b) => a - b)).toEqual([...all]);
    const again = trainByGradientDescent(obj, new Float64Array(P), { eta: 0.05, gradientTolerance: 1e-8, maxSteps: 20_000, batchSize: 7, rng: Rng.fromSeed(1) });
    expect(again.theta).toEqual(run.theta);
  });
  it('needs an rng for small batches', () => {
    expect(() => trainByGradientDescent(obj, new Float64Array(P), { eta: 0.05, gradientTolerance: 1e-8, maxSteps: 10, batchSize: 7 })).toThrow(/rng/);
  });
});
