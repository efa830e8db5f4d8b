/**
 * An independent Hessian route: central finite differences of the analytic gradient,
 *
 *   H[:, i] ≈ (∇L(θ + h e_i) − ∇L(θ − h e_i)) / (2h),
 *
 * symmetrised. Error model (e.g. Nocedal & Wright §8.1): truncation c·h² + O(h⁴) plus
 * rounding ≈ eps·|∇L|/h, balanced by h ∝ eps^{1/3} (≈ 6e-6, scaled by max(1, |θ_i|)).
 * Two steps, h and 2h, give the Richardson-extrapolated value (4D_h − D_2h)/3, whose
 * truncation error is O(h⁴), and an error *estimate* |D_h − D_2h|/3 ≈ c·h², the leading
 * error of D_h alone — a generous bound for the extrapolated value (first-order estimates
 * equal to the true error are a knife edge: asserting |H − D_h| ≤ |D_h − D_2h|/3 fails for
 * half the entries where c·h² dominates). Rounding in the extrapolation is
 * (4·1/h + 1/(2h))/3 = 1.5/h times the gradient's rounding. Tests bound the discrepancy
 * with the closed form by this estimate; the estimate is evidence, not a fudge.
 * Cost: 4P gradient evaluations.
 *
 * Two entry points: `finiteDifferenceHessianOf` takes any gradient function and the
 * caller's bound on the gradient's absolute rounding error (the model-agnostic core, used
 * by the MLP properties); `finiteDifferenceHessian` is the least-squares teacher–student
 * wrapper, which derives that rounding bound from residuals and the Jacobian.
 */
import { EPS, maxAbs, zeros, type Matrix } from '../linalg/matrix.js';
import { gradient, type LeastSquaresProblem } from './problem.js';
import { finiteDifferenceColumn } from './finiteDifferenceColumn.js';

export interface FiniteDifferenceHessian {
  readonly hessian: Matrix;
  /** Richardson-extrapolated Hessian is `hessian`; per-entry error estimate (truncation + rounding), same shape. */
  readonly errorEstimate: Matrix;
  readonly steps: Float64Array;
}

export { CENTRAL_DIFFERENCE_STEP, centralDifferenceStep } from './finiteDifferenceColumn.js';

/**
 * Richardson-extrapolated central differences of `grad` at θ. `gradientRounding` bounds the
 * absolute rounding error of one computed gradient entry (the caller derives it from its
 * model); it enters the estimate as 1.5·gradientRounding/h.
 */
export function finiteDifferenceHessianOf(grad: (theta: Float64Array) => Float64Array, theta: Float64Array, gradientRounding: number): FiniteDifferenceHessian {
  const P = theta.length;
  const H = zeros(P, P);
  const E = zeros(P, P);
  const steps = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    const c = finiteDifferenceColumn(grad, theta, i, gradientRounding);
    steps[i] = c.step;
    for (let r = 0; r < P; r++) {
      H.data[r * P + i] = c.column[r];
      E.data[r * P + i] = c.errorEstimate[r];
    }
  }
  // Symmetrise: average the two one-sided estimates of each entry; keep the larger error.
  for (let i = 0; i < P; i++) {
    for (let j = i + 1; j < P; j++) {
      const v = 0.5 * (H.data[i * P + j] + H.data[j * P + i]);
      const e = Math.max(E.data[i * P + j], E.data[j * P + i], 0.5 * Math.abs(H.data[i * P + j] - H.data[j * P + i]));
      H.data[i * P + j] = v;
      H.data[j * P + i] = v;
      E.data[i * P + j] = e;
      E.data[j * P + i] = e;
    }
  }
  return { hessian: H, errorEstimate: E, steps };
}

/** Finite-difference Hessian of the least-squares loss L(θ) = ‖y_θ(X) − t‖²/(2N). */
export function finiteDifferenceHessian(p: LeastSquaresProblem, theta: Float64Array): FiniteDifferenceHessian {
  // Rounding in one gradient entry: r_n = y_n − t_n is formed with error ~eps·(|y|+|t|),
  // then weighted by J (and summed, averaged by 1/N). A factor 8 covers the handful of
  // operations per term; this is the rounding part of the estimate, not a tolerance.
  // Below 2.2e-308 rounding is absolute, not relative: each product may lose up to half a
  // subnormal step, 2^-1075 (gradual underflow; Higham, Accuracy and Stability, §2.1). One step
  // (Number.MIN_VALUE) for each of the ~8·N·P operations of a gradient bounds it; without it a
  // net whose weights are near 1e-320 got an estimate of exactly 0 and an infinite ratio (a
  // "fail" found by the CLI fuzz, test/cli/fuzz/). Irrelevant at ordinary scales (≈ 1e-316/h).
  const y = p.model.outputs(theta, p.X);
  const underflow = 8 * p.X.rows * theta.length * Number.MIN_VALUE;
  const gRound = 8 * EPS * maxAbs(p.model.jacobian(theta, p.X).data) * (maxAbs(y) + maxAbs(p.targets)) + EPS * maxAbs(gradient(p, theta)) + underflow;
  return finiteDifferenceHessianOf((th) => gradient(p, th), theta, gRound);
}
