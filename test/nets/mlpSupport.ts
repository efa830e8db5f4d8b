/** Shared builders and references for the MLP unit tests: small seeded problems and points. */
import { zeros, type Matrix } from '../../src/linalg/matrix.js';
import { columnDots } from '../../src/nets/mlp/blockKernels.js';
import { forwardBlock } from '../../src/nets/mlp/forward.js';
import { buildMlpProblem, mlpLayout, MLP_ACTIVATIONS, reductionDivisor, softmax, type MlpActivation, type MlpLoss, type MlpProblem, type MlpReduction } from '../../src/nets/mlp/index.js';
import type { OutputLoss } from '../../src/nets/mlp/outputLoss.js';
import { FULL_HESSIAN, rOperatorBlock } from '../../src/nets/mlp/rOperator.js';
import { createWorkspace } from '../../src/nets/mlp/workspace.js';
import { Rng } from '../../src/rng/index.js';

export interface SmallCase {
  readonly p: MlpProblem;
  readonly theta: Float64Array;
  readonly rng: Rng;
}

export interface SmallCaseOptions {
  d?: number;
  hidden?: number[];
  k?: number;
  N?: number;
  seed?: number;
  reduction?: MlpReduction;
  bias?: boolean;
}

/** A seeded problem with N samples and θ = initialisation + N(0, 0.3²) noise (biases nonzero). */
export function smallCase(activation: MlpActivation, loss: MlpLoss, opts: SmallCaseOptions = {}): SmallCase {
  const rng = Rng.fromSeed(opts.seed ?? 7);
  const d = opts.d ?? 3;
  const k = opts.k ?? 3;
  const N = opts.N ?? 6;
  const X: Matrix = { rows: N, cols: d, data: rng.split('x').normals(N * d) };
  const lab = rng.split('y');
  const labels = Int32Array.from({ length: N }, () => lab.integer(k));
  const squared = loss === 'mse' || loss === 'half-squared-error';
  const targets = squared ? { ...zeros(N, k), data: rng.split('t').normals(N * k) } : undefined;
  const spec = { inputDim: d, hidden: opts.hidden ?? [4, 3], outputs: k, activation, loss, reduction: opts.reduction, bias: opts.bias };
  const p = buildMlpProblem(spec, targets ? { X, targets } : { X, labels });
  const theta = p.initialTheta(rng.split('theta'));
  const noise = rng.split('noise');
  for (let i = 0; i < theta.length; i++) theta[i] += 0.3 * noise.normal();
  return { p, theta, rng: rng.split('test') };
}

export const ACTIVATIONS: readonly MlpActivation[] = MLP_ACTIVATIONS;
export const LOSSES: readonly MlpLoss[] = ['cross-entropy', 'mse', 'half-squared-error'];

/** The reduction's divisor D of the full data: loss = Σ_n ℓ_n / D (lossConvention.ts). */
export function divisorOf(p: MlpProblem, B = p.N): number {
  return reductionDivisor(p.spec.loss as 'cross-entropy' | 'mse' | 'half-squared-error', p.spec.reduction, B, p.spec.outputs);
}

/** ∇²ℓ_n (k×k, row-major) at logits f, written from the formulas (not the engine's kernels). */
export function lossCurvature(p: MlpProblem, f: ArrayLike<number>): Float64Array {
  const k = p.spec.outputs;
  const A = new Float64Array(k * k);
  if (p.spec.loss === 'cross-entropy') {
    const pr = softmax(f);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) A[a * k + b] = (a === b ? pr[a] : 0) - pr[a] * pr[b];
  } else {
    const c = p.spec.loss === 'mse' ? 2 : 1;
    for (let a = 0; a < k; a++) A[a * k + a] = c;
  }
  return A;
}

