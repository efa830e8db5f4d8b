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
}
