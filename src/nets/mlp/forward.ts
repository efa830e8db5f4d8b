/**
 * Forward pass of a block of samples: z_l = W_l a_{l−1} + b_l, a_l = σ(z_l) for hidden
 * layers, logits f = z_L (no activation on the output layer). Fills the workspace's z, a,
 * σ', σ'' for the backward and R passes. The products are rowDots (blockKernels.ts): a
 * weight row is read from memory once per block. Cost: P multiply-adds per sample.
 */
import { rowDots } from './blockKernels.js';
import { applyActivation } from './hiddenActivation.js';
import type { MlpLayout } from './layout.js';
import type { MlpActivation } from './types.js';
import type { MlpWorkspace } from './workspace.js';

/**
 * Runs the `count` samples ws.ids[0 .. count) (rows of X, row-major with d columns); slot s
 * gets sample ws.ids[s]; the logits end up in ws.a at s·T + unitOffset[L].
 */
export function forwardBlock(layout: MlpLayout, activation: MlpActivation, theta: Float64Array, X: Float64Array, count: number, ws: MlpWorkspace): void {
  const { widths, L, bias, weightOffset, biasOffset, unitOffset, totalUnits: T } = layout;
  const { z, a, d1, d2, ids } = ws;
  const d = widths[0];
  for (let s = 0; s < count; s++) {
    const xo = ids[s] * d;
    const base = s * T;
    for (let j = 0; j < d; j++) a[base + j] = X[xo + j];
  }
  for (let l = 1; l <= L; l++) {
    const nout = widths[l];
    const outO = unitOffset[l];
    rowDots(theta, weightOffset[l], nout, widths[l - 1], a, unitOffset[l - 1], z, outO, T, count, bias ? theta : null, biasOffset[l], false);
    for (let s = 0; s < count; s++) {
      const o = s * T + outO;
      if (l < L) applyActivation(activation, z, a, d1, d2, o, nout);
      else for (let i = 0; i < nout; i++) a[o + i] = z[o + i];
    }
  }
}
