/**
 * MLP Hessian cross-check: TensorFlow.js autodiff (float32, reverse-over-reverse) against
 * the float64 MLP engine (src/nets/mlp, forward-over-reverse R-operator), softmax
 * cross-entropy and MSE, biases included.
 *
 * The trap (src/autodiff/activations.ts): a tfjs kernel whose gradient reuses its output
 * (Exp, Tanh, Softmax, and hence logSumExp) loses that path in the second derivative. The
 * softmax curvature diag(p) − ppᵀ comes entirely from differentiating p = exp(f − lse(f)),
 * so a naive log Σ exp(f) route gets the Gauss–Newton half wrong (and tf.logSumExp cannot be
 * differentiated twice at all: its max-shift has no gradient of Equal). Here lse is a
 * tf.customGrad op that saves its INPUT and whose gradient dy·expC(f − lseC(f)) is built
 * from custom ops again (lazy recursion, as in activations.ts); hidden activations come
 * from tfActivation. The naive route must fail the same tolerance (power).
 *
 * Tolerance: float32RelativeTolerance(K, κ) = 16·√K·u·κ (src/autodiff/float32Tolerance.ts)
 * with K = N·(d + Σ widths + k) terms per entry and κ = (‖GN‖_F + ‖R‖_F)/‖H‖_F, the
 * cancellation between the two halves of the decomposition (float32 errors scale with the
 * parts, not with their sum).
 */
import type { Tensor } from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadTf, tfActivation, type Tf } from '../../src/autodiff/index.js';
import { float32RelativeTolerance } from '../../src/autodiff/float32Tolerance.js';
import { frobenius, zeros, type Matrix } from '../../src/linalg/matrix.js';
import { mlpLayout, type MlpActivation, type MlpLoss, type MlpProblem } from '../../src/nets/mlp/index.js';
import { smallCase } from '../nets/mlpSupport.js';

type TensorFn = (z: Tensor) => Tensor;

/** Row-wise log-sum-exp (keepDims) with correct derivatives of every order the tape asks for. */
function customLogSumExp(tf: Tf): TensorFn {
  let expC: TensorFn;
  let lseC: TensorFn;
  const expOp = tf.customGrad((...args) => {
    const x = args[0] as Tensor;
    (args[1] as (ts: Tensor[]) => void)([x]);
    return { value: tf.exp(x), gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(dy, expC(saved[0])) };
  });
  const lseOp = tf.customGrad((...args) => {
    const f = args[0] as Tensor;
    (args[1] as (ts: Tensor[]) => void)([f]);
    return {
      value: tf.logSumExp(f, -1, true),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(dy, expC(tf.sub(saved[0], lseC(saved[0])))),
    };
  });
  expC = (x) => expOp(x);
  lseC = (f) => lseOp(f);
  return lseC;
}

function relFrob(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s) / frobenius(b);
}

/** Dense Hessian of the mean loss by tfjs, one double-backward per row. */
function tfMlpHessian(tf: Tf, p: MlpProblem, theta: Float64Array, naive: boolean): Matrix {
  const lay = mlpLayout(p.spec);
  const { widths, L, weightOffset, biasOffset } = lay;
  const N = p.N;
  const k = p.spec.outputs;
  // CASES below use only activations tfActivation knows (relu, tanh, identity).
  const act = tfActivation(tf, p.spec.activation as 'relu' | 'tanh' | 'identity');
  // Naive: log Σ exp(f) with tfjs's own Exp (no max shift needed for these O(1) logits;
  // tf.logSumExp itself cannot be differentiated twice at all: its max has no gradient of Equal).
  const lse: TensorFn = naive ? (f) => tf.log(tf.sum(tf.exp(f), -1, true)) : customLogSumExp(tf);
  const X = tf.tensor2d(Float32Array.from(p.data.X.data), [N, widths[0]], 'float32');
  const Y = p.data.labels ? tf.oneHot(tf.tensor1d(p.data.labels, 'int32'), k).toFloat() : null;
  const T = p.data.targets ? tf.tensor2d(Float32Array.from(p.data.targets.data), [N, k], 'float32') : null;
  const lossOf = (th: Tensor): Tensor => {
    let A: Tensor = X;
    for (let l = 1; l <= L; l++) {
      const W = tf.reshape(tf.slice(th, weightOffset[l], widths[l] * widths[l - 1]), [widths[l], widths[l - 1]]);
      const b = tf.slice(th, biasOffset[l], widths[l]);
      const Z = tf.add(tf.matMul(A, W, false, true), b);
      A = l < L ? act(Z) : Z;
    }
    if (p.spec.loss === 'half-squared-error') return tf.div(tf.sum(tf.square(tf.sub(A, T!))), 2 * N);
    return tf.div(tf.sub(tf.sum(lse(A)), tf.sum(tf.mul(A, Y!))), N);
  };
  const P = p.P;
  const H = zeros(P, P);
  const th = tf.tensor1d(Float32Array.from(theta), 'float32');
  const grad = tf.grad(lossOf);
  for (let i = 0; i < P; i++) {
    const row = tf.tidy(() => {
      const e = tf.oneHot(tf.tensor1d([i], 'int32'), P).reshape([P]).toFloat();
      return tf.grad((t: Tensor) => tf.sum(tf.mul(grad(t), e)))(th);
    });
    const values = row.dataSync();
    for (let j = 0; j < P; j++) H.data[i * P + j] = values[j];
    row.dispose();
  }
  th.dispose();
  X.dispose();
  Y?.dispose();
  T?.dispose();
  for (let i = 0; i < P; i++) for (let j = i + 1; j < P; j++) H.data[i * P + j] = H.data[j * P + i] = 0.5 * (H.data[i * P + j] + H.data[j * P + i]);
  return H;
}

const CASES: Array<[MlpActivation, MlpLoss]> = [
  ['tanh', 'cross-entropy'],
  ['relu', 'cross-entropy'],
  ['identity', 'cross-entropy'],
  ['tanh', 'half-squared-error'],
];

describe('MLP · tfjs float32 Hessian agrees with the float64 engine (custom-gradient softmax)', () => {
  for (const [activation, loss] of CASES) {
    it(`${activation} × ${loss}`, async () => {
      const { tf } = await loadTf();
      const { p, theta } = smallCase(activation, loss, { d: 2, hidden: [3], k: 3, N: 6, seed: 31 });
      const H = p.hessian(theta);
      const kappa = (frobenius(p.gaussNewton(theta)) + frobenius(p.residualTerm(theta))) / frobenius(H);
      const K = p.N * (p.spec.inputDim + p.spec.hidden.reduce((s, h) => s + h, 0) + p.spec.outputs);
      const tol = float32RelativeTolerance(K, kappa);
      const err = relFrob(tfMlpHessian(tf, p, theta, false), H);
      expect(tol).toBeLessThan(1e-3);
      expect(err, `relative Frobenius error ${err.toExponential(2)} vs tolerance ${tol.toExponential(2)}`).toBeLessThanOrEqual(tol);
      if (loss === 'cross-entropy') {
        // Power: tfjs's own logSumExp drops the −ppᵀ/diag(p) curvature paths and is rejected.
        const naive = relFrob(tfMlpHessian(tf, p, theta, true), H);
        expect(naive, `naive logSumExp error ${naive.toExponential(2)} should exceed ${tol.toExponential(2)}`).toBeGreaterThan(10 * tol);
      }
    });
  }
});
