/**
 * Permuting the hidden units of an MLP: the network computes the same function (a symmetry of
 * the parameterisation), so θ and its permuted copy are two distinct minima of equal loss.
 * Used by S4's wrong neighbour: the straight line between them leaves the basin (averaging
 * unrelated units), the standard example of a loss barrier between equivalent solutions.
 *
 * For hidden layer l with permutation π: rows of W_l and entries of b_l move to π, and the
 * columns of W_{l+1} follow, i.e. new unit π(i) is old unit i. Layout: src/nets/mlp/layout.ts.
 * Exact (a permutation of entries, no arithmetic). Cost O(P).
 */
import { mlpLayout, type MlpSpec } from '../nets/mlp/index.js';

/** θ with hidden layer `layer` (1-based, 1 … hidden.length) permuted by `perm` (perm[i] = new position of unit i). */
export function permuteHiddenUnits(spec: MlpSpec, theta: Float64Array, layer: number, perm: ArrayLike<number>): Float64Array {
  const fn = 'permuteHiddenUnits';
  const lay = mlpLayout(spec);
  if (theta.length !== lay.P) throw new Error(`${fn}: theta has ${theta.length} entries, expected P = ${lay.P}`);
  if (!(Number.isInteger(layer) && layer >= 1 && layer < lay.L)) throw new Error(`${fn}: layer must be a hidden layer in [1, ${lay.L - 1}], got ${layer}`);
  const n = lay.widths[layer];
  const nIn = lay.widths[layer - 1];
  const nOut = lay.widths[layer + 1];
  const seen = new Uint8Array(n);
  if (perm.length !== n) throw new Error(`${fn}: perm must have ${n} entries (the width of layer ${layer}), got ${perm.length}`);
  for (let i = 0; i < n; i++) {
    const p = perm[i];
    if (!(Number.isInteger(p) && p >= 0 && p < n) || seen[p]) throw new Error(`${fn}: perm must be a permutation of 0 … ${n - 1}`);
    seen[p] = 1;
  }
  const out = Float64Array.from(theta);
  const W = lay.weightOffset[layer];
  const b = lay.biasOffset[layer];
  const W2 = lay.weightOffset[layer + 1];
  for (let i = 0; i < n; i++) {
    const j = perm[i];
    for (let c = 0; c < nIn; c++) out[W + j * nIn + c] = theta[W + i * nIn + c];
    out[b + j] = theta[b + i];
    for (let r = 0; r < nOut; r++) out[W2 + r * n + j] = theta[W2 + r * n + i];
  }
  return out;
}
