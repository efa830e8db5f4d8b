/**
 * tfjsHessian (float32 TensorFlow.js, reverse-over-reverse) against float64
 * references written in plain TypeScript in reference64.ts:
 *   - central finite differences of the analytic float64 gradient (h = 1e-5,
 *     reference error ≲ 1e-9 relative — checked against closed forms below);
 *   - closed-form Hessians (two-layer, two-layer deep-linear).
 * Tolerances come from f32Tolerance(K, κ) (derivation in reference64.ts):
 * ≈ 16·√K·u·κ, u = 2⁻²⁴, K = accumulation length, κ = cancellation ratio.
 * The route is a cross-check; these tests pin its accuracy and prove that the
 * custom-gradient activations are what make it right (the naive-op trap).
 */
import { describe, expect, it } from 'vitest';
import { loadTf, tfjsHessian, type AutodiffProblem } from '../../src/autodiff/index.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import {
  U32,
  deepLinear2Hessian64,
  deepLinearAbsProblem,
  f32Tolerance,
  fdHessian64,
  frob,
  gaussian,
  lossGrad64,
  outputs64,
  randMatrix,
  randVector,
  relFrob,
  subtract,
  twoLayerCurvatureTerm64,
  twoLayerGradAbs64,
  twoLayerHessian64,
  twoLayerResidualScale64,
} from './reference64.js';

type TwoLayer = Extract<AutodiffProblem, { family: 'two-layer' }>;
type DeepLinear = Extract<AutodiffProblem, { family: 'deep-linear' }>;

const Ni = 4;
const Nh = 5;
const N = 30;
const K2 = N * (Ni + Nh);

/** Student ≠ teacher: targets from an independent teacher, so residuals are O(1). */
function offOptimum(activation: ActivationSpec, seed: number): TwoLayer {
  const rnd = gaussian(seed);
  const X = randMatrix(N, Ni, rnd);
  const teacher: TwoLayer = {
    family: 'two-layer',
    activation,
    W: randMatrix(Nh, Ni, rnd, 1 / Math.sqrt(Ni)),
    a: randVector(Nh, rnd),
    X,
    targets: new Float64Array(N),
  };
  return { family: 'two-layer', activation, W: randMatrix(Nh, Ni, rnd, 1 / Math.sqrt(Ni)), a: randVector(Nh, rnd), X, targets: outputs64(teacher) };
}

/** Same parameters, targets = the model's own outputs: every residual is 0. */
function atOptimum(p: TwoLayer): TwoLayer {
  return { ...p, targets: outputs64(p) };
}

function kappa(H: Matrix, Habs: Matrix): number {
  return frob(Habs) / frob(H);
}

function minAbsPreactivation(p: TwoLayer): number {
  let m = Infinity;
  for (let n = 0; n < p.X.rows; n++)
    for (let j = 0; j < p.W.rows; j++) {
      let z = 0;
      for (let k = 0; k < p.X.cols; k++) z += p.W.data[j * p.X.cols + k] * p.X.data[n * p.X.cols + k];
      m = Math.min(m, Math.abs(z));
    }
  return m;
}

function randomDeepLinear(widths: number[], ni: number, n: number, seed: number): DeepLinear {
  const rnd = gaussian(seed);
  let prev = ni;
  const layers = widths.map((w) => {
    const m = randMatrix(w, prev, rnd, 1 / Math.sqrt(prev));
    prev = w;
    return m;
  });
  return { family: 'deep-linear', layers, X: randMatrix(n, ni, rnd), targets: randVector(n, rnd) };
}

const ACTIVATIONS: ActivationSpec[] = ['identity', 'linear', 'tanh', 'sigmoid', 'erf', 'softplus', 'relu', 'z^2', 'z^3', 'z^4', 'z^5', 'z^6', { polynomial: [0.1, 1, -0.5, 0.2] }];
const label = (s: ActivationSpec) => (typeof s === 'string' ? s : `poly[${s.polynomial.join(',')}]`);

describe('tfjsHessian — deep-linear vs float64 finite differences and closed form', () => {
  it.each([
    { widths: [3, 1], seed: 11 },
    { widths: [4, 3, 1], seed: 12 },
    { widths: [5, 4, 3, 2, 1], seed: 13 },
  ])('layers $widths', async ({ widths, seed }) => {
    const ni = 4;
    const n = 15;
    const p = randomDeepLinear(widths, ni, n, seed);
    const res = await tfjsHessian(p);
    const P = res.hessian.rows;
    expect(P).toBe(widths.reduce((s, w, l) => s + w * (l === 0 ? ni : widths[l - 1]), 0));
    // Deep-linear ∇L is (at most) quadratic along any one coordinate, so central
    // differences of it are exact up to float64 round-off.
    const ref = fdHessian64(p);
    if (widths.length === 2) expect(relFrob(ref, deepLinear2Hessian64(p))).toBeLessThan(1e-9);
    const abs = deepLinearAbsProblem(p);
    const K = n * (ni + widths.reduce((s, w) => s + w, 0));
    const tol = f32Tolerance(K, frob(fdHessian64(abs)) / frob(ref));
    expect(tol).toBeLessThan(1e-3);
    expect(relFrob(res.hessian, ref)).toBeLessThan(tol);
    // gradient entrywise and loss against the float64 analytic ones
    const lg = lossGrad64(p);
    const gAbs = lossGrad64(abs).grad;
    const gtol = f32Tolerance(K, 1);
    for (let i = 0; i < P; i++) expect(Math.abs(res.gradient[i] - lg.grad[i])).toBeLessThanOrEqual(gtol * gAbs[i]);
    expect(Math.abs(res.loss - lg.loss)).toBeLessThanOrEqual(gtol * lossGrad64(abs).loss * 2);
    // symmetric by construction
    for (let i = 0; i < P; i++) for (let j = 0; j < i; j++) expect(res.hessian.data[i * P + j]).toBe(res.hessian.data[j * P + i]);
  });
});

