/**
 * Spectral norm ‖A‖₂ = max_i |λ_i| of a symmetric matrix, from its extreme eigenvalues.
 *
 * Source: for symmetric A the singular values are the |λ_i| (GVL, Matrix Computations 4th ed.,
 * §8.1), so ‖A‖₂ = max(|λ_min|, |λ_max|). The eigenvalues come from the selected backend's
 * symmetric eigensolver (native: LAPACK dsyevd; portable: Householder tridiagonalisation +
 * implicit QL), both backward stable: |λ̂_i − λ_i| ≤ c·n·eps·‖A‖₂ (Weyl), so the result has a
 * relative error ≤ c·n·eps (test/linalg/spectralNorm.test.ts: ≤ 16·n·eps against ml-matrix
 * and closed forms).
 *
 * Used for Weyl bounds (C4: how far the Hessian moved along a run bounds how far every
 * eigenvalue moved). Reads the full matrix; the caller guarantees symmetry (as the backend).
 * Cost: one eigenvalue-only decomposition, (4/3)n³ flops.
 */
import { getBackend } from './selectBackend.js';
import type { Matrix } from './matrix.js';

export function symmetricSpectralNorm(a: Matrix): number {
  if (!(a.rows === a.cols && a.rows >= 1 && a.data.length === a.rows * a.cols)) {
    throw new Error(`symmetricSpectralNorm: need a non-empty square matrix, got ${a.rows}×${a.cols} with ${a.data.length} entries`);
  }
  for (let i = 0; i < a.data.length; i++) {
    if (!Number.isFinite(a.data[i])) throw new Error(`symmetricSpectralNorm: entry (${Math.floor(i / a.cols)}, ${i % a.cols}) is ${a.data[i]}; the matrix must be finite`);
  }
  const v = getBackend().symmetricEigenvalues(a);
  return Math.max(Math.abs(v[0]), Math.abs(v[v.length - 1]));
}
