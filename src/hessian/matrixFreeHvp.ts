/**
 * The exact Hessian H(θ) of the least-squares loss as a matrix-free operator, for any family:
 *
 *   H·v = Jᵀ(J·v)/N + (1/N) Σ_n r_n ∇²y_θ(x_n)·v
 *
 * Two-layer networks get the cached, dgemm-backed operator of ./twoLayerHessianOperator.ts;
 * other families compose the model's jvp, vjp and weightedOutputHessianVector (so J is never
 * formed; for deep linear nets the residual part still forms the P×P output curvature — see
 * nets/deepLinear.ts). `genericHessianOperator` is also the independent route tests compare
 * the two-layer operator against.
 *
 * Cost: two-layer 2·N·Nh·Ni flops per application; generic, the model's jvp + vjp + residual.
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { getBackend } from '../linalg/selectBackend.js';
import { residuals, type LeastSquaresProblem } from './problem.js';
import { countingHessianOperator, twoLayerHessianOperator, type HessianOperator } from './twoLayerHessianOperator.js';

export type { HessianOperator } from './twoLayerHessianOperator.js';

/** H(θ) at the problem's point (p.theta), the fastest exact route for its family. */
export function hessianOperator(p: TeacherStudentProblem, backend: LinalgBackend = getBackend()): HessianOperator {
  if (p.family === 'two-layer' && p.activation !== null && p.Nh !== null) {
    return twoLayerHessianOperator({ activation: p.activation, Ni: p.Ni, Nh: p.Nh, theta: p.theta, X: p.X, targets: p.targets, atOptimum: p.atOptimum }, backend);
  }
  return genericHessianOperator(p, p.theta);
}

/** H(θ) from the model's jvp/vjp and matrix-free output curvature. */
export function genericHessianOperator(p: LeastSquaresProblem, theta: Float64Array): HessianOperator {
  const { model, X } = p;
  const { jvp, vjp } = model;
  if (!jvp || !vjp) throw new Error(`genericHessianOperator: the ${model.family} model has no jvp/vjp; matrix-free products need both`);
  const N = X.rows;
  const P = model.P;
  if (theta.length !== P) throw new Error(`genericHessianOperator: θ has ${theta.length} entries, expected P = ${P}`);
  const r = residuals(p, theta);
  let rr = 0;
  for (let n = 0; n < N; n++) rr += r[n] * r[n];
  const w = Float64Array.from(r, (x) => x / N);
  return countingHessianOperator(P, Math.sqrt(rr), 'genericHessianOperator', (v) => {
    const u = jvp.call(model, theta, X, v);
    for (let n = 0; n < N; n++) u[n] /= N;
    const out = vjp.call(model, theta, X, u);
    if (rr > 0) {
      const rv = model.weightedOutputHessianVector(theta, X, w, v);
      for (let i = 0; i < P; i++) out[i] += rv[i];
    }
    return out;
  });
}
