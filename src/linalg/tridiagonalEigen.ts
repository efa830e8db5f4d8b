/**
 * Eigenvalues of a symmetric tridiagonal T (a Lanczos matrix) together with the FIRST and
 * LAST components of every unit eigenvector — all that Lanczos needs: the last components
 * give the Ritz residual estimates |β_j·s_{j,i}|, the first components the Gauss quadrature
 * weights s_{1,i}² of stochastic Lanczos quadrature.
 *
 * Source: the implicit QL iteration with Wilkinson shifts of EISPACK tql2 (JAMA's
 * transcription), run by ./portable/tridiagonalQL.ts (tqlTrackingRows) with the rotations
 * applied to only two columns of the eigenvector matrix (Golub & Welsch 1969 use
 * the same reduction for Gauss quadrature weights).
 *
 * Accuracy: backward stable — every eigenvalue within c·n·eps·‖T‖₂ of an exact one; the two
 * tracked rows are those of an orthogonal matrix to O(n·eps).
 * Cost: O(n²) flops and O(n) memory (full eigenvectors would cost 6n³).
 * Capped: at most 30·n QL sweeps in total (LAPACK dsteqr's MAXIT); past that it throws.
 */

import { tqlTrackingRows } from './portable/tridiagonalQL.js';

export interface TridiagonalEigenEnds {
  /** Eigenvalues of T, ascending. */
  readonly values: Float64Array;
  /** first[i]: component 0 of the unit eigenvector of values[i]. */
  readonly first: Float64Array;
  /** last[i]: component n−1 of the unit eigenvector of values[i]. */
  readonly last: Float64Array;
}

/**
 * @param alpha diagonal T[i][i], length n ≥ 1
 * @param beta  off-diagonal T[i][i+1], length ≥ n − 1 (entries past n − 2 are ignored)
 */
export function tridiagonalEigenEnds(alpha: ArrayLike<number>, beta: ArrayLike<number>): TridiagonalEigenEnds {
  const n = alpha.length;
  if (n === 0) return { values: new Float64Array(0), first: new Float64Array(0), last: new Float64Array(0) };
  if (beta.length < n - 1) throw new Error(`tridiagonalEigenEnds: beta has ${beta.length} entries, need ${n - 1}`);
  const diagonal = Float64Array.from(alpha);
  const offDiagonal = Float64Array.from({ length: n - 1 }, (_, i) => beta[i]);
  // Track components 0 and n−1 of every eigenvector: rows of I restricted to those columns.
  const rows = new Float64Array(2 * n);
  rows[0] = 1;
  rows[2 * (n - 1) + 1] = 1;
  const r = tqlTrackingRows({ diagonal, offDiagonal }, { rows: n, cols: 2, data: rows });
  return {
    values: r.values,
    first: Float64Array.from({ length: n }, (_, k) => r.rows.data[2 * k]),
    last: Float64Array.from({ length: n }, (_, k) => r.rows.data[2 * k + 1]),
  };
}
