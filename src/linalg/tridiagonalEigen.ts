/**
 * Eigenvalues of a symmetric tridiagonal T (a Lanczos matrix) together with the FIRST and
 * LAST components of every unit eigenvector — all that Lanczos needs: the last components
 * give the Ritz residual estimates |β_j·s_{j,i}|, the first components the Gauss quadrature
 * weights s_{1,i}² of stochastic Lanczos quadrature.
 *
 * Source: the implicit QL iteration with Wilkinson shifts of EISPACK tql2, as transcribed in
 * JAMA's EigenvalueDecomposition (the same algorithm as ./portable/tridiagonalQL.ts), with
 * the rotations applied to only two rows of the eigenvector matrix (Golub & Welsch 1969 use
 * the same reduction for Gauss quadrature weights).
 *
 * Accuracy: backward stable — every eigenvalue within c·n·eps·‖T‖₂ of an exact one; the two
 * tracked rows are those of an orthogonal matrix to O(n·eps).
 * Cost: O(n²) flops and O(n) memory (full eigenvectors would cost 6n³).
 * Capped: at most 30·n QL sweeps in total (LAPACK dsteqr's MAXIT); past that it throws.
 */

export interface TridiagonalEigenEnds {
  /** Eigenvalues of T, ascending. */
  readonly values: Float64Array;
  /** first[i]: component 0 of the unit eigenvector of values[i]. */
  readonly first: Float64Array;
  /** last[i]: component n−1 of the unit eigenvector of values[i]. */
  readonly last: Float64Array;
}

/** LAPACK dsteqr MAXIT: QL sweeps allowed per eigenvalue on average. */
const MAX_SWEEPS_PER_EIGENVALUE = 30;
const EPS = 2 ** -52;

/**
 * @param alpha diagonal T[i][i], length n ≥ 1
 * @param beta  off-diagonal T[i][i+1], length ≥ n − 1 (entries past n − 2 are ignored)
 */
export function tridiagonalEigenEnds(alpha: ArrayLike<number>, beta: ArrayLike<number>): TridiagonalEigenEnds {
  const n = alpha.length;
  if (n === 0) return { values: new Float64Array(0), first: new Float64Array(0), last: new Float64Array(0) };
  if (beta.length < n - 1) throw new Error(`tridiagonalEigenEnds: beta has ${beta.length} entries, need ${n - 1}`);
  const d = Float64Array.from(alpha);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = beta[i];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(d[i]) || !Number.isFinite(e[i])) throw new Error(`tridiagonalEigenEnds: entry ${i} is not finite`);
  }
  // Rows 0 and n−1 of the eigenvector matrix V (columns are eigenvectors), from V = I.
  const v0 = new Float64Array(n);
  const vn = new Float64Array(n);
  v0[0] = 1;
  vn[n - 1] = 1;

  let f = 0;
  let tst1 = 0;
  let sweeps = 0;
  const maxSweeps = MAX_SWEEPS_PER_EIGENVALUE * n;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      do {
        if (++sweeps > maxSweeps) throw new Error(`tridiagonalEigenEnds: no convergence after ${maxSweeps} QL sweeps (n = ${n})`);
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          h = v0[i + 1];
          v0[i + 1] = s * v0[i] + c * h;
          v0[i] = c * v0[i] - s * h;
          h = vn[i + 1];
          vn[i + 1] = s * vn[i] + c * h;
          vn[i] = c * vn[i] - s * h;
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x] - d[y]);
  return {
    values: Float64Array.from(order, (i) => d[i]),
    first: Float64Array.from(order, (i) => v0[i]),
    last: Float64Array.from(order, (i) => vn[i]),
  };
}
