/**
 * logGamma(x) = ln |Γ(x)| for real x, and logGamma1p(z) = ln Γ(1 + z), gammaP1m1(z) = Γ(1+z) − 1.
 *
 * Sources:
 *   - Series about 2: ln Γ(2 + z) = (1 − γ) z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k, |z| < 2
 *     (Abramowitz & Stegun 6.1.33 with ln Γ(2+z) = ln(1+z) + ln Γ(1+z)); ζ(k) − 1 tabulated
 *     to 21 digits by test/fixtures/scipy/make_coefficients.py (mpmath). This is the approach of
 *     Boost's lgamma_small_imp in spirit (a dedicated expansion where ln Γ has its zeros at 1, 2)
 *     but with an exactly known series instead of a minimax fit. Chosen over Lanczos because it
 *     keeps *relative* accuracy next to the zeros x = 1 and x = 2.
 *   - Stirling: ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + ln Γ*(x) (DLMF 5.11.1), x ≥ 10.
 *   - Reflection: ln|Γ(x)| = ln(π / |sin πx|) − ln Γ(1 − x), x < 0 (DLMF 5.5.3).
 * Regions (and why):
 *   x < 0          reflection, sin(πx) by exact reduction of x modulo 2;
 *   0 < x < 0.5    ln Γ(1+x) − ln x (the series at z = x − 1 ∈ (−1, −0.5) converges slowly);
 *   0.5 ≤ x < 1.5  series at z = x − 1, minus log1p(z): relative accuracy next to x = 1;
 *   1.5 ≤ x ≤ 2.5  series at z = x − 2: relative accuracy next to x = 2;
 *   2.5 < x < 10   downward recurrence ln Γ(x) = ln Γ(x − n) + ln Π (x − i) (≤ 8 factors);
 *   x ≥ 10         Stirling with the 8-term series.
 * Accuracy (measured against mpmath, test/stats/logGamma.test.ts): relative error ≲ 4 EPS
 * for x > 0 except within the reflection region, where it inherits sin(πx)'s conditioning.
 * Cost: ≤ 64 multiply-adds (series) or O(1).
 * Domain: NaN or −∞ → NaN; non-positive integers (poles) and +∞ → +Infinity (as scipy gammaln).
 */
import { EULER_GAMMA, HALF_LOG_TWO_PI } from './constants.js';
import { ZETA_MINUS_ONE } from './internal/coefficients.js';
import { stirlingSeries } from './internal/stirlingSeries.js';

/** Coefficients c_k of S(z) = Σ_{k≥1} c_k z^k = ln Γ(2 + z): c_1 = 1 − γ, c_k = (−1)^k (ζ(k)−1)/k. */
const S_COEFFS: Float64Array = (() => {
  const c = new Float64Array(ZETA_MINUS_ONE.length);
  c[1] = 1 - EULER_GAMMA;
  for (let k = 2; k < ZETA_MINUS_ONE.length; k++) c[k] = ((k % 2 === 0 ? 1 : -1) * ZETA_MINUS_ONE[k]) / k;
  return c;
})();

/** x at or above which Stirling's series is used (its 8-term error is < 3e-16 there). */
const STIRLING_MIN_X = 10;

/**
 * S(z) = ln Γ(2 + z) by Horner's rule; callers keep |z| ≤ 1, where the terms fall like 2^-k/k
 * and the 63 tabulated terms leave < 1e-21.
 */
function lnGammaTwoPlus(z: number): number {
  let s = 0;
  for (let k = S_COEFFS.length - 1; k >= 1; k--) s = s * z + S_COEFFS[k];
  return s * z;
}

/** sin(πx) with exact argument reduction (x − 2·round(x/2) is exact in binary64). */
export function sinPi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  let r = x - 2 * Math.round(x / 2); // r ∈ [−1, 1]
  let sign = 1;
  if (r < 0) {
    r = -r;
    sign = -1;
  }
  if (r > 0.5) r = 1 - r; // sin(π r) = sin(π (1 − r)), exact subtraction
  return sign * (r === 0.5 ? 1 : Math.sin(Math.PI * r));
}

export function logGamma(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity; // pole
    const s = Math.abs(sinPi(x));
    return Math.log(Math.PI / s) - logGamma(1 - x);
  }
  if (x < 0.5) return lnGammaTwoPlus(x) - Math.log1p(x) - Math.log(x);
  if (x < 1.5) {
    const z = x - 1;
    return lnGammaTwoPlus(z) - Math.log1p(z);
  }
  if (x <= 2.5) return lnGammaTwoPlus(x - 2);
  if (x < STIRLING_MIN_X) {
    let y = x;
    let prod = 1;
    while (y > 2.5) {
      y -= 1;
      prod *= y;
    }
    return lnGammaTwoPlus(y - 2) + Math.log(prod);
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingSeries(x);
}

/**
 * ln Γ(1 + z) for z > −1, accurate relative to the result near z = 0 and z = 1.
 * Regions: |z| ≤ 0.5 → S(z) − log1p(z); 0.5 < z ≤ 1.5 → S(z − 1); otherwise logGamma(1 + z)
 * (for z ∈ (−1, −0.5) the sum 1 + z is exact).
 */
export function logGamma1p(z: number): number {
  if (Number.isNaN(z) || z < -1) return NaN;
  if (Math.abs(z) <= 0.5) return lnGammaTwoPlus(z) - Math.log1p(z);
  if (z > 0.5 && z <= 1.5) return lnGammaTwoPlus(z - 1);
  return logGamma(1 + z);
}

/** Γ(1 + z) − 1 without cancellation near z = 0 (expm1 of logGamma1p). */
export function gammaP1m1(z: number): number {
  return Math.expm1(logGamma1p(z));
}
