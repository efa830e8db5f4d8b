/**
 * One-sided Jacobi singular values (portable backend).
 *
 * Tolerances:
 *  - Absolute: every backward-stable SVD returns σ(A + E) with
 *    ‖E‖₂ ≤ c·max(m,n)·eps·‖A‖₂ (Jacobi: Demmel–Veselić 1992; Golub–Kahan: GVL §8.6),
 *    so by Weyl |σ̂ᵢ − σᵢ| ≤ c·max(m,n)·eps·‖A‖₂. We take c = C_BACKWARD = 16 and
 *    bound ‖A‖₂ by ‖A‖_F; two such algorithms differ by at most twice that.
 *  - Relative (column-graded A = B·D): Demmel–Veselić / Drmač–Veselić give
 *    |σ̂ᵢ − σᵢ|/σᵢ ≤ c·max(m,n)·n·eps·κ(B) independently of D.
 */
import { describe, expect, it } from 'vitest';
import { SingularValueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { EPS, frobenius, gramAtA, toRows, transpose, type Matrix } from '../../src/linalg/matrix.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { jacobiSingularValues, jacobiSvdDetailed, JACOBI_MAX_SWEEPS } from '../../src/linalg/portable/jacobiSvd.js';
import { Rng } from '../../src/rng/rng.js';
import { randomMatrix, withSingularValues } from '../support/randomMatrices.js';

const C_BACKWARD = 16;

function mlSingularValues(a: Matrix): number[] {
  return new SingularValueDecomposition(new MlMatrix(toRows(a)), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  }).diagonal;
}

