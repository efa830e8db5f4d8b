/**
 * Reverse pass of a block of samples (backpropagation): given δ_L = ∂ℓ/∂f of each slot s in
 * ws.delta at s·T + unitOffset[L] (left there by the caller) and the forward state in ws,
 *
 *   ∂/∂W_l += w·δ_l a_{l−1}ᵀ,   ∂/∂b_l += w·δ_l,   δ_{l−1} = σ'(z_{l−1}) ⊙ (W_lᵀ δ_l),
 *
 * accumulated with weight w into out[outOff .. outOff + P), summed over the slots. With
 * δ_L = ∂ℓ/∂f this is the gradient; with δ_L = e_c (one slot) row c of the output Jacobian;
 * with δ_L = r it is J_nᵀ r. Loop order keeps one weight (and gradient) row in cache across
 * the block. Cost: 2P multiply-adds per sample.
 */
import type { MlpLayout } from './layout.js';
import type { MlpWorkspace } from './workspace.js';

export function backpropBlock(layout: MlpLayout, theta: Float64Array, ws: MlpWorkspace, count: number, out: Float64Array, outOff: number, w: number): void {
  const { widths, L, weightOffset, biasOffset, unitOffset, totalUnits: T } = layout;
  const { a, d1, delta } = ws;
  for (let l = L; l >= 1; l--) {
    const nin = widths[l - 1];
    const nout = widths[l];
    const inO = unitOffset[l - 1];
    const outO = unitOffset[l];
    const wO = weightOffset[l];
    const gW = outOff + wO;
    const gB = outOff + biasOffset[l];
    // Gradient rows: ∂/∂W_l[i, :] += w·δ_l[i]·a_{l−1}, the row stays in cache across the block.
    for (let i = 0; i < nout; i++) {
      const row = gW + i * nin;
      let bias = 0;
      for (let s = 0; s < count; s++) {
        const dl = delta[s * T + outO + i] * w;
        if (dl === 0) continue;
        bias += dl;
        const ai = s * T + inO;
        for (let j = 0; j < nin; j++) out[row + j] += dl * a[ai + j];
      }
      out[gB + i] += bias;
    }
    if (l === 1) break;
    // δ_{l−1} = σ' ⊙ W_lᵀ δ_l.
    for (let s = 0; s < count; s++) {
      const o = s * T + inO;
      for (let j = 0; j < nin; j++) delta[o + j] = 0;
    }
    for (let i = 0; i < nout; i++) {
      const row = wO + i * nin;
      for (let s = 0; s < count; s++) {
        const dl = delta[s * T + outO + i];
        if (dl === 0) continue;
        const o = s * T + inO;
        for (let j = 0; j < nin; j++) delta[o + j] += theta[row + j] * dl;
      }
    }
    for (let s = 0; s < count; s++) {
      const o = s * T + inO;
      for (let j = 0; j < nin; j++) delta[o + j] *= d1[o + j];
    }
  }
}
