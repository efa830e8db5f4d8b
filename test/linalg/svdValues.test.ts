/**
 * Golub–Kahan bidiagonalisation + Demmel–Kahan bidiagonal QR (the portable backend's SVD)
 * against ml-matrix, one-sided Jacobi, and closed forms.
 *
 * Tolerances:
 *  - Whole SVD, absolute: a backward-stable SVD returns σ(A + E) with
 *    ‖E‖₂ ≤ C·max(m,n)·eps·‖A‖₂ (GVL §8.6; C = C_BACKWARD = 16, ‖A‖₂ ≤ ‖A‖_F), so two such
 *    algorithms differ by at most 2·C·max(m,n)·eps·‖A‖_F per value (Weyl).
 *  - Bidiagonal QR, relative: Demmel–Kahan (1990) Thm 7 — each σ of a bidiagonal to relative
 *    error O(n²·tol), tol ≈ 100·eps; the closed forms below check products and cosines at
 *    C·n·eps relative, far inside that.
 */
import { describe, expect, it } from 'vitest';
import { SingularValueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { EPS, frobenius, matmul, toRows, transpose, type Matrix } from '../../src/linalg/matrix.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { bidiagonalSingularValues } from '../../src/linalg/portable/bidiagonalQr.js';
import { bidiagonalize } from '../../src/linalg/portable/bidiagonalize.js';
import { jacobiSingularValues } from '../../src/linalg/portable/jacobiSvd.js';
import { golubKahanSingularValues } from '../../src/linalg/portable/svdValues.js';
import { Rng } from '../../src/rng/rng.js';
import { randomMatrix, withSingularValues } from '../support/randomMatrices.js';

const C_BACKWARD = 16;

function mlSingularValues(a: Matrix): number[] {
  return new SingularValueDecomposition(new MlMatrix(toRows(a)), { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true }).diagonal;
}

function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  expect(x.length).toBe(y.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

function expectDescendingNonNegative(v: Float64Array): void {
  for (let i = 0; i < v.length; i++) {
    expect(v[i]).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(v[i]).toBeLessThanOrEqual(v[i - 1]);
  }
}

describe('golubKahanSingularValues vs ml-matrix and Jacobi (random)', () => {
  for (const [m, n, seed] of [
    [1, 1, 1],
    [2, 1, 2],
    [1, 3, 3],
    [2, 2, 4],
    [3, 2, 5],
    [12, 12, 6],
    [60, 25, 7],
    [25, 60, 8],
    [120, 80, 9],
    [97, 101, 10],
  ] as const) {
    it(`${m}×${n}: min(m,n) values, descending, each within 2·C·max(m,n)·eps·‖A‖_F of ml-matrix and of Jacobi`, () => {
      const a = randomMatrix(Rng.fromSeed(seed), m, n);
      const ours = golubKahanSingularValues(a);
      expect(ours.length).toBe(Math.min(m, n));
      expectDescendingNonNegative(ours);
      const tol = 2 * C_BACKWARD * Math.max(m, n) * EPS * frobenius(a);
      expect(maxAbsDiff(ours, mlSingularValues(a))).toBeLessThanOrEqual(tol);
      expect(maxAbsDiff(ours, jacobiSingularValues(a))).toBeLessThanOrEqual(tol);
    });
  }

  it('the portable backend uses it', () => {
    const a = randomMatrix(Rng.fromSeed(11), 30, 20);
    expect(Array.from(portableBackend.singularValues(a))).toEqual(Array.from(golubKahanSingularValues(a)));
  });
});

describe('golubKahanSingularValues: prescribed spectra', () => {
  it('300×200 with σ log-spaced from 1 to 1e-12: every σ within max(m,n)·eps·σ_max (the rank-tolerance scale)', () => {
    const [m, n] = [300, 200];
    const sigma = Array.from({ length: n }, (_, i) => Math.pow(10, (-12 * i) / (n - 1)));
    const a = withSingularValues(Rng.fromSeed(43), m, n, sigma, 3);
    // Building A perturbs it by ≲ c·eps·σ₁ and the SVD adds C·max(m,n)·eps·σ₁; both are below
    // max(m,n)·eps·σ₁ here (measured ≈ 1e-15).
    expect(maxAbsDiff(golubKahanSingularValues(a), sigma)).toBeLessThanOrEqual(Math.max(m, n) * EPS * sigma[0]);
  });

  it('A = U·diag(1, 1e-4, 1e-8, 1e-12)·Vᵀ (6×4): absolute error ≤ 2·C·max(m,n)·eps·σ₁', () => {
    const sigma = [1, 1e-4, 1e-8, 1e-12];
    const a = withSingularValues(Rng.fromSeed(41), 6, 4, sigma, 3);
    expect(maxAbsDiff(golubKahanSingularValues(a), sigma)).toBeLessThanOrEqual(2 * C_BACKWARD * 6 * EPS);
  });

  it('exact rank r products X·Y: σ_{r+1..} below max(m,n)·eps·σ_max, σ_1..r match Jacobi', () => {
    for (const [n, r, m, seed] of [
      [40, 7, 30, 1],
      [30, 12, 50, 2],
      [200, 20, 100, 3],
      [60, 39, 40, 5],
    ] as const) {
      const rng = Rng.fromSeed(seed);
      const a = matmul(randomMatrix(rng, n, r), randomMatrix(rng, r, m));
      const s = golubKahanSingularValues(a);
      const tol = Math.max(n, m) * EPS * s[0];
      expect(s[r - 1]).toBeGreaterThan(1e8 * tol);
      for (let i = r; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(tol);
      expect(maxAbsDiff(s.subarray(0, r), jacobiSingularValues(a).subarray(0, r))).toBeLessThanOrEqual(2 * C_BACKWARD * Math.max(n, m) * EPS * frobenius(a));
    }
  });

  it('σ(A) = σ(Aᵀ); power-of-two scaling is exact; zero and empty matrices', () => {
    const a = randomMatrix(Rng.fromSeed(71), 17, 40);
    expect(maxAbsDiff(golubKahanSingularValues(a), golubKahanSingularValues(transpose(a)))).toBeLessThanOrEqual(2 * C_BACKWARD * 40 * EPS * frobenius(a));
    const base = golubKahanSingularValues(a);
    for (const e of [600, -600]) {
      const f = Math.pow(2, e);
      expect(Array.from(golubKahanSingularValues({ rows: 17, cols: 40, data: a.data.map((x) => x * f) }))).toEqual(Array.from(base, (x) => x * f));
    }
    expect(Array.from(golubKahanSingularValues({ rows: 3, cols: 5, data: new Float64Array(15) }))).toEqual([0, 0, 0]);
    expect(golubKahanSingularValues({ rows: 0, cols: 4, data: new Float64Array(0) }).length).toBe(0);
    expect(Array.from(golubKahanSingularValues({ rows: 1, cols: 4, data: Float64Array.of(3, 0, -4, 0) }))).toEqual([5]);
    expect(Array.from(golubKahanSingularValues({ rows: 4, cols: 1, data: Float64Array.of(0, 3, 0, 4) }))).toEqual([5]);
  });

  it('exact zero columns give singular values at rounding level (≤ max(m,n)·eps·σ_max)', () => {
    const [m, n] = [40, 12];
    const a = randomMatrix(Rng.fromSeed(81), m, n);
    for (let i = 0; i < m; i++) {
      a.data[i * n + 3] = 0;
      a.data[i * n + 7] = 0;
    }
    const s = golubKahanSingularValues(a);
    expect(s[n - 1]).toBeLessThanOrEqual(m * EPS * s[0]);
    expect(s[n - 2]).toBeLessThanOrEqual(m * EPS * s[0]);
    expect(s[n - 3]).toBeGreaterThan(0.1);
  });

  it('rejects non-finite input through the backend', () => {
    const a = randomMatrix(Rng.fromSeed(1), 3, 2);
    a.data[3] = NaN;
    expect(() => portableBackend.singularValues(a)).toThrow(/singularValues: a\.data\[3\] \(row 1, col 1\) is NaN/);
  });
});

describe('bidiagonalize', () => {
  it('B has the singular values of T (dense check through ml-matrix) and T is left reduced', () => {
    const [L, k] = [30, 11];
    const t = randomMatrix(Rng.fromSeed(5), L, k);
    const w = new Float64Array(L * k);
    for (let i = 0; i < L; i++) for (let j = 0; j < k; j++) w[j * L + i] = t.data[i * k + j];
    const { d, e } = bidiagonalize(w, L, k);
    const b = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      b[i * k + i] = d[i];
      if (i + 1 < k) b[i * k + i + 1] = e[i];
    }
    const tol = 2 * C_BACKWARD * L * EPS * frobenius(t);
    expect(maxAbsDiff(mlSingularValues({ rows: k, cols: k, data: b }), mlSingularValues(t))).toBeLessThanOrEqual(tol);
  });

  it('rejects L < k', () => {
    expect(() => bidiagonalize(new Float64Array(6), 2, 3)).toThrow(/need L ≥ k ≥ 1/);
  });
});

describe('bidiagonalSingularValues (Demmel–Kahan QR): closed forms', () => {
  it('diagonal input: |d| sorted descending, exactly', () => {
    expect(Array.from(bidiagonalSingularValues(Float64Array.of(-3, 1e-300, 7, 0), new Float64Array(3)))).toEqual([7, 3, 1e-300, 0]);
  });

  it('all-ones n×n bidiagonal: σ_j = 2·cos(jπ/(2n+1)), j = 1…n, to C·n·eps relative', () => {
    for (const n of [1, 2, 5, 40, 200]) {
      const s = bidiagonalSingularValues(new Float64Array(n).fill(1), new Float64Array(n - 1).fill(1));
      for (let j = 1; j <= n; j++) {
        const exact = 2 * Math.cos((j * Math.PI) / (2 * n + 1));
        expect(Math.abs(s[j - 1] - exact) / exact).toBeLessThanOrEqual(C_BACKWARD * n * EPS);
      }
    }
  });

  it('graded bidiagonal (d_i = 10^(−3i), e_i = 10^(−3i−1), n = 12): Πσ = Π|d| to relative C·n·eps — high relative accuracy down to 1e-33', () => {
    const n = 12;
    const d = Float64Array.from({ length: n }, (_, i) => Math.pow(10, -3 * i));
    const e = Float64Array.from({ length: n - 1 }, (_, i) => Math.pow(10, -3 * i - 1));
    const s = bidiagonalSingularValues(d, e);
    let logProd = 0;
    let logDet = 0;
    for (let i = 0; i < n; i++) {
      logProd += Math.log(s[i]);
      logDet += Math.log(d[i]);
    }
    expect(Math.abs(logProd - logDet)).toBeLessThanOrEqual(C_BACKWARD * n * EPS * n);
    // σ_i ≈ d_i here (the e's are a decade below): each within 1% of its diagonal — an
    // absolute-accuracy method would return ~1e-16 for the last ones.
    for (let i = 0; i < n; i++) expect(Math.abs(s[i] / d[i] - 1)).toBeLessThan(0.01);
  });

  it('2×2 [f g; 0 h]: σ₁σ₂ = |fh| and σ₁² + σ₂² = f² + g² + h²', () => {
    const s = bidiagonalSingularValues(Float64Array.of(1, 1e-14), Float64Array.of(1));
    expect(Math.abs(s[0] * s[1] - 1e-14) / 1e-14).toBeLessThanOrEqual(4 * EPS);
    expect(Math.abs(s[0] * s[0] + s[1] * s[1] - (2 + 1e-28)) / 2).toBeLessThanOrEqual(4 * EPS);
  });

  it('rejects a superdiagonal of the wrong length', () => {
    expect(() => bidiagonalSingularValues(new Float64Array(3), new Float64Array(3))).toThrow(/superdiagonal has 3 entries, expected 2/);
  });
});
