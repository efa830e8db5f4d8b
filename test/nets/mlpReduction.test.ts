/**
 * PyTorch's reductions on every route (src/nets/mlp/lossConvention.ts): 'sum' = D × 'mean'
 * with D = N (cross-entropy, half-squared-error) or N·k (mse), on the full data and on
 * mini-batches (D = B or B·k), for loss, gradient, H·v, GN·v, R·v and the dense H, GN, R.
 *
 * Exactness: with D a power of two, 1/D and every product by it are exact in binary floating
 * point, and the two reductions run the same code on the same blocks, so 'sum' = D·'mean'
 * holds bitwise — a wrong divisor (N instead of N·k, or none) shows as a factor, not as
 * rounding. A non-power-of-two D is checked on the loss within its 2 roundings (2·EPS).
 * Also: nn.MSELoss(mean) with k = 2 equals the half squared error (1/(2N))Σ(f − t)² bitwise,
 * and 'softmax-cross-entropy' is an alias of 'cross-entropy'.
 */
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/matrix.js';
import type { MlpLoss, MlpProblem } from '../../src/nets/mlp/index.js';
import { smallCase } from './mlpSupport.js';

const scaled = (a: Float64Array, s: number) => a.map((x) => x * s);

function routes(p: MlpProblem, theta: Float64Array, v: Float64Array, batch?: Int32Array) {
  return {
    loss: Float64Array.of(p.loss(theta, batch)),
    gradient: p.gradient(theta, batch),
    hv: p.hessianVector(theta, v, batch),
    gnv: p.gaussNewtonVector(theta, v, batch),
    rv: p.residualVector(theta, v, batch),
    ...(batch ? {} : { H: p.hessian(theta).data, GN: p.gaussNewton(theta).data, R: p.residualTerm(theta).data }),
  };
}

describe("MLP · reduction 'sum' = D × 'mean' on every route", () => {
  // (loss, k, N) with D = N or N·k a power of two; N = 32 spans two sample blocks.
  const cases: Array<[MlpLoss, number, number, number]> = [
    ['cross-entropy', 3, 8, 8],
    ['cross-entropy', 2, 32, 32],
    ['mse', 4, 4, 16],
    ['mse', 2, 32, 64],
    ['half-squared-error', 3, 16, 16],
  ];
  for (const [loss, k, N, D] of cases) {
    it(`${loss}, k = ${k}, N = ${N}: D = ${D}, bitwise`, () => {
      const mean = smallCase('tanh', loss, { k, N, seed: 3, hidden: [5, 3] });
      const sum = smallCase('tanh', loss, { k, N, seed: 3, hidden: [5, 3], reduction: 'sum' });
      expect(mean.p.spec.reduction).toBe('mean');
      expect(sum.p.spec.reduction).toBe('sum');
      const v = mean.rng.normals(mean.p.P);
      const a = routes(mean.p, mean.theta, v);
      const b = routes(sum.p, sum.theta, v);
      for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key], key).toEqual(scaled(a[key]!, D));
    });
  }
  it('mini-batches: D = B (cross-entropy) or B·k (mse), duplicates counted', () => {
    const batch = Int32Array.of(3, 0, 3, 5); // B = 4
    for (const [loss, D] of [['cross-entropy', 4], ['mse', 8]] as const) {
      const mean = smallCase('gelu', loss, { k: 2, N: 6, seed: 5 });
      const sum = smallCase('gelu', loss, { k: 2, N: 6, seed: 5, reduction: 'sum' });
      const v = mean.rng.normals(mean.p.P);
      const a = routes(mean.p, mean.theta, v, batch);
      const b = routes(sum.p, sum.theta, v, batch);
      for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key], `${loss} ${key}`).toEqual(scaled(a[key]!, D));
    }
  });
  it('non-power-of-two D (N = 6, k = 3, mse: D = 18): the loss within 2·EPS', () => {
    const mean = smallCase('sigmoid', 'mse', { N: 6, k: 3 });
    const sum = smallCase('sigmoid', 'mse', { N: 6, k: 3, reduction: 'sum' });
    const s = sum.p.loss(sum.theta);
    // mean = fl(s/18); 18·mean rounds once more.
    expect(Math.abs(18 * mean.p.loss(mean.theta) - s)).toBeLessThanOrEqual(2 * EPS * s);
    // Power: N alone (the sample mean) is off by the factor k.
    expect(Math.abs(6 * mean.p.loss(mean.theta) - s)).toBeGreaterThan(0.5 * s);
  });
});

describe('MLP · loss conventions relate exactly', () => {
  it("nn.MSELoss(mean) with k = 2 is the half squared error (1/(2N))Σ(f − t)², on every route, bitwise", () => {
    const mse = smallCase('elu', 'mse', { k: 2, N: 8, seed: 9 });
    const half = smallCase('elu', 'half-squared-error', { k: 2, N: 8, seed: 9 });
    const v = mse.rng.normals(mse.p.P);
    const a = routes(mse.p, mse.theta, v);
    const b = routes(half.p, half.theta, v);
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(a[key], key).toEqual(b[key]);
  });
  it("nn.MSELoss(sum) = 2 × half squared error (sum), any k", () => {
    const mse = smallCase('tanh', 'mse', { k: 3, N: 5, seed: 9, reduction: 'sum' });
    const half = smallCase('tanh', 'half-squared-error', { k: 3, N: 5, seed: 9, reduction: 'sum' });
    const v = mse.rng.normals(mse.p.P);
    const a = routes(mse.p, mse.theta, v);
    const b = routes(half.p, half.theta, v);
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(a[key], key).toEqual(scaled(b[key]!, 2));
  });
  it("'softmax-cross-entropy' is an alias: same numbers bitwise, spec.loss reads 'cross-entropy'", () => {
    const alias = smallCase('relu', 'softmax-cross-entropy', { seed: 4 });
    const ce = smallCase('relu', 'cross-entropy', { seed: 4 });
    expect(alias.p.spec.loss).toBe('cross-entropy');
    const v = ce.rng.normals(ce.p.P);
    expect(routes(alias.p, alias.theta, v)).toEqual(routes(ce.p, ce.theta, v));
  });
  it('lossDescription states the PyTorch loss and the reduction', () => {
    expect(smallCase('tanh', 'mse').p.lossDescription).toBe("nn.MSELoss(reduction='mean'): L = 1/(B·k) Σ_n Σ_c (f_nc − t_nc)²");
    expect(smallCase('tanh', 'cross-entropy', { reduction: 'sum' }).p.lossDescription).toBe("nn.CrossEntropyLoss(reduction='sum'): L = Σ_n [log Σ_c e^{f_nc} − f_{n,y_n}]");
    expect(smallCase('tanh', 'half-squared-error').p.lossDescription).toMatch(/^half squared error \(reduction 'mean'\): L = 1\/\(2B\) Σ_n Σ_c/);
  });
});
