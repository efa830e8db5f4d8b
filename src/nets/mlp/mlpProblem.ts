/**
 * The MlpProblem of types.ts: loss, gradient and exact Hessian-vector products of the mean
 * loss over a batch, plus the dense Hessian, its Gauss–Newton and residual parts, output
 * Jacobians, accuracy and initialisation. All float64.
 *
 * Routes and costs (N samples, B batch size, P parameters, k outputs):
 *   loss            one forward pass per sample                    O(B·P)
 *   gradient        forward + backprop                              O(B·P)
 *   hessianVector   forward + R-forward + R-reverse (rOperator.ts)  O(B·P), ≈ 3× gradient
 *   hessian         forward-over-reverse: H e_i for every i          O(N·P²)
 *   residualTerm    the same, residual part only                     O(N·P²)
 *   gaussNewton     (1/N) Σ_n Σ_c w_c (J_nᵀ r_c)(J_nᵀ r_c)ᵀ from the
 *                   loss's factorisation ∇²ℓ = Σ_c w_c r_c r_cᵀ      O(N·k·P²)
 * so H (R-operator, both parts) and GN (Jacobian outer products) are different code paths:
 * "H = GN + residual" is a real check of the R-operator's Gauss–Newton half.
 *
 * Dense results are refused up front past the memory budget (src/config/memoryBudget.ts),
 * pointing to hessianVector. Hot loops take samples in blocks of BLOCK_SAMPLES in a
 * per-problem workspace (workspace.ts): no allocation per sample, one pass over each weight
 * row per block. Measured (P = 108,610: d = 50, hidden [300, 300], k = 10; N = 1000; one
 * core of a loaded 2-core machine): loss ≈ 0.3–0.6 s, gradient ≈ 0.8 s, hessianVector ≈ 2–3 s.
 * ReLU Hessians are the almost-everywhere Hessians (hiddenActivation.ts).
 */
import { assertFits, denseHessianBytes } from '../../config/memoryBudget.js';
import { zeros, type Matrix } from '../../linalg/matrix.js';
import type { Rng } from '../../rng/index.js';
import { backpropBlock } from './backprop.js';
import { forwardBlock } from './forward.js';
import { gradientRoundingBound } from './gradientRounding.js';
import { mlpLayout, type MlpLayout } from './layout.js';
import { MlpInputError } from './mlpInputError.js';
import { mseLoss } from './mseLoss.js';
import type { OutputLoss } from './outputLoss.js';
import { FULL_HESSIAN, GAUSS_NEWTON_ONLY, RESIDUAL_ONLY, rOperatorBlock, type CurvatureParts } from './rOperator.js';
import { softmaxCrossEntropyLoss } from './softmaxCrossEntropy.js';
import type { Batch, MlpData, MlpProblem, MlpSpec } from './types.js';
import { checkBatch, checkSampleIndex, checkTheta, checkVector, validateData, validateSpec } from './validate.js';
import { createWorkspace, type MlpWorkspace } from './workspace.js';

/** What the dense routes suggest instead when P is too large. */
export const MLP_MATRIX_FREE_HINT =
  'use problem.hessianVector(θ, v) (exact H·v at the cost of about one forward + backward pass per sample, no P×P matrix) with Lanczos, or use smaller spec.hidden';

class MlpProblemImpl implements MlpProblem {
  readonly N: number;
  readonly P: number;
  readonly layout: string;
  private readonly lay: MlpLayout;
  private readonly lossFn: OutputLoss;
  private readonly ws: MlpWorkspace;
  private readonly X: Float64Array;
  private readonly k: number;

  constructor(
    readonly spec: MlpSpec,
    readonly data: MlpData,
  ) {
    this.lay = mlpLayout(spec);
    this.N = data.X.rows;
    this.P = this.lay.P;
    this.layout = this.lay.description;
    this.X = data.X.data;
    this.k = spec.outputs;
    this.ws = createWorkspace(this.lay);
    if (spec.loss === 'softmax-cross-entropy') {
      this.lossFn = softmaxCrossEntropyLoss(this.k, data.labels as Int32Array);
    } else {
      const T = data.targets ? data.targets.data : oneHot(data.labels as Int32Array, this.k);
      this.lossFn = mseLoss(this.k, T);
    }
  }