/**
 * Entrywise Σ|terms| of the forward-over-reverse Hessian: the engine's R-operator run on
 * absolute values — |θ|, |a|, |σ'|, |σ''|, δ_L from |∂ℓ/∂f|'s terms (softmax p + e_y,
 * squared error 2c(|f| + |t|)), δ and q back-propagated through |W|, and |∇²ℓ|-type
 * curvature (softmax p ⊙ (u + pᵀu) ≥ |diag(p) − ppᵀ|u, the terms reverse-mode autograd
 * forms) — so every product is a nonnegative term and the sum is the scale of the rounding
 * error of either route (first-order, Higham §3). Not symmetrised.
 */
export function absoluteHessianTerms(p: MlpProblem, theta: Float64Array): Matrix {
  const lay = mlpLayout(p.spec);
  const { widths, L, unitOffset, weightOffset, totalUnits: T, P } = lay;
  const ws = createWorkspace(lay, 1);
  const absTheta = theta.map(Math.abs);
  const k = p.spec.outputs;
  const oO = unitOffset[L];
  const ce = p.spec.loss === 'cross-entropy';
  const c2 = p.spec.loss === 'mse' ? 2 : 1;
  const absLoss: OutputLoss = {
    k,
    factorTerms: k,
    curvatureRowSumBound: 0,
    valueAndGradient: () => 0,
    curvatureFactor: () => 0,
    curvatureTimes(aux, auxOff, u, uOff, out, outOff) {
      let pu = 0;
      for (let c = 0; c < k; c++) pu += aux[auxOff + c] * u[uOff + c];
      for (let c = 0; c < k; c++) out[outOff + c] = ce ? aux[auxOff + c] * (u[uOff + c] + pu) : c2 * u[uOff + c];
    },
  };
  const H = zeros(P, P);
  const e = new Float64Array(P);
  const w = 1 / divisorOf(p);
  for (let n = 0; n < p.N; n++) {
    ws.ids[0] = n;
    forwardBlock(lay, p.spec.activation, theta, p.data.X.data, 1, ws);
    const f = Float64Array.from(ws.a.subarray(oO, oO + k));
    for (let i = 0; i < T; i++) {
      ws.a[i] = Math.abs(ws.a[i]);
      ws.d1[i] = Math.abs(ws.d1[i]);
      ws.d2[i] = Math.abs(ws.d2[i]);
    }
    if (ce) {
      const pr = softmax(f);
      for (let c = 0; c < k; c++) {
        ws.aux[c] = pr[c];
        ws.delta[oO + c] = pr[c] + (c === p.data.labels![n] ? 1 : 0);
      }
    } else {
      const t = p.data.targets ? p.data.targets.data.subarray(n * k, (n + 1) * k) : Float64Array.from({ length: k }, (_, c) => (c === p.data.labels![n] ? 1 : 0));
      for (let c = 0; c < k; c++) ws.delta[oO + c] = c2 * (Math.abs(f[c]) + Math.abs(t[c]));
    }
    for (let l = L; l >= 2; l--) {
      const nin = widths[l - 1];
      const inO = unitOffset[l - 1];
      columnDots(absTheta, weightOffset[l], widths[l], nin, ws.delta, unitOffset[l], ws.delta, inO, T, 1, false);
      for (let j = 0; j < nin; j++) {
        const t = ws.delta[inO + j];
        ws.q[inO + j] = ws.d2[inO + j] * t;
        ws.delta[inO + j] = ws.d1[inO + j] * t;
      }
    }
    for (let i = 0; i < P; i++) {
      e[i] = 1;
      rOperatorBlock(lay, absLoss, absTheta, e, ws, 1, FULL_HESSIAN, H.data, i * P, w);
      e[i] = 0;
    }
  }
  return H;
}

/** True when every hidden pre-activation is at least `margin` away from 0 (the kink of relu, leaky-relu, elu). */
export function kinkFree(p: MlpProblem, theta: Float64Array, margin = 1e-3): boolean {
  return p.preActivations(theta).data.every((z) => Math.abs(z) >= margin);
}
