/**
 * Householder tridiagonalization + implicit QL (portable backend) against
 * ml-matrix and against matrices with known spectra.
 *
 * Tolerances come from backward stability (GVL §8.3): the computed eigenvalues
 * are exact for A + E with ‖E‖₂ ≤ c·n·eps·‖A‖₂, so by Weyl |λ̂ᵢ − λᵢ| ≤ c·n·eps·‖A‖₂.
 * The constant c is not sharp in the literature; we take c = 16 per algorithm
 * and bound ‖A‖₂ by ‖A‖_F, which is safe and still ~1e3× tighter than anything
 * a wrong algorithm would produce.
 */
import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { EPS, frobenius, identity, matmul, maxAbsDiff, toRows, trace, transpose, type Matrix } from '../../src/linalg/matrix.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { tridiagonalize, tridiagonalizeWithTransform } from '../../src/linalg/portable/householderTridiagonal.js';
import { tql1, tql2, QL_MAX_ITERATIONS_PER_EIGENVALUE } from '../../src/linalg/portable/tridiagonalQL.js';
import { Rng } from '../../src/rng/rng.js';
import { randomSymmetric, randomVector, withEigenvalues } from '../support/randomMatrices.js';

/** Per-algorithm backward-error constant (see header). */
const C_BACKWARD = 16;

function mlEigenvalues(a: Matrix): number[] {
  const evd = new EigenvalueDecomposition(new MlMatrix(toRows(a)), { assumeSymmetric: true });
  return evd.realEigenvalues.slice().sort((x, y) => x - y);
}