  /**
   * Loads block [start, start + count) of the batch (or of 0..N−1) into the workspace, runs the
   * forward pass and the loss derivatives of each slot (∂ℓ/∂f in ws.g, aux in ws.aux at s·k);
   * returns Σ_s ℓ_{n_s}.
   */
  private block(theta: Float64Array, batch: Batch, start: number, count: number): number {
    const ids = this.ws.ids;
    for (let s = 0; s < count; s++) ids[s] = batch ? batch[start + s] : start + s;
    forwardBlock(this.lay, this.spec.activation, theta, this.X, count, this.ws);
    const T = this.lay.totalUnits;
    const oO = this.lay.unitOffset[this.lay.L];
    let sum = 0;
    for (let s = 0; s < count; s++) sum += this.lossFn.valueAndGradient(this.ws.a, s * T + oO, ids[s], this.ws.g, s * this.k, this.ws.aux, s * this.k);
    return sum;
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
    return sum / B;
  }

  gradient(theta: Float64Array, batch?: Batch): Float64Array {
    checkTheta('MlpProblem.gradient', theta, this.P);
    checkBatch('MlpProblem.gradient', batch, this.N);
    const B = batch ? batch.length : this.N;
    const out = new Float64Array(this.P);
    for (let start = 0; start < B; start += this.ws.capacity) {
      const count = Math.min(this.ws.capacity, B - start);
      this.block(theta, batch, start, count);
      for (let s = 0; s < count; s++) this.seedOutputDelta(s, this.ws.g, s * this.k);
      backpropBlock(this.lay, theta, this.ws, count, out, 0, 1 / B);
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
    for (let start = 0; start < B; start += this.ws.capacity) {
      const count = Math.min(this.ws.capacity, B - start);
      this.block(theta, batch, start, count);
      rOperatorBlock(this.lay, this.lossFn, theta, v, this.ws, count, parts, out, 0, 1 / B);
    }
    return out;
  }

  hessian(theta: Float64Array): Matrix {
    return this.denseByColumns('MlpProblem.hessian', 'Hessian', FULL_HESSIAN, theta);
  }

  residualTerm(theta: Float64Array): Matrix {
    return this.denseByColumns('MlpProblem.residualTerm', 'residual term', RESIDUAL_ONLY, theta);
  }

  /** Forward-over-reverse: row i of the result is (1/N) Σ_n (part of ∇²ℓ_n)·e_i; then symmetrised. */
  private denseByColumns(fn: string, what: string, parts: CurvatureParts, theta: Float64Array): Matrix {
    checkTheta(fn, theta, this.P);
    this.assertDense(fn, what);
    const P = this.P;
    const H = zeros(P, P);
    const e = new Float64Array(P);
    for (let n = 0; n < this.N; n++) {
      this.block(theta, undefined, n, 1);
      for (let i = 0; i < P; i++) {
        e[i] = 1;
        rOperatorBlock(this.lay, this.lossFn, theta, e, this.ws, 1, parts, H.data, i * P, 1 / this.N);
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
    const u = new Float64Array(P);
    const row = new Float64Array(this.k);
    for (let n = 0; n < this.N; n++) {
      this.block(theta, undefined, n, 1);
      for (let c = 0; c < this.lossFn.factorTerms; c++) {
        const w = this.lossFn.curvatureFactor(this.ws.aux, 0, c, row) / this.N;
        if (w === 0) continue;
        // u = J_nᵀ r_c by one backprop; then G += w·u uᵀ (upper triangle).
        u.fill(0);
        this.seedOutputDelta(0, row, 0);
        backpropBlock(this.lay, theta, this.ws, 1, u, 0, 1);
        for (let i = 0; i < P; i++) {
          const wi = w * u[i];
          if (wi === 0) continue;
          const gi = i * P;
          for (let j = i; j < P; j++) g[gi + j] += wi * u[j];
        }
      }
    }
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
    return gradientRoundingBound(this.lay, this.spec.activation, this.lossFn, theta, this.X, this.N, this.ws);
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
      // He et al. 2015 (Var = 2/fan_in) for ReLU; Glorot & Bengio 2010 (Var = 2/(fan_in + fan_out)) otherwise.
      const sd = this.spec.activation === 'relu' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
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

function oneHot(labels: Int32Array, k: number): Float64Array {
  const T = new Float64Array(labels.length * k);
  for (let n = 0; n < labels.length; n++) T[n * k + labels[n]] = 1;
  return T;
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
