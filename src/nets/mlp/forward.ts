/**
 * Forward pass of a block of samples: z_l = W_l a_{l−1} + b_l, a_l = σ(z_l) for hidden
 * layers, logits f = z_L (no activation on the output layer). Fills the workspace's z, a,
 * σ', σ'' for the backward and R passes. Loop order layer → output unit → sample → input,
 * so a weight row is read from memory once per block. Cost: P multiply-adds per sample.
 */
import type { MlpLayout } from './layout.js';
import { applyActivation } from './hiddenActivation.js';
import type { MlpActivation } from './types.js';
import type { MlpWorkspace } from './workspace.js';

/**
 * Runs the `count` samples ws.ids[0 .. count) (rows of X, row-major with d columns); slot s
 * gets sample ws.ids[s]; the logits end up in ws.a at s·T + unitOffset[L].
 */
export function forwardBlock(layout: MlpLayout, activation: MlpActivation, theta: Float64Array, X: Float64Array, count: number, ws: MlpWorkspace): void {
  const { widths, L, weightOffset, biasOffset, unitOffset, totalUnits: T } = layout;
  const { z, a, d1, d2, ids } = ws;
  const d = widths[0];
  for (let s = 0; s < count; s++) {
    const xo = ids[s] * d;
    const base = s * T;
    for (let j = 0; j < d; j++) a[base + j] = X[xo + j];
  }
  for (let l = 1; l <= L; l++) {
    const nin = widths[l - 1];
    const nout = widths[l];
    const inO = unitOffset[l - 1];
    const outO = unitOffset[l];
    const wO = weightOffset[l];
    const bO = biasOffset[l];
    for (let i = 0; i < nout; i++) {
      const row = wO + i * nin;
      const b = theta[bO + i];
      for (let s = 0; s < count; s++) {
        const ai = s * T + inO;
        // Four accumulators break the add-latency chain (≈2× faster in V8); the order of a
        // dot product's additions is not part of any result's contract.
        let a0 = b;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let j = 0;
        for (; j + 3 < nin; j += 4) {
          a0 += theta[row + j] * a[ai + j];
          a1 += theta[row + j + 1] * a[ai + j + 1];
          a2 += theta[row + j + 2] * a[ai + j + 2];
          a3 += theta[row + j + 3] * a[ai + j + 3];
        }
        for (; j < nin; j++) a0 += theta[row + j] * a[ai + j];
        z[s * T + outO + i] = a0 + a1 + (a2 + a3);
      }
    }
    for (let s = 0; s < count; s++) {
      const o = s * T + outO;
      if (l < L) applyActivation(activation, z, a, d1, d2, o, nout);
      else for (let i = 0; i < nout; i++) a[o + i] = z[o + i];
    }
  }
}
