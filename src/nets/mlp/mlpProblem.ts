/**
 * The MlpProblem of types.ts: loss, gradient and exact Hessian-vector products of the batch
 * loss, plus the dense Hessian, its Gauss–Newton and residual parts, output Jacobians,
 * accuracy and initialisation. All float64. The loss is PyTorch's (lossConvention.ts): one
 * per-sample kernel, and the reduction ('mean' | 'sum') is one divisor D — the loss is
 * Σ_n ℓ_n / D and every derivative route accumulates with weight 1/D, so loss, gradient,
 * H·v, GN·v, R·v, dense H, GN, R and mini-batches all follow spec.reduction.
 *
 * Routes and costs (N samples, B batch size, P parameters, k outputs; multiply-adds per sample):
 *   loss            forward pass                                    P
 *   gradient        forward + backprop                              3P
 *   hessianVector   prepare (forward, δ, q) + R-forward + R-reverse 6P, +2P at a new θ (pointCache.ts)
 *   gaussNewtonVector / residualVector   the same with one part     4P / 6P (+2P at a new θ)
 *   hessian         forward-over-reverse: H e_i for every i          O(N·P²)
 *   residualTerm    the same, residual part only                     O(N·P²)
 *   gaussNewton     Σ_n Σ_c (w_c/D) (J_nᵀ r_c)(J_nᵀ r_c)ᵀ from the
 *                   loss's factorisation ∇²ℓ = Σ_c w_c r_c r_cᵀ,
 *                   as rank-64 updates of the upper triangle         O(N·k·P²/2)
 * so H (R-operator, both parts) and GN (Jacobian outer products) are different code paths:
 * "H = GN + residual" is a real check of the R-operator's Gauss–Newton half.
 *
 * Dense results are refused up front past the memory budget (src/config/memoryBudget.ts),
 * pointing to hessianVector. Hot loops take samples in blocks of BLOCK_SAMPLES in a
 * per-problem workspace (workspace.ts), all products as register-tiled kernels
 * (blockKernels.ts). Measured (P = 108,610: d = 50, hidden [300, 300], k = 10, N = 1000,
 * softmax cross-entropy; CPU time of one process on a 2-core machine shared with other jobs,
 * median of 5; `npx tsx bench/cases/mlpHessianVector.ts`):
 *                     before (per-sample loops)    after
 *   loss              0.14–0.15 s                  0.07 s
 *   gradient          0.36 (relu) – 0.60 (tanh) s  0.18–0.19 s
 *   hessianVector     1.0 (relu) – 1.2 (tanh) s    0.47 s at a new θ, 0.33–0.35 s repeated
 *   gaussNewtonVector 1.0–1.2 s                    0.23 s repeated
 * and dense at P = 1055 (d = 10, hidden [30, 20], k = 5, N = 200, tanh): hessian 2.4–2.7 s →
 * 0.83–0.88 s, gaussNewton 1.1 s → 0.41 s.
 * Activations with kinks (relu, leaky-relu, elu) give the almost-everywhere Hessian (hiddenActivation.ts).
 */
import { assertFits, denseHessianBytes } from '../../config/memoryBudget.js';
import { zeros, type Matrix } from '../../linalg/matrix.js';
import type { Rng } from '../../rng/index.js';
import { backpropBlock } from './backprop.js';
import { outerAccumulate } from './blockKernels.js';
import { forwardBlock } from './forward.js';
import { PointCache } from './pointCache.js';
import { prepareBlock } from './prepareBlock.js';
import { gradientRoundingBound } from './gradientRounding.js';
import { HE_INITIALISED } from './hiddenActivation.js';
import { mlpLayout, type MlpLayout } from './layout.js';
import { canonicalLoss, lossDescription, perSampleLoss, reductionDivisor, type CanonicalLoss } from './lossConvention.js';
import { MlpInputError } from './mlpInputError.js';
import type { OutputLoss } from './outputLoss.js';
import { FULL_HESSIAN, GAUSS_NEWTON_ONLY, RESIDUAL_ONLY, rOperatorBlock, type CurvatureParts } from './rOperator.js';
import type { Batch, MlpData, MlpProblem, MlpReduction, MlpSpec } from './types.js';
import { checkBatch, checkSampleIndex, checkTheta, checkVector, validateData, validateSpec } from './validate.js';
import { createWorkspace, stateBytesPerSample, type MlpWorkspace } from './workspace.js';

