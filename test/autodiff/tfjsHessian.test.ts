/**
 * tfjsHessian (float32 TensorFlow.js, reverse-over-reverse) against the project's
 * float64 engine at the same point (cases and rounding scales in reference64.ts):
 *   - central finite differences of the engine's analytic gradient
 *     (finiteDifferenceHessian), checked against the closed form (fullHessian);
 *   - the closed-form Hessian itself.
 * Tolerances are float32RelativeTolerance(K, κ) = 16·√K·u·κ, u = 2⁻²⁴, K = accumulation
 * length, κ = cancellation ratio (src/autodiff/float32Tolerance.ts).
 * The route is a cross-check; these tests pin its accuracy and prove that the
 * custom-gradient activations are what make it right (the naive-op trap).
 */
import { describe, expect, it } from 'vitest';
import { loadTf, tfjsHessian, type AutodiffProblem, type TfjsHessianResult } from '../../src/autodiff/index.js';
import { FLOAT32_UNIT_ROUNDOFF, float32RelativeTolerance, termsPerEntry } from '../../src/autodiff/float32Tolerance.js';
import { finiteDifferenceHessian } from '../../src/hessian/finiteDifferenceHessian.js';
import { gradient, loss } from '../../src/hessian/problem.js';
import { add, frobenius, matmul, transpose, type Matrix } from '../../src/linalg/matrix.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import { Rng } from '../../src/rng/rng.js';
import {
  accumulationLength,
  atOptimum,
  closedForm,
  deepLinearCase,
  droppedCurvature,
  gradientScales,
  relFrob,
  twoLayerCase,
  type Case,
  type TwoLayerInput,
} from './reference64.js';

const Ni = 4;
const Nh = 5;
const N = 30;
const K2 = termsPerEntry(N, Ni, [Nh]);

/** Student ≠ teacher: targets from an independent teacher, so residuals are O(1). */
function offOptimum(activation: ActivationSpec, seed: number): Case<TwoLayerInput> {
  return twoLayerCase(Rng.fromSeed(seed), activation, { Ni, Nh, N });
}

function minAbsPreactivation(p: TwoLayerInput): number {
  return matmul(p.X, transpose(p.W)).data.reduce((m, z) => Math.min(m, Math.abs(z)), Infinity);
}

/**
 * tfjs's Hessian, gradient and loss at a case's point against the engine there:
 * finite differences agree with the closed form to `fdAgreement`; the tfjs Hessian is
 * within the float32 tolerance (itself < 1e-3) of finite differences; gradient entries
 * and loss within 16·√K·u of their Σ|terms|; the Hessian exactly symmetric.
 */
function expectMatchesFloat64(c: Case, res: TfjsHessianResult, fdAgreement: number): void {
  const P = c.problem.model.P;
  expect(res.hessian.rows).toBe(P);
  const ref = finiteDifferenceHessian(c.problem, c.theta).hessian;
  const { H, tol } = closedForm(c);
  expect(relFrob(ref, H)).toBeLessThan(fdAgreement); // the two float64 references agree
  expect(tol).toBeLessThan(1e-3);
  expect(relFrob(res.hessian, ref)).toBeLessThan(tol);
  const g = gradient(c.problem, c.theta);
  const scales = gradientScales(c);
  const gtol = float32RelativeTolerance(accumulationLength(c), 1);
  for (let i = 0; i < P; i++) expect(Math.abs(res.gradient[i] - g[i])).toBeLessThanOrEqual(gtol * scales.gradient[i]);
  expect(Math.abs(res.loss - loss(c.problem, c.theta))).toBeLessThanOrEqual(gtol * scales.loss);
  for (let i = 0; i < P; i++) for (let j = 0; j < i; j++) expect(res.hessian.data[i * P + j]).toBe(res.hessian.data[j * P + i]);
}

const ACTIVATIONS: ActivationSpec[] = ['identity', 'linear', 'tanh', 'sigmoid', 'erf', 'softplus', 'relu', 'z^2', 'z^3', 'z^4', 'z^5', 'z^6', { polynomial: [0.1, 1, -0.5, 0.2] }];
const label = (s: ActivationSpec) => (typeof s === 'string' ? s : `poly[${s.polynomial.join(',')}]`);

