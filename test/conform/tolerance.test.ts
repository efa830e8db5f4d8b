/**
 * The pieces the tolerances are built from: activation magnitudes bound the derivatives they
 * stand for; the unit error bound is symmetric, nonnegative and dominates |H| through Habs;
 * ratios treat exact answers and zero tolerances as stated.
 */
import { describe, expect, it } from 'vitest';
import { activationMagnitudes } from '../../src/conform/tolerance/activationMagnitudes.js';
import { compareEigenvalues, compareHessian } from '../../src/conform/tolerance/opTolerance.js';
import { twoLayerErrorBound } from '../../src/conform/tolerance/twoLayerErrorBound.js';
import { twoLayerCase, twoLayerHessian } from '../../src/conform/reference/twoLayerReference.js';
import { twoLayerModelOf } from '../../src/conform/arbitraries/twoLayerDraw.js';
import { resolveActivation } from '../../src/nets/activation.js';

const SPECS = ['identity', 'tanh', 'erf', 'sigmoid', 'softplus', 'relu', 'z^3', { polynomial: [0.5, -1, 0.25, 2] }] as const;

describe('activation magnitudes', () => {
  it.each(SPECS.map((s) => [JSON.stringify(s), s]))('%s: M_i ≥ |g⁽ⁱ⁾| for i = 0..3 on a grid', (_, spec) => {
    const act = resolveActivation(spec);
    const M = activationMagnitudes(act);
    // g''' by a central difference of the closed-form g'': step h = 1e-4, error O(h²·|g⁽⁵⁾|) ≪ the 1e-6 slack.
    const h = 1e-4;
    for (let z = -6; z <= 6; z += 0.173) {
      const m = M(z);
      const d3 = (act.d2(z + h) - act.d2(z - h)) / (2 * h);
      expect(m[0]).toBeGreaterThanOrEqual(Math.abs(act.g(z)) * (1 - 1e-12));
      expect(m[1]).toBeGreaterThanOrEqual(Math.abs(act.d1(z)) * (1 - 1e-12));
      expect(m[2]).toBeGreaterThanOrEqual(Math.abs(act.d2(z)) * (1 - 1e-12));
      expect(m[3]).toBeGreaterThanOrEqual(Math.abs(d3) - 1e-6 * (1 + m[3]));
    }
  });
});

describe('two-layer unit error bound', () => {
  it('is symmetric and nonnegative, and Habs dominates |H| entrywise', () => {
    for (const activation of ['tanh', 'relu', 'z^2', 'polynomial']) {
      const model = twoLayerModelOf({ family: 'two-layer', Ni: 3, Nh: 4, N: 7, activation, weightScale: 1, residualScale: 1, seed: 5 })!;
      const c = twoLayerCase(model);
      const H = twoLayerHessian(c);
      const { E1, Habs } = twoLayerErrorBound(c);
      const P = c.P;
      for (let i = 0; i < P; i++) {
        for (let j = 0; j < P; j++) {
          expect(E1.data[i * P + j]).toBeGreaterThanOrEqual(0);
          expect(E1.data[i * P + j]).toBeCloseTo(E1.data[j * P + i], 10);
          expect(Habs.data[i * P + j]).toBeGreaterThanOrEqual(Math.abs(H.data[i * P + j]) * (1 - 1e-12));
          // The bound is at least the error of the final sum: (2N + 4)·Habs.
          expect(E1.data[i * P + j]).toBeGreaterThanOrEqual((2 * 7 + 4) * Habs.data[i * P + j] * (1 - 1e-12));
        }
      }
    }
  });

  it('the residual term is in it: targets far off the outputs raise the bound', () => {
    const near = twoLayerModelOf({ family: 'two-layer', Ni: 2, Nh: 2, N: 5, activation: 'tanh', weightScale: 1, residualScale: 0.3, seed: 9 })!;
    const far = twoLayerModelOf({ family: 'two-layer', Ni: 2, Nh: 2, N: 5, activation: 'tanh', weightScale: 1, residualScale: 3, seed: 9 })!;
    const sum = (m: typeof near) => twoLayerErrorBound(twoLayerCase(m)).E1.data.reduce((s, v) => s + v, 0);
    expect(sum(far)).toBeGreaterThan(sum(near));
  });
});

describe('comparisons', () => {
  const H = { rows: 2, cols: 2, data: Float64Array.from([1, 2, 2, 3]) };
  const bound = { E1: { rows: 2, cols: 2, data: Float64Array.from([1e3, 0, 0, 1e3]) }, Habs: { rows: 2, cols: 2, data: Float64Array.from([1, 2, 2, 3]) } };
  const t = { uSubject: 2 ** -53, relativeTolerance: 0 };
  it('an exact answer has ratio 0, even where the tolerance is 0', () => {
    expect(compareHessian(H, Float64Array.from([1, 2, 2, 3]), bound, t).ratio).toBe(0);
  });
  it('a nonzero error where the tolerance is 0 is infinitely wrong, and named', () => {
    const c = compareHessian(H, Float64Array.from([1, 2 + 1e-15, 2, 3]), bound, t);
    expect(c.ratio).toBe(Infinity);
    expect(c.at).toBe('H[0][1]');
  });
  it('a declared relative tolerance widens every entry by τ·max|H|', () => {
    const c = compareHessian(H, Float64Array.from([1, 2 + 1e-7, 2, 3]), bound, { ...t, relativeTolerance: 1e-7 });
    expect(c.ratio).toBeCloseTo(1e-7 / (1e-7 * 3), 6);
  });
  it('eigenvalues are compared position by position', () => {
    const c = compareEigenvalues(Float64Array.from([3, 1]), Float64Array.from([3, 1.5]), 0.1);
    expect(c).toMatchObject({ at: 'λ[1]', ratio: 5, expected: 1, got: 1.5 });
  });
});