/** Factor vectors per rank-m update of the dense Gauss–Newton term (m·P doubles twice). */
const GN_FACTOR_BATCH = 64;
/** Tile of the rank-m update: 64 rows × 256 columns keeps 64 vectors' columns (128 KB) in L2. */
const GN_TILE_ROWS = 64;
const GN_TILE_COLS = 256;

/** What the dense routes suggest instead when P is too large. */
export const MLP_MATRIX_FREE_HINT =
  'use problem.hessianVector(θ, v) (exact H·v at about twice the cost of a gradient, less when repeated at one θ; no P×P matrix) with Lanczos, or use smaller spec.hidden';

type ResolvedSpec = MlpSpec & { readonly loss: CanonicalLoss; readonly reduction: MlpReduction; readonly bias: boolean };

class MlpProblemImpl implements MlpProblem {
  readonly spec: ResolvedSpec;
  readonly N: number;
  readonly P: number;
  readonly layout: string;
  readonly lossDescription: string;
  private readonly lay: MlpLayout;
  private readonly lossFn: OutputLoss;
  private readonly ws: MlpWorkspace;
  private readonly cache: PointCache;
  private readonly X: Float64Array;
  private readonly k: number;

  constructor(
    spec: MlpSpec,
    readonly data: MlpData,
  ) {
    const loss = canonicalLoss(spec.loss);
    const reduction = spec.reduction ?? 'mean';
    this.spec = { ...spec, hidden: spec.hidden.slice(), loss, reduction, bias: spec.bias !== false };
    this.lay = mlpLayout(this.spec);
    this.N = data.X.rows;
    this.P = this.lay.P;
    this.layout = this.lay.description;
    this.lossDescription = lossDescription(loss, reduction);
    this.X = data.X.data;
    this.k = spec.outputs;
    this.ws = createWorkspace(this.lay);
    this.cache = new PointCache(this.ws, stateBytesPerSample(this.lay));
    this.lossFn = perSampleLoss(loss, this.k, data);
  }

  /** The reduction's divisor D for a batch of B samples (lossConvention.ts): L = Σ_n ℓ_n / D. */
  private divisor(B: number): number {
    return reductionDivisor(this.spec.loss, this.spec.reduction, B, this.k);
  }

  /**
   * Prepares block [start, start + count) of the batch (or of 0..N−1) in `ws` (prepareBlock.ts:
   * forward pass, ∂ℓ/∂f and aux at s·k, and with `withDelta` δ and q); returns Σ_s ℓ_{n_s}.
   */
  private block(theta: Float64Array, batch: Batch, start: number, count: number, withDelta = false, ws = this.ws): number {
    return prepareBlock(this.lay, this.spec.activation, this.lossFn, theta, this.X, batch, start, count, ws, withDelta);
  }

  /** Puts δ_L = u[uOff .. uOff + k) at the output layer of block slot s. */
  private seedOutputDelta(s: number, u: Float64Array, uOff: number): void {
    const o = s * this.lay.totalUnits + this.lay.unitOffset[this.lay.L];
    for (let c = 0; c < this.k; c++) this.ws.delta[o + c] = u[uOff + c];
  }

  loss(theta: Float64Array, batch?: Batch): number {
    checkTheta('MlpProblem.loss', theta, this.P, false);
    checkBatch('MlpProblem.loss', batch, this.N);
    const B = batch ? batch.length : this.N;
    let sum = 0;
    for (let start = 0; start < B; start += this.ws.capacity) sum += this.block(theta, batch, start, Math.min(this.ws.capacity, B - start));
    return sum / this.divisor(B);
  }

  gradient(theta: Float64Array, batch?: Batch): Float64Array {
    checkTheta('MlpProblem.gradient', theta, this.P);
    checkBatch('MlpProblem.gradient', batch, this.N);
    const B = batch ? batch.length : this.N;
    const out = new Float64Array(this.P);
    const w = 1 / this.divisor(B);
    for (let start = 0; start < B; start += this.ws.capacity) {
      const count = Math.min(this.ws.capacity, B - start);
      this.block(theta, batch, start, count);
      for (let s = 0; s < count; s++) this.seedOutputDelta(s, this.ws.g, s * this.k);
      backpropBlock(this.lay, theta, this.ws, count, out, 0, w);
    }
    return out;
  }

  hessianVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array {
    return this.curvatureVector('MlpProblem.hessianVector', FULL_HESSIAN, theta, v, batch);
  }

  gaussNewtonVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array {
    return this.curvatureVector('MlpProblem.gaussNewtonVector', GAUSS_NEWTON_ONLY, theta, v, batch);
  }

  residualVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array {
    return this.curvatureVector('MlpProblem.residualVector', RESIDUAL_ONLY, theta, v, batch);
  }

