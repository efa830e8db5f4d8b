/**
 * Cholesky factor L (lower triangular, A = L Lᵀ) of a symmetric positive definite matrix,
 * by the column-oriented algorithm (Golub & Van Loan, Alg. 4.2.1): backward stable,
 * n³/3 flops. Throws when a pivot is not positive (A not numerically positive definite).
 */
import { zeros, type Matrix } from './matrix.js';

export function cholesky(a: Matrix): Matrix {
  const n = a.rows;
  if (a.cols !== n) throw new Error(`cholesky: matrix must be square, got ${a.rows}x${a.cols}`);
  const L = zeros(n, n);
  for (let j = 0; j < n; j++) {
    let d = a.data[j * n + j];
    for (let k = 0; k < j; k++) d -= L.data[j * n + k] ** 2;
    if (!(d > 0)) throw new Error(`cholesky: matrix is not positive definite (pivot ${j} = ${d})`);
    const ljj = Math.sqrt(d);
    L.data[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a.data[i * n + j];
      for (let k = 0; k < j; k++) s -= L.data[i * n + k] * L.data[j * n + k];
      L.data[i * n + j] = s / ljj;
    }
  }
  return L;
}

/** Solves X·Lᵀ = B for X (each row of B against the upper-triangular Lᵀ), in place on a copy. */
export function solveRightLowerTranspose(B: Matrix, L: Matrix): Matrix {
  const n = L.rows;
  if (B.cols !== n) throw new Error(`solveRightLowerTranspose: B has ${B.cols} columns, L is ${n}x${n}`);
  const X = { rows: B.rows, cols: n, data: Float64Array.from(B.data) };
  // Row x of X satisfies Σ_k x_k L_jk = b_j for each j (k ≤ j): forward substitution.
  for (let r = 0; r < B.rows; r++) {
    const o = r * n;
    for (let j = 0; j < n; j++) {
      let s = X.data[o + j];
      for (let k = 0; k < j; k++) s -= X.data[o + k] * L.data[j * n + k];
      X.data[o + j] = s / L.data[j * n + j];
    }
  }
  return X;
}
