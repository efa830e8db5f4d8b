/**
 * A wrong neighbour of the softmax Gauss–Newton term (S1): the curvature of softmax
 * cross-entropy taken as diag(p) instead of diag(p) − ppᵀ,
 *
 *   W = (1/N) Σ_n J_nᵀ diag(p_n) J_n,     p_n = softmax(logits_n), J_n the k×P output Jacobian.
 *
 * W − GN = (1/N) Σ_n (J_nᵀp_n)(J_nᵀp_n)ᵀ ⪰ 0, and W keeps the logit-shift direction (adding a
 * constant to every logit) that the true curvature annihilates, so rank W can exceed the
 * bound N(k − 1) that GN obeys. Dense, O(N·k·P²) flops; softmax cross-entropy problems only.
 */
import { zeros, type Matrix } from '../../linalg/matrix.js';
import { softmax } from './softmaxCrossEntropy.js';
import type { MlpProblem } from './types.js';

export function diagonalCurvatureGaussNewton(p: MlpProblem, theta: Float64Array): Matrix {
  if (!p.logits) throw new Error('diagonalCurvatureGaussNewton: the problem has no `logits` method; build it with buildMlpProblem (src/nets/mlp)');
  if (theta.length !== p.P) throw new Error(`diagonalCurvatureGaussNewton: θ has ${theta.length} entries, the problem has P = ${p.P}`);
  const P = p.P;
  const k = p.spec.outputs;
  const G = zeros(P, P);
  const logits = p.logits(theta);
  for (let n = 0; n < p.N; n++) {
    const J = p.outputJacobian(theta, n);
    const prob = softmax(logits.data.subarray(n * k, (n + 1) * k));
    for (let c = 0; c < k; c++) {
      const w = prob[c] / p.N;
      for (let i = 0; i < P; i++) {
        const wi = w * J.data[c * P + i];
        for (let j = 0; j < P; j++) G.data[i * P + j] += wi * J.data[c * P + j];
      }
    }
  }
  return G;
}