  private curvatureVector(fn: string, parts: CurvatureParts, theta: Float64Array, v: Float64Array, batch: Batch): Float64Array {
    checkTheta(fn, theta, this.P);
    checkVector(fn, v, this.P);
    checkBatch(fn, batch, this.N);
    const B = batch ? batch.length : this.N;
    const out = new Float64Array(this.P);
    const w = 1 / this.divisor(B);
    const cap = this.ws.capacity;
    // Repeated products at one θ reuse its prepared blocks (pointCache.ts); else stream.
    const blocks = this.cache.blocksFor(theta, batch, B, (ws, start, count) => this.block(theta, batch, start, count, true, ws));
    for (let start = 0, b = 0; start < B; start += cap, b++) {
      const count = Math.min(cap, B - start);
      let ws = this.ws;
      if (blocks) ws = blocks[b];
      else this.block(theta, batch, start, count, parts.residual);
      rOperatorBlock(this.lay, this.lossFn, theta, v, ws, count, parts, out, 0, w);
    }
    return out;
  }

  hessian(theta: Float64Array): Matrix {
    return this.denseByColumns('MlpProblem.hessian', 'Hessian', FULL_HESSIAN, theta);
  }

  residualTerm(theta: Float64Array): Matrix {
    return this.denseByColumns('MlpProblem.residualTerm', 'residual term', RESIDUAL_ONLY, theta);
  }

  /** Forward-over-reverse: row i of the result is w Σ_n (part of ∇²ℓ_n)·e_i, a block of samples at a time; then symmetrised. */
  private denseByColumns(fn: string, what: string, parts: CurvatureParts, theta: Float64Array): Matrix {
    checkTheta(fn, theta, this.P);
    this.assertDense(fn, what);
    const P = this.P;
    const H = zeros(P, P);
    const e = new Float64Array(P);
    const w = 1 / this.divisor(this.N);
    for (let start = 0; start < this.N; start += this.ws.capacity) {
      const count = Math.min(this.ws.capacity, this.N - start);
      this.block(theta, undefined, start, count, parts.residual);
      for (let i = 0; i < P; i++) {
        e[i] = 1;
        rOperatorBlock(this.lay, this.lossFn, theta, e, this.ws, count, parts, H.data, i * P, w);
        e[i] = 0;
      }
    }
    symmetrise(H);
    return H;
  }

  gaussNewton(theta: Float64Array): Matrix {
    const fn = 'MlpProblem.gaussNewton';
    checkTheta(fn, theta, this.P);
    this.assertDense(fn, 'Gauss–Newton term');
    const P = this.P;
    const G = zeros(P, P);
    const g = G.data;
    const row = new Float64Array(this.k);
    const D = this.divisor(this.N);
    // Factor vectors u_r = J_nᵀ r_c (one backprop each) and w_r·u_r, GN_FACTOR_BATCH at a time.
    const U = new Float64Array(GN_FACTOR_BATCH * P);
    const WU = new Float64Array(GN_FACTOR_BATCH * P);
    let r = 0;
    const flush = () => {
      // G[i, j] += Σ_r w_r u_r[i] u_r[j] on the upper part (j ≥ first row of the strip), in
      // tiles small enough for the U columns to stay in cache; the lower part is mirrored below.
      for (let i0 = 0; i0 < P; i0 += GN_TILE_ROWS) {
        const rows = Math.min(GN_TILE_ROWS, P - i0);
        for (let j0 = i0; j0 < P; j0 += GN_TILE_COLS) outerAccumulate(g, i0 * P + j0, rows, Math.min(GN_TILE_COLS, P - j0), WU, i0, U, j0, P, r, 1, P);
      }
      r = 0;
    };
    for (let n = 0; n < this.N; n++) {
      this.block(theta, undefined, n, 1);
      for (let c = 0; c < this.lossFn.factorTerms; c++) {
        const w = this.lossFn.curvatureFactor(this.ws.aux, 0, c, row) / D;
        if (w === 0) continue;
        const o = r * P;
        U.fill(0, o, o + P);
        this.seedOutputDelta(0, row, 0);
        backpropBlock(this.lay, theta, this.ws, 1, U, o, 1);
        for (let i = 0; i < P; i++) WU[o + i] = w * U[o + i];
        if (++r === GN_FACTOR_BATCH) flush();
      }
    }
    if (r > 0) flush();
    for (let i = 0; i < P; i++) for (let j = i + 1; j < P; j++) g[j * P + i] = g[i * P + j];
    return G;
  }

