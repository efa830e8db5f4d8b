/**
 * TensorFlow.js activations that are correctly TWICE differentiable.
 *
 * What: `tfActivation(tf, spec)` maps an ActivationSpec to a tensor function
 * z ↦ g(z) whose first AND second derivatives through tf.grad-of-tf.grad are
 * right. `tfActivationNaive(tf, spec)` uses the raw tfjs ops (tf.tanh,
 * tf.sigmoid, tf.erf, tf.softplus, tf.relu) and exists ONLY so tests can show
 * the trap below is real.
 *
 * Why — the trap (tfjs 4.22, every backend): a kernel whose registered gradient
 * reuses its OUTPUT (Tanh: dy·(1−y²), Sigmoid: dy·y(1−y), Exp: dy·y, Softmax)
 * saves a clone of y for the backward pass. The engine records that clone on the
 * tape *inside* the kernel call, i.e. BEFORE the kernel's own tape node, so when
 * the outer tf.grad filters the tape from θ forward, the clone's input y is not
 * yet reachable and the edge y→clone is dropped. The first derivative is right;
 * in the second derivative every path through the saved output is silently
 * treated as a constant. Measured here:
 *   - d²/dx² tanh(x) alone: tf.grad throws "Cannot compute gradient of y=f(x)"
 *     (no path left); d²/dx² [tanh(x) + x²] returns 2 (the tanh term vanishes);
 *     d²/dx² log1p(exp(x)) returns a wrong, even negative, curvature.
 *   - In the two-layer loss Hessian the g''(z) term is lost: the naive Hessian
 *     is exactly H − (1/N)Σ_n r_n a_j g''(z_jn) x_n x_nᵀ (verified to 1e-7), so
 *     it is right at the optimum (r = 0) and wrong off it, in proportion to the
 *     residuals. Measured relative Frobenius errors vs float64, off the optimum
 *     (N=30, Ni=4, Nh=5, several seeds and target scales): tanh 9%–67%, sigmoid
 *     0.5%–18%; at the optimum ~1e-7 for both, like the custom versions
 *     (0.7–2e-7 on and off the optimum).
 *   - tf.erf (gradient exp(−x²)) and tf.softplus (gradient sigmoid(x)) are
 *     right at SECOND order — their gradients only need the *first* derivative
 *     of exp/sigmoid, which is fine — they would break at third order. They are
 *     still written with custom gradients below so nothing depends on that.
 *
 * The fix: `tf.customGrad` whose forward saves only the INPUT x, and whose
 * gradient is written in x using ops that are themselves correct to the order
 * needed: tanh'(x) = 1 − tanhC(x)², σ'(x) = σC(x)(1 − σC(x)), erf'(x) =
 * (2/√π)·expC(−x²), softplus'(x) = σC(x), where tanhC/σC/expC are these same
 * custom-gradient functions (the recursion is lazy: each differentiation level
 * builds one more level of custom nodes). The forward values still come from the
 * fast fused kernels.
 *
 * ReLU: comparisons/where/max have no second derivative in tfjs; ReLU's gradient
 * is dy·step(x) with step a custom op whose gradient is identically zero, so the
 * second derivative is 0 (a.e.) and the tape never errors. Convention
 * step(0) = 0 (tfjs Step), i.e. relu'(0) = 0.
 *
 * Monomials and polynomials are built from Mul/Add only (repeated
 * multiplication, Horner); tf.pow is avoided (its gradient also builds the
 * exponent branch, log(base), which is NaN for negative bases).
 *
 * Accuracy caveat: float32. This module feeds a CROSS-CHECK route; the float64
 * closed form is the verdict.
 */
import type { Tensor } from '@tensorflow/tfjs';
import type { ActivationSpec } from '../nets/activationSpec.js';
import type { Tf } from './loadTf.js';

export type TensorFn = (z: Tensor) => Tensor;

interface CustomOps {
  tanh: TensorFn;
  sigmoid: TensorFn;
  exp: TensorFn;
  erf: TensorFn;
  softplus: TensorFn;
  relu: TensorFn;
  step: TensorFn;
}

const cache = new WeakMap<object, CustomOps>();

