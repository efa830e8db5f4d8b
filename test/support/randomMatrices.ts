/**
 * Seeded random vectors and matrices for tests and benches, all drawn from the
 * suite's one generator (src/rng/rng.ts): pass `Rng.fromSeed(seed)` or a
 * `.split(label)` of one. Entries are i.i.d. N(0, scale²) unless said otherwise.
 *
 * Not a test file (no `.test.ts`): imported by tests and by bench/.
 */
import { identity, type Matrix } from '../../src/linalg/matrix.js';
import type { Rng } from '../../src/rng/rng.js';

/** n entries, i.i.d. N(0, scale²). */
export function randomVector(rng: Rng, n: number, scale = 1): Float64Array {
  return rng.normals(n, scale);
}

/** rows×cols, entries i.i.d. N(0, scale²). */
export function randomMatrix(rng: Rng, rows: number, cols: number, scale = 1): Matrix {
  return { rows, cols, data: rng.normals(rows * cols, scale) };
}

/** n×n, exactly symmetric: the lower triangle (diagonal included) i.i.d. N(0, scale²), mirrored. */
export function randomSymmetric(rng: Rng, n: number, scale = 1): Matrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = scale * rng.normal();
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data };
}

/**
 * n×n orthogonal (to rounding): the product H₁⋯H_r of `reflectors` Householder
 * reflectors H = I − 2vvᵀ/vᵀv with v ~ N(0, I). A few reflectors give a dense Q that
 * is cheap and accurate to build (each one costs O(eps) in orthogonality); not
 * Haar-distributed.
 */
export function randomOrthogonal(rng: Rng, n: number, reflectors = n): Matrix {
  const q = identity(n);
  for (let r = 0; r < reflectors; r++) {
    const v = rng.normals(n);
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i] * q.data[i * n + j];
      s *= 2 / vv;
      for (let i = 0; i < n; i++) q.data[i * n + j] -= s * v[i];
    }
  }
  return q;
}

/**
 * U[:, :k]·diag(d)·V[:, :k]ᵀ with k = d.length. Each term is formed as d_t·(U_it·V_jt),
 * so with U = V the result is symmetric to the bit.
 */
function orthogonalProduct(u: Matrix, d: ArrayLike<number>, v: Matrix): Matrix {
  const m = u.rows;
  const n = v.rows;
  const data = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d.length; t++) s += d[t] * (u.data[i * m + t] * v.data[j * n + t]);
      data[i * n + j] = s;
    }
  }
  return { rows: m, cols: n, data };
}

/** rows×cols A = U·Σ·Vᵀ with singular values `sigma` (min(rows, cols) of them); U, V from randomOrthogonal. */
export function withSingularValues(rng: Rng, rows: number, cols: number, sigma: ArrayLike<number>, reflectors: number): Matrix {
  if (sigma.length > Math.min(rows, cols)) throw new Error(`withSingularValues: ${sigma.length} singular values for a ${rows}×${cols} matrix`);
  return orthogonalProduct(randomOrthogonal(rng, rows, reflectors), sigma, randomOrthogonal(rng, cols, reflectors));
}

/** Symmetric A = Q·diag(lambda)·Qᵀ (exactly symmetric) with Q from randomOrthogonal. */
export function withEigenvalues(rng: Rng, lambda: ArrayLike<number>, reflectors: number): Matrix {
  const q = randomOrthogonal(rng, lambda.length, reflectors);
  return orthogonalProduct(q, lambda, q);
}
