/**
 * Eigenvalues (and optionally eigenvectors) of a real symmetric tridiagonal
 * matrix T by the implicitly shifted QL algorithm with Wilkinson shifts.
 *
 * What: `tql1` returns the eigenvalues of T ascending; `tql2` also returns
 * orthonormal eigenvectors, either of T itself or — when given the Qᵀ of a
 * Householder reduction A = Q·T·Qᵀ — of A, permuted to match the ascending order.
 *
 * Source: EISPACK tql1/tql2 (Bowdler, Martin, Reinsch & Wilkinson 1968), as
 * transcribed in JAMA's EigenvalueDecomposition; Golub & Van Loan (4th ed.)
 * §8.3.3–8.3.5 (implicit symmetric QR/QL step, Wilkinson shift). The shift is the
 * eigenvalue of the leading 2×2 block of the active window closest to its first
 * diagonal entry, which gives (generically cubic) convergence; the iteration
 * budget follows LAPACK dsteqr/dsterf: MAXIT = 30 iterations per eigenvalue on
 * average, i.e. at most 30·n QL sweeps in total, after which we throw rather
 * than return unconverged numbers.
 *
 * Deflation: e[m] is treated as zero when |e[m]| ≤ eps·τ, τ the running maximum
 * of |d[j]| + |e[j]| over the window start (≤ ‖T‖₁) — the EISPACK/JAMA test. It
 * perturbs T by at most eps·‖T‖ per deflation, consistent with the backward
 * error of the rotations themselves.
 *
 * Accuracy: backward stable; every computed eigenvalue is within c·n·eps·‖T‖₂ of
 * an exact one (GVL §8.3.6), eigenvectors are orthonormal to O(n·eps) and each is
 * accurate to O(eps·‖T‖/gap) in angle.
 *
 * Cost: values only O(n²) (typically < 2 sweeps per eigenvalue, each O(n));
 * with vectors ≈ 6·n³ flops more for the rotations, which are recorded per
 * sweep and applied to the basis rows (rows of Qᵀ, contiguous) two at a time.
 */
import type { Matrix } from '../matrix.js';
import type { SymmetricEigen } from '../backend.js';
import type { SymmetricTridiagonal } from './householderTridiagonal.js';

/** LAPACK dsteqr/dsterf MAXIT: average QL iterations allowed per eigenvalue. */
export const QL_MAX_ITERATIONS_PER_EIGENVALUE = 30;

/** Machine epsilon 2^-52, the deflation threshold's unit (JAMA/EISPACK use the same). */
const EPS = 2 ** -52;

/** Eigenvalues of T, ascending. */
export function tql1(t: SymmetricTridiagonal): Float64Array {
  const n = checkTridiagonal(t, 'tql1');
  const d = Float64Array.from(t.diagonal);
  const e = paddedOffDiagonal(t.offDiagonal, n);
  qlIterate(d, e, null, 0, n, 'tql1');
  return d.sort();
}

/**
 * Eigenvalues ascending and eigenvectors. `qt` (optional, n×n) holds the basis
 * in its rows — pass the Qᵀ of a Householder reduction to get eigenvectors of A;
 * omit it for eigenvectors of T. Column k of `vectors` pairs with `values[k]`.
 * `qt` is not modified.
 */
export function tql2(t: SymmetricTridiagonal, qt?: Matrix): SymmetricEigen {
  const n = checkTridiagonal(t, 'tql2');
  let z: Float64Array;
  if (qt === undefined) {
    z = new Float64Array(n * n);
    for (let i = 0; i < n; i++) z[i * n + i] = 1;
  } else {
    if (qt.rows !== n || qt.cols !== n || qt.data.length !== n * n) {
      throw new Error(`tql2: qt must be ${n}x${n} to match the tridiagonal, got ${qt.rows}x${qt.cols}`);
    }
    z = Float64Array.from(qt.data);
  }
  const d = Float64Array.from(t.diagonal);
  const e = paddedOffDiagonal(t.offDiagonal, n);
  qlIterate(d, e, z, n, n, 'tql2');

  // Sort ascending; eigenvector k is row order[k] of z and becomes column k.
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x] - d[y]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const src = order[k];
    values[k] = d[src];
    const rs = src * n;
    for (let r = 0; r < n; r++) vectors[r * n + k] = z[rs + r];
  }
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}

/**
 * Eigenvalues ascending and selected components of the eigenvectors: `rows` (n×w) holds,
 * for each basis vector i, the w components to track (rows of I restricted to chosen
 * columns give those components of T's eigenvectors, at O(n·w) per sweep instead of
 * O(n²)). Returns the rows permuted to the ascending order: row k pairs with values[k].
 */
export function tqlTrackingRows(t: SymmetricTridiagonal, rows: Matrix): { values: Float64Array; rows: Matrix } {
  const n = checkTridiagonal(t, 'tqlTrackingRows');
  const w = rows.cols;
  if (rows.rows !== n || rows.data.length !== n * w) throw new Error(`tqlTrackingRows: rows must have ${n} rows, got ${rows.rows}`);
  const z = Float64Array.from(rows.data);
  const d = Float64Array.from(t.diagonal);
  const e = paddedOffDiagonal(t.offDiagonal, n);
  qlIterate(d, e, z, w, n, 'tqlTrackingRows');
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x] - d[y]);
  const out = new Float64Array(n * w);
  order.forEach((src, k) => out.set(z.subarray(src * w, src * w + w), k * w));
  return { values: Float64Array.from(order, (i) => d[i]), rows: { rows: n, cols: w, data: out } };
}

