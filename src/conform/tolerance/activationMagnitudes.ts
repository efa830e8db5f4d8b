/**
 * Magnitudes M_i(z) ≥ |g⁽ⁱ⁾(z)|, i = 0…3, of an activation and its derivatives: the size of
 * the terms an implementation sums to evaluate g⁽ⁱ⁾, which is what its rounding error is
 * proportional to (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1).
 * Where the usual formula cancels, M_i is the sum of |terms| rather than |g⁽ⁱ⁾|:
 *
 *   polynomial Σ c_d z^d (identity, z^k)  M_i = Σ_d |c_d|·d!/(d−i)!·|z|^{d−i}   (Horner's terms)
 *   tanh, t = tanh z      g' = 1 − t²: M1 = 1 + t²;  g'' = −2t(1 − t²): M2 = 2|t|(1 + t²);
 *                         g''' = −2(1 − t²)(1 − 3t²): M3 = 2(1 + t²)(1 + 3t²)
 *   sigmoid, s = σ(z)     g' = s(1 − s): M1 = s(1 + s);  g'' = s(1 − s)(1 − 2s): M2 = s(1 + s)(1 + 2s);
 *                         g''' = s(1 − s)(1 − 6s + 6s²): M3 = s(1 + s)(1 + 6s + 6s²)
 *   softplus              g' = σ, g'' = σ(1 − σ), g''' = σ(1 − σ)(1 − 2σ): as sigmoid shifted by one order
 *   erf                   g' = (2/√π)e^{−z²} (relatively accurate), g'' = −2z·g', g''' = (4z² − 2)·g':
 *                         M3 = (4z² + 2)·g'
 *   relu                  g, g' exact; g'' = g''' = 0 (away from the kink, which the models avoid)
 *
 * Used by the error bounds of ./twoLayerErrorBound.ts: evaluating g⁽ⁱ⁾ at z costs an error of
 * at most a few units of roundoff times M_i(z), and an error δz in z moves g⁽ⁱ⁾ by at most
 * M_{i+1}(z)·δz (first order).
 */
import type { Activation } from '../../nets/activation.js';

/** M_0(z) … M_3(z). */
export type Magnitudes = (z: number) => readonly [number, number, number, number];

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function polynomialMagnitudes(c: readonly number[]): Magnitudes {
  const abs = c.map(Math.abs);
  return (z) => {
    const az = Math.abs(z);
    const m = [0, 0, 0, 0];
    for (let i = 0; i <= 3; i++) {
      let s = 0;
      for (let d = i; d < abs.length; d++) {
        let f = 1;
        for (let q = 0; q < i; q++) f *= d - q;
        s += abs[d] * f * az ** (d - i);
      }
      m[i] = s;
    }
    return [m[0], m[1], m[2], m[3]];
  };
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;

export function activationMagnitudes(act: Activation): Magnitudes {
  if (act.polynomial) return polynomialMagnitudes(act.polynomial);
  switch (act.spec) {
    case 'tanh':
      return (z) => {
        const t = Math.tanh(z);
        const t2 = t * t;
        return [Math.abs(t), 1 + t2, 2 * Math.abs(t) * (1 + t2), 2 * (1 + t2) * (1 + 3 * t2)];
      };
    case 'sigmoid':
      return (z) => {
        const s = sigmoid(z);
        return [s, s * (1 + s), s * (1 + s) * (1 + 2 * s), s * (1 + s) * (1 + 6 * s + 6 * s * s)];
      };
    case 'softplus':
      return (z) => {
        const s = sigmoid(z);
        return [Math.abs(act.g(z)), s, s * (1 + s), s * (1 + s) * (1 + 2 * s)];
      };
    case 'erf':
      return (z) => {
        const d1 = TWO_OVER_SQRT_PI * Math.exp(-z * z);
        return [Math.abs(act.g(z)), d1, 2 * Math.abs(z) * d1, (4 * z * z + 2) * d1];
      };
    case 'relu':
      return (z) => [Math.abs(act.g(z)), Math.abs(act.d1(z)), 0, 0];
    default:
      throw new Error(`activationMagnitudes: no magnitudes for activation ${JSON.stringify(act.spec)}`);
  }
}
