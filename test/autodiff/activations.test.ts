/**
 * Scalar-level checks of the tfjs activations: value, first and second
 * derivative (tf.grad of tf.grad) against float64 formulas, and the raw-op trap
 * in its purest form.
 */
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs';
import { loadTf, tfActivation, tfActivationNaive, validateActivationSpec, type Tf, type TensorFn } from '../../src/autodiff/index.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import { activationReference } from './reference64.js';

/**
 * g, g', g'' of an elementwise tensor function at zs (sum trick: outputs are
 * independent). With `connect`, a 0·Σz term keeps a tape path from z for
 * activations whose g' is constant (identity, constants), where tfjs would
 * otherwise refuse a gradient with no path; without it, a missing path throws.
 */
function derivs(tf: Tf, fn: TensorFn, zs: number[], connect = true): { g: number[]; d1: number[]; d2: number[] } {
  let out = { g: [] as number[], d1: [] as number[], d2: [] as number[] };
  tf.tidy(() => {
    const z = tf.tensor1d(zs);
    const d1f = (u: Tensor) => tf.grad((v: Tensor) => tf.add(tf.sum(fn(v)), tf.mul(tf.sum(v), 0)))(u);
    const d2 = tf.grad((v: Tensor) => (connect ? tf.add(tf.sum(d1f(v)), tf.mul(tf.sum(v), 0)) : tf.sum(d1f(v))))(z);
    out = { g: Array.from(fn(z).dataSync()), d1: Array.from(d1f(z).dataSync()), d2: Array.from(d2.dataSync()) };
  });
  return out;
}

// Includes negative bases (monomials), saturated regions and large |z|.
const ZS = [-6, -2.5, -1.3, -0.7, -0.2, 0.15, 0.6, 1.1, 2.2, 4, 9];
const SPECS: ActivationSpec[] = ['identity', 'linear', 'tanh', 'sigmoid', 'erf', 'softplus', 'relu', 'z^2', 'z^3', 'z^4', 'z^5', 'z^6', { polynomial: [0.1, 1, -0.5, 0.2] }, { polynomial: [] }, { polynomial: [2] }];
const label = (s: ActivationSpec) => (typeof s === 'string' ? s : JSON.stringify(s));

describe('tfActivation: value, first and second derivatives match float64', () => {
  it.each(SPECS.map((s) => ({ s, name: label(s) })))('$name', async ({ s }) => {
    const { tf } = await loadTf();
    const ref = activationReference(s);
    const got = derivs(tf, tfActivation(tf, s), ZS);
    // float32 elementwise kernels are good to a few ulp; tfjs's erf uses a
    // 1.5e-7-absolute polynomial approximation. 1e-5·max(1,|ref|) covers both
    // with margin, and is far below any missing-term error (O(|g''|)).
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
    ZS.forEach((z, i) => {
      expect(close(got.g[i], ref.g(z)), `g(${z}) ${got.g[i]} vs ${ref.g(z)}`).toBe(true);
      expect(close(got.d1[i], ref.d1(z)), `g'(${z}) ${got.d1[i]} vs ${ref.d1(z)}`).toBe(true);
      expect(close(got.d2[i], ref.d2(z)), `g''(${z}) ${got.d2[i]} vs ${ref.d2(z)}`).toBe(true);
    });
  });
});

describe('the raw-op trap at scalar level (tfjs 4.22, measured)', () => {
  it.each(['tanh', 'sigmoid'] as const)('naive %s: d²/dz² alone throws (no tape path), and added to z² it silently vanishes', async (s) => {
    const { tf } = await loadTf();
    const naive = tfActivationNaive(tf, s);
    expect(() => derivs(tf, naive, [0.5], false)).toThrow(/Cannot compute gradient/);
    const ref = activationReference(s);
    const withSquare: TensorFn = (z) => tf.add(naive(z), tf.mul(z, z));
    const got = derivs(tf, withSquare, [-1.3, 0.6, 1.1]);
    got.d2.forEach((v) => expect(v).toBeCloseTo(2, 5)); // should be 2 + g''(z)
    [-1.3, 0.6, 1.1].forEach((z, i) => expect(Math.abs(got.d2[i] - (2 + ref.d2(z)))).toBeGreaterThan(0.02));
    // first derivatives are fine
    [-1.3, 0.6, 1.1].forEach((z, i) => expect(got.d1[i]).toBeCloseTo(ref.d1(z) + 2 * z, 5));
  });

  it.each(['erf', 'softplus', 'relu'] as const)('naive %s is right at second order (its gradient needs only first derivatives)', async (s) => {
    const { tf } = await loadTf();
    const ref = activationReference(s);
    const got = derivs(tf, tfActivationNaive(tf, s), ZS);
    ZS.forEach((z, i) => expect(Math.abs(got.d2[i] - ref.d2(z))).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref.d2(z)))));
  });

  it('custom ReLU: zero curvature, no tape error, relu\'(0) = 0', async () => {
    const { tf } = await loadTf();
    const got = derivs(tf, tfActivation(tf, 'relu'), [-1, 0, 1]);
    expect(got.d1).toEqual([0, 0, 1]);
    expect(got.d2.map(Math.abs)).toEqual([0, 0, 0]);
  });

  it('custom ops do not leak tensors', async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    for (const s of SPECS) derivs(tf, tfActivation(tf, s), ZS);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('validateActivationSpec', () => {
  it.each([['gelu'], ['z^x'], ['z^0'], ['z^-2'], [42], [null], [{ polynomial: 'x' }], [{ polynomial: [1, NaN] }], [{ poly: [1] }]])('rejects %j', (s) => {
    expect(() => validateActivationSpec(s)).toThrow(/activation/);
  });
  it.each(SPECS.map((s) => [s]))('accepts %j', (s) => {
    expect(() => validateActivationSpec(s)).not.toThrow();
  });
});
