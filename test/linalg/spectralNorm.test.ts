/**
 * symmetricSpectralNorm against values obtained another way: closed forms (diagonal, a
 * prescribed spectrum, the rank-2 matrix uuᵀ − 2vvᵀ), ml-matrix's symmetric eigendecomposition
 * (an independent implementation), and the power method on AᵀA (a different algorithm).
 *
 * Tolerance: backward stability of the eigensolvers (GVL §8.3): each returns the eigenvalues of
 * A + E with ‖E‖₂ ≤ c·n·eps·‖A‖₂, so by Weyl the extreme |λ| — hence the norm — moves by at most
 * c·n·eps·‖A‖₂; c = C_BACKWARD = 16 per algorithm as in test/linalg/symmetricEigen.test.ts, ‖A‖₂
 * bounded by ‖A‖_F, and two algorithms (or an algorithm and a construction with its own O(n·eps)
 * rounding) differ by at most twice that. A wrong branch (e.g. λ_max instead of max|λ|) is off by
 * O(1).
 */
import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { EPS, frobenius, matvec, norm2, toRows, type Matrix } from '../../src/linalg/matrix.js';
import { symmetricSpectralNorm } from '../../src/linalg/spectralNorm.js';
import { Rng } from '../../src/rng/rng.js';
import { randomSymmetric, withEigenvalues } from '../support/randomMatrices.js';

const C_BACKWARD = 16;
const tolerance = (a: Matrix) => 2 * C_BACKWARD * a.rows * EPS * frobenius(a);

describe('symmetricSpectralNorm', () => {
  it('diagonal: max |d_i|, whichever end of the spectrum it is', () => {
    const neg = { rows: 3, cols: 3, data: Float64Array.of(-5, 0, 0, 0, 2, 0, 0, 0, 3) };
    const pos = { rows: 3, cols: 3, data: Float64Array.of(-1, 0, 0, 0, 2, 0, 0, 0, 4) };
    expect(symmetricSpectralNorm(neg)).toBeCloseTo(5, 13);
    expect(symmetricSpectralNorm(pos)).toBeCloseTo(4, 13);
    expect(symmetricSpectralNorm({ rows: 1, cols: 1, data: Float64Array.of(-7) })).toBe(7);
  });

  it('prescribed spectra Q·diag(λ)·Qᵀ: the largest |λ| (most negative dominating, and not)', () => {
    const rng = Rng.fromSeed(2024);
    for (const lambda of [
      [-9.5, -1, 0, 0.5, 3, 7],
      [-2, -1e-3, 0, 0, 1e-8, 4.25],
      Array.from({ length: 30 }, (_, i) => Math.sin(i + 1) * (1 + i / 7)),
    ]) {
      const a = withEigenvalues(rng, lambda, 3);
      const expected = Math.max(...lambda.map(Math.abs));
      expect(Math.abs(symmetricSpectralNorm(a) - expected)).toBeLessThanOrEqual(tolerance(a));
    }
  });

  it('uuᵀ − 2vvᵀ with u ⟂ v: ‖·‖₂ = max(‖u‖², 2‖v‖²) (closed form, rank 2)', () => {
    const n = 12;
    const u = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      u[i] = i % 2 === 0 ? 1 : 0;
      v[i] = i % 2 === 1 ? 0.9 : 0;
    }
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = u[i] * u[j] - 2 * v[i] * v[j];
    const a = { rows: n, cols: n, data };
    // ‖u‖² = 6, 2‖v‖² = 2·6·0.81 = 9.72: the negative eigenvalue dominates.
    expect(Math.abs(symmetricSpectralNorm(a) - 9.72)).toBeLessThanOrEqual(tolerance(a));
  });

  it('random symmetric matrices: agrees with ml-matrix and with the power method', () => {
    const rng = Rng.fromSeed(7);
    for (const n of [2, 5, 17, 40]) {
      const a = randomSymmetric(rng, n);
      const ml = new EigenvalueDecomposition(new MlMatrix(toRows(a)), { assumeSymmetric: true }).realEigenvalues;
      const reference = Math.max(...ml.map(Math.abs));
      const got = symmetricSpectralNorm(a);
      expect(Math.abs(got - reference), `n = ${n}`).toBeLessThanOrEqual(tolerance(a));
      // Power method: ‖A^k x‖/‖A^{k−1} x‖ rises towards ‖A‖₂ and never exceeds it (Rayleigh
      // quotient of AᵀA), so it is a lower bound that a correct norm must not fall below.
      let x = rng.normals(n);
      let ratio = 0;
      for (let k = 0; k < 200; k++) {
        const y = matvec(a, x);
        ratio = norm2(y) / norm2(x);
        x = y.map((v) => v / norm2(y));
      }
      expect(ratio, `n = ${n}`).toBeLessThanOrEqual(got + tolerance(a));
      expect(ratio, `n = ${n}`).toBeGreaterThan(0.5 * got);
    }
  });

  it('bad input: an Error naming the problem', () => {
    expect(() => symmetricSpectralNorm({ rows: 2, cols: 3, data: new Float64Array(6) })).toThrow(/square/);
    expect(() => symmetricSpectralNorm({ rows: 0, cols: 0, data: new Float64Array(0) })).toThrow(/non-empty/);
    expect(() => symmetricSpectralNorm({ rows: 2, cols: 2, data: Float64Array.of(1, NaN, NaN, 1) })).toThrow(/entry \(0, 1\) is NaN/);
    expect(() => symmetricSpectralNorm({ rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, Infinity) })).toThrow(/finite/);
  });
});
