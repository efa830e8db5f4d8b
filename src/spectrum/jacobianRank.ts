/**
 * rank H(θ*) = rank J, decided from the float64 singular values of J/√N (whose squares are
 * the nonzero eigenvalues of H(θ*)), with the gap as evidence (src/linalg/numericalRank.ts).
 *
 * Two entry points:
 *  - `jacobianRank`: forms J/√N and takes its SVD (the reference route; it also returns all
 *    singular values).
 *  - `scaledJacobianRank`: for callers that already hold J/√N AND the eigenvalues of its
 *    min(N, P)-order Gram (the spectrum at θ*). When those eigenvalues certify full rank
 *    (src/linalg/gramRank.ts: every σ_i² provably far above the rounding floor) the SVD is
 *    skipped and the evidence is the one the SVD would give (rank min(N, P), nothing dropped,
 *    gap ∞; σ_r to the stated relative accuracy); otherwise it decides from the SVD exactly
 *    as `jacobianRank` does. Same decisions, shown in test/linalg/rankRoutes.test.ts.
 */
import type { LeastSquaresProblem } from '../hessian/problem.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { certifyFullRankFromGram } from '../linalg/gramRank.js';
import { scale, type Matrix } from '../linalg/matrix.js';
import { numericalRank, type RankEvidence } from '../linalg/numericalRank.js';
import { getBackend } from '../linalg/selectBackend.js';

export interface JacobianRank {
  readonly rank: RankEvidence;
  /** Singular values of J/√N, descending. */
  readonly singularValues: Float64Array;
}

/** How a rank was decided: certified from the Gram's eigenvalues, or from an SVD of J/√N. */
export type RankRoute = 'gram-certified' | 'svd';

export interface ScaledJacobianRank {
  readonly rank: RankEvidence;
  readonly route: RankRoute;
  /** 'gram-certified' only: bound on the relative error of rank.sigmaAtRank (and relativeGap, toleranceMargin). */
  readonly sigmaAtRankRelativeError?: number;
}

export function jacobianRank(p: LeastSquaresProblem, theta: Float64Array, backend: LinalgBackend = getBackend()): JacobianRank {
  const N = p.X.rows;
  const Js = scale(p.model.jacobian(theta, p.X), 1 / Math.sqrt(N));
  const singularValues = backend.singularValues(Js);
  return { rank: numericalRank(singularValues, Js.rows, Js.cols), singularValues };
}

/**
 * Rank of Js = J/√N given the ascending eigenvalues of its computed min(rows, cols)-order
 * Gram and ‖Js‖_F² (= tr H at θ*). Falls back to backend.singularValues(Js).
 */
export function scaledJacobianRank(Js: Matrix, gramEigenvalues: Float64Array, frobeniusSquared: number, backend: LinalgBackend = getBackend()): ScaledJacobianRank {
  const cert = certifyFullRankFromGram(gramEigenvalues, Js.rows, Js.cols, frobeniusSquared);
  if (cert !== null) return { rank: cert.evidence, route: 'gram-certified', sigmaAtRankRelativeError: cert.sigmaAtRankRelativeError };
  return { rank: numericalRank(backend.singularValues(Js), Js.rows, Js.cols), route: 'svd' };
}