function checkTridiagonal(t: SymmetricTridiagonal, fn: string): number {
  if (t === null || typeof t !== 'object' || !(t.diagonal instanceof Float64Array) || !(t.offDiagonal instanceof Float64Array)) {
    throw new TypeError(`${fn}: argument t must be {diagonal: Float64Array, offDiagonal: Float64Array}`);
  }
  const n = t.diagonal.length;
  if (t.offDiagonal.length !== Math.max(n - 1, 0)) {
    throw new Error(`${fn}: t.offDiagonal has length ${t.offDiagonal.length}, expected diagonal length − 1 = ${Math.max(n - 1, 0)}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t.diagonal[i])) throw new Error(`${fn}: t.diagonal[${i}] is ${t.diagonal[i]}; entries must be finite`);
  }
  for (let i = 0; i < n - 1; i++) {
    if (!Number.isFinite(t.offDiagonal[i])) throw new Error(`${fn}: t.offDiagonal[${i}] is ${t.offDiagonal[i]}; entries must be finite`);
  }
  return n;
}

/** e[i] couples i and i+1; e[n−1] = 0 is the sentinel that stops the deflation scan. */
function paddedOffDiagonal(off: Float64Array, n: number): Float64Array {
  const e = new Float64Array(Math.max(n, 1));
  e.set(off);
  return e;
}

/** √(a² + b²) without overflow or underflow (two-argument, allocation-free). */
function hypot2(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const big = x > y ? x : y;
  if (big === 0) return 0;
  const r = (x > y ? y : x) / big;
  return big * Math.sqrt(1 + r * r);
}

/**
 * EISPACK tql2 loop on d (diagonal) and e (e[i] = T[i][i+1], e[n−1] = 0), in
 * place; d ends as the unsorted eigenvalues. When z is given (n rows of `width` entries),
 * the rotations are applied to its rows (z ← Gᵀ·z), so row k ends as the eigenvector for
 * d[k] restricted to the columns z holds.
 */
function qlIterate(d: Float64Array, e: Float64Array, z: Float64Array | null, width: number, n: number, fn: string): void {
  const maxTotal = QL_MAX_ITERATIONS_PER_EIGENVALUE * n;
  let total = 0;
  let shiftSum = 0; // f in EISPACK: sum of shifts subtracted from the active diagonal
  let tst1 = 0;
  const rotC = new Float64Array(n);
  const rotS = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      do {
        if (++total > maxTotal) {
          throw new Error(
            `${fn}: implicit QL did not converge within ${maxTotal} iterations ` +
              `(${QL_MAX_ITERATIONS_PER_EIGENVALUE}·n, n = ${n}); eigenvalue ${l} unresolved, |e| = ${Math.abs(e[l])}`,
          );
        }
        // Wilkinson shift from the leading 2×2 block of the window [l, m].
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot2(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        shiftSum += h;

        // Implicit QL sweep from the bottom of the window up (Givens rotations).
        p = d[m];
        let c = 1;
        let c2 = 1;
        let c3 = 1;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot2(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          rotC[i] = c;
          rotS[i] = s;
        }
        if (z !== null) applyRotationSequence(z, width, l, m, rotC, rotS);
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += shiftSum;
    e[l] = 0;
  }
}

/**
 * Apply one QL sweep's rotations to the rows of z, in sweep order i = m−1 … l:
 * rotation i maps rows (i, i+1) to (c·zᵢ − s·zᵢ₊₁, s·zᵢ + c·zᵢ₊₁). Two consecutive
 * rotations share row i, so they are applied in one pass over three rows
 * (3 loads + 3 stores per column instead of 4 + 4).
 */
function applyRotationSequence(z: Float64Array, width: number, l: number, m: number, rotC: Float64Array, rotS: Float64Array): void {
  const n = width;
  let i = m - 1;
  for (; i - 1 >= l; i -= 2) {
    const c1 = rotC[i];
    const s1 = rotS[i];
    const c2 = rotC[i - 1];
    const s2 = rotS[i - 1];
    const r0 = (i - 1) * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    for (let k = 0; k < n; k++) {
      const a = z[r2 + k];
      const b = z[r1 + k];
      const e = z[r0 + k];
      const b1 = c1 * b - s1 * a;
      z[r2 + k] = s1 * b + c1 * a;
      z[r1 + k] = s2 * e + c2 * b1;
      z[r0 + k] = c2 * e - s2 * b1;
    }
  }
  if (i >= l) {
    const c1 = rotC[i];
    const s1 = rotS[i];
    const r1 = i * n;
    const r2 = r1 + n;
    for (let k = 0; k < n; k++) {
      const a = z[r2 + k];
      const b = z[r1 + k];
      z[r2 + k] = s1 * b + c1 * a;
      z[r1 + k] = c1 * b - s1 * a;
    }
  }
}
