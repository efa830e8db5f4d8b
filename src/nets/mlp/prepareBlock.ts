/**
 * The direction-independent part of every pass over a block of samples: load the samples,
 * run the forward pass (forward.ts), evaluate the per-sample loss and ∂ℓ/∂f (into ws.g,
 * its aux state into ws.aux), and — with `withDelta` — back-propagate
 *
 *   δ_L = ∂ℓ/∂f,   t_{l−1} = W_lᵀ δ_l,   δ_{l−1} = σ'(z_{l−1}) ⊙ t_{l−1},   q_{l−1} = σ''(z_{l−1}) ⊙ t_{l−1}
 *
 * for every layer. The gradient is then Σ δ_l a_{l−1}ᵀ, and the R-operator (rOperator.ts)
 * reads δ and q instead of recomputing them for every direction v. Cost: P multiply-adds per
 * sample (forward), plus P − n_0·n_1 with `withDelta`.
 */
import { columnDots } from './blockKernels.js';
import { forwardBlock } from './forward.js';
import type { MlpLayout } from './layout.js';
import type { OutputLoss } from './outputLoss.js';
import type { MlpActivation } from './types.js';
import type { MlpWorkspace } from './workspace.js';

/** Prepares slots 0..count−1 with samples batch[start + s] (or start + s); returns Σ_s ℓ_{n_s}. */
export function prepareBlock(
  layout: MlpLayout,
  activation: MlpActivation,
  loss: OutputLoss,
  theta: Float64Array,
  X: Float64Array,
  batch: Int32Array | undefined,
  start: number,
  count: number,
  ws: MlpWorkspace,
  withDelta: boolean,
): number {
  const { widths, L, weightOffset, unitOffset, totalUnits: T } = layout;
  const { ids, a, g, aux, delta, d1, d2, q } = ws;
  const k = widths[L];
  const oO = unitOffset[L];
  for (let s = 0; s < count; s++) ids[s] = batch ? batch[start + s] : start + s;
  forwardBlock(layout, activation, theta, X, count, ws);
  let sum = 0;
  for (let s = 0; s < count; s++) sum += loss.valueAndGradient(a, s * T + oO, ids[s], g, s * k, aux, s * k);
  if (!withDelta) return sum;
  for (let s = 0; s < count; s++) for (let c = 0; c < k; c++) delta[s * T + oO + c] = g[s * k + c];
  for (let l = L; l >= 2; l--) {
    const nin = widths[l - 1];
    const inO = unitOffset[l - 1];
    columnDots(theta, weightOffset[l], widths[l], nin, delta, unitOffset[l], delta, inO, T, count, false);
    for (let s = 0; s < count; s++) {
      const o = s * T + inO;
      for (let j = 0; j < nin; j++) {
        const t = delta[o + j];
        q[o + j] = d2[o + j] * t;
        delta[o + j] = d1[o + j] * t;
      }
    }
  }
  return sum;
}
