/**
 * The prepared blocks (prepareBlock.ts: forward state, ∂ℓ/∂f, δ, q) of the last (θ, batch)
 * a curvature product was taken at, so that repeated products at one θ — a Lanczos run
 * takes tens to hundreds — skip the forward pass and the δ back-propagation (2P of the 6P
 * multiply-adds per sample of a cold H·v; the activations and the loss too).
 *
 * Validity: θ and the batch are compared by value with copies taken when the blocks were
 * built (O(P + B) per call), so in-place updates of the caller's θ are seen. The data
 * (X, labels, targets) is taken as immutable after buildMlpProblem, as everywhere in the
 * engine. Results are bitwise those of a cold call: the same prepareBlock fills the same
 * block partition, only into kept buffers.
 * Memory: B·stateBytesPerSample (≈ 4·Σ widths doubles per sample), kept only when that is
 * at most 1/CACHE_BUDGET_SHARE of the memory budget (src/config/memoryBudget.ts);
 * otherwise the caller streams through its scratch workspace as before.
 */
import { memoryBudgetBytes } from '../../config/memoryBudget.js';
import { blockStateLike, type MlpWorkspace } from './workspace.js';

/** The cache may use up to 1/4 of the memory budget (the rest is for dense routes and Lanczos bases). */
export const CACHE_BUDGET_SHARE = 4;

export class PointCache {
  private theta: Float64Array | null = null;
  private batch: Int32Array | undefined = undefined;
  private blocks: MlpWorkspace[] = [];

  constructor(
    private readonly scratch: MlpWorkspace,
    private readonly bytesPerSample: number,
  ) {}

  /**
   * The prepared blocks for (θ, batch) of B samples — reused when θ and batch equal the last
   * call's, else rebuilt by `prepare(ws, start, count)` — or null when they would not fit.
   */
  blocksFor(theta: Float64Array, batch: Int32Array | undefined, B: number, prepare: (ws: MlpWorkspace, start: number, count: number) => void): MlpWorkspace[] | null {
    if (this.theta !== null && sameValues(this.theta, theta) && sameBatch(this.batch, batch)) return this.blocks;
    this.theta = null;
    if (B * this.bytesPerSample > memoryBudgetBytes() / CACHE_BUDGET_SHARE) {
      this.blocks = [];
      return null;
    }
    const cap = this.scratch.capacity;
    const n = Math.ceil(B / cap);
    while (this.blocks.length < n) this.blocks.push(blockStateLike(this.scratch));
    this.blocks.length = n;
    for (let b = 0; b < n; b++) prepare(this.blocks[b], b * cap, Math.min(cap, B - b * cap));
    this.theta = Float64Array.from(theta);
    this.batch = batch ? Int32Array.from(batch) : undefined;
    return this.blocks;
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  // Object.is keeps −0 ≠ +0 apart like the arithmetic might (θ is finite: checked by the caller).
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || (a[i] === 0 && !Object.is(a[i], b[i]))) return false;
  return true;
}

function sameBatch(a: Int32Array | undefined, b: Int32Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