function maxAbsDiffArr(x: ArrayLike<number>, y: ArrayLike<number>): number {
  expect(x.length).toBe(y.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

function expectAscending(v: Float64Array): void {
  for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThanOrEqual(v[i - 1]);
}

/** max |VᵀV − I|: how far the columns of V are from orthonormal. */
function orthogonalityError(vectors: Matrix): number {
  return maxAbsDiff(matmul(transpose(vectors), vectors), identity(vectors.cols));
}

/** max over k of ‖A·v_k − λ_k·v_k‖∞, i.e. max |A·V − V·Λ|. */
function eigenResidual(a: Matrix, values: Float64Array, vectors: Matrix): number {
  const vLambda = { ...vectors, data: vectors.data.map((v, idx) => values[idx % vectors.cols] * v) };
  return maxAbsDiff(matmul(a, vectors), vLambda);
}

describe('symmetricEigenvalues vs ml-matrix EigenvalueDecomposition', () => {
  for (const [n, seed] of [
    [2, 1],
    [3, 2],
    [7, 3],
    [30, 4],
    [64, 5],
    [150, 6],
  ] as const) {
    it(`random symmetric n=${n}: |Δλ| ≤ 2·C·n·eps·‖A‖_F`, () => {
      const a = randomSymmetric(Rng.fromSeed(seed), n);
      const ours = portableBackend.symmetricEigenvalues(a);
      const ref = mlEigenvalues(a);
      expectAscending(ours);
      // Both are backward stable, so their difference is at most the sum of both error bounds.
      const tol = 2 * C_BACKWARD * n * EPS * frobenius(a);
      expect(maxAbsDiffArr(ours, ref)).toBeLessThanOrEqual(tol);
    });
  }
});

describe('symmetricEigenvalues known answers', () => {
  it('diagonal matrix: sorted diagonal, exactly (no reflector is needed)', () => {
    const diag = [3, -1, 0.5, 7, -1, 2e-9];
    const n = diag.length;
    const data = new Float64Array(n * n);
    diag.forEach((v, i) => (data[i * n + i] = v));
    const ev = portableBackend.symmetricEigenvalues({ rows: n, cols: n, data });
    expect(Array.from(ev)).toEqual(diag.slice().sort((x, y) => x - y));
  });

  it('2×2 closed form λ = (a+c)/2 ± hypot((a−c)/2, b)', () => {
    const [a, b, c] = [1.25, -3.5, 0.75];
    const ev = portableBackend.symmetricEigenvalues({ rows: 2, cols: 2, data: Float64Array.of(a, b, b, c) });
    const mid = (a + c) / 2;
    const rad = Math.hypot((a - c) / 2, b);
    const tol = C_BACKWARD * 2 * EPS * (Math.abs(mid) + rad);
    expect(Math.abs(ev[0] - (mid - rad))).toBeLessThanOrEqual(tol);
    expect(Math.abs(ev[1] - (mid + rad))).toBeLessThanOrEqual(tol);
  });

  for (const n of [1, 2, 10, 100, 257]) {
    it(`tridiagonal [−1, 2, −1], n=${n}: λ_k = 2 − 2cos(kπ/(n+1)) within C·n·eps·‖A‖₂ (‖A‖₂ < 4)`, () => {
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        data[i * n + i] = 2;
        if (i > 0) data[i * n + i - 1] = -1;
        if (i + 1 < n) data[i * n + i + 1] = -1;
      }
      const ev = portableBackend.symmetricEigenvalues({ rows: n, cols: n, data });
      const exact = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
      expect(maxAbsDiffArr(ev, exact)).toBeLessThanOrEqual(C_BACKWARD * n * EPS * 4);
    });
  }

  it('dense matrix with a prescribed spectrum (Q·diag·Qᵀ, Q a Householder reflector)', () => {
    const n = 40;
    const lambda = Array.from({ length: n }, (_, i) => (i - 20) * 0.37 + (i % 3) * 1e-3);
    const a = withEigenvalues(Rng.fromSeed(77), lambda, 1);
    const ev = portableBackend.symmetricEigenvalues(a);
    // Construction error is itself O(n·eps·‖Λ‖); allow both.
    expect(maxAbsDiffArr(ev, lambda.slice().sort((x, y) => x - y))).toBeLessThanOrEqual(2 * C_BACKWARD * n * EPS * frobenius(a));
  });

  it('block-diagonal input (some rows already reduced mid-way): spectrum is the union of the blocks', () => {
    // Exercises the reduction's unfused paths: a step whose successor needs no reflector, and a
    // step that must compute its own mat-vec because the previous one was skipped.
    const sizes = [7, 1, 9, 6];
    const n = sizes.reduce((x, y) => x + y, 0);
    const data = new Float64Array(n * n);
    const expected: number[] = [];
    let off = 0;
    sizes.forEach((b, idx) => {
      const blk = randomSymmetric(Rng.fromSeed(300 + idx), b);
      for (let i = 0; i < b; i++) for (let j = 0; j < b; j++) data[(off + i) * n + off + j] = blk.data[i * b + j];
      expected.push(...mlEigenvalues(blk));
      off += b;
    });
    expected.sort((x, y) => x - y);
    const a = { rows: n, cols: n, data };
    const tol = 2 * C_BACKWARD * n * EPS * frobenius(a);
    expect(maxAbsDiffArr(portableBackend.symmetricEigenvalues(a), expected)).toBeLessThanOrEqual(tol);
    const { values, vectors } = portableBackend.symmetricEigen(a);
    expect(maxAbsDiffArr(values, expected)).toBeLessThanOrEqual(tol);
    expect(eigenResidual(a, values, vectors)).toBeLessThanOrEqual(C_BACKWARD * n * EPS * frobenius(a));
  });

  it('trace equals the sum of the eigenvalues (within n·C·n·eps·‖A‖_F)', () => {
    const n = 90;
    const a = randomSymmetric(Rng.fromSeed(11), n);
    const ev = portableBackend.symmetricEigenvalues(a);
    const sum = ev.reduce((s, x) => s + x, 0);
    expect(Math.abs(sum - trace(a))).toBeLessThanOrEqual(C_BACKWARD * n * n * EPS * frobenius(a));
  });

  it('zero matrix, 1×1 and 0×0', () => {
    expect(Array.from(portableBackend.symmetricEigenvalues({ rows: 5, cols: 5, data: new Float64Array(25) }))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(portableBackend.symmetricEigenvalues({ rows: 1, cols: 1, data: Float64Array.of(-4.5) }))).toEqual([-4.5]);
    expect(portableBackend.symmetricEigenvalues({ rows: 0, cols: 0, data: new Float64Array(0) }).length).toBe(0);
    const e0 = portableBackend.symmetricEigen({ rows: 0, cols: 0, data: new Float64Array(0) });
    expect(e0.values.length).toBe(0);
    const e1 = portableBackend.symmetricEigen({ rows: 1, cols: 1, data: Float64Array.of(2) });
    expect(Array.from(e1.values)).toEqual([2]);
    expect(Array.from(e1.vectors.data)).toEqual([1]);
  });

  it('rank-one matrix x·xᵀ: one eigenvalue ‖x‖², the rest zero to C·n·eps·‖A‖', () => {
    const n = 50;
    const x = randomVector(Rng.fromSeed(5), n);
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = x[i] * x[j];
    const a = { rows: n, cols: n, data };
    const ev = portableBackend.symmetricEigenvalues(a);
    const nrm2 = x.reduce((s, v) => s + v * v, 0);
    const tol = C_BACKWARD * n * EPS * frobenius(a);
    expect(Math.abs(ev[n - 1] - nrm2)).toBeLessThanOrEqual(tol);
    for (let i = 0; i < n - 1; i++) expect(Math.abs(ev[i])).toBeLessThanOrEqual(tol);
  });

  it('uses the symmetric part: rounding-level asymmetry does not change the result beyond the error bound', () => {
    const n = 20;
    const a = randomSymmetric(Rng.fromSeed(21), n);
    const skewed = Float64Array.from(a.data);
    const rng = Rng.fromSeed(22);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const d = (rng.uniform() - 0.5) * 1e-14;
        skewed[i * n + j] += d;
        skewed[j * n + i] -= d;
      }
    }
    const e1 = portableBackend.symmetricEigenvalues(a);
    const e2 = portableBackend.symmetricEigenvalues({ rows: n, cols: n, data: skewed });
    expect(maxAbsDiffArr(e1, e2)).toBeLessThanOrEqual(2 * C_BACKWARD * n * EPS * frobenius(a));
  });
});