describe('tfjsHessian — two-layer, every activation, OFF the optimum', () => {
  it.each(ACTIVATIONS.map((a, i) => ({ act: a, name: label(a), seed: 100 + i })))('$name', async ({ act, seed }) => {
    const p = offOptimum(act, seed);
    if (act === 'relu') expect(minAbsPreactivation(p)).toBeGreaterThan(1e-3); // FD never straddles a kink
    const ref = fdHessian64(p);
    const { H, Habs } = twoLayerHessian64(p);
    expect(relFrob(ref, H)).toBeLessThan(1e-8); // the two float64 references agree
    const tol = f32Tolerance(K2, kappa(H, Habs));
    expect(tol).toBeLessThan(1e-3);
    const res = await tfjsHessian(p);
    expect(res.hessian.rows).toBe(Nh * Ni + Nh);
    expect(relFrob(res.hessian, ref)).toBeLessThan(tol);

    const lg = lossGrad64(p);
    const gAbs = twoLayerGradAbs64(p);
    const gtol = f32Tolerance(K2, 1);
    for (let i = 0; i < lg.grad.length; i++) expect(Math.abs(res.gradient[i] - lg.grad[i])).toBeLessThanOrEqual(gtol * gAbs[i]);
    const rho = twoLayerResidualScale64(p);
    const lossScale = lg.residuals.reduce((s, r, n) => s + Math.abs(r) * rho[n], 0) / N;
    expect(Math.abs(res.loss - lg.loss)).toBeLessThanOrEqual(gtol * lossScale);
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
    const p = offOptimum(act, seed);
    const { H, Habs } = twoLayerHessian64(p);
    const tol = f32Tolerance(K2, kappa(H, Habs));
    const T = twoLayerCurvatureTerm64(p);
    const naive = await tfjsHessian(p, { naiveActivations: true });
    const custom = await tfjsHessian(p);
    const naiveErr = relFrob(naive.hessian, H);
    expect(naiveErr).toBeGreaterThan(1e-2); // clearly above any float32 tolerance…
    expect(naiveErr).toBeGreaterThan(100 * tol);
    expect(Math.abs(naiveErr - frob(T) / frob(H))).toBeLessThan(tol); // …and it is exactly ‖T‖/‖H‖
    expect(relFrob(naive.hessian, subtract(H, T))).toBeLessThan(tol);
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
    const p = atOptimum(offOptimum(act, seed));
    const { H, Habs } = twoLayerHessian64(p);
    const tol = f32Tolerance(K2, kappa(H, Habs));
    const naive = await tfjsHessian(p, { naiveActivations: true });
    const custom = await tfjsHessian(p);
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
    const p = offOptimum(act, seed);
    const { H, Habs } = twoLayerHessian64(p);
    const naive = await tfjsHessian(p, { naiveActivations: true });
    expect(relFrob(naive.hessian, H)).toBeLessThan(f32Tolerance(K2, kappa(H, Habs)));
  });
});

describe('tfjsHessian — batching, size, hygiene', () => {
  it('row batching does not change the result; P≈300 matches the closed form; no tensor leaks', async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    const small = offOptimum('tanh', 200);
    const full = await tfjsHessian(small);
    const chunked = await tfjsHessian(small, { maxRowsPerBatch: 7 }); // 25 rows → 7,7,7,4
    const { H, Habs } = twoLayerHessian64(small);
    const tol = f32Tolerance(K2, kappa(H, Habs));
    expect(relFrob(chunked.hessian, full.hessian)).toBeLessThan(tol);
    expect(relFrob(chunked.hessian, H)).toBeLessThan(tol);

    // P = 30·(9+1) = 300, N = 100
    const rnd = gaussian(201);
    const big: TwoLayer = {
      family: 'two-layer',
      activation: 'tanh',
      W: randMatrix(30, 9, rnd, 1 / 3),
      a: randVector(30, rnd, 1 / Math.sqrt(30)),
      X: randMatrix(100, 9, rnd),
      targets: randVector(100, rnd),
    };
    const res = await tfjsHessian(big);
    expect(res.hessian.rows).toBe(300);
    const ref = twoLayerHessian64(big);
    const tolBig = f32Tolerance(100 * 39, kappa(ref.H, ref.Habs));
    expect(relFrob(res.hessian, ref.H)).toBeLessThan(tolBig);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(res.backend);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('float32 caveat is real but small: error is near u·κ, not zero', async () => {
    const p = offOptimum('tanh', 300);
    const res = await tfjsHessian(p);
    const { H } = twoLayerHessian64(p);
    const err = relFrob(res.hessian, H);
    expect(err).toBeGreaterThan(0);
    expect(err).toBeLessThan(100 * U32 * Math.sqrt(K2));
  });
});

describe('tfjsHessian — bad input gives a clear Error naming the field', () => {
  const good = offOptimum('tanh', 400);
  const deep = randomDeepLinear([3, 2, 1], 4, 6, 401);
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
