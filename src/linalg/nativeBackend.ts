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
 *  - multiply: dgemm.
 *
 * Accuracy: LAPACK's backward-stability bounds — eigenvalues within p(n)·eps·‖A‖₂, singular
 * values within p(m, n)·eps·‖A‖₂ (LAPACK Users' Guide §4.7, §4.9); the same bounds the
 * portable backend meets, so callers' tolerances do not depend on the backend.
 *
 * Inputs are validated in TypeScript first, so errors name the method that was called.
 * Finiteness is checked for the LAPACK drivers (whose iterations are not specified on NaN)
 * but not for gram/multiply: BLAS propagates NaN/Inf into the result, and these sit in
 * hot loops (Lanczos reorthogonalisation, Hessian-vector products).
 */
import type { GramSide, LinalgBackend, SymmetricEigen } from './backend.js';
import type { Matrix } from './matrix.js';
import type { NativeAddon } from './native/addon.js';
import { checkNativeMatrix } from './native/validate.js';

export function createNativeBackend(addon: NativeAddon): LinalgBackend {
  return {
    name: 'native',

    symmetricEigenvalues(a: Matrix): Float64Array {
      checkNativeMatrix(a, 'symmetricEigenvalues', true);
      return addon.eigvalsh(a.data, a.rows);
    },

    symmetricEigen(a: Matrix): SymmetricEigen {
      checkNativeMatrix(a, 'symmetricEigen', true);
      const { values, vectors } = addon.eigh(a.data, a.rows);
      return { values, vectors: { rows: a.rows, cols: a.rows, data: vectors } };
    },

    singularValues(a: Matrix): Float64Array {
      checkNativeMatrix(a, 'singularValues', false);
      return addon.svdvals(a.data, a.rows, a.cols);
    },

    gram(a: Matrix, scale: number, side: GramSide): Matrix {
      checkNativeMatrix(a, 'gram', false, false);
      if (!Number.isFinite(scale)) throw new Error(`nativeBackend.gram: scale must be finite, got ${scale}`);
      const n = side === 'AtA' ? a.cols : a.rows;
      return { rows: n, cols: n, data: addon.syrk(a.data, a.rows, a.cols, scale, side === 'AtA') };
    },

    multiply(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix {
      checkNativeMatrix(a, 'multiply', false, false);
      checkNativeMatrix(b, 'multiply', false, false);
      const m = transA ? a.cols : a.rows;
      const k = transA ? a.rows : a.cols;
      const kb = transB ? b.cols : b.rows;
      const n = transB ? b.rows : b.cols;
      if (k !== kb) throw new Error(`nativeBackend.multiply: inner dimensions differ: op(A) is ${m}x${k}, op(B) is ${kb}x${n}`);
      return { rows: m, cols: n, data: addon.gemm(a.data, a.rows, a.cols, transA, b.data, b.rows, b.cols, transB, alpha) };
    },
  };
}
