/**
 * S1's rounding unit for MLPs: γ = EPS·m, m = mlpOperationCount (Σ_l (n_{l−1}+1) + k + 8 + N,
 * the longest chain of rounded operations from an input to a mean-loss derivative,
 * src/nets/mlp/gradientRounding.ts) — twice Higham's γ_m = m·u/(1 − m·u). Every MLP tolerance
 * of S1 is a multiple of γ times a norm, stated where it is asserted.
 */
import { EPS } from '../../../src/linalg/matrix.js';
import { mlpLayout, mlpOperationCount, type MlpProblem } from '../../../src/nets/mlp/index.js';

export function mlpGamma(p: MlpProblem): number {
  return EPS * mlpOperationCount(mlpLayout(p.spec).widths, p.N);
}
