/**
 * rank H(θ*) = rank J, decided from the float64 singular values of J/√N (whose squares are
 * the nonzero eigenvalues of H(θ*)), with the gap as evidence (src/linalg/numericalRank.ts).
 */
import type { LeastSquaresProblem } from '../hessian/problem.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { scale } from '../linalg/matrix.js';
import { numericalRank, type RankEvidence } from '../linalg/numericalRank.js';
import { getBackend } from '../linalg/selectBackend.js';

export interface JacobianRank {
  readonly rank: RankEvidence;
  /** Singular values of J/√N, descending. */
  readonly singularValues: Float64Array;
}

export function jacobianRank(p: LeastSquaresProblem, theta: Float64Array, backend: LinalgBackend = getBackend()): JacobianRank {
  const N = p.X.rows;
  const Js = scale(p.model.jacobian(theta, p.X), 1 / Math.sqrt(N));
  const singularValues = backend.singularValues(Js);
  return { rank: numericalRank(singularValues, Js.rows, Js.cols), singularValues };
}
