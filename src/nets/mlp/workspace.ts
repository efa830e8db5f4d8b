/**
 * Scratch buffers for a block of up to BLOCK_SAMPLES samples, allocated once per problem and
 * reused by every block of every call (no allocation in the hot loops). Sample s of a block
 * owns units [s·T, (s + 1)·T) of each unit buffer (T = layout.totalUnits) and [s·k, (s + 1)·k)
 * of g and aux. Processing samples in blocks lets each weight row, once in cache, serve the
 * whole block (the per-sample loops stream every weight matrix from memory once per sample).
 * Calls are synchronous, so one workspace per problem is safe; kernels never re-enter it.
 *
 * A block's state splits in two: what depends only on θ and the samples (a, σ', δ, q, g,
 * aux — kept per block by pointCache.ts when a θ is reused) and pure scratch (z, σ'', the
 * R-pass buffers), which `blockStateLike` shares between the cached blocks.
 */
import type { MlpLayout } from './layout.js';

/** Samples per block: 16 keeps a block's activations of a 300-wide layer (38 KB) near L1/L2. */
export const BLOCK_SAMPLES = 16;

export interface MlpWorkspace {
  /** Samples the buffers hold. */
  readonly capacity: number;
  /** Pre-activations z_l (layer 0 unused). Scratch. */
  readonly z: Float64Array;
  /** Activations a_l; layer 0 holds the input x; layer L holds the logits (= z_L). */
  readonly a: Float64Array;
  /** σ'(z_l) for hidden layers. */
  readonly d1: Float64Array;
  /** σ''(z_l) for hidden layers. Scratch (consumed into q). */
  readonly d2: Float64Array;
  /** Back-propagated δ_l = ∂ℓ/∂z_l (all layers; δ_L = ∂ℓ/∂f). */
  readonly delta: Float64Array;
  /** q_l = σ''(z_l) ⊙ W_{l+1}ᵀδ_{l+1} for hidden layers: the R-operator's σ'' term without R{z}. */
  readonly q: Float64Array;
  /** R-operator scratch: R{z_l}, R{a_l}, R{δ_l}. */
  readonly rz: Float64Array;
  readonly ra: Float64Array;
  readonly rdelta: Float64Array;
  /** Per sample (k each): ∂ℓ/∂f and the loss's aux state (probabilities or residuals). */
  readonly g: Float64Array;
  readonly aux: Float64Array;
  /** Length-k scratch: a factor row. */
  readonly row: Float64Array;
  /** Sample index of each block slot. */
  readonly ids: Int32Array;
}

export function createWorkspace(layout: MlpLayout, capacity = BLOCK_SAMPLES): MlpWorkspace {
  const T = layout.totalUnits * capacity;
  const k = layout.widths[layout.L];
  const f = () => new Float64Array(T);
  return {
    capacity,
    z: f(),
    a: f(),
    d1: f(),
    d2: f(),
    delta: f(),
    q: f(),
    rz: f(),
    ra: f(),
    rdelta: f(),
    g: new Float64Array(k * capacity),
    aux: new Float64Array(k * capacity),
    row: new Float64Array(k),
    ids: new Int32Array(capacity),
  };
}

/** A workspace with its own θ-dependent state (a, σ', δ, q, g, aux, ids) and `scratch`'s scratch buffers. */
export function blockStateLike(scratch: MlpWorkspace): MlpWorkspace {
  return {
    ...scratch,
    a: new Float64Array(scratch.a.length),
    d1: new Float64Array(scratch.d1.length),
    delta: new Float64Array(scratch.delta.length),
    q: new Float64Array(scratch.q.length),
    g: new Float64Array(scratch.g.length),
    aux: new Float64Array(scratch.aux.length),
    ids: new Int32Array(scratch.ids.length),
  };
}

/** Bytes of θ-dependent state per sample that blockStateLike allocates (for the cache's budget). */
export function stateBytesPerSample(layout: MlpLayout): number {
  return 8 * (4 * layout.totalUnits + 2 * layout.widths[layout.L]) + 4;
}
