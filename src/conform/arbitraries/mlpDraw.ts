/**
 * MLP models for the conformance properties, drawn as a recipe (sizes, activation, loss,
 * reduction, bias, scales, seed) turned into numbers by the suite's seeded generator, so a
 * failure shrinks to fewer inputs, layers, units, outputs and samples.
 *
 *   W_l ~ N(0, s_w²/n_{l−1}), b_l ~ N(0, ¼) (nonzero, so biases matter), x ~ N(0, 1);
 *   squared errors: targets N(0, 1), independent of the outputs (the residual term matters);
 *   cross-entropy: uniform labels over k ≥ 2 classes (its residual ∂ℓ/∂f = p − e_y is never 0);
 *   ReLU draws with a pre-activation within KINK_MARGIN·(Σ|w h| + |b|) of the kink are redrawn;
 *   pre-activations stay within a few units (weights ~ s_w/√fan-in, s_w ≤ 2), far below the
 *   threshold 20 past which PyTorch's (and the engine's) softplus returns z itself.
 */
import * as fc from 'fast-check';
import { Rng } from '../../rng/index.js';
import type { MlpModelJson } from '../protocol/modelSchemas.js';
import { resolveActivation } from '../../nets/activation.js';
import { KINK_MARGIN } from './twoLayerDraw.js';

export const MLP_LIMITS = { d: 3, hiddenLayers: 2, width: 3, k: 3, N: 6 } as const;

export interface MlpRecipe {
  readonly family: 'mlp';
  readonly d: number;
  readonly hidden: readonly number[];
  readonly k: number;
  readonly N: number;
  readonly activation: string;
  readonly loss: MlpModelJson['loss'];
  readonly reduction: 'mean' | 'sum';
  readonly bias: boolean;
  readonly weightScale: number;
  readonly seed: number;
}

export function mlpRecipe(activations: readonly string[]): fc.Arbitrary<MlpRecipe> {
  return fc.record({
    family: fc.constant('mlp' as const),
    d: fc.integer({ min: 1, max: MLP_LIMITS.d }),
    hidden: fc.array(fc.integer({ min: 1, max: MLP_LIMITS.width }), { maxLength: MLP_LIMITS.hiddenLayers }),
    k: fc.integer({ min: 1, max: MLP_LIMITS.k }),
    N: fc.integer({ min: 1, max: MLP_LIMITS.N }),
    activation: fc.constantFrom(...activations),
    loss: fc.constantFrom('half-squared-error' as const, 'mse' as const, 'cross-entropy' as const),
    reduction: fc.constantFrom('mean' as const, 'sum' as const),
    bias: fc.constantFrom(true, false),
    weightScale: fc.constantFrom(1, 0.5, 2),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** The model of a recipe, or null when it must be redrawn (a ReLU pre-activation at the kink). */
export function mlpModelOf(r: MlpRecipe): MlpModelJson | null {
  const rng = Rng.fromSeed(r.seed);
  const k = r.loss === 'cross-entropy' ? Math.max(2, r.k) : r.k;
  const widths = [r.d, ...r.hidden, k];
  const X = Array.from({ length: r.N }, (_, n) => Array.from(rng.split(`x${n}`).normals(r.d)));
  const layers = widths.slice(1).map((out, l) => {
    const inn = widths[l];
    const wr = rng.split(`W${l}`);
    const weight = Array.from({ length: out }, () => Array.from(wr.normals(inn, r.weightScale / Math.sqrt(inn))));
    return r.bias ? { weight, bias: Array.from(rng.split(`b${l}`).normals(out, 0.5)) } : { weight };
  });
  if (r.activation === 'relu') {
    const g = resolveActivation('relu').g;
    for (const x of X) {
      let h = x;
      for (let l = 0; l < layers.length - 1; l++) {
        const { weight, bias } = layers[l] as { weight: number[][]; bias?: number[] };
        h = weight.map((row, i) => {
          let z = bias ? bias[i] : 0;
          let zHat = bias ? Math.abs(bias[i]) : 0;
          row.forEach((w, j) => {
            z += w * h[j];
            zHat += Math.abs(w * h[j]);
          });
          if (Math.abs(z) < KINK_MARGIN * zHat) throw new KinkError();
          return g(z);
        });
      }
    }
  }
  const base = { family: 'mlp' as const, activation: r.activation as MlpModelJson['activation'], loss: r.loss, reduction: r.reduction, bias: r.bias, layers, X };
  if (r.loss === 'cross-entropy') {
    const lr = rng.split('labels');
    return { ...base, labels: Array.from({ length: r.N }, () => lr.integer(k)) };
  }
  const tr = rng.split('targets');
  return { ...base, targets: Array.from({ length: r.N }, () => Array.from(tr.normals(k))) };
}

class KinkError extends Error {}

/** mlpModelOf, with a ReLU kink reported as null (redraw). */
export function mlpModelOrNull(r: MlpRecipe): MlpModelJson | null {
  try {
    return mlpModelOf(r);
  } catch (e) {
    if (e instanceof KinkError) return null;
    throw e;
  }
}
