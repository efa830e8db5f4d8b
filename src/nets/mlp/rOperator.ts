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
 */
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
 * out[outOff .. outOff + P). Precondition: forwardBlock ran for the block and
 * loss.valueAndGradient filled ws.g and ws.aux for each slot (at s·k). Loop order keeps one
 * weight row of θ, of v and of the output in cache across the block.
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
  const { widths, L, weightOffset, biasOffset, unitOffset, totalUnits: T } = layout;
  const { a, d1, d2, delta, rz, ra, rdelta } = ws;
  // R-forward.
  for (let s = 0; s < count; s++) for (let j = 0; j < widths[0]; j++) ra[s * T + j] = 0;
  for (let l = 1; l <= L; l++) {
    const nin = widths[l - 1];
    const nout = widths[l];
    const inO = unitOffset[l - 1];
    const outO = unitOffset[l];
    const wO = weightOffset[l];
    const bO = biasOffset[l];
    for (let i = 0; i < nout; i++) {
      const row = wO + i * nin;
      const vb = v[bO + i];
      for (let s = 0; s < count; s++) {
        const o = s * T + inO;
        // Two accumulators per product, as in forward.ts, to break the add-latency chain.
        let t0 = vb;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        let j = 0;
        for (; j + 1 < nin; j += 2) {
          t0 += v[row + j] * a[o + j];
          t1 += theta[row + j] * ra[o + j];
          t2 += v[row + j + 1] * a[o + j + 1];
          t3 += theta[row + j + 1] * ra[o + j + 1];
        }
        for (; j < nin; j++) t0 += v[row + j] * a[o + j] + theta[row + j] * ra[o + j];
        rz[s * T + outO + i] = t0 + t2 + (t1 + t3);
      }
    }
    if (l < L) {
      for (let s = 0; s < count; s++) {
        const o = s * T + outO;
        for (let i = 0; i < nout; i++) ra[o + i] = d1[o + i] * rz[o + i];
      }
    }
  }
  // Output layer: δ_L = ∂ℓ/∂f (residual part) and R{δ_L} = ∇²ℓ·R{f} (Gauss–Newton part).
  const k = widths[L];
  const oO = unitOffset[L];
  for (let s = 0; s < count; s++) {
    const o = s * T + oO;
    if (parts.residual) for (let c = 0; c < k; c++) delta[o + c] = ws.g[s * k + c];
    else for (let c = 0; c < k; c++) delta[o + c] = 0;
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
    const gW = outOff + wO;
    const gB = outOff + biasOffset[l];
    for (let i = 0; i < nout; i++) {
      const row = gW + i * nin;
      let bias = 0;
      for (let s = 0; s < count; s++) {
        const dl = delta[s * T + outO + i] * w;
        const rdl = rdelta[s * T + outO + i] * w;
        bias += rdl;
        const o = s * T + inO;
        for (let j = 0; j < nin; j++) out[row + j] += rdl * a[o + j] + dl * ra[o + j];
      }
      out[gB + i] += bias;
    }
    if (l === 1) break;
    for (let s = 0; s < count; s++) {
      const o = s * T + inO;
      for (let j = 0; j < nin; j++) {
        delta[o + j] = 0;
        rdelta[o + j] = 0;
      }
    }
    for (let i = 0; i < nout; i++) {
      const row = wO + i * nin;
      for (let s = 0; s < count; s++) {
        const dl = delta[s * T + outO + i];
        const rdl = rdelta[s * T + outO + i];
        if (dl === 0 && rdl === 0) continue;
        const o = s * T + inO;
        for (let j = 0; j < nin; j++) {
          delta[o + j] += theta[row + j] * dl;
          rdelta[o + j] += v[row + j] * dl + theta[row + j] * rdl;
        }
      }
    }
    for (let s = 0; s < count; s++) {
      const o = s * T + inO;
      for (let j = 0; j < nin; j++) {
        const t = delta[o + j];
        rdelta[o + j] = d2[o + j] * rz[o + j] * t + d1[o + j] * rdelta[o + j];
        delta[o + j] = d1[o + j] * t;
      }
    }
  }
}
