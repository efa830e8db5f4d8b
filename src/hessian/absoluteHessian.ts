/**
 * The "absolute" Hessian Σ_n (|J_n|ᵀ|J_n| + |r_n|·|∇²y_n|)/N, entrywise absolute values of
 * every term the Hessian sums. Its ratio to |H| is the cancellation factor κ that
 * rounding-error bounds need (Higham, Accuracy and Stability of Numerical Algorithms,
 * §3.1: a sum's computed error is ≤ γ_K·Σ|terms|). Cost N dense output Hessians: small sizes only.
 */
import { zeros, type Matrix } from '../linalg/matrix.js';
import { residuals, type LeastSquaresProblem } from './problem.js';

export function absoluteHessian(p: LeastSquaresProblem, theta: Float64Array): Matrix {
  const N = p.X.rows;
  const P = p.model.P;
  const J = p.model.jacobian(theta, p.X);
  const r = residuals(p, theta);
  const out = zeros(P, P);
  const w = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    const row = n * P;
    for (let i = 0; i < P; i++) {
      const ji = Math.abs(J.data[row + i]) / N;
      if (ji === 0) continue;
      for (let j = 0; j < P; j++) out.data[i * P + j] += ji * Math.abs(J.data[row + j]);
    }
    if (r[n] === 0) continue;
    w.fill(0);
    w[n] = Math.abs(r[n]) / N;
    const Rn = p.model.weightedOutputHessian(theta, p.X, w);
    for (let k = 0; k < out.data.length; k++) out.data[k] += Math.abs(Rn.data[k]);
  }
  return out;
}
