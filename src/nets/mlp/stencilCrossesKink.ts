/**
 * Whether a finite-difference stencil straddles a ReLU kink: true when some hidden
 * pre-activation changes sign anywhere on θ ± h_i e_i, θ ± 2h_i e_i (the points of the
 * Richardson central differences, src/hessian/finiteDifferenceHessian.ts). There the
 * difference quotient estimates no derivative — the engine's Hessian is the almost-everywhere
 * one — so a finite-difference check must skip the case. The same holds for the engine's other
 * kinked activations: leaky-relu (σ' jumps at 0) and elu (σ'' jumps at 0; hiddenActivation.ts).
 * Smooth activations: always false. Cost: 4P forward passes of the pre-activations.
 */
import type { Matrix } from '../../linalg/matrix.js';
import type { MlpProblem } from './types.js';

/** Activations with a kink at 0 (a jump in σ' or σ''). */
const KINKED: ReadonlySet<string> = new Set(['relu', 'leaky-relu', 'elu']);
/** The stencil offsets, in units of the step h_i. */
const STENCIL = [-2, -1, 1, 2] as const;

export function stencilCrossesKink(p: MlpProblem, theta: Float64Array, steps: Float64Array): boolean {
  if (!KINKED.has(p.spec.activation)) return false;
  if (!p.preActivations) throw new Error('stencilCrossesKink: a kinked-activation problem needs its `preActivations` method; build it with buildMlpProblem (src/nets/mlp)');
  if (theta.length !== p.P || steps.length !== p.P) throw new Error(`stencilCrossesKink: θ has ${theta.length} entries and steps ${steps.length}; both must have P = ${p.P}`);
  const sign = (z: Matrix) => Uint8Array.from(z.data, (v) => (v > 0 ? 1 : 0));
  const base = sign(p.preActivations(theta));
  const shifted = Float64Array.from(theta);
  for (let i = 0; i < theta.length; i++) {
    for (const s of STENCIL) {
      shifted[i] = theta[i] + s * steps[i];
      const z = sign(p.preActivations(shifted));
      for (let j = 0; j < z.length; j++) if (z[j] !== base[j]) return true;
    }
    shifted[i] = theta[i];
  }
  return false;
}
