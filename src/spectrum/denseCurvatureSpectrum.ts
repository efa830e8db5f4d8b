/**
 * All P eigenvalues of H(θ) for any CurvatureModel by the dense route: the P×P Hessian formed
 * exactly (for MLPs by forward-over-reverse R-operator columns, src/nets/mlp/mlpProblem.ts),
 * symmetrised, and handed to the backend's symmetric eigensolver (LAPACK dsyevd natively;
 * Householder + implicit QL portably). The rank is decided from |λ|, the singular values of a
 * symmetric matrix (numericalRank: tolerance P·eps·max|λ|), and the trace is the diagonal sum,
 * not the eigenvalue sum (so the two are independent).
 *
 * Accuracy: backward stable, |λ_i − λ̂_i| ≲ c·P·eps·‖H‖₂ (Weyl) on top of H's own rounding.
 * Cost: forming H O(N·P²) (MLP), eigenvalues O(P³); memory ≈ 4·P² doubles, checked against the
 * memory budget before anything is formed (the refusal names the matrix-free commands).
 */
import { assertFits, denseHessianBytes, MATRIX_FREE_HINT } from '../config/memoryBudget.js';
import type { LinalgBackend } from '../linalg/backend.js';
import type { Matrix } from '../linalg/matrix.js';
import type { RankEvidence } from '../linalg/numericalRank.js';
import type { CurvatureModel } from './curvatureModel.js';
import { rankOfSymmetric } from './hessianSpectrum.js';

export interface DenseCurvatureSpectrum {
  /** All P eigenvalues, descending. */
  readonly eigenvalues: Float64Array;
  /** tr H as the diagonal sum. */
  readonly trace: number;
  readonly rank: RankEvidence;
  readonly route: string;
  readonly backend: string;
}

/** The dense route's memory check, with a message that names the matrix-free commands. */
export function assertDenseCurvatureFits(m: Pick<CurvatureModel, 'P' | 'N' | 'family'>, budgetBytes?: number): void {
  assertFits(denseHessianBytes(m.P, m.N), `a dense P×P Hessian with P = ${m.P} parameters (N = ${m.N})`, m.family === 'mlp' ? 'hidden' : 'Nh, Ni, N', `${MATRIX_FREE_HINT}; \`density <config.json>\` (stochastic Lanczos quadrature) for the whole spectrum`, budgetBytes);
}

export function denseCurvatureSpectrum(m: CurvatureModel, backend: LinalgBackend): DenseCurvatureSpectrum {
  assertDenseCurvatureFits(m);
  const H = m.denseHessian();
  const ascending = backend.symmetricEigenvalues(H);
  return {
    eigenvalues: Float64Array.from(ascending).reverse(),
    trace: traceOf(H),
    rank: rankOfSymmetric(ascending, m.P),
    route: m.family === 'mlp' ? 'dense Hessian (P×P by R-operator columns) + symmetric eigensolver' : 'dense Hessian (P×P: Gauss–Newton + residual term) + symmetric eigensolver',
    backend: backend.name,
  };
}

export function traceOf(a: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += a.data[i * a.cols + i];
  return s;
}
