/**
 * The logit-shift direction of an MLP: the unit vector u = (1, …, 1)/√k on the output-layer
 * biases (zero elsewhere). Moving θ along u adds the same constant to every logit, to which
 * softmax is invariant: for softmax cross-entropy H·u = GN·u = 0 in exact arithmetic (one of
 * the directions the rank bound N(k − 1) counts out). For MSE it is an ordinary direction.
 */
import { mlpLayout } from './layout.js';
import type { MlpProblem } from './types.js';

export function logitShiftDirection(p: MlpProblem): Float64Array {
  const lay = mlpLayout(p.spec);
  const u = new Float64Array(p.P);
  const k = p.spec.outputs;
  for (let c = 0; c < k; c++) u[lay.biasOffset[lay.L] + c] = 1 / Math.sqrt(k);
  return u;
}
