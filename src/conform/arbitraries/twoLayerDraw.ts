/**
 * Two-layer models for the conformance properties, drawn as a small RECIPE (sizes, scales,
 * activation, a seed) that is turned into numbers by the suite's seeded generator. Shrinking
 * acts on the recipe — fewer inputs, hidden units and samples, unit scales, seed 0 — so a
 * failure shrinks to a small model whose every number is printed with the counterexample.
 *
 *   W_jk ~ N(0, s_w²/Ni), a_j ~ N(0, 1/Nh), x_nk ~ N(0, 1): pre-activations of order s_w;
 *   y_n = y_θ(x_n) + ρ·(rms_n y_θ(x_n) + 0.1)·ξ_n, ξ ~ N(0, 1): targets OFF the model's
 *   outputs, so the residual term (1/N) Σ r_n ∇²y_n is a visible part of H (ρ ≥ 0.3);
 *   ReLU draws with a pre-activation within KINK_MARGIN·ẑ of the kink are rejected: rounding
 *   the inputs could move them across it, where g' jumps and no tolerance applies.
 */
import * as fc from 'fast-check';
import { resolveActivation } from '../../nets/activation.js';
import { Rng } from '../../rng/index.js';
import type { TwoLayerModelJson } from '../protocol/modelSchemas.js';

/** Largest sizes drawn: P = Nh·Ni + Nh ≤ 30. */
export const TWO_LAYER_LIMITS = { Ni: 4, Nh: 6, N: 10 } as const;
/** Pre-activations closer than this fraction of Σ|w_k x_k| to a ReLU kink are redrawn. */
export const KINK_MARGIN = 1e-4;

/** What an activation entry of a describe answer means for drawing: a fixed spec, or fresh polynomial coefficients. */
export type ActivationChoice = string;

export interface TwoLayerRecipe {
  readonly family: 'two-layer';
  readonly Ni: number;
  readonly Nh: number;
  readonly N: number;
  readonly activation: ActivationChoice;
  readonly weightScale: number;
  readonly residualScale: number;
  readonly seed: number;
}

export function twoLayerRecipe(activations: readonly ActivationChoice[]): fc.Arbitrary<TwoLayerRecipe> {
  return fc.record({
    family: fc.constant('two-layer' as const),
    Ni: fc.integer({ min: 1, max: TWO_LAYER_LIMITS.Ni }),
    Nh: fc.integer({ min: 1, max: TWO_LAYER_LIMITS.Nh }),
    N: fc.integer({ min: 1, max: TWO_LAYER_LIMITS.N }),
    activation: fc.constantFrom(...activations),
    weightScale: fc.constantFrom(1, 0.5, 2),
    residualScale: fc.constantFrom(1, 0.3, 3),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

function activationOf(choice: ActivationChoice, rng: Rng): TwoLayerModelJson['activation'] {
  if (choice !== 'polynomial') return choice;
  const degree = 2 + rng.integer(3); // 2..4
  const c = Array.from({ length: degree + 1 }, () => Math.round(rng.normal() * 100) / 100);
  if (c[degree] === 0) c[degree] = 1;
  return { polynomial: c };
}

/** The model of a recipe, or null when it must be redrawn (a ReLU pre-activation at the kink). */
export function twoLayerModelOf(r: TwoLayerRecipe): TwoLayerModelJson | null {
  const rng = Rng.fromSeed(r.seed);
  const { Ni, Nh, N } = r;
  const activation = activationOf(r.activation, rng.split('activation'));
  const w = rng.split('W').normals(Nh * Ni, r.weightScale / Math.sqrt(Ni));
  const a = rng.split('a').normals(Nh, 1 / Math.sqrt(Nh));
  const x = rng.split('X').normals(N * Ni);
  const xi = rng.split('noise').normals(N);
  const W = Array.from({ length: Nh }, (_, j) => Array.from(w.subarray(j * Ni, (j + 1) * Ni)));
  const X = Array.from({ length: N }, (_, n) => Array.from(x.subarray(n * Ni, (n + 1) * Ni)));
  const g = resolveActivation(activation).g;
  const f = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < Nh; j++) {
      let z = 0;
      let zHat = 0;
      for (let k = 0; k < Ni; k++) {
        z += W[j][k] * X[n][k];
        zHat += Math.abs(W[j][k] * X[n][k]);
      }
      if (r.activation === 'relu' && Math.abs(z) < KINK_MARGIN * zHat) return null;
      f[n] += a[j] * g(z);
    }
  }
  let ms = 0;
  for (let n = 0; n < N; n++) ms += f[n] * f[n];
  const scale = r.residualScale * (Math.sqrt(ms / N) + 0.1);
  const y = Array.from(f, (fn, n) => fn + scale * xi[n]);
  return { family: 'two-layer', activation, W, a: Array.from(a), X, y };
}
