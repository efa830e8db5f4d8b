/**
 * A first-order running-error bound on the computed gradient (Higham, Accuracy and
 * Stability of Numerical Algorithms, 2nd ed., §3.1 and §3.3): the rounding part of a
 * finite-difference error estimate, so that FD checks of the Hessian are bounded by a
 * derived number rather than a tuned one.
 *
 * A dot product of length n with a bias is accurate to γ_{n+1}·(|W||a| + |b|). Through the
 * layers, with err(a_0) = 0 and multipliers E (forward) and D (backward):
 *   err(z_l)   ≤ γ·E_l,       E_l = |W_l|(|a_{l−1}| + |σ'_{l−1}|E_{l−1}) + |b_l|,
 *   err(g)     ≤ γ·(|g| + κ_ℓ·max E_L)                 (κ_ℓ bounds the row sums of |∇²ℓ|),
 *   err(δ_{l−1}) ≤ γ·D_{l−1},  D_{l−1} = |σ''|E_{l−1}|W_lᵀδ_l| + |σ'|·|W_l|ᵀ(D_l + |δ_l|),
 *   err(∂W_l)  ≤ γ·(D_l|a_{l−1}|ᵀ + |δ_l|(|a_{l−1}| + |σ'|E_{l−1})ᵀ),  err(∂b_l) ≤ γ·(D_l + |δ_l|),
 * and the sum over N samples (divided by the reduction's D, lossConvention.ts) adds
 * γ_N of the sum of absolute terms. One common γ is used:
 * γ = EPS·(Σ_l (n_{l−1} + 1) + k + 8 + N) — the total operation count along the chain
 * (8 covers the log-sum-exp), with EPS = 2u, i.e. twice γ_n = nu/(1 − nu). A worst-case
 * bound: actual rounding is typically ~√ of it. Cost O(N·P).
 */
import { EPS } from '../../linalg/matrix.js';
import { forwardBlock } from './forward.js';
import type { MlpLayout } from './layout.js';
import type { OutputLoss } from './outputLoss.js';
import type { MlpActivation } from './types.js';
import type { MlpWorkspace } from './workspace.js';

/**
 * Σ_l (n_{l−1} + 1) + k + 8 + N: the operation count along one chain from an input to a
 * mean-loss derivative (dot products of every layer, the k-output loss with its
 * log-sum-exp, the mean over N samples). EPS times it is the γ of the bounds here and of
 * the S1 properties' rounding tolerances.
 */
export function mlpOperationCount(widths: ArrayLike<number>, N: number): number {
  let ops = widths[widths.length - 1] + 8 + N;
  for (let l = 1; l < widths.length; l++) ops += widths[l - 1] + 1;
  return ops;
}

export function gradientRoundingBound(
  layout: MlpLayout,
  activation: MlpActivation,
  loss: OutputLoss,
  theta: Float64Array,
  X: Float64Array,
  N: number,
  ws: MlpWorkspace,
  divisor: number,
): number {
  const { widths, L, bias, weightOffset, biasOffset, unitOffset, totalUnits, P } = layout;
  const { a, d1, d2, delta } = ws;
  const E = new Float64Array(totalUnits);
  const D = new Float64Array(totalUnits);
  const G = new Float64Array(P);
  const k = widths[L];
  const gamma = EPS * mlpOperationCount(widths, N);
  for (let n = 0; n < N; n++) {
    ws.ids[0] = n;
    forwardBlock(layout, activation, theta, X, 1, ws);
    loss.valueAndGradient(a, unitOffset[L], n, ws.g, 0, ws.aux, 0);
    // Forward error multipliers E (E_0 = 0: inputs are exact).
    for (let l = 1; l <= L; l++) {
      const nin = widths[l - 1];
      const inO = unitOffset[l - 1];
      const outO = unitOffset[l];
      for (let i = 0; i < widths[l]; i++) {
        let s = bias ? Math.abs(theta[biasOffset[l] + i]) : 0;
        const row = weightOffset[l] + i * nin;
        for (let j = 0; j < nin; j++) s += Math.abs(theta[row + j]) * (Math.abs(a[inO + j]) + (l > 1 ? Math.abs(d1[inO + j]) * E[inO + j] : 0));
        E[outO + i] = s;
      }
    }
    const oO = unitOffset[L];
    let eMax = 0;
    for (let c = 0; c < k; c++) eMax = Math.max(eMax, E[oO + c]);
    for (let c = 0; c < k; c++) {
      delta[oO + c] = ws.g[c];
      D[oO + c] = Math.abs(ws.g[c]) + loss.curvatureRowSumBound * eMax;
    }
    for (let l = L; l >= 1; l--) {
      const nin = widths[l - 1];
      const inO = unitOffset[l - 1];
      const outO = unitOffset[l];
      for (let i = 0; i < widths[l]; i++) {
        const dd = D[outO + i];
        const ad = Math.abs(delta[outO + i]);
        if (bias) G[biasOffset[l] + i] += dd + ad;
        const row = weightOffset[l] + i * nin;
        for (let j = 0; j < nin; j++) {
          const aj = Math.abs(a[inO + j]);
          G[row + j] += dd * aj + ad * (aj + (l > 1 ? Math.abs(d1[inO + j]) * E[inO + j] : 0));
        }
      }
      if (l === 1) break;
      for (let j = 0; j < nin; j++) {
        let wd = 0;
        let absWD = 0;
        for (let i = 0; i < widths[l]; i++) {
          const w = theta[weightOffset[l] + i * nin + j];
          wd += w * delta[outO + i];
          absWD += Math.abs(w) * (D[outO + i] + Math.abs(delta[outO + i]));
        }
        D[inO + j] = Math.abs(d2[inO + j]) * E[inO + j] * Math.abs(wd) + Math.abs(d1[inO + j]) * absWD;
        delta[inO + j] = d1[inO + j] * wd;
      }
    }
  }
  let gMax = 0;
  for (let i = 0; i < P; i++) gMax = Math.max(gMax, G[i]);
  // Gradual underflow adds an absolute error of up to 2^-1075 per product (Higham §2.1), which
  // the relative γ misses: weights near 1e-300 gave a bound of exactly 0 and an FD ratio of
  // Infinity (found by the CLI fuzz). One subnormal step per operation of every sample's chain.
  const underflow = mlpOperationCount(widths, N) * N * Number.MIN_VALUE;
  return (gamma * gMax) / divisor + underflow;
}
