/**
 * Hidden-layer activations σ with their first and second derivatives, evaluated over a
 * slice of a unit buffer in one flat loop (the switch sits outside the loop).
 *
 *   relu:     σ = max(0, z), σ' = [z > 0], σ'' = 0.
 *   tanh:     σ = tanh z,    σ' = 1 − σ²,  σ'' = −2σ(1 − σ²).
 *   identity: σ = z,         σ' = 1,       σ'' = 0.
 *
 * ReLU is not differentiable at z = 0; we use σ'(0) = 0 and σ'' = 0 everywhere, i.e. the
 * Hessian of a ReLU network is the almost-everywhere Hessian: exact on each open region of
 * fixed activation pattern, undefined on the measure-zero kinks. The distributional part
 * (a Dirac mass at the kink) is not represented; checks that use finite differences
 * verify the activation pattern is constant over the stencil (or use tanh).
 */
import type { MlpActivation } from './types.js';

export const MLP_ACTIVATIONS: readonly MlpActivation[] = ['relu', 'tanh', 'identity'];

/** Writes σ(z), σ'(z), σ''(z) for z[off .. off + n) into a, d1, d2 at the same offsets. */
export function applyActivation(
  kind: MlpActivation,
  z: Float64Array,
  a: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  off: number,
  n: number,
): void {
  const end = off + n;
  switch (kind) {
    case 'relu':
      for (let i = off; i < end; i++) {
        const v = z[i];
        if (v > 0) {
          a[i] = v;
          d1[i] = 1;
        } else {
          // v·0 is (−)0 for v ≤ 0 and NaN for NaN or −∞: a diverged θ stays visible downstream.
          a[i] = v * 0;
          d1[i] = v * 0;
        }
        d2[i] = 0;
      }
      return;
    case 'tanh':
      for (let i = off; i < end; i++) {
        const t = Math.tanh(z[i]);
        const s = 1 - t * t;
        a[i] = t;
        d1[i] = s;
        d2[i] = -2 * t * s;
      }
      return;
    case 'identity':
      for (let i = off; i < end; i++) {
        a[i] = z[i];
        d1[i] = 1;
        d2[i] = 0;
      }
      return;
  }
}
