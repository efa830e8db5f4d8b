/**
 * Argument checks of the MLP engine's public API (see mlpInputError.ts for the policy).
 * Spec and data are checked once in buildMlpProblem; θ, v and batches on every call
 * (O(P) and O(B): negligible next to the O(N·P) passes they guard).
 */
import type { Matrix } from '../../linalg/matrix.js';
import { MLP_ACTIVATIONS } from './hiddenActivation.js';
import { canonicalLoss, MLP_LOSSES, MLP_REDUCTIONS } from './lossConvention.js';
import { MlpInputError } from './mlpInputError.js';
import type { MlpData, MlpSpec } from './types.js';

const BUILD = 'buildMlpProblem';

function positiveInteger(fn: string, field: string, v: unknown, fix: string): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
    throw new MlpInputError(fn, field, `must be a positive integer, got ${JSON.stringify(v)}`, fix);
  }
}

export function validateSpec(spec: MlpSpec, fn = BUILD): void {
  if (spec === null || typeof spec !== 'object') throw new MlpInputError(fn, 'spec', `must be an object, got ${JSON.stringify(spec)}`, 'pass { inputDim, hidden, outputs, activation, loss, reduction?, bias? }');
  positiveInteger(fn, 'spec.inputDim', spec.inputDim, 'set it to the number of columns of data.X');
  positiveInteger(fn, 'spec.outputs', spec.outputs, 'set it to the number of classes k (cross-entropy) or output dimensions (squared error)');
  if (!Array.isArray(spec.hidden)) throw new MlpInputError(fn, 'spec.hidden', `must be an array of widths, got ${JSON.stringify(spec.hidden)}`, 'pass e.g. [20, 20], or [] for a linear/logistic model');
  spec.hidden.forEach((h, i) => positiveInteger(fn, `spec.hidden[${i}]`, h, 'give every hidden layer at least one unit (or drop the layer; [] is a linear/logistic model)'));
  if (!MLP_ACTIVATIONS.includes(spec.activation)) {
    throw new MlpInputError(fn, 'spec.activation', `must be one of ${MLP_ACTIVATIONS.join(', ')}, got ${JSON.stringify(spec.activation)}`, 'choose a supported hidden activation');
  }
  if (!MLP_LOSSES.includes(spec.loss)) {
    throw new MlpInputError(fn, 'spec.loss', `must be one of ${MLP_LOSSES.join(', ')}, got ${JSON.stringify(spec.loss)}`, "choose 'cross-entropy' (nn.CrossEntropyLoss), 'mse' (nn.MSELoss) or 'half-squared-error' (½Σ(f − t)², the papers' loss)");
  }
  if (spec.reduction !== undefined && !MLP_REDUCTIONS.includes(spec.reduction)) {
    throw new MlpInputError(fn, 'spec.reduction', `must be 'mean' or 'sum', got ${JSON.stringify(spec.reduction)}`, "use PyTorch's reduction of the trained loss (default 'mean')");
  }
  if (spec.bias !== undefined && typeof spec.bias !== 'boolean') {
    throw new MlpInputError(fn, 'spec.bias', `must be true or false, got ${JSON.stringify(spec.bias)}`, 'set it to false only when every nn.Linear was built with bias=False');
  }
  if (canonicalLoss(spec.loss) === 'cross-entropy' && spec.outputs < 2) {
    throw new MlpInputError(fn, 'spec.outputs', `must be ≥ 2 for cross-entropy, got ${spec.outputs}`, 'use k ≥ 2 classes (k = 2 is logistic regression)');
  }
}

function isMatrix(m: unknown): m is Matrix {
  const x = m as Matrix;
  return x !== null && typeof x === 'object' && Number.isSafeInteger(x.rows) && Number.isSafeInteger(x.cols) && x.data instanceof Float64Array;
}

function allFinite(fn: string, field: string, data: Float64Array, cols: number, fix: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const where = cols > 0 ? `[${Math.floor(i / cols)}][${i % cols}]` : `[${i}]`;
      throw new MlpInputError(fn, `${field}${where}`, `is not finite (${data[i]})`, fix);
    }
  }
}