describe('tfjsHessian — deep-linear vs float64 finite differences and closed form', () => {
  it.each([
    { widths: [3, 1], seed: 11 },
    { widths: [4, 3, 1], seed: 12 },
    { widths: [5, 4, 3, 2, 1], seed: 13 },
  ])('layers $widths', async ({ widths, seed }) => {
    const c = deepLinearCase(Rng.fromSeed(seed), [4, ...widths], 15);
    // Deep-linear ∇L is (at most) quadratic along any one coordinate, so central
    // differences of it are exact up to float64 round-off.
    expectMatchesFloat64(c, await tfjsHessian(c.input), 1e-9);
  });
});

describe('tfjsHessian — two-layer, every activation, OFF the optimum', () => {
  it.each(ACTIVATIONS.map((a, i) => ({ act: a, name: label(a), seed: 100 + i })))('$name', async ({ act, seed }) => {
    const c = offOptimum(act, seed);
    if (act === 'relu') expect(minAbsPreactivation(c.input)).toBeGreaterThan(1e-3); // FD never straddles a kink
    expectMatchesFloat64(c, await tfjsHessian(c.input), 1e-8);
  });
});

describe('THE TRAP: raw tfjs tanh/sigmoid drop the activation curvature', () => {
  // Measured (wasm and cpu alike): naive tanh/sigmoid Hessians equal H − T, where
  // T = (1/N) Σ r_n a_j g''(z) x xᵀ is exactly the residual-weighted curvature
  // term; erf/softplus/relu are right at second order even with the raw ops.
  it.each([
    { act: 'tanh' as const, seed: 102 },
    { act: 'sigmoid' as const, seed: 103 },
  ])('$act: naive is wrong off the optimum by exactly the curvature term; custom is right', async ({ act, seed }) => {
    const c = offOptimum(act, seed);
    const { H, tol } = closedForm(c);
    const T = droppedCurvature(c);
    const naive = await tfjsHessian(c.input, { naiveActivations: true });
    const custom = await tfjsHessian(c.input);
    const naiveErr = relFrob(naive.hessian, H);
    expect(naiveErr).toBeGreaterThan(1e-2); // clearly above any float32 tolerance…
    expect(naiveErr).toBeGreaterThan(100 * tol);
    expect(Math.abs(naiveErr - frobenius(T) / frobenius(H))).toBeLessThan(tol); // …and it is exactly ‖T‖/‖H‖
    expect(relFrob(naive.hessian, add(H, T, -1))).toBeLessThan(tol);
    expect(relFrob(custom.hessian, H)).toBeLessThan(tol);
    // the gradient is NOT affected (first order is fine) — only the Hessian is
    expect(relFrob(naive.gradient, custom.gradient)).toBeLessThan(1e-5);
  });

  it.each([
    { act: 'tanh' as const, seed: 102 },
    { act: 'sigmoid' as const, seed: 103 },
    { act: 'erf' as const, seed: 104 },
    { act: 'softplus' as const, seed: 105 },
    { act: 'relu' as const, seed: 106 },
  ])('$act at the optimum (all residuals 0): naive and custom agree with the float64 Hessian', async ({ act, seed }) => {
    const c = atOptimum(offOptimum(act, seed));
    const { H, tol } = closedForm(c);
    const naive = await tfjsHessian(c.input, { naiveActivations: true });
    const custom = await tfjsHessian(c.input);
    expect(relFrob(naive.hessian, H)).toBeLessThan(tol);
    expect(relFrob(custom.hessian, H)).toBeLessThan(tol);
    expect(relFrob(naive.hessian, custom.hessian)).toBeLessThan(tol);
    expect(Math.abs(custom.loss)).toBeLessThan(1e-10);
  });

  it.each([
    { act: 'erf' as const, seed: 104 },
    { act: 'softplus' as const, seed: 105 },
    { act: 'relu' as const, seed: 106 },
  ])('$act: the raw op happens to be right at SECOND order (documented, measured)', async ({ act, seed }) => {
    const c = offOptimum(act, seed);
    const { H, tol } = closedForm(c);
    const naive = await tfjsHessian(c.input, { naiveActivations: true });
    expect(relFrob(naive.hessian, H)).toBeLessThan(tol);
  });
});