function maxAbsDiffArr(x: ArrayLike<number>, y: ArrayLike<number>): number {
  expect(x.length).toBe(y.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

function expectDescending(v: Float64Array): void {
  for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThanOrEqual(v[i - 1]);
}

const PATHS = ['qr', 'none'] as const;

describe('singular values vs ml-matrix SVD (well conditioned)', () => {
  for (const [m, n, seed] of [
    [1, 1, 1],
    [3, 2, 2],
    [2, 3, 3],
    [12, 12, 4],
    [60, 25, 5],
    [25, 60, 6],
    [120, 80, 7],
  ] as const) {
    for (const path of PATHS) {
      it(`${m}×${n} (${path}): |Δσ| ≤ 2·C·max(m,n)·eps·‖A‖_F, descending, min(m,n) values`, () => {
        const a = randomMatrix(Rng.fromSeed(seed), m, n);
        const ours = jacobiSingularValues(a, { precondition: path });
        expect(ours.length).toBe(Math.min(m, n));
        expectDescending(ours);
        const tol = 2 * C_BACKWARD * Math.max(m, n) * EPS * frobenius(a);
        expect(maxAbsDiffArr(ours, mlSingularValues(a))).toBeLessThanOrEqual(tol);
      });
    }
  }

});

describe('singular values vs sqrt(eig(AᵀA))', () => {
  it('tall 90×30 random: agreement within the Gram-matrix error bound', () => {
    const [m, n] = [90, 30];
    const a = randomMatrix(Rng.fromSeed(31), m, n);
    const sigma = jacobiSingularValues(a);
    const g = gramAtA(a);
    const lambda = portableBackend.symmetricEigenvalues(g);
    // eig(AᵀA) is accurate to (m + C·n)·eps·‖A‖₂² (forming AᵀA costs m·eps·‖A‖²); σ = √λ turns
    // an error δ in λ into δ/(2σ). The comparison also carries the SVD's own error.
    const an = frobenius(a);
    const sMin = sigma[n - 1];
    const tol = ((m + C_BACKWARD * n) * EPS * an * an) / (2 * sMin) + C_BACKWARD * m * EPS * an;
    for (let i = 0; i < n; i++) {
      expect(Math.abs(sigma[i] - Math.sqrt(Math.max(0, lambda[n - 1 - i])))).toBeLessThanOrEqual(tol);
    }
  });
});

describe('accuracy on graded and ill-conditioned inputs', () => {
  it('A = U·diag(1, 1e-4, 1e-8, 1e-12)·Vᵀ (6×4, Householder U, V)', () => {
    const sigma = [1, 1e-4, 1e-8, 1e-12];
    const [m, n] = [6, 4];
    const a = withSingularValues(Rng.fromSeed(41), m, n, sigma, 3);
    // Building A in float64 perturbs it by ‖δA‖₂ ≲ c·eps·σ₁ (3+3 reflector applications);
    // the SVD adds its own C·max(m,n)·eps·σ₁. So the derived bound is ABSOLUTE:
    //   |σ̂ᵢ − σᵢ| ≤ 2·C·max(m,n)·eps·σ₁ ≈ 4.3e-14,
    // i.e. relative 4.3e-14/σᵢ: ≤ 4e-14, 4e-10, 4e-6 and 4e-2 for the four values.
    const bound = 2 * C_BACKWARD * Math.max(m, n) * EPS * sigma[0];
    for (const path of PATHS) {
      const got = jacobiSingularValues(a, { precondition: path });
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(got[i] - sigma[i])).toBeLessThanOrEqual(bound);
        expect(Math.abs(got[i] - sigma[i]) / sigma[i]).toBeLessThanOrEqual(bound / sigma[i]);
      }
    }
  });

  it('400×200 with σ log-spaced from 1 down to 1e-12: every σ within max(m,n)·eps·σ_max (the rank-tolerance scale)', () => {
    const [m, n] = [400, 200];
    const sigma = Array.from({ length: n }, (_, i) => Math.pow(10, (-12 * i) / (n - 1)));
    const a = withSingularValues(Rng.fromSeed(43), m, n, sigma, 3);
    const res = jacobiSvdDetailed(a);
    const bound = Math.max(m, n) * EPS * sigma[0];
    expect(maxAbsDiffArr(res.values, sigma)).toBeLessThanOrEqual(bound);
    // the smallest one is then resolved to bound/1e-12 ≈ 9e-2 relative at worst; and it is positive
    expect(res.values[n - 1]).toBeGreaterThan(0);
    expect(res.sweeps).toBeLessThanOrEqual(JACOBI_MAX_SWEEPS);
  });

  it('column-graded A = B·D (60×20, D from 1 to 1e-30): high relative accuracy via Πσᵢ = |det(BᵀB)|^½·Πdᵢ', () => {
    const [m, n] = [60, 20];
    const b = randomMatrix(Rng.fromSeed(51), m, n);
    const d = Array.from({ length: n }, (_, i) => Math.pow(10, (-30 * i) / (n - 1)));
    const a: Matrix = { rows: m, cols: n, data: new Float64Array(m * n) };
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a.data[i * n + j] = b.data[i * n + j] * d[j];
    // Reference: log Πσ(A) = log Πσ(B) + Σ log dⱼ, with σ(B) well conditioned (κ(B) ≈ 3 for this Gaussian draw).
    const sb = jacobiSingularValues(b);
    const kappaB = sb[0] / sb[n - 1];
    const logRef = sb.reduce((s, x) => s + Math.log(x), 0) + d.reduce((s, x) => s + Math.log(x), 0);
    // Relative error per σ ≤ C·max(m,n)·n·eps·κ(B) (Demmel–Veselić); summed over n values in log space.
    const perSigma = C_BACKWARD * Math.max(m, n) * n * EPS * kappaB;
    for (const path of PATHS) {
      const sa = jacobiSingularValues(a, { precondition: path });
      const logGot = sa.reduce((s, x) => s + Math.log(x), 0);
      expect(Math.abs(logGot - logRef)).toBeLessThanOrEqual(2 * n * perSigma);
      // Exact inequality for B of full column rank: σ_n(B)·σᵢ(D) ≤ σᵢ(B·D) ≤ σ₁(B)·σᵢ(D), and
      // σᵢ(D) = dᵢ. An algorithm with only absolute accuracy would return ~1e-16 for dᵢ ≪ 1e-16.
      for (let i = 0; i < n; i++) {
        const ratio = sa[i] / d[i];
        expect(ratio).toBeGreaterThanOrEqual(sb[n - 1] * (1 - perSigma));
        expect(ratio).toBeLessThanOrEqual(sb[0] * (1 + perSigma));
      }
    }
    // The two algorithmic paths agree to relative accuracy on every σ, including 1e-30·σ_max.
    const q = jacobiSingularValues(a, { precondition: 'qr' });
    const p = jacobiSingularValues(a, { precondition: 'none' });
    for (let i = 0; i < n; i++) expect(Math.abs(q[i] - p[i]) / p[i]).toBeLessThanOrEqual(2 * perSigma);
  });

  it('power-of-two scaling is exact: σ(2^±600·A) = 2^±600·σ(A) bit for bit', () => {
    const a = randomMatrix(Rng.fromSeed(61), 15, 9);
    const base = jacobiSingularValues(a);
    for (const e of [600, -600]) {
      const f = Math.pow(2, e);
      const scaled = jacobiSingularValues({ rows: 15, cols: 9, data: a.data.map((x) => x * f) });
      expect(Array.from(scaled)).toEqual(Array.from(base).map((x) => x * f));
    }
  });
});