export function validateData(spec: MlpSpec, data: MlpData, fn = BUILD): void {
  if (data === null || typeof data !== 'object') throw new MlpInputError(fn, 'data', `must be an object, got ${JSON.stringify(data)}`, 'pass { X, labels } or { X, targets }');
  const X = data.X;
  if (!isMatrix(X)) throw new MlpInputError(fn, 'data.X', 'must be a Matrix { rows, cols, data: Float64Array }', 'build it with zeros/fromRows from src/linalg/matrix.ts');
  if (X.rows < 1) throw new MlpInputError(fn, 'data.X', 'has no rows (N = 0)', 'give at least one sample');
  if (X.cols !== spec.inputDim) throw new MlpInputError(fn, 'data.X', `has ${X.cols} columns but spec.inputDim = ${spec.inputDim}`, 'make spec.inputDim equal the number of input features');
  if (X.data.length !== X.rows * X.cols) throw new MlpInputError(fn, 'data.X.data', `has ${X.data.length} entries, expected rows·cols = ${X.rows * X.cols}`, 'fix the matrix shape');
  allFinite(fn, 'data.X', X.data, X.cols, 'remove or impute non-finite inputs');
  const N = X.rows;
  const k = spec.outputs;
  if (data.labels !== undefined) {
    if (!(data.labels instanceof Int32Array)) throw new MlpInputError(fn, 'data.labels', 'must be an Int32Array', 'wrap the labels with Int32Array.from(...)');
    if (data.labels.length !== N) throw new MlpInputError(fn, 'data.labels', `has ${data.labels.length} entries but data.X has N = ${N} rows`, 'give one label per sample');
    for (let n = 0; n < N; n++) {
      const y = data.labels[n];
      if (y < 0 || y >= k) throw new MlpInputError(fn, `data.labels[${n}]`, `= ${y} is outside 0..${k - 1} (spec.outputs = ${k})`, 'use class indices 0..k−1 or raise spec.outputs');
    }
  }
  if (data.targets !== undefined) {
    const T = data.targets;
    if (!isMatrix(T)) throw new MlpInputError(fn, 'data.targets', 'must be a Matrix { rows, cols, data: Float64Array }', 'build it with zeros/fromRows from src/linalg/matrix.ts');
    if (T.rows !== N || T.cols !== k) throw new MlpInputError(fn, 'data.targets', `is ${T.rows}×${T.cols}, expected N×k = ${N}×${k}`, 'give one row of k targets per sample');
    if (T.data.length !== T.rows * T.cols) throw new MlpInputError(fn, 'data.targets.data', `has ${T.data.length} entries, expected rows·cols = ${T.rows * T.cols}`, 'fix the matrix shape');
    allFinite(fn, 'data.targets', T.data, T.cols, 'remove or impute non-finite targets');
  }
  if (canonicalLoss(spec.loss) === 'cross-entropy') {
    if (data.labels === undefined) throw new MlpInputError(fn, 'data.labels', 'is required for cross-entropy', 'pass class indices as an Int32Array of length N');
    if (data.targets !== undefined) throw new MlpInputError(fn, 'data.targets', 'is not used by cross-entropy (integer labels only)', 'drop data.targets (labels define the loss) or use loss: "mse"');
  } else if (data.labels === undefined && data.targets === undefined) {
    throw new MlpInputError(fn, 'data.targets', `is required for ${spec.loss} when data.labels is absent`, 'pass an N×k targets matrix, or labels for one-hot targets');
  }
}

/**
 * θ must be a Float64Array of length P; with `finite` (every route but `loss`) every entry
 * must be finite. `loss` accepts a non-finite θ and returns a non-finite value instead, so a
 * training loop detects divergence from the loss as usual.
 */
export function checkTheta(fn: string, theta: Float64Array, P: number, finite = true): void {
  if (!(theta instanceof Float64Array)) throw new MlpInputError(fn, 'theta', 'must be a Float64Array', 'pass the flat parameter vector (see problem.layout)');
  if (theta.length !== P) throw new MlpInputError(fn, 'theta', `has ${theta.length} entries, expected P = ${P}`, 'pass a vector laid out as problem.layout says');
  if (!finite) return;
  for (let i = 0; i < P; i++) if (!Number.isFinite(theta[i])) throw new MlpInputError(fn, `theta[${i}]`, `is not finite (${theta[i]})`, 'the parameters diverged or were not initialised; use initialTheta or a smaller step');
}

export function checkVector(fn: string, v: Float64Array, P: number): void {
  if (!(v instanceof Float64Array)) throw new MlpInputError(fn, 'v', 'must be a Float64Array', 'pass a direction of length P');
  if (v.length !== P) throw new MlpInputError(fn, 'v', `has ${v.length} entries, expected P = ${P}`, 'pass a direction of length P');
  for (let i = 0; i < P; i++) if (!Number.isFinite(v[i])) throw new MlpInputError(fn, `v[${i}]`, `is not finite (${v[i]})`, 'pass a finite direction');
}

/** The sample indices a batch denotes (all samples when undefined), validated. */
export function checkBatch(fn: string, batch: Int32Array | undefined, N: number): void {
  if (batch === undefined) return;
  if (!(batch instanceof Int32Array)) throw new MlpInputError(fn, 'batch', 'must be an Int32Array of sample indices or undefined', 'pass Int32Array.from(indices), or omit it for the full data');
  if (batch.length === 0) throw new MlpInputError(fn, 'batch', 'is empty', 'pass at least one sample index, or omit it for the full data');
  for (let i = 0; i < batch.length; i++) {
    const n = batch[i];
    if (n < 0 || n >= N) throw new MlpInputError(fn, `batch[${i}]`, `= ${n} is outside 0..${N - 1}`, 'index rows of data.X');
  }
}

export function checkSampleIndex(fn: string, n: number, N: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n >= N) throw new MlpInputError(fn, 'n', `must be an integer in 0..${N - 1}, got ${n}`, 'index a row of data.X');
}
