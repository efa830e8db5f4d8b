/**
 * Parameter layout of an MLP: layers l = 1..L map widths n_{l−1} → n_l, with n_0 = d
 * (inputs), n_1..n_{L−1} the hidden widths and n_L = k (outputs). θ is the concatenation
 *
 *   W1 (n_1×n_0, row-major), b1 (n_1), W2 (n_2×n_1), b2 (n_2), …, WL, bL,
 *
 * which is PyTorch's torch.cat([p.reshape(-1) for p in model.parameters()]) for
 * nn.Sequential(nn.Linear(n_0, n_1), act, nn.Linear(n_1, n_2), act, …): nn.Linear stores
 * weight as (out_features, in_features), contiguous row-major, and registers weight before
 * bias (verified against torch 1.13 by test/nets/mlpTorch.test.ts). With spec.bias = false
 * (nn.Linear(…, bias=False) in every layer) the b_l are absent. So
 *
 *   P = Σ_l n_l·(n_{l−1} + [bias]).
 *
 * Per-sample unit buffers (pre-activations z_l, activations a_l, deltas) are one flat
 * array over all layers, layer l's units at unitOffset[l] (layer 0 = the input copy).
 */
import type { MlpSpec } from './types.js';

export interface MlpLayout {
  /** n_0 = d, n_1..n_{L−1} hidden, n_L = k. */
  readonly widths: Int32Array;
  /** Number of weight layers L = hidden.length + 1. */
  readonly L: number;
  /** Whether the layers have biases. */
  readonly bias: boolean;
  /** Offset of W_l in θ (index l = 1..L; entry 0 unused). */
  readonly weightOffset: Int32Array;
  /** Offset of b_l in θ (index l = 1..L; entry 0 unused); −1 when there are no biases. */
  readonly biasOffset: Int32Array;
  /** Offset of layer l's units in a per-sample unit buffer (l = 0..L). */
  readonly unitOffset: Int32Array;
  /** Σ_l n_l, the length of a per-sample unit buffer. */
  readonly totalUnits: number;
  readonly P: number;
  /** "W1 (h×d) row-major, b1 (h), …". */
  readonly description: string;
}

/** The layout; the spec is assumed validated (positive integer sizes). */
export function mlpLayout(spec: Pick<MlpSpec, 'inputDim' | 'hidden' | 'outputs' | 'bias'>): MlpLayout {
  const bias = spec.bias !== false;
  const widths = Int32Array.from([spec.inputDim, ...spec.hidden, spec.outputs]);
  const L = widths.length - 1;
  const weightOffset = new Int32Array(L + 1);
  const biasOffset = new Int32Array(L + 1).fill(-1);
  const unitOffset = new Int32Array(L + 1);
  const parts: string[] = [];
  let p = 0;
  let u = 0;
  for (let l = 0; l <= L; l++) {
    unitOffset[l] = u;
    u += widths[l];
    if (l === 0) continue;
    weightOffset[l] = p;
    p += widths[l] * widths[l - 1];
    parts.push(`W${l} (${widths[l]}×${widths[l - 1]}) row-major`);
    if (bias) {
      biasOffset[l] = p;
      p += widths[l];
      parts.push(`b${l} (${widths[l]})`);
    }
  }
  return { widths, L, bias, weightOffset, biasOffset, unitOffset, totalUnits: u, P: p, description: parts.join(', ') };
}

/** P = Σ_l n_l·(n_{l−1} + [bias]) for the spec (no validation beyond arithmetic). */
export function mlpParameterCount(spec: Pick<MlpSpec, 'inputDim' | 'hidden' | 'outputs' | 'bias'>): number {
  const w = [spec.inputDim, ...spec.hidden, spec.outputs];
  const b = spec.bias === false ? 0 : 1;
  let p = 0;
  for (let l = 1; l < w.length; l++) p += w[l] * (w[l - 1] + b);
  return p;
}
