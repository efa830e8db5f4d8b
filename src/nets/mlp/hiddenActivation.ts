/**
 * Hidden-layer activations σ with their first and second derivatives, as the torch.nn
 * modules define them (PyTorch 1.13 docs and its derivatives.yaml), evaluated over a slice of
 * a unit buffer in one flat loop (the switch sits outside the loop):
 *
 *   relu        nn.ReLU         max(0, z)                σ' = [z > 0]            σ'' = 0
 *   leaky-relu  nn.LeakyReLU()  z > 0 ? z : 0.01·z       σ' = z > 0 ? 1 : 0.01    σ'' = 0
 *   elu         nn.ELU()        z > 0 ? z : e^z − 1      σ' = z > 0 ? 1 : e^z     σ'' = z > 0 ? 0 : e^z
 *   tanh        nn.Tanh         t = tanh z               σ' = 1 − t²              σ'' = −2t(1 − t²)
 *   sigmoid     nn.Sigmoid      s = 1/(1 + e^{−z})       σ' = s(1 − s)            σ'' = s(1 − s)(1 − 2s)
 *   softplus    nn.Softplus()   log(1 + e^z); z for z > 20 (torch's threshold)
 *                                                        σ' = s (1 for z > 20)    σ'' = s(1 − s) (0 for z > 20)
 *   gelu        nn.GELU()       z·Φ(z), Φ the normal CDF (exact, approximate='none')
 *                                                        σ' = Φ + zφ              σ'' = φ·(2 − z²)
 *   identity    nn.Identity     z                        σ' = 1                   σ'' = 0
 *   erf         (torch.erf)     erf z                    σ' = 2/√π·e^{−z²}        σ'' = −2z·σ'
 *
 * Kinks (relu, leaky-relu at 0; elu is C¹ with a jump in σ'' at 0; softplus's threshold at
 * 20 is a jump of ≈ 2e-9 in σ and σ'): the values at the kink are torch's (relu σ'(0) = 0,
 * leaky-relu σ'(0) = 0.01, elu uses its z ≤ 0 branch), and σ'' is the one-sided value, i.e.
 * the Hessian of a network with kinks is the almost-everywhere Hessian: exact on each open
 * region of fixed activation pattern, undefined on the measure-zero kinks. Distributional
 * parts (a Dirac mass at the kink) are not represented; checks that use finite differences
 * verify the activation pattern is constant over the stencil (or use a smooth activation).
 *
 * Accuracy: 1 − s and s(1 − s) are formed from e^{−|z|} without cancellation (relative
 * accuracy for any z); Φ = ½·erfc(−z/√2) (src/stats/erfc.ts, ≤ 26 EPS relative) so GELU's
 * left tail is accurate relative to itself (torch's ½(1 + erf) is accurate only absolutely:
 * they differ by ≲ 1e-16 absolutely there); tanh's 1 − t² is accurate absolutely (relative
 * accuracy lost for |z| ≳ 18 where it is < 1e-15). Non-finite z gives non-finite σ (NaN
 * stays visible downstream).
 */
import { erf, erfc, expMinusSquare } from '../../stats/erfc.js';
import type { MlpActivation } from './types.js';

export const MLP_ACTIVATIONS: readonly MlpActivation[] = ['relu', 'tanh', 'identity', 'sigmoid', 'softplus', 'gelu', 'elu', 'leaky-relu', 'erf'];

/** nn.LeakyReLU's default negative_slope. */
export const LEAKY_RELU_SLOPE = 0.01;
/** nn.Softplus's default threshold: for β·z > 20 torch returns z (and σ' = 1, σ'' = 0). */
export const SOFTPLUS_THRESHOLD = 20;
/** Activations initialised with He et al. 2015 (Var = 2/fan_in); the rest with Glorot & Bengio 2010. */
export const HE_INITIALISED: readonly MlpActivation[] = ['relu', 'leaky-relu', 'elu', 'gelu'];

const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** Writes σ(z), σ'(z), σ''(z) for z[off .. off + n) into a, d1, d2 at the same offsets. */
export function applyActivation(
  kind: MlpActivation,
  z: Float64Array,
  a: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  off: number,
  n: number,
): void {
  const end = off + n;
  switch (kind) {
    case 'relu':
      for (let i = off; i < end; i++) {
        const v = z[i];
        if (v > 0) {
          a[i] = v;
          d1[i] = 1;
        } else {
          // v·0 is (−)0 for v ≤ 0 and NaN for NaN or −∞: a diverged θ stays visible downstream.
          a[i] = v * 0;
          d1[i] = v * 0;
        }
        d2[i] = 0;
      }
      return;
    case 'leaky-relu':
      for (let i = off; i < end; i++) {
        const v = z[i];
        const pos = v > 0;
        a[i] = pos ? v : LEAKY_RELU_SLOPE * v;
        d1[i] = pos ? 1 : v === v ? LEAKY_RELU_SLOPE : v;
        d2[i] = 0;
      }
      return;
    case 'elu':
      for (let i = off; i < end; i++) {
        const v = z[i];
        if (v > 0) {
          a[i] = v;
          d1[i] = 1;
          d2[i] = 0;
        } else {
          const e = Math.exp(v);
          a[i] = Math.expm1(v);
          d1[i] = e;
          d2[i] = e;
        }
      }
      return;
    case 'tanh':
      for (let i = off; i < end; i++) {
        const t = Math.tanh(z[i]);
        const s = 1 - t * t;
        a[i] = t;
        d1[i] = s;
        d2[i] = -2 * t * s;
      }
      return;
    case 'sigmoid':
      for (let i = off; i < end; i++) {
        const v = z[i];
        const e = Math.exp(-Math.abs(v));
        const q = 1 / (1 + e);
        const s = v >= 0 ? q : e * q; // σ(z)
        const r = v >= 0 ? e * q : q; // 1 − σ(z) = σ(−z), no cancellation
        const sr = s * r;
        a[i] = s;
        d1[i] = sr;
        d2[i] = sr * (r - s);
      }
      return;
    case 'softplus':
      for (let i = off; i < end; i++) {
        const v = z[i];
        if (v > SOFTPLUS_THRESHOLD) {
          a[i] = v;
          d1[i] = 1;
          d2[i] = 0;
          continue;
        }
        const e = Math.exp(-Math.abs(v));
        const q = 1 / (1 + e);
        const s = v >= 0 ? q : e * q;
        const r = v >= 0 ? e * q : q;
        a[i] = Math.max(v, 0) + Math.log1p(e);
        d1[i] = s;
        d2[i] = s * r;
      }
      return;
    case 'gelu':
      for (let i = off; i < end; i++) {
        const v = z[i];
        const cdf = 0.5 * erfc(-v * INV_SQRT_2);
        const pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
        a[i] = v * cdf;
        d1[i] = cdf + v * pdf;
        d2[i] = pdf * (2 - v * v);
      }
      return;
    case 'identity':
      for (let i = off; i < end; i++) {
        a[i] = z[i];
        d1[i] = 1;
        d2[i] = 0;
      }
      return;
    case 'erf':
      for (let i = off; i < end; i++) {
        const v = z[i];
        const g = TWO_OVER_SQRT_PI * expMinusSquare(v);
        a[i] = erf(v);
        d1[i] = g;
        d2[i] = -2 * v * g;
      }
      return;
  }
}