describe('symmetricEigen (vectors)', () => {
  for (const [n, seed] of [
    [1, 1],
    [2, 2],
    [5, 3],
    [33, 4],
    [120, 5],
  ] as const) {
    it(`n=${n}: VᵀV ≈ I, A·V ≈ V·Λ, values match symmetricEigenvalues`, () => {
      const a = randomSymmetric(Rng.fromSeed(100 + seed), n);
      const { values, vectors } = portableBackend.symmetricEigen(a);
      expect(vectors.rows).toBe(n);
      expect(vectors.cols).toBe(n);
      expectAscending(values);
      const anorm = frobenius(a);
      // Orthogonality: rotations and reflectors are orthogonal to O(n·eps) per column pair.
      expect(orthogonalityError(vectors)).toBeLessThanOrEqual(C_BACKWARD * n * EPS);
      // Residual: ‖A·v_k − λ_k·v_k‖∞ ≤ C·n·eps·‖A‖ (backward stability of the pair).
      expect(eigenResidual(a, values, vectors)).toBeLessThanOrEqual(C_BACKWARD * n * EPS * anorm);
      const valuesOnly = portableBackend.symmetricEigenvalues(a);
      expect(maxAbsDiffArr(values, valuesOnly)).toBeLessThanOrEqual(2 * C_BACKWARD * n * EPS * anorm);
    });
  }

  it('repeated eigenvalues still give an orthonormal basis (identity ⊕ 2·identity)', () => {
    const n = 6;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) data[i * n + i] = i < 3 ? 1 : 2;
    const { values, vectors } = portableBackend.symmetricEigen({ rows: n, cols: n, data });
    expect(Array.from(values)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(orthogonalityError(vectors)).toBeLessThanOrEqual(C_BACKWARD * n * EPS);
  });
});

describe('tridiagonal building blocks', () => {
  it('tridiagonalizeWithTransform: Q·T·Qᵀ reproduces A and Q is orthogonal', () => {
    const n = 25;
    const a = randomSymmetric(Rng.fromSeed(9), n);
    const { diagonal, offDiagonal, qt } = tridiagonalizeWithTransform(a);
    expect(diagonal.length).toBe(n);
    expect(offDiagonal.length).toBe(n - 1);
    const Q = (r: number, c: number): number => qt.data[c * n + r]; // Q = qtᵀ
    const T = (r: number, c: number): number =>
      r === c ? diagonal[r] : Math.abs(r - c) === 1 ? offDiagonal[Math.min(r, c)] : 0;
    let err = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < n; p++) {
          for (let q = Math.max(0, p - 1); q <= Math.min(n - 1, p + 1); q++) s += Q(i, p) * T(p, q) * Q(j, q);
        }
        err = Math.max(err, Math.abs(s - a.data[i * n + j]));
      }
    }
    expect(err).toBeLessThanOrEqual(C_BACKWARD * n * EPS * frobenius(a));
    const tOnly = tridiagonalize(a);
    expect(Array.from(tOnly.diagonal)).toEqual(Array.from(diagonal));
    expect(Array.from(tOnly.offDiagonal)).toEqual(Array.from(offDiagonal));
  });

  it('tql1 / tql2 on a tridiagonal given directly; tql2 without basis gives eigenvectors of T', () => {
    const t = { diagonal: Float64Array.of(4, 1, -2, 3), offDiagonal: Float64Array.of(1, 0.5, -1) };
    const v1 = tql1(t);
    const { values, vectors } = tql2(t);
    expect(maxAbsDiffArr(v1, values)).toBeLessThanOrEqual(C_BACKWARD * 4 * EPS * 10);
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 4; i++) {
        const tv =
          t.diagonal[i] * vectors.data[i * 4 + k] +
          (i > 0 ? t.offDiagonal[i - 1] * vectors.data[(i - 1) * 4 + k] : 0) +
          (i < 3 ? t.offDiagonal[i] * vectors.data[(i + 1) * 4 + k] : 0);
        expect(Math.abs(tv - values[k] * vectors.data[i * 4 + k])).toBeLessThanOrEqual(C_BACKWARD * 4 * EPS * 10);
      }
    }
  });

  it('tql1 rejects malformed tridiagonals with messages naming the field', () => {
    expect(() => tql1({ diagonal: Float64Array.of(1, 2), offDiagonal: Float64Array.of(1, 2) })).toThrow(/tql1: t\.offDiagonal has length 2/);
    expect(() => tql1({ diagonal: Float64Array.of(1, NaN), offDiagonal: Float64Array.of(1) })).toThrow(/tql1: t\.diagonal\[1\] is NaN/);
    expect(() => tql2({ diagonal: Float64Array.of(1, 2), offDiagonal: Float64Array.of(Infinity) })).toThrow(/tql2: t\.offDiagonal\[0\] is Infinity/);
  });

  it('documents the LAPACK iteration budget', () => {
    expect(QL_MAX_ITERATIONS_PER_EIGENVALUE).toBe(30);
  });
});
