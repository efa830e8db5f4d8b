/** Every bad input to the MLP engine throws an MlpInputError naming the function, the field and the fix. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/configError.js';
import { buildMlpProblem, MlpInputError, type MlpData, type MlpSpec } from '../../src/nets/mlp/index.js';

const spec: MlpSpec = { inputDim: 2, hidden: [3], outputs: 3, activation: 'tanh', loss: 'cross-entropy' };
const X = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 3, 4) };
const data: MlpData = { X, labels: Int32Array.of(0, 2) };
const mse: MlpSpec = { ...spec, loss: 'mse' };

function expectError(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a throw matching ${message}`).toBeInstanceOf(MlpInputError);
  expect(caught).toBeInstanceOf(ConfigError);
  expect((caught as Error).message).toMatch(message);
  // Every message carries a fix after the semicolon.
  expect((caught as Error).message).toMatch(/; \S/);
}

describe('MLP · buildMlpProblem rejects bad specs', () => {
  const cases: Array<[string, MlpSpec, RegExp]> = [
    ['inputDim 0', { ...spec, inputDim: 0 }, /^buildMlpProblem: spec\.inputDim must be a positive integer, got 0; set it to the number of columns/],
    ['inputDim 2.5', { ...spec, inputDim: 2.5 }, /spec\.inputDim must be a positive integer, got 2\.5/],
    ['outputs 0', { ...spec, outputs: 0 }, /spec\.outputs must be a positive integer, got 0/],
    ['hidden not an array', { ...spec, hidden: 3 as unknown as number[] }, /spec\.hidden must be an array of widths, got 3; pass e\.g\. \[20, 20\]/],
    ['hidden width 0', { ...spec, hidden: [3, 0] }, /spec\.hidden\[1\] must be a positive integer, got 0; give every hidden layer at least one unit/],
    ['hidden width −2', { ...spec, hidden: [-2] }, /spec\.hidden\[0\] must be a positive integer, got -2/],
    ['unknown activation', { ...spec, activation: 'swish' as MlpSpec['activation'] }, /spec\.activation must be one of relu, tanh, identity, sigmoid, softplus, gelu, elu, leaky-relu, erf, got "swish"/],
    ['unknown loss', { ...spec, loss: 'hinge' as MlpSpec['loss'] }, /spec\.loss must be one of cross-entropy, mse, half-squared-error, softmax-cross-entropy, got "hinge"; choose 'cross-entropy' \(nn\.CrossEntropyLoss\)/],
    ['unknown reduction', { ...spec, reduction: 'none' as MlpSpec['reduction'] }, /spec\.reduction must be 'mean' or 'sum', got "none"; use PyTorch's reduction/],
    ['bias not boolean', { ...spec, bias: 0 as unknown as boolean }, /spec\.bias must be true or false, got 0; set it to false only when every nn\.Linear was built with bias=False/],
    ['softmax with one output', { ...spec, outputs: 1 }, /spec\.outputs must be ≥ 2 for cross-entropy, got 1; use k ≥ 2 classes/],
  ];
  for (const [name, s, re] of cases) it(name, () => expectError(() => buildMlpProblem(s, { X, labels: Int32Array.of(0, 0) }), re));
});

describe('MLP · buildMlpProblem rejects bad data', () => {
  const cases: Array<[string, MlpSpec, MlpData, RegExp]> = [
    ['X not a matrix', spec, { X: [[1, 2]] as unknown as MlpData['X'], labels: Int32Array.of(0) }, /data\.X must be a Matrix/],
    ['X without rows', spec, { X: { rows: 0, cols: 2, data: new Float64Array(0) }, labels: new Int32Array(0) }, /data\.X has no rows \(N = 0\); give at least one sample/],
    ['X columns ≠ inputDim', { ...spec, inputDim: 3 }, data, /data\.X has 2 columns but spec\.inputDim = 3; make spec\.inputDim equal/],
    ['X data length', spec, { X: { rows: 2, cols: 2, data: new Float64Array(3) }, labels: Int32Array.of(0, 1) }, /data\.X\.data has 3 entries, expected rows·cols = 4/],
    ['X not finite', spec, { X: { rows: 2, cols: 2, data: Float64Array.of(1, 2, NaN, 4) }, labels: Int32Array.of(0, 1) }, /data\.X\[1\]\[0\] is not finite \(NaN\); remove or impute/],
    ['labels not Int32Array', spec, { X, labels: [0, 1] as unknown as Int32Array }, /data\.labels must be an Int32Array; wrap the labels/],
    ['labels length', spec, { X, labels: Int32Array.of(0) }, /data\.labels has 1 entries but data\.X has N = 2 rows/],
    ['label ≥ k', spec, { X, labels: Int32Array.of(0, 3) }, /data\.labels\[1\] = 3 is outside 0\.\.2 \(spec\.outputs = 3\); use class indices/],
    ['label < 0', spec, { X, labels: Int32Array.of(-1, 0) }, /data\.labels\[0\] = -1 is outside 0\.\.2/],
    ['softmax without labels', spec, { X }, /data\.labels is required for cross-entropy; pass class indices/],
    ['softmax with targets', spec, { X, labels: Int32Array.of(0, 1), targets: { rows: 2, cols: 3, data: new Float64Array(6) } }, /data\.targets is not used by cross-entropy \(integer labels only\)/],
    ['MSE without targets or labels', mse, { X }, /data\.targets is required for mse when data\.labels is absent/],
    ['targets shape', mse, { X, targets: { rows: 2, cols: 2, data: new Float64Array(4) } }, /data\.targets is 2×2, expected N×k = 2×3; give one row of k targets/],
    ['targets not finite', mse, { X, targets: { rows: 2, cols: 3, data: Float64Array.of(0, 0, 0, 0, Infinity, 0) } }, /data\.targets\[1\]\[1\] is not finite \(Infinity\)/],
  ];
  for (const [name, s, d, re] of cases) it(name, () => expectError(() => buildMlpProblem(s, d), re));
});

describe('MLP · problem methods reject bad arguments', () => {
  const p = buildMlpProblem(spec, data);
  const theta = new Float64Array(p.P);
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['θ length', () => p.loss(new Float64Array(3)), /^MlpProblem\.loss: theta has 3 entries, expected P = 21; pass a vector laid out as problem\.layout says/],
    ['θ not Float64Array', () => p.gradient([0] as unknown as Float64Array), /MlpProblem\.gradient: theta must be a Float64Array/],
    ['θ not finite', () => p.gradient(Float64Array.from(theta, (_, i) => (i === 4 ? NaN : 0))), /MlpProblem\.gradient: theta\[4\] is not finite \(NaN\); the parameters diverged/],
    ['v length', () => p.hessianVector(theta, new Float64Array(2)), /MlpProblem\.hessianVector: v has 2 entries, expected P = 21/],
    ['v not finite', () => p.hessianVector(theta, Float64Array.from(theta, (_, i) => (i === 0 ? Infinity : 0))), /MlpProblem\.hessianVector: v\[0\] is not finite/],
    ['empty batch', () => p.loss(theta, new Int32Array(0)), /MlpProblem\.loss: batch is empty; pass at least one sample index, or omit it/],
    ['batch index out of range', () => p.gradient(theta, Int32Array.of(0, 2)), /MlpProblem\.gradient: batch\[1\] = 2 is outside 0\.\.1; index rows of data\.X/],
    ['batch not Int32Array', () => p.loss(theta, [0] as unknown as Int32Array), /MlpProblem\.loss: batch must be an Int32Array of sample indices or undefined/],
    ['Jacobian sample index', () => p.outputJacobian(theta, 2), /MlpProblem\.outputJacobian: n must be an integer in 0\.\.1, got 2/],
    ['dense θ length', () => p.hessian(new Float64Array(1)), /MlpProblem\.hessian: theta has 1 entries/],
    ['accuracy without labels', () => buildMlpProblem(mse, { X, targets: { rows: 2, cols: 3, data: new Float64Array(6) } }).accuracy(theta), /MlpProblem\.accuracy: data\.labels are absent: accuracy needs class labels/],
  ];
  for (const [name, fn, re] of cases) it(name, () => expectError(fn, re));
  it('loss at a non-finite θ is non-finite, not an error (training loops detect divergence from it)', () => {
    for (const activation of ['relu', 'tanh', 'identity'] as const) {
      const q = buildMlpProblem({ ...spec, activation }, data);
      const bad = Float64Array.from({ length: q.P }, (_, i) => (i === q.P - 1 ? NaN : 0.1));
      expect(Number.isNaN(q.loss(bad))).toBe(true);
      // ReLU keeps NaN visible: a NaN pre-activation is not clipped to 0.
      const hiddenNaN = Float64Array.from({ length: q.P }, (_, i) => (i === 0 ? NaN : 0.1));
      expect(Number.isNaN(q.loss(hiddenNaN))).toBe(true);
    }
  });
});
