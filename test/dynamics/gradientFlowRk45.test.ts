/**
 * Dormand–Prince 5(4) gradient flow on the real loss: against the exact flow of an exactly
 * quadratic loss, against gradient descent at small η on a real network, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { displacedStart, seededUnitDirection } from '../../src/dynamics/direction.js';
import { quadraticModelAtOptimum, quadraticModelOfMatrix } from '../../src/dynamics/eigenbasis.js';
import { gradientDescent } from '../../src/dynamics/gradientDescent.js';
import { gradientFlowRk45 } from '../../src/dynamics/gradientFlowRk45.js';
import { gradientFlowPrediction, logLossAt } from '../../src/dynamics/modeMixture.js';
import { diagonalQuadratic } from './diagonalQuadratic.js';

describe('gradientFlowRk45 on an exactly quadratic loss', () => {
  const LAMBDAS = [0.01, 0.3, 1, 0, 5];
  const p = diagonalQuadratic(LAMBDAS);
  const d0 = Float64Array.from([0.3, -0.2, 0.5, 0.7, 0.25]);
  const mix = gradientFlowPrediction(quadraticModelOfMatrix(p.H), d0);
  const times = [0, 0.5, 1, 5, 20, 100, 300, 1000];
  for (const rtol of [1e-6, 1e-8, 1e-10]) {
    it(`matches ½ Σ λc² e^{−2λt} within 10·rtol + 1e-10 in log L (rtol = ${rtol})`, () => {
      const run = gradientFlowRk45(p, new Float64Array(5), d0, times, { rtol });
      expect(run.completed).toBe(true);
      // NOTE: local error control does not bound the global error; measured ≤ 0.06·rtol here.
      // The 1e-10 floor is the rounding of t summed over ~1800 steps (n·eps·t ≈ 4e-10 at
      // t = 1000) times 2λ_min⁺ = 0.02, with margin.
      times.forEach((t, i) => expect(Math.abs(Math.log(run.losses[i]) - logLossAt(mix, t))).toBeLessThanOrEqual(10 * rtol + 1e-10));
      // Explicit: stability-limited at h ≈ 3.3/λ_max, so ≈ 0.3·λ_max·T steps.
      expect(run.acceptedSteps).toBeGreaterThan(0.2 * 5 * 1000);
      expect(run.acceptedSteps).toBeLessThan(0.6 * 5 * 1000);
      expect(run.thetas).toHaveLength(times.length);
    });
  }
  it('keeps a flat coordinate exactly and stops at maxSteps without NaN', () => {
    const run = gradientFlowRk45(p, new Float64Array(5), d0, [0, 10], { rtol: 1e-8 });
    expect(run.theta[3]).toBe(d0[3]);
    const capped = gradientFlowRk45(p, new Float64Array(5), d0, [0, 1000], { maxSteps: 10 });
    expect(capped.completed).toBe(false);
    expect(capped.losses).toHaveLength(1);
  });
});

describe('gradientFlowRk45 on a real network', () => {
  it('gradient descent with step η → 0 tends to it, the gap shrinking ∝ η (within Tηλ_max²/(1 − ηλ_max))', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'erf', Ni: 3, Nh: 1, N: 30, seed: 2 });
    const m = quadraticModelAtOptimum(p);
    const delta = seededUnitDirection(m.P, 1);
    const eps = 1e-4;
    const T = 200;
    const flow = gradientFlowRk45(p, p.teacher, delta.map((v) => v * eps), [0, T], { rtol: 1e-10 });
    expect(flow.completed).toBe(true);
    const gaps = [1e-1, 1e-2].map((eta) => {
      const gd = gradientDescent(p, displacedStart(p.teacher, eps, delta), { eta, steps: Math.round(T / eta) });
      const gap = Math.abs(Math.log(gd.losses[gd.losses.length - 1]) - Math.log(flow.losses[1]));
      // Quadratic-model bound (test/dynamics/modeMixture.test.ts), valid here to O(ε) = 1e-4 relative.
      expect(gap).toBeLessThanOrEqual((T * eta * m.lambdaMax ** 2) / (1 - eta * m.lambdaMax));
      return gap;
    });
    // First order in η: a 10× smaller step gives a 10× smaller gap (band ±20% for the O(η²) term).
    expect(gaps[0] / gaps[1]).toBeGreaterThan(8);
    expect(gaps[0] / gaps[1]).toBeLessThan(12);
  });
});

describe('gradientFlowRk45 bad input', () => {
  const p = diagonalQuadratic([1, 2]);
  const z = new Float64Array(2);
  const d0 = Float64Array.from([1, 1]);
  it('names the field', () => {
    expect(() => gradientFlowRk45(p, z, d0.slice(1), [1])).toThrow(/d₀/);
    expect(() => gradientFlowRk45(p, z, Float64Array.from([NaN, 0]), [1])).toThrow(/finite/);
    expect(() => gradientFlowRk45(p, z, d0, [1, 0.5])).toThrow(/ascending/);
    expect(() => gradientFlowRk45(p, z, d0, [-1])).toThrow(/times/);
    expect(() => gradientFlowRk45(p, z, d0, [1], { rtol: 0 })).toThrow(/rtol/);
    expect(() => gradientFlowRk45(p, z, d0, [1], { maxSteps: 0 })).toThrow(/maxSteps/);
    expect(() => gradientFlowRk45(p, z, z, [1])).toThrow(/atol/);
  });
});