function customOps(tf: Tf): CustomOps {
  const hit = cache.get(tf);
  if (hit) return hit;

  const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  /** One-input custom op: value from `forward`, derivative g'(x) from `deriv(x)` (x = the saved input). */
  const unary = (forward: TensorFn, deriv: TensorFn): TensorFn => {
    const op = tf.customGrad((...args) => {
      const x = args[0] as Tensor;
      const save = args[1] as (ts: Tensor[]) => void;
      save([x]); // save the INPUT only — never the output (that is the trap).
      return {
        value: forward(x),
        gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(dy, deriv(saved[0])),
      };
    });
    return (z: Tensor) => op(z);
  };

  // Declared first so the derivative closures can refer to them (lazily).
  const ops = {} as CustomOps;
  ops.step = (() => {
    const op = tf.customGrad((...args) => {
      const x = args[0] as Tensor;
      return { value: tf.step(x), gradFunc: (dy: Tensor) => tf.zerosLike(dy) };
    });
    return (z: Tensor) => op(z);
  })();
  ops.exp = unary(
    (x) => tf.exp(x),
    (x) => ops.exp(x),
  );
  ops.tanh = unary(
    (x) => tf.tanh(x),
    (x) => {
      const t = ops.tanh(x);
      return tf.sub(1, tf.mul(t, t));
    },
  );
  ops.sigmoid = unary(
    (x) => tf.sigmoid(x),
    (x) => {
      const s = ops.sigmoid(x);
      return tf.mul(s, tf.sub(1, s));
    },
  );
  ops.erf = unary(
    (x) => tf.erf(x),
    (x) => tf.mul(TWO_OVER_SQRT_PI, ops.exp(tf.neg(tf.mul(x, x)))),
  );
  ops.softplus = unary(
    (x) => tf.softplus(x),
    (x) => ops.sigmoid(x),
  );
  ops.relu = unary(
    (x) => tf.relu(x),
    (x) => ops.step(x),
  );
  cache.set(tf, ops);
  return ops;
}

/** Parse "z^k" → k (a positive integer), or throw naming the field. */
function monomialDegree(spec: string): number {
  const m = /^z\^(\d+)$/.exec(spec);
  const k = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(k) || k < 1) throw new Error(`activation: unsupported spec ${JSON.stringify(spec)}`);
  return k;
}

function monomial(tf: Tf, k: number): TensorFn {
  return (z) => {
    let acc = z;
    for (let d = 1; d < k; d++) acc = tf.mul(acc, z);
    return acc;
  };
}

function polynomial(tf: Tf, coeffs: readonly number[]): TensorFn {
  const cs = coeffs.slice();
  return (z) => {
    if (cs.length === 0) return tf.zerosLike(z);
    // Horner: (((c_k z + c_{k-1}) z + ...) z + c_0), Mul/Add only.
    let acc: Tensor = tf.mul(tf.onesLike(z), cs[cs.length - 1]);
    for (let d = cs.length - 2; d >= 0; d--) acc = tf.add(tf.mul(acc, z), cs[d]);
    return acc;
  };
}

const NAMED = new Set(['identity', 'linear', 'tanh', 'sigmoid', 'erf', 'softplus', 'relu']);

/** Throw a clear Error (naming `activation`) if `spec` is not a supported ActivationSpec. Needs no tf. */
export function validateActivationSpec(spec: unknown): asserts spec is ActivationSpec {
  if (typeof spec === 'object' && spec !== null && 'polynomial' in spec) {
    const coeffs = (spec as { polynomial: unknown }).polynomial;
    if (!Array.isArray(coeffs)) throw new Error('activation.polynomial: must be an array of coefficients [c0, c1, ..., ck]');
    coeffs.forEach((c: unknown, i) => {
      if (typeof c !== 'number' || !Number.isFinite(c)) throw new Error(`activation.polynomial[${i}]: not a finite number (${String(c)})`);
    });
    return;
  }
  if (typeof spec === 'string') {
    if (NAMED.has(spec)) return;
    monomialDegree(spec);
    return;
  }
  throw new Error(`activation: unsupported spec ${JSON.stringify(spec)}`);
}

function build(tf: Tf, spec: ActivationSpec, naive: boolean): TensorFn {
  validateActivationSpec(spec);
  if (typeof spec === 'object') return polynomial(tf, spec.polynomial);
  const c = naive ? undefined : customOps(tf);
  switch (spec) {
    case 'identity':
    case 'linear':
      return (z) => z;
    case 'tanh':
      return c ? c.tanh : (z) => tf.tanh(z);
    case 'sigmoid':
      return c ? c.sigmoid : (z) => tf.sigmoid(z);
    case 'erf':
      return c ? c.erf : (z) => tf.erf(z);
    case 'softplus':
      return c ? c.softplus : (z) => tf.softplus(z);
    case 'relu':
      return c ? c.relu : (z) => tf.relu(z);
    default:
      return monomial(tf, monomialDegree(spec));
  }
}

/** Twice-differentiable tfjs activation for `spec` (custom gradients where tfjs's are wrong at 2nd order). */
export function tfActivation(tf: Tf, spec: ActivationSpec): TensorFn {
  return build(tf, spec, false);
}

/**
 * The raw tfjs ops (tf.tanh, tf.sigmoid, tf.erf, tf.softplus, tf.relu). Second
 * derivatives of tanh and sigmoid through these are WRONG; exported only so
 * tests can demonstrate the trap. Never use for Hessians.
 */
export function tfActivationNaive(tf: Tf, spec: ActivationSpec): TensorFn {
  return build(tf, spec, true);
}
