/**
 * A network family as the Hessian engine needs it: outputs, the Jacobian of the
 * outputs with respect to the flat parameter vector θ, and the output curvature
 * contracted with per-sample weights, Σ_n w_n ∇²y_θ(x_n). Everything else (loss,
 * gradient, Gauss–Newton, full Hessian, Hessian-vector products) is built from these
 * in src/hessian, the same way for every family.
 */
import type { Matrix } from '../linalg/matrix.js';

export type Family = 'two-layer' | 'deep-linear';

export interface Model {
  readonly family: Family;
  /** Number of parameters P. */
  readonly P: number;
  /** Input dimension Ni. */
  readonly Ni: number;
  /** Human-readable description of the parameter layout, e.g. "W (3×4) row-major, then a (3)". */
  readonly layout: string;
  /** y_θ(x_n) for every row x_n of X (N×Ni). */
  outputs(theta: Float64Array, X: Matrix): Float64Array;
  /** N×P Jacobian: row n is ∇_θ y_θ(x_n). */
  jacobian(theta: Float64Array, X: Matrix): Matrix;
  /** P×P matrix Σ_n w_n ∇²_θ y_θ(x_n). */
  weightedOutputHessian(theta: Float64Array, X: Matrix, w: Float64Array): Matrix;
  /** (Σ_n w_n ∇²_θ y_θ(x_n)) · v without forming the P×P matrix where the family allows it. */
  weightedOutputHessianVector(theta: Float64Array, X: Matrix, w: Float64Array, v: Float64Array): Float64Array;
  /** J·v (length N) without forming J: the directional derivative of the outputs. */
  jvp?(theta: Float64Array, X: Matrix, v: Float64Array): Float64Array;
  /** Jᵀ·u (length P) without forming J. */
  vjp?(theta: Float64Array, X: Matrix, u: Float64Array): Float64Array;
}
