/**
 * The closed-form Hessian of the least-squares loss (docs/theory.md#hessian, [S] Eq. 4):
 *
 *   H(θ) = JᵀJ/N  +  (1/N) Σ_n r_n ∇²y_θ(x_n)
 *          Gauss–Newton   residual term
 *
 * At the optimum every r_n = 0 and H = JᵀJ/N exactly. Dense P×P results are refused up
 * front past the memory budget (src/config/memoryBudget.ts), whoever asks for them, with a
 * message that points to the matrix-free route.
 */
import { assertDenseFits } from '../config/memoryBudget.js';
import { add, gramAtA, matTvec, matvec, type Matrix } from '../linalg/matrix.js';
import { assertFiniteArray } from '../linalg/nonFinite.js';
import { residuals, type LeastSquaresProblem } from './problem.js';

/** What a refusal names: the sizes that set P and N. */
const DENSE_SIZE_FIELD = 'sizes (Ni, Nh, N, depth)';

/** Gauss–Newton term JᵀJ/N (positive semi-definite by construction). */
export function gaussNewton(p: LeastSquaresProblem, theta: Float64Array): Matrix {
  assertDenseFits(p.model.P, p.X.rows, DENSE_SIZE_FIELD);
  const J = p.model.jacobian(theta, p.X);
  const G = gramAtA(J, 1 / p.X.rows);
  assertFiniteArray(G.data, 'the Gauss–Newton matrix JᵀJ/N');
  return G;
}

/** Residual term (1/N) Σ_n r_n ∇²y_θ(x_n). */
export function residualTerm(p: LeastSquaresProblem, theta: Float64Array): Matrix {
  assertDenseFits(p.model.P, p.X.rows, DENSE_SIZE_FIELD);
  const r = residuals(p, theta);
  const N = p.X.rows;
  for (let n = 0; n < N; n++) r[n] /= N;
  const R = p.model.weightedOutputHessian(theta, p.X, r);
  assertFiniteArray(R.data, 'the residual term of the Hessian');
  return R;
}

/** The full Hessian: Gauss–Newton plus residual term. */
export function fullHessian(p: LeastSquaresProblem, theta: Float64Array): Matrix {
  const H = add(gaussNewton(p, theta), residualTerm(p, theta));
  assertFiniteArray(H.data, 'the Hessian');
  return H;
}

/**
 * Hessian-vector product H·v = Jᵀ(J v)/N + (1/N) Σ_n r_n ∇²y_n · v, without forming
 * the P×P Hessian (the residual part is matrix-free where the family allows it).
 * Cost O(N·P) memory for J.
 */
export function hessianVectorProduct(p: LeastSquaresProblem, theta: Float64Array, v: Float64Array): Float64Array {
  if (v.length !== p.model.P) throw new Error(`hessianVectorProduct: v has ${v.length} entries, expected P = ${p.model.P}`);
  const N = p.X.rows;
  const J = p.model.jacobian(theta, p.X);
  const out = matTvec(J, matvec(J, v));
  const r = residuals(p, theta);
  for (let n = 0; n < N; n++) r[n] /= N;
  const rv = p.model.weightedOutputHessianVector(theta, p.X, r, v);
  for (let i = 0; i < out.length; i++) out[i] = out[i] / N + rv[i];
  return out;
}
