/** Exact eigenbasis solutions of the quadratic model against closed forms and the matrix iteration. */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { EPS, norm2 } from '../../src/linalg/matrix.js';
import { flatProjection, quadraticModelAtOptimum, quadraticModelOfMatrix } from '../../src/dynamics/eigenbasis.js';
import { quadraticDescentState, quadraticFlowState } from '../../src/dynamics/quadraticFlow.js';
import { quadraticGradientDescent } from '../../src/dynamics/quadraticIteration.js';
import { diagonalQuadratic } from './diagonalQuadratic.js';

const LAMBDAS = [0.05, 0, 1, 2.5];
const D0 = Float64Array.from([1, -2, 0.5, 0.25]);

describe('quadraticFlowState', () => {
  const m = quadraticModelOfMatrix(diagonalQuadratic(LAMBDAS).H);
  it('is e^{−λ_i t} c_i on the axes of a diagonal H, and leaves the flat axis alone', () => {
    for (const t of [0, 0.3, 4, 100]) {
      const d = quadraticFlowState(m, D0, t);
      LAMBDAS.forEach((l, i) => expect(Math.abs(d[i] - D0[i] * Math.exp(-l * t))).toBeLessThanOrEqual(8 * EPS * Math.abs(D0[i]) + 1e-300));
      expect(d[1]).toBe(D0[1]);
    }
    expect(() => quadraticFlowState(m, D0, -1)).toThrow(/t must be/);
  });
});

describe('quadraticDescentState', () => {
  it('equals the matrix iteration on a network Hessian (flat modes carried unchanged)', () => {
    const p = buildProblem({ family: 'deep-linear', Ni: 3, Nh: 2, N: 12, depth: 3, seed: 5 });
    const m = quadraticModelAtOptimum(p);
    const d0 = Float64Array.from({ length: m.P }, (_, i) => Math.cos(3 * i));
    const eta = 1 / m.lambdaMax;
    const T = 40;
    const iter = quadraticGradientDescent(m.hessian, d0, eta, T, [T]);
    const exact = quadraticDescentState(m, d0, eta, T);
    // The iteration adds ≤ T·P·eps(1 + η‖H‖)·max‖d‖ of rounding; the exact form uses the
    // computed eigenpairs (error ≤ 16·P·eps per unit); flat modes differ by η·τ_flat·T·‖d‖.
    const bound = (T + 16) * m.P * EPS * 4 * iter.maxNorm;
    expect(norm2(exact.map((v, i) => v - iter.final[i]))).toBeLessThanOrEqual(bound);
    // The flat part of d is conserved.
    expect(norm2(flatProjection(m, exact).map((v, i) => v - flatProjection(m, d0)[i]))).toBeLessThanOrEqual(16 * m.P * EPS * norm2(d0));
    expect(() => quadraticDescentState(m, d0, eta, 1.5)).toThrow(/integer/);
    expect(() => quadraticDescentState(m, d0, 0, 1)).toThrow(/eta/);
  });
});

describe('quadraticGradientDescent', () => {
  it('rejects bad input by name', () => {
    const H = diagonalQuadratic(LAMBDAS).H;
    expect(() => quadraticGradientDescent(H, D0.slice(1), 0.1, 1)).toThrow(/d0/);
    expect(() => quadraticGradientDescent(H, D0, -0.1, 1)).toThrow(/eta/);
    expect(() => quadraticGradientDescent(H, D0, 0.1, 2.5)).toThrow(/steps/);
  });
});
