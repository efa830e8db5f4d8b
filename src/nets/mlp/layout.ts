/**
 * Parameter layout of an MLP with biases: layers l = 1..L map widths n_{l−1} → n_l, with
 * n_0 = d (inputs), n_1..n_{L−1} the hidden widths and n_L = k (outputs). θ is the
 * concatenation W1 (n_1×n_0, row-major), b1 (n_1), W2 (n_2×n_1), b2 (n_2), …, WL, bL, so
 *
 *   P = Σ_l n_l·(n_{l−1} + 1).
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
  /** Offset of W_l in θ (index l = 1..L; entry 0 unused). */
  readonly weightOffset: Int32Array;
  /** Offset of b_l in θ (index l = 1..L; entry 0 unused). */
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
export function mlpLayout(spec: MlpSpec): MlpLayout {
  const widths = Int32Array.from([spec.inputDim, ...spec.hidden, spec.outputs]);
  const L = widths.length - 1;
  const weightOffset = new Int32Array(L + 1);
  const biasOffset = new Int32Array(L + 1);
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
    biasOffset[l] = p;
    p += widths[l];
    parts.push(`W${l} (${widths[l]}×${widths[l - 1]}) row-major, b${l} (${widths[l]})`);
  }
  return { widths, L, weightOffset, biasOffset, unitOffset, totalUnits: u, P: p, description: parts.join(', ') };
}

/** P = Σ_l n_l·(n_{l−1} + 1) for the spec (no validation beyond arithmetic). */
export function mlpParameterCount(spec: Pick<MlpSpec, 'inputDim' | 'hidden' | 'outputs'>): number {
  const w = [spec.inputDim, ...spec.hidden, spec.outputs];
  let p = 0;
  for (let l = 1; l < w.length; l++) p += w[l] * (w[l - 1] + 1);
  return p;
}
