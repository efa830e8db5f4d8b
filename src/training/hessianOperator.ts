/**
 * The Hessian of a trained model at θ as a SymmetricOperator (src/linalg/operator.ts), from
 * the model's exact Hessian-vector product (for the MLP of src/nets/mlp: Pearlmutter's
 * R-operator, residual term included), so Lanczos (src/linalg/lanczos.ts) can find its top
 * eigenvalues without forming the P×P matrix.
 *
 * θ is copied: later changes to the caller's array do not move the operator. `applications`
 * counts the products taken (the cost of a Lanczos run, one gradient-like pass each).
 * Accuracy: that of the model's H·v (for the MLP exact up to rounding, O(P·eps) relative).
 * Symmetry: exact Hessians are symmetric; for ReLU networks the product is the almost-everywhere
 * Hessian (second derivative of ReLU taken as 0), symmetric as well.
 */
import { countingOperator, type CountingOperator } from '../linalg/operator.js';

export type { CountingOperator };

/** What the operator needs: the parameter count and an H·v of the (mean) loss. */
export interface HessianVectorSource {
  readonly P: number;
  hessianVector(theta: Float64Array, v: Float64Array, batch?: Int32Array): Float64Array;
}

/** H(θ) of the mean loss over `batch` (every sample when omitted) as an operator. */
export function hessianOperator(model: HessianVectorSource, theta: Float64Array, batch?: Int32Array): CountingOperator {
  if (theta.length !== model.P) throw new Error(`hessianOperator: theta has ${theta.length} entries, expected P = ${model.P}`);
  const at = Float64Array.from(theta);
  return countingOperator(model.P, 'hessianOperator', (v) => model.hessianVector(at, v, batch));
}
