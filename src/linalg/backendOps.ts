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
import { gramAAt, gramAtA, type Matrix } from './matrix.js';
import { portableGemm, portableGemmInto } from './portable/gemm.js';

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
 * out ← alpha·op(A)·op(B) into a preallocated Matrix of the result's shape (hot loops reuse
 * their buffers this way); out must not alias a or b.
 */
export function multiplyInto(backend: LinalgBackend, a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number, out: Matrix): void {
  if (backend.multiplyInto) {
    backend.multiplyInto(a, b, transA, transB, alpha, out);
    return;
  }
  portableGemmInto(a, b, transA, transB, alpha, out);
}

/** Portable alpha·op(A)·op(B): the cache-blocked kernel of ./portable/gemm.ts. */
export function portableMultiply(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix {
  return portableGemm(a, b, transA, transB, alpha);
}
