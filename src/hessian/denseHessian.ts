/**
 * The full dense Hessian H(θ) = JᵀJ/N + (1/N) Σ_n r_n ∇²y_θ(x_n) with the Gauss–Newton Gram
 * through a backend (native: dsyrk). Same closed forms as ./hessian.ts (`fullHessian`, the
 * portable reference); only the O(N·P²) Gram changes route.
 *
 * Accuracy: entries agree with `fullHessian` to N·eps·(|J|ᵀ|J|)_ij / N (summation order).
 * Cost: N·P²/2 multiply-adds for the Gram + the residual term's O(N·Nh·Ni²) (two-layer);
 * memory 3·P² + N·P float64 — callers check the budget (src/config/memoryBudget.ts).
 */
import type { LinalgBackend } from '../linalg/backend.js';
import { gram } from '../linalg/backendOps.js';
import type { Matrix } from '../linalg/matrix.js';
import { residualTerm } from './hessian.js';
import type { LeastSquaresProblem } from './problem.js';

export function fullHessianWith(p: LeastSquaresProblem, theta: Float64Array, backend: LinalgBackend): Matrix {
  const J = p.model.jacobian(theta, p.X);
  const H = gram(backend, J, 1 / p.X.rows, 'AtA');
  const R = residualTerm(p, theta);
  for (let i = 0; i < H.data.length; i++) H.data[i] += R.data[i];
  return H;
}
