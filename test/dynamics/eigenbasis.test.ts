/**
 * The quadratic model's split into curved and flat modes, λ_min⁺, λ_max and the mean, on
 * matrices with known spectra and on a linear network (rank Ni, docs/theory.md#c2b).
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { EPS, norm2, zeros } from '../../src/linalg/matrix.js';
import { flatProjection, modeAmplitudes, NoCurvatureError, quadraticModelAtOptimum, quadraticModelOfMatrix } from '../../src/dynamics/eigenbasis.js';
import { diagonalQuadratic } from './diagonalQuadratic.js';

describe('quadraticModelOfMatrix', () => {
  it('splits diag(3, 0, 1, 0) into two curved and two flat modes', () => {
    const m = quadraticModelOfMatrix(diagonalQuadratic([3, 0, 1, 0]).H);
    expect(m.rank).toBe(2);
    expect(m.firstCurved).toBe(2);
    expect(m.lambdaMinPositive).toBe(1);
    expect(m.lambdaMax).toBe(3);
    expect(m.meanPositive).toBe(2);
    expect(m.rankRule).toBe('|eigenvalues| of H');
    expect(m.resolution).toBeCloseTo(1 / (4 * EPS * 3), -10);
  });
  it('rejects bad input by name: non-square, non-finite, indefinite, zero', () => {
    expect(() => quadraticModelOfMatrix(zeros(2, 3))).toThrow(/square/);
    const nan = diagonalQuadratic([1, 2]).H;
    nan.data[1] = NaN;
    expect(() => quadraticModelOfMatrix(nan)).toThrow(/non-finite/);
    const indefinite = diagonalQuadratic([1, 2]).H;
    indefinite.data[0] = -1;
    expect(() => quadraticModelOfMatrix(indefinite)).toThrow(/positive semi-definite/);
    expect(() => quadraticModelOfMatrix(zeros(3, 3))).toThrow(NoCurvatureError);
  });
});

describe('quadraticModelAtOptimum', () => {
  const p = buildProblem({ family: 'two-layer', activation: 'identity', Ni: 4, Nh: 3, N: 30, seed: 3 });
  const m = quadraticModelAtOptimum(p);
  it('decides the rank from J/√N: a linear net has rank Ni and P − Ni flat modes', () => {
    expect(m.rankRule).toBe('singular values of J/√N');
    expect(m.rank).toBe(4);
    expect(m.firstCurved).toBe(m.P - 4);
    expect(m.resolution).toBeGreaterThan(1e10);
    // Flat eigenvalues are rounding-level: ≤ 16·P·eps·λ_max (backward stability, GVL §8.3).
    for (let k = 0; k < m.firstCurved; k++) expect(Math.abs(m.eigenvalues[k])).toBeLessThanOrEqual(16 * m.P * EPS * m.lambdaMax);
  });
  it('flatProjection is an orthogonal projection onto the flat modes', () => {
    const d = Float64Array.from({ length: m.P }, (_, i) => Math.sin(i + 1));
    const f = flatProjection(m, d);
    const ff = flatProjection(m, f);
    // Idempotent and orthogonal to the curved part, to P·eps·‖d‖ (orthonormal computed basis).
    const tol = 16 * m.P * EPS * norm2(d);
    expect(norm2(ff.map((v, i) => v - f[i]))).toBeLessThanOrEqual(tol);
    const c = modeAmplitudes(m, d.map((v, i) => v - f[i]));
    for (let k = 0; k < m.firstCurved; k++) expect(Math.abs(c[k])).toBeLessThanOrEqual(tol);
  });
});