describe('structure and shape', () => {
  it('σ(A) = σ(Aᵀ) for a wide matrix (the wide case works on rows)', () => {
    const a = randomMatrix(Rng.fromSeed(71), 17, 40);
    const s1 = jacobiSingularValues(a);
    const s2 = jacobiSingularValues(transpose(a));
    expect(maxAbsDiffArr(s1, s2)).toBeLessThanOrEqual(2 * C_BACKWARD * 40 * EPS * frobenius(a));
  });

  it('exact zero columns and rows give exact zero singular values', () => {
    const [m, n] = [40, 12];
    const a = randomMatrix(Rng.fromSeed(81), m, n);
    for (let i = 0; i < m; i++) {
      a.data[i * n + 3] = 0;
      a.data[i * n + 7] = 0;
    }
    for (const path of PATHS) {
      const s = jacobiSingularValues(a, { precondition: path });
      expect(s[n - 1]).toBe(0);
      expect(s[n - 2]).toBe(0);
      expect(s[n - 3]).toBeGreaterThan(0.1);
      // zero rows of a wide matrix
      const s2 = jacobiSingularValues(transpose(a), { precondition: path });
      expect(s2[n - 1]).toBe(0);
      expect(s2[n - 2]).toBe(0);
    }
  });

  it('zero matrix, empty matrix, single row and column', () => {
    expect(Array.from(jacobiSingularValues({ rows: 3, cols: 5, data: new Float64Array(15) }))).toEqual([0, 0, 0]);
    expect(jacobiSingularValues({ rows: 0, cols: 4, data: new Float64Array(0) }).length).toBe(0);
    const row = jacobiSingularValues({ rows: 1, cols: 4, data: Float64Array.of(3, 0, -4, 0) });
    expect(Array.from(row)).toEqual([5]);
    const col = jacobiSingularValues({ rows: 4, cols: 1, data: Float64Array.of(0, 3, 0, 4) });
    expect(Array.from(col)).toEqual([5]);
  });

  it('2×2 closed form: σ₁σ₂ = |det|, σ₁² + σ₂² = ‖A‖_F²', () => {
    const a: Matrix = { rows: 2, cols: 2, data: Float64Array.of(1, 1, 0, 1e-14) };
    for (const path of PATHS) {
      const [s1, s2] = jacobiSingularValues(a, { precondition: path });
      expect(Math.abs(s1 * s1 + s2 * s2 - (2 + 1e-28)) / 2).toBeLessThanOrEqual(C_BACKWARD * EPS);
      // Row-graded triangle with det = 1e-14. Absolute accuracy alone would only promise
      // σ₂ to ±C·eps·σ₁ ≈ 4e-15 (40% of σ₂); both paths produce the small vector from a single
      // rotation or reflection of exactly representable data, so σ₁σ₂ = |det| to a few ulps.
      expect(Math.abs(s1 * s2 - 1e-14) / 1e-14).toBeLessThanOrEqual(C_BACKWARD * 2 * EPS);
    }
  });

  it('QR preconditioning needs fewer sweeps on a graded tall matrix', () => {
    const sigma = Array.from({ length: 40 }, (_, i) => Math.pow(10, (-10 * i) / 39));
    const a = withSingularValues(Rng.fromSeed(91), 200, 40, sigma, 3);
    const withQr = jacobiSvdDetailed(a, { precondition: 'qr' });
    const plain = jacobiSvdDetailed(a, { precondition: 'none' });
    expect(withQr.sweeps).toBeLessThan(plain.sweeps);
  });
});

describe('input validation and the sweep cap', () => {
  it('non-finite entries are rejected with the position named', () => {
    const a = randomMatrix(Rng.fromSeed(1), 3, 2);
    a.data[3] = NaN;
    expect(() => jacobiSingularValues(a)).toThrow(/jacobiSingularValues: a\.data\[3\] \(row 1, col 1\) is NaN/);
    a.data[3] = -Infinity;
    expect(() => portableBackend.singularValues(a)).toThrow(/singularValues: a\.data\[3\] \(row 1, col 1\) is -Infinity; entries must be finite/);
  });

  it('shape/data mismatch and bad options are rejected', () => {
    expect(() => jacobiSingularValues({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(/a\.data has length 3, expected rows\*cols = 4/);
    expect(() => jacobiSingularValues(randomMatrix(Rng.fromSeed(1), 2, 2), { maxSweeps: 0 })).toThrow(/opts\.maxSweeps must be a positive integer/);
    expect(() => jacobiSingularValues(randomMatrix(Rng.fromSeed(1), 2, 2), { precondition: 'lu' as never })).toThrow(/opts\.precondition/);
  });

  it('exceeding the sweep cap throws instead of returning unconverged values', () => {
    const a = randomMatrix(Rng.fromSeed(3), 30, 30);
    expect(() => jacobiSingularValues(a, { maxSweeps: 2 })).toThrow(/did not converge in 2 sweeps/);
    expect(JACOBI_MAX_SWEEPS).toBe(60);
  });
});
