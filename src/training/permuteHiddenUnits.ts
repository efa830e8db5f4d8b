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
    if (b >= 0) out[b + j] = theta[b + i]; // b < 0: a spec with bias: false
    for (let r = 0; r < nOut; r++) out[W2 + r * n + j] = theta[W2 + r * n + i];
  }
  return out;
}

/**
 * The per-unit descriptor of hidden layer `layer`: its incoming weights and bias followed by its
 * outgoing weights (the column of W_{layer+1}). ‖θ − θ_π‖² = Σ_i ‖u_i − u_π(i)‖² over these
 * descriptors when only this layer is permuted, and the distance between two descriptors of
 * the same layer is unchanged by a permutation of the adjacent hidden layer (it moves the
 * entries of both alike).
 */
export function hiddenUnitDescriptors(spec: MlpSpec, theta: Float64Array, layer: number): Float64Array[] {
  const lay = mlpLayout(spec);
  if (!(Number.isInteger(layer) && layer >= 1 && layer < lay.L)) throw new Error(`hiddenUnitDescriptors: layer must be a hidden layer in [1, ${lay.L - 1}], got ${layer}`);
  const n = lay.widths[layer];
  const nIn = lay.widths[layer - 1];
  const nOut = lay.widths[layer + 1];
  const W = lay.weightOffset[layer];
  const b = lay.biasOffset[layer];
  const W2 = lay.weightOffset[layer + 1];
  return Array.from({ length: n }, (_, i) => {
    const u = new Float64Array(nIn + 1 + nOut);
    for (let c = 0; c < nIn; c++) u[c] = theta[W + i * nIn + c];
    u[nIn] = b >= 0 ? theta[b + i] : 0;
    for (let r = 0; r < nOut; r++) u[nIn + 1 + r] = theta[W2 + r * n + i];
    return u;
  });
}

/**
 * A fixed-point-free permutation (an involution of disjoint swaps, plus one 3-cycle when n is
 * odd) that pairs units far apart: greedy maximum-distance matching — repeatedly swap the two
 * unpaired units whose descriptors are farthest apart. Deterministic (ties by index).
 * This is the adversarial twin for "any two minima are connected": the universal claim must
 * hold for every permutation, so the one moving θ farthest is a fair witness, and it is never
 * near the identity (a random permutation can leave redundant units nearly in place).
 * Cost O(n²·m + n² log n) for n units with m-dimensional descriptors. Requires n ≥ 2.
 */
export function farthestPairingPermutation(descriptors: readonly Float64Array[]): Int32Array {
  const n = descriptors.length;
  if (n < 2) throw new Error(`farthestPairingPermutation: need at least 2 units, got ${n}`);
  const pairs: Array<{ i: number; j: number; d: number }> = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      const a = descriptors[i];
      const b = descriptors[j];
      for (let c = 0; c < a.length; c++) s += (a[c] - b[c]) ** 2;
      pairs.push({ i, j, d: s });
    }
  pairs.sort((x, y) => y.d - x.d || x.i - y.i || x.j - y.j);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const used = new Uint8Array(n);
  let paired = 0;
  for (const { i, j } of pairs) {
    if (paired + 1 >= n) break;
    if (used[i] || used[j]) continue;
    perm[i] = j;
    perm[j] = i;
    used[i] = used[j] = 1;
    paired += 2;
  }
  if (paired < n) {
    // n odd: one unit u is left; fold it into the swap (a, b) as the 3-cycle a → b → u → a.
    const u = used.indexOf(0);
    const a = u === 0 ? 1 : 0;
    const b = perm[a];
    perm[a] = b;
    perm[b] = u;
    perm[u] = a;
  }
  return perm;
}
