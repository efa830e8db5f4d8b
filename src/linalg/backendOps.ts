/**
 * Gram matrices and matrix products through a backend when it has them (native: dsyrk,
 * dgemm), through portable loops otherwise. Callers that want BLAS speed where available
 * and the same answer everywhere call these, never `backend.gram`/`backend.multiply` directly.
 *
 * Accuracy: both routes are plain float64 sums of products; entries agree to
 * k·eps·Σ|a_i b_i| (k the inner dimension) — summation order differs.
 * Cost: gram k·n²/2 multiply-adds (n the result order); multiply m·n·k.
 */
import type { GramSide, LinalgBackend } from './backend.js';
import { gramAAt, gramAtA, zeros, type Matrix } from './matrix.js';

/** scale·AᵀA ('AtA') or scale·AAᵀ ('AAt'), symmetric to the bit. */
export function gram(backend: LinalgBackend, a: Matrix, scale: number, side: GramSide): Matrix {
  if (backend.gram) return backend.gram(a, scale, side);
  return side === 'AtA' ? gramAtA(a, scale) : gramAAt(a, scale);
}

/** alpha·op(A)·op(B), op(X) = Xᵀ when the flag is set. */
export function multiply(backend: LinalgBackend, a: Matrix, b: Matrix, transA = false, transB = false, alpha = 1): Matrix {
  if (backend.multiply) return backend.multiply(a, b, transA, transB, alpha);
  return portableMultiply(a, b, transA, transB, alpha);
}

/**
 * Portable alpha·op(A)·op(B) with every inner loop streaming a contiguous row:
 * NN and TN accumulate rows of B into rows of C; NT takes dot products of rows; TT
 * transposes A first and reduces to NT.
 */
export function portableMultiply(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix {
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  if (k !== kb) throw new Error(`multiply: inner dimensions differ: op(A) is ${m}x${k}, op(B) is ${kb}x${n}`);
  const c = zeros(m, n);
  const A = a.data;
  const B = b.data;
  const C = c.data;
  if (!transB) {
    // C[i,:] += alpha·op(A)[i,r]·B[r,:]
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let r = 0; r < k; r++) {
        const air = alpha * (transA ? A[r * a.cols + i] : A[i * a.cols + r]);
        if (air === 0) continue;
        const br = r * n;
        for (let j = 0; j < n; j++) C[ci + j] += air * B[br + j];
      }
    }
    return c;
  }
  // op(B) = Bᵀ: C[i,j] = alpha·Σ_r op(A)[i,r]·B[j,r], rows of B contiguous.
  let rowsA = A;
  if (transA) {
    rowsA = new Float64Array(m * k);
    for (let r = 0; r < k; r++) for (let i = 0; i < m; i++) rowsA[i * k + r] = A[r * a.cols + i];
  }
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let r = 0; r < k; r++) s += rowsA[ai + r] * B[bj + r];
      C[i * n + j] = alpha * s;
    }
  }
  return c;
}
