/**
 * The one linear-algebra interface the suite computes through. Backends are
 * swappable (portable TypeScript now; native LAPACK later); callers never import
 * a backend's internals.
 */
import type { Matrix } from './matrix.js';

export interface SymmetricEigen {
  /** Ascending eigenvalues. */
  readonly values: Float64Array;
  /** n×n, column k is the unit eigenvector for values[k]. */
  readonly vectors: Matrix;
}

export interface LinalgBackend {
  readonly name: string;
  /** Eigenvalues of a symmetric matrix, ascending. Reads the full matrix; the caller guarantees symmetry. */
  symmetricEigenvalues(a: Matrix): Float64Array;
  /** Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix. */
  symmetricEigen(a: Matrix): SymmetricEigen;
  /** The min(rows, cols) singular values, descending. */
  singularValues(a: Matrix): Float64Array;
  /**
   * Optional (native: dsyrk). scale·AᵀA (side 'AtA', cols×cols) or scale·AAᵀ (side 'AAt',
   * rows×rows), both triangles filled. Callers use `gram` in ./backendOps.ts, which falls back
   * to the portable loops of ./matrix.ts when a backend lacks it.
   */
  gram?(a: Matrix, scale: number, side: GramSide): Matrix;
  /**
   * Optional (native: dgemm). alpha·op(A)·op(B), op = transpose when the flag is set. Callers
   * use `multiply` in ./backendOps.ts, which falls back to portable loops.
   */
  multiply?(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number): Matrix;
  /**
   * Optional (native: dgemm with β = 0). The same product written into `out` (a preallocated
   * Matrix of the result's shape, not aliasing a or b), for loops that reuse buffers. Callers
   * use `multiplyInto` in ./backendOps.ts.
   */
  multiplyInto?(a: Matrix, b: Matrix, transA: boolean, transB: boolean, alpha: number, out: Matrix): void;
}

/** Which Gram matrix: AᵀA (columns' inner products) or AAᵀ (rows'). */
export type GramSide = 'AtA' | 'AAt';
