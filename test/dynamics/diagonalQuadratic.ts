/**
 * Test fixture: a least-squares problem whose loss is EXACTLY a quadratic with a diagonal
 * Hessian, so gradient descent on the "real" loss must reproduce the eigenbasis formula to
 * rounding. Model y = θ·x (a depth-1 linear network; `family` is nominal), inputs
 * X = √N·diag(√λ_i) (N = P rows), targets 0, θ* = 0:
 *   L(θ) = ‖Xθ‖²/(2N) = ½ Σ λ_i θ_i²,  H = XᵀX/N = diag(λ).
 */
import type { LeastSquaresProblem } from '../../src/hessian/problem.js';
import { matvec, zeros, type Matrix } from '../../src/linalg/matrix.js';
import type { Model } from '../../src/nets/model.js';

export function diagonalQuadratic(lambdas: readonly number[]): LeastSquaresProblem & { H: Matrix } {
  const P = lambdas.length;
  const N = P;
  const X = zeros(N, P);
  lambdas.forEach((l, i) => {
    X.data[i * P + i] = Math.sqrt(N * l);
  });
  const model: Model = {
    family: 'deep-linear',
    P,
    Ni: P,
    layout: `θ (${P}), y = θ·x`,
    outputs: (theta, Xin) => matvec(Xin, theta),
    jacobian: (_theta, Xin) => ({ rows: Xin.rows, cols: Xin.cols, data: Float64Array.from(Xin.data) }),
    weightedOutputHessian: () => zeros(P, P),
    weightedOutputHessianVector: () => new Float64Array(P),
  };
  const H = zeros(P, P);
  lambdas.forEach((l, i) => {
    H.data[i * P + i] = l;
  });
  return { model, X, targets: new Float64Array(N), H };
}
