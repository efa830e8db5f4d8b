/**
 * A least-squares problem: a model evaluated at θ on inputs X against targets t,
 * with loss L(θ) = 1/(2N) Σ_n (y_θ(x_n) − t_n)². At a teacher–student optimum the
 * targets are the teacher's outputs and θ* is the teacher itself.
 */
import type { Matrix } from '../linalg/matrix.js';
import type { Model } from '../nets/model.js';

export interface LeastSquaresProblem {
  readonly model: Model;
  readonly X: Matrix;
  readonly targets: Float64Array;
}

/** r_n = y_θ(x_n) − t_n. */
export function residuals(p: LeastSquaresProblem, theta: Float64Array): Float64Array {
  const y = p.model.outputs(theta, p.X);
  for (let n = 0; n < y.length; n++) y[n] -= p.targets[n];
  return y;
}

/** L(θ) = ‖r‖² / (2N). */
export function loss(p: LeastSquaresProblem, theta: Float64Array): number {
  const r = residuals(p, theta);
  let s = 0;
  for (let n = 0; n < r.length; n++) s += r[n] * r[n];
  return s / (2 * r.length);
}

/** ∇L(θ) = Jᵀ r / N. */
export function gradient(p: LeastSquaresProblem, theta: Float64Array): Float64Array {
  const r = residuals(p, theta);
  const J = p.model.jacobian(theta, p.X);
  const N = p.X.rows;
  const P = p.model.P;
  const g = new Float64Array(P);
  for (let n = 0; n < N; n++) {
    const rn = r[n] / N;
    if (rn === 0) continue;
    const row = n * P;
    for (let i = 0; i < P; i++) g[i] += J.data[row + i] * rn;
  }
  return g;
}
