/**
 * Pearlmutter's R-operator (Pearlmutter 1994, "Fast exact multiplication by the Hessian",
 * Neural Computation 6(1)): the directional derivative R{·} = d/dε|₀ (·)(θ + εv) pushed
 * through the forward and the reverse pass of one sample gives H_n·v exactly (up to
 * rounding) at the cost of about two more passes — O(P) per sample, no P×P matrix.
 *
 * Forward (V_l, c_l the blocks of v for W_l, b_l; R{a_0} = 0):
 *   R{z_l} = V_l a_{l−1} + W_l R{a_{l−1}} + c_l,   R{a_l} = σ'(z_l) ⊙ R{z_l},   R{f} = R{z_L}.
 * Output: δ_L = ∂ℓ/∂f,  R{δ_L} = ∇²ℓ · R{f}.
 * Reverse:
 *   R{∂/∂W_l} = R{δ_l} a_{l−1}ᵀ + δ_l R{a_{l−1}}ᵀ,   R{∂/∂b_l} = R{δ_l},
 *   R{δ_{l−1}} = σ''(z_{l−1}) ⊙ R{z_{l−1}} ⊙ (W_lᵀδ_l) + σ'(z_{l−1}) ⊙ (V_lᵀδ_l + W_lᵀ R{δ_l}).
 *
 * The output is linear in the pair (δ_L, R{δ_L}) given the forward state. The terms driven
 * by R{δ_L} = ∇²ℓ J_n v are J_nᵀ ∇²ℓ J_n v (Gauss–Newton); those driven by δ_L = ∂ℓ/∂f are
 * Σ_c ∂ℓ/∂f_c ∇²f_c v (the residual term). `parts` selects either or both, so the same
 * code gives H·v, GN·v and R·v, and H = GN + R holds by construction up to rounding.
 *
 * ReLU: σ'' = 0 (the a.e. Hessian, see hiddenActivation.ts); the cross-layer terms
 * V_lᵀδ_l and δ_l R{a_{l−1}}ᵀ remain, so the residual term is not zero for ReLU nets.
 *
 * δ_l and q_l = σ''(z_l) ⊙ W_{l+1}ᵀδ_{l+1} do not depend on v: prepareBlock.ts computes them
 * once per block (and pointCache.ts once per θ), so a product costs, per sample, R-forward
 * 2P − n_0 n_1 (R{a_0} = 0 skips W_1 R{a_0}) and R-reverse 2P (gradient rows) + 2P (W_lᵀR{δ_l},
 * V_lᵀδ_l) multiply-adds; the Gauss–Newton part alone skips the δ-driven P + P. All products
 * are blockKernels.ts tiles.
 */
import { columnDots, outerAccumulate, rowDots, sumAccumulate } from './blockKernels.js';
import type { MlpLayout } from './layout.js';
import type { OutputLoss } from './outputLoss.js';
import type { MlpWorkspace } from './workspace.js';

export interface CurvatureParts {
  readonly gaussNewton: boolean;
  readonly residual: boolean;
}

export const FULL_HESSIAN: CurvatureParts = { gaussNewton: true, residual: true };
export const GAUSS_NEWTON_ONLY: CurvatureParts = { gaussNewton: true, residual: false };
export const RESIDUAL_ONLY: CurvatureParts = { gaussNewton: false, residual: true };

/**
 * Accumulates w·(selected parts of Σ_s ∇²ℓ_{n_s})·v over the block's `count` slots into
 * out[outOff .. outOff + P). Precondition: prepareBlock ran for the block (with δ and q when
 * parts.residual), so ws holds a, σ', ∂ℓ/∂f, the loss's aux state, δ and q.
 */
export function rOperatorBlock(
  layout: MlpLayout,
  loss: OutputLoss,
  theta: Float64Array,
  v: Float64Array,
  ws: MlpWorkspace,
  count: number,
  parts: CurvatureParts,
  out: Float64Array,
  outOff: number,
  w: number,
): void {
  const { widths, L, bias, weightOffset, biasOffset, unitOffset, totalUnits: T } = layout;
  const { a, d1, delta, q, rz, ra, rdelta } = ws;
  const residual = parts.residual;
  // R-forward: R{z_l} = V_l a_{l−1} + c_l + W_l R{a_{l−1}} (the last term absent for l = 1: R{a_0} = 0).
  for (let l = 1; l <= L; l++) {
    const nin = widths[l - 1];
    const nout = widths[l];
    const inO = unitOffset[l - 1];
    const outO = unitOffset[l];
    rowDots(v, weightOffset[l], nout, nin, a, inO, rz, outO, T, count, bias ? v : null, biasOffset[l], false);
    if (l > 1) rowDots(theta, weightOffset[l], nout, nin, ra, inO, rz, outO, T, count, null, 0, true);
    if (l < L) {
      for (let s = 0; s < count; s++) {
        const o = s * T + outO;
        for (let i = 0; i < nout; i++) ra[o + i] = d1[o + i] * rz[o + i];
      }
    }
  }
  // Output layer: R{δ_L} = ∇²ℓ·R{f} (Gauss–Newton part); δ_L = ∂ℓ/∂f (residual part) is in ws.delta.
  const k = widths[L];
  const oO = unitOffset[L];
  for (let s = 0; s < count; s++) {
    const o = s * T + oO;
    if (parts.gaussNewton) loss.curvatureTimes(ws.aux, s * k, rz, o, rdelta, o);
    else for (let c = 0; c < k; c++) rdelta[o + c] = 0;
  }
  // R-reverse.
  for (let l = L; l >= 1; l--) {
    const nin = widths[l - 1];
    const nout = widths[l];
    const inO = unitOffset[l - 1];
    const outO = unitOffset[l];
    const wO = weightOffset[l];
    // R{∂/∂W_l} = R{δ_l} a_{l−1}ᵀ + δ_l R{a_{l−1}}ᵀ,  R{∂/∂b_l} = R{δ_l}.
    outerAccumulate(out, outOff + wO, nout, nin, rdelta, outO, a, inO, T, count, w);
    if (residual && l > 1) outerAccumulate(out, outOff + wO, nout, nin, delta, outO, ra, inO, T, count, w);
    if (bias) sumAccumulate(out, outOff + biasOffset[l], nout, rdelta, outO, T, count, w);
    if (l === 1) break;
    // R{δ_{l−1}} = σ' ⊙ (W_lᵀ R{δ_l} + V_lᵀδ_l) + q_{l−1} ⊙ R{z_{l−1}},  q = σ'' ⊙ W_lᵀδ_l (prepareBlock).
    columnDots(theta, wO, nout, nin, rdelta, outO, rdelta, inO, T, count, false);
    if (residual) {
      columnDots(v, wO, nout, nin, delta, outO, rdelta, inO, T, count, true);
      for (let s = 0; s < count; s++) {
        const o = s * T + inO;
        for (let j = 0; j < nin; j++) rdelta[o + j] = d1[o + j] * rdelta[o + j] + q[o + j] * rz[o + j];
      }
    } else {
      for (let s = 0; s < count; s++) {
        const o = s * T + inO;
        for (let j = 0; j < nin; j++) rdelta[o + j] *= d1[o + j];
      }
    }
  }
}
