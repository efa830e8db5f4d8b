/**
 * The native implementation of `LinalgBackend`: Debian's LAPACKE/OpenBLAS through the
 * optional node-addon-api addon in native/ (see src/linalg/native/loadNative.ts).
 *
 *  - symmetricEigenvalues: dsyevd, jobz = 'N' (Householder dsytrd + dsterf; (4/3)n³ flops,
 *    half of them in blocked level-3 BLAS) — the routine numpy.linalg.eigvalsh calls.
 *  - symmetricEigen: dsyevd, jobz = 'V' (divide and conquer); column k of `vectors` pairs
 *    with values[k].
 *  - singularValues: dgesdd, jobz = 'N'; descending.
 *  - gram: dsyrk (k·n² flops, half of a gemm), both triangles filled.
 *  - multiply / multiplyInto: dgemm; dgemv when either factor is a single column or row
 *    (OpenBLAS's dgemm with one column runs several times slower than its dgemv — it is the
 *    shape of Lanczos reorthogonalisation and of the kernel and G products).
 *
 * Accuracy: LAPACK's backward-stability bounds — eigenvalues within p(n)·eps·‖A‖₂, singular
 * values within p(m, n)·eps·‖A‖₂ (LAPACK Users' Guide §4.7, §4.9); the same bounds the
 * portable backend meets, so callers' tolerances do not depend on the backend.
 *
 * Inputs are validated in TypeScript first, so errors name the method that was called.
 * Finiteness is checked for the LAPACK drivers (whose iterations are not specified on NaN)
 * but not for gram/multiply: BLAS propagates NaN/Inf into the result, and these sit in
 * hot loops (Lanczos reorthogonalisation, Hessian-vector products). Results and LAPACK's
 * scratch copies are allocated here, in JavaScript, before the call: a size the process
 * cannot hold is an Error naming the method and the size (the addon itself never allocates
 * a matrix — an allocation failing inside N-API would abort the process).
 */
import type { GramSide, LinalgBackend, SymmetricEigen } from './backend.js';
import type { Matrix } from './matrix.js';
import type { NativeAddon } from './native/addon.js';
import { checkNativeMatrix } from './native/validate.js';

/** LP64 BLAS/LAPACK index limit: every dimension must fit a 32-bit int. */
export const MAX_NATIVE_DIM = 2 ** 31 - 1;

/** A fresh Float64Array of `count` entries, or an Error naming the method and the size. */
function allocate(count: number, fn: string, what: string): Float64Array {
  try {
    return new Float64Array(count);
  } catch (e) {
    throw new Error(`nativeBackend.${fn}: cannot allocate the ${what} (${count} float64 = ${((count * 8) / 2 ** 20).toFixed(0)} MiB): ${(e as Error).message}`);
  }
}

function checkDims(fn: string, ...dims: number[]): void {
  for (const d of dims) if (d > MAX_NATIVE_DIM) throw new Error(`nativeBackend.${fn}: dimension ${d} exceeds the 32-bit LAPACK/BLAS index limit ${MAX_NATIVE_DIM}; use the portable backend`);
}

function checkAlpha(fn: string, name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`nativeBackend.${fn}: ${name} must be a finite number, got ${v}`);
}

export function createNativeBackend(addon: NativeAddon): LinalgBackend {
  const product = (fn: string, a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number) => {
    checkNativeMatrix(a, fn, false, false);
    checkNativeMatrix(b, fn, false, false);
    checkAlpha(fn, 'alpha', alpha);
    const m = transA ? a.cols : a.rows;
    const k = transA ? a.rows : a.cols;
    const kb = transB ? b.cols : b.rows;
    const n = transB ? b.rows : b.cols;
    if (k !== kb) throw new Error(`nativeBackend.${fn}: inner dimensions differ: op(A) is ${m}x${k}, op(B) is ${kb}x${n}`);
    checkDims(fn, a.rows, a.cols, b.rows, b.cols);
    return { m, n };
  };
  /** c ← alpha·op(A)·op(B): dgemv for a single output column or row, dgemm otherwise. */
  const run = (a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number, m: number, n: number, c: Float64Array) => {
    if (n === 1 && m > 1) {
      // op(B) is one column, stored contiguously whether or not it is transposed.
      addon.gemv(a.data, a.rows, a.cols, transA, b.data, alpha, 0, c);
    } else if (m === 1 && n > 1) {
      // cᵀ = op(A)·op(B) with op(A) one row: c = op(B)ᵀ·op(A)ᵀ.
      addon.gemv(b.data, b.rows, b.cols, !transB, a.data, alpha, 0, c);
    } else {
      addon.gemm(a.data, a.rows, a.cols, transA, b.data, b.rows, b.cols, transB, alpha, 0, c);
    }
  };
  return {
    name: 'native',

    symmetricEigenvalues(a: Matrix): Float64Array {
      checkNativeMatrix(a, 'symmetricEigenvalues', true);
      checkDims('symmetricEigenvalues', a.rows);
      const w = allocate(a.rows, 'symmetricEigenvalues', 'eigenvalues');
      addon.eigvalsh(a.data, a.rows, w, allocate(a.data.length, 'symmetricEigenvalues', "LAPACK's working copy"));
      return w;
    },

    symmetricEigen(a: Matrix): SymmetricEigen {
      checkNativeMatrix(a, 'symmetricEigen', true);
      checkDims('symmetricEigen', a.rows);
      const w = allocate(a.rows, 'symmetricEigen', 'eigenvalues');
      const v = allocate(a.data.length, 'symmetricEigen', 'eigenvectors');
      addon.eigh(a.data, a.rows, w, v);
      return { values: w, vectors: { rows: a.rows, cols: a.rows, data: v } };
    },

    singularValues(a: Matrix): Float64Array {
      checkNativeMatrix(a, 'singularValues', false);
      checkDims('singularValues', a.rows, a.cols);
      const s = allocate(Math.min(a.rows, a.cols), 'singularValues', 'singular values');
      addon.svdvals(a.data, a.rows, a.cols, s, allocate(a.data.length, 'singularValues', "LAPACK's working copy"));
      return s;
    },

    gram(a: Matrix, scale: number, side: GramSide): Matrix {
      checkNativeMatrix(a, 'gram', false, false);
      checkAlpha('gram', 'scale', scale);
      if (side !== 'AtA' && side !== 'AAt') throw new Error(`nativeBackend.gram: side must be 'AtA' or 'AAt', got ${JSON.stringify(side)}`);
      checkDims('gram', a.rows, a.cols);
      const n = side === 'AtA' ? a.cols : a.rows;
      const c = allocate(n * n, 'gram', `${n}x${n} Gram matrix`);
      addon.syrk(a.data, a.rows, a.cols, scale, side === 'AtA', c);
      return { rows: n, cols: n, data: c };
    },

    multiply(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix {
      const { m, n } = product('multiply', a, b, transA, transB, alpha);
      const c = allocate(m * n, 'multiply', `${m}x${n} product`);
      run(a, b, transA, transB, alpha, m, n, c);
      return { rows: m, cols: n, data: c };
    },

    multiplyInto(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number, out: Matrix): void {
      const { m, n } = product('multiplyInto', a, b, transA, transB, alpha);
      if (out === null || typeof out !== 'object' || !(out.data instanceof Float64Array) || out.rows !== m || out.cols !== n || out.data.length !== m * n) {
        throw new Error(`nativeBackend.multiplyInto: out must be a ${m}x${n} Matrix with ${m * n} entries`);
      }
      run(a, b, transA, transB, alpha, m, n, out.data);
    },
  };
}
