/**
 * Reverse pass of a block of samples (backpropagation): given δ_L = ∂ℓ/∂f of each slot s in
 * ws.delta at s·T + unitOffset[L] (left there by the caller) and the forward state in ws,
 *
 *   ∂/∂W_l += w·δ_l a_{l−1}ᵀ,   ∂/∂b_l += w·δ_l,   δ_{l−1} = σ'(z_{l−1}) ⊙ (W_lᵀ δ_l),
 *
 * accumulated with weight w into out[outOff .. outOff + P), summed over the slots. With
 * δ_L = ∂ℓ/∂f this is the gradient; with δ_L = e_c (one slot) row c of the output Jacobian;
 * with δ_L = r it is J_nᵀ r. The products are outerAccumulate and columnDots
 * (blockKernels.ts). Cost: 2P multiply-adds per sample.
 */
import { columnDots, outerAccumulate, sumAccumulate } from './blockKernels.js';
import type { MlpLayout } from './layout.js';
import type { MlpWorkspace } from './workspace.js';

export function backpropBlock(layout: MlpLayout, theta: Float64Array, ws: MlpWorkspace, count: number, out: Float64Array, outOff: number, w: number): void {
  const { widths, L, bias, weightOffset, biasOffset, unitOffset, totalUnits: T } = layout;
  const { a, d1, delta } = ws;
  for (let l = L; l >= 1; l--) {
    const nin = widths[l - 1];
    const nout = widths[l];
    const inO = unitOffset[l - 1];
    const outO = unitOffset[l];
    outerAccumulate(out, outOff + weightOffset[l], nout, nin, delta, outO, a, inO, T, count, w);
    if (bias) sumAccumulate(out, outOff + biasOffset[l], nout, delta, outO, T, count, w);
    if (l === 1) break;
    // δ_{l−1} = σ' ⊙ W_lᵀ δ_l.
    columnDots(theta, weightOffset[l], nout, nin, delta, outO, delta, inO, T, count, false);
    for (let s = 0; s < count; s++) {
      const o = s * T + inO;
      for (let j = 0; j < nin; j++) delta[o + j] *= d1[o + j];
    }
  }
}