describe('tfjsHessian — batching, size, hygiene', () => {
  it('row batching does not change the result; P≈300 matches the closed form; no tensor leaks', async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    const small = offOptimum('tanh', 200);
    const full = await tfjsHessian(small.input);
    const chunked = await tfjsHessian(small.input, { maxRowsPerBatch: 7 }); // 25 rows → 7,7,7,4
    const { H, tol } = closedForm(small);
    expect(relFrob(chunked.hessian, full.hessian)).toBeLessThan(tol);
    expect(relFrob(chunked.hessian, H)).toBeLessThan(tol);

    // P = 30·(9+1) = 300, N = 100
    const big = twoLayerCase(Rng.fromSeed(201), 'tanh', { Ni: 9, Nh: 30, N: 100, aScale: 1 / Math.sqrt(30) });
    const res = await tfjsHessian(big.input);
    expect(res.hessian.rows).toBe(300);
    expect(accumulationLength(big)).toBe(100 * 39);
    const ref = closedForm(big);
    expect(relFrob(res.hessian, ref.H)).toBeLessThan(ref.tol);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(res.backend);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('float32 caveat is real but small: error is near u·κ, not zero', async () => {
    const c = offOptimum('tanh', 300);
    const res = await tfjsHessian(c.input);
    const err = relFrob(res.hessian, closedForm(c).H);
    expect(err).toBeGreaterThan(0);
    expect(err).toBeLessThan(100 * FLOAT32_UNIT_ROUNDOFF * Math.sqrt(K2));
  });
});

describe('tfjsHessian — bad input gives a clear Error naming the field', () => {
  const good = offOptimum('tanh', 400).input;
  const deep = deepLinearCase(Rng.fromSeed(401), [4, 3, 2, 1], 6).input;
  const m = (rows: number, cols: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols) });
  const cases: Array<[string, unknown, RegExp]> = [
    ['W.cols ≠ X.cols', { ...good, W: m(Nh, Ni + 1) }, /W\.cols/],
    ['a length ≠ W.rows', { ...good, a: new Float64Array(Nh + 1) }, /\ba\b.*length/],
    ['targets length ≠ N', { ...good, targets: new Float64Array(N - 1) }, /targets/],
    ['X.data length ≠ rows·cols', { ...good, X: { rows: N, cols: Ni, data: new Float64Array(N * Ni - 1) } }, /X\.data/],
    ['X not a Matrix', { ...good, X: [[1, 2]] }, /\bX\b/],
    ['non-finite entry', { ...good, a: Float64Array.from({ length: Nh }, (_, i) => (i === 2 ? NaN : 1)) }, /a\[2\]/],
    ['unknown activation', { ...good, activation: 'gelu' }, /activation/],
    ['bad monomial', { ...good, activation: 'z^x' }, /activation/],
    ['bad polynomial coefficient', { ...good, activation: { polynomial: [1, Infinity] } }, /activation\.polynomial\[1\]/],
    ['unknown family', { ...good, family: 'three-layer' }, /family/],
    ['deep-linear chain mismatch', { ...deep, layers: [deep.layers[0], m(2, 4), deep.layers[2]] }, /layers\[1\]\.cols/],
    ['deep-linear first layer ≠ Ni', { ...deep, layers: [m(3, 5), deep.layers[1], deep.layers[2]] }, /layers\[0\]\.cols/],
    ['deep-linear output not scalar', { ...deep, layers: [deep.layers[0], deep.layers[1], m(2, 2)] }, /layers\[2\]\.rows/],
    ['deep-linear no layers', { ...deep, layers: [] }, /layers/],
  ];
  it.each(cases)('%s', async (_name, problem, re) => {
    await expect(tfjsHessian(problem as AutodiffProblem)).rejects.toThrow(re);
  });
  it('float32 overflow is an Error, not a silent NaN', async () => {
    const huge = { ...good, activation: 'z^6' as const, W: { rows: Nh, cols: Ni, data: good.W.data.map((v) => v * 1e8) } };
    await expect(tfjsHessian(huge)).rejects.toThrow(/non-finite/);
  });
  it('bad maxRowsPerBatch', async () => {
    await expect(tfjsHessian(good, { maxRowsPerBatch: 0 })).rejects.toThrow(/maxRowsPerBatch/);
  });
});