  outputJacobian(theta: Float64Array, n: number): Matrix {
    const fn = 'MlpProblem.outputJacobian';
    checkTheta(fn, theta, this.P);
    checkSampleIndex(fn, n, this.N);
    const J = zeros(this.k, this.P);
    const e = new Float64Array(this.k);
    this.ws.ids[0] = n;
    forwardBlock(this.lay, this.spec.activation, theta, this.X, 1, this.ws);
    for (let c = 0; c < this.k; c++) {
      e[c] = 1;
      this.seedOutputDelta(0, e, 0);
      backpropBlock(this.lay, theta, this.ws, 1, J.data, c * this.P, 1);
      e[c] = 0;
    }
    return J;
  }

  logits(theta: Float64Array, batch?: Batch): Matrix {
    checkTheta('MlpProblem.logits', theta, this.P);
    checkBatch('MlpProblem.logits', batch, this.N);
    const B = batch ? batch.length : this.N;
    const out = zeros(B, this.k);
    const o = this.lay.unitOffset[this.lay.L];
    const T = this.lay.totalUnits;
    for (let start = 0; start < B; start += this.ws.capacity) {
      const count = Math.min(this.ws.capacity, B - start);
      for (let s = 0; s < count; s++) this.ws.ids[s] = batch ? batch[start + s] : start + s;
      forwardBlock(this.lay, this.spec.activation, theta, this.X, count, this.ws);
      for (let s = 0; s < count; s++) for (let c = 0; c < this.k; c++) out.data[(start + s) * this.k + c] = this.ws.a[s * T + o + c];
    }
    return out;
  }

  preActivations(theta: Float64Array): Matrix {
    checkTheta('MlpProblem.preActivations', theta, this.P);
    const o = this.lay.unitOffset[1];
    const H = this.lay.unitOffset[this.lay.L] - o;
    const out = zeros(this.N, H);
    for (let n = 0; n < this.N; n++) {
      this.ws.ids[0] = n;
      forwardBlock(this.lay, this.spec.activation, theta, this.X, 1, this.ws);
      for (let i = 0; i < H; i++) out.data[n * H + i] = this.ws.z[o + i];
    }
    return out;
  }

  gradientRoundingBound(theta: Float64Array): number {
    checkTheta('MlpProblem.gradientRoundingBound', theta, this.P);
    return gradientRoundingBound(this.lay, this.spec.activation, this.lossFn, theta, this.X, this.N, this.ws, this.divisor(this.N));
  }

  accuracy(theta: Float64Array): number {
    const fn = 'MlpProblem.accuracy';
    const labels = this.data.labels;
    if (!labels) throw new MlpInputError(fn, 'data.labels', 'are absent: accuracy needs class labels', 'build the problem with data.labels');
    const f = this.logits(theta);
    let correct = 0;
    for (let n = 0; n < this.N; n++) {
      let best = 0;
      for (let c = 1; c < this.k; c++) if (f.data[n * this.k + c] > f.data[n * this.k + best]) best = c;
      if (best === labels[n]) correct++;
    }
    return correct / this.N;
  }

  initialTheta(rng: Rng): Float64Array {
    const { widths, L, weightOffset } = this.lay;
    const theta = new Float64Array(this.P);
    for (let l = 1; l <= L; l++) {
      const fanIn = widths[l - 1];
      const fanOut = widths[l];
      // He et al. 2015 (Var = 2/fan_in) for ReLU-like units; Glorot & Bengio 2010 (Var = 2/(fan_in + fan_out)) otherwise.
      const sd = HE_INITIALISED.includes(this.spec.activation) ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
      const o = weightOffset[l];
      for (let i = 0; i < fanIn * fanOut; i++) theta[o + i] = sd * rng.normal();
      // Biases b_l stay 0.
    }
    return theta;
  }

  private assertDense(fn: string, what: string): void {
    assertFits(denseHessianBytes(this.P, this.N), `${fn}: a dense P×P ${what} with P = ${this.P} parameters (N = ${this.N})`, 'spec.hidden', MLP_MATRIX_FREE_HINT);
  }
}

/** A ← (A + Aᵀ)/2: the two halves agree up to rounding; the eigensolvers read both. */
function symmetrise(A: Matrix): void {
  const n = A.rows;
  const a = A.data;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
}

/** Validates spec and data (throwing MlpInputError naming the field and the fix) and builds the problem. */
export function buildMlpProblem(spec: MlpSpec, data: MlpData): MlpProblem {
  validateSpec(spec);
  validateData(spec, data);
  return new MlpProblemImpl(spec, data);
}
