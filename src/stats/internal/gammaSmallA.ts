/**
 * Internal: Q(a, x) for small a (a < 1) and small x (x < 1.1), where Q is not the complement
 * of a small P but 1 − P would still cancel (Q ≈ a·E1(x) → 0 as a → 0).
 *
 * Source: DiDonato & Morris (1986), §3 (the "x < 1.1" branch), as in Boost's
 * tgamma_small_upper_part:
 *   Γ(a,x)/Γ(a) = [ (Γ(1+a) − 1) − (x^a − 1) − a·x^a·Σ_{n≥1} (−x)^n / (n!(a+n)) ] / Γ(1+a),
 * with Γ(1+a) − 1 = gammaP1m1(a) and x^a − 1 = expm1(a ln x), both free of cancellation.
 * The remaining cancellation is between O(a) terms whose sum is a·E1(x): a factor ≤ ~10 for
 * x < 1.1. Accuracy ≲ 20 EPS relative. Cost: ≤ ~25 series terms.
 */
import { EPS, MAX_ITERATIONS } from '../constants.js';
import { gammaP1m1, logGamma1p } from '../logGamma.js';

export function upperGammaSmallA(a: number, x: number): number {
  // Σ_{n≥1} (−x)^n / (n! (a + n))
  let term = 1; // (−x)^n / n!
  let sum = 0;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    term *= -x / n;
    const t = term / (a + n);
    sum += t;
    if (Math.abs(t) <= 0.25 * EPS * Math.abs(sum)) break;
  }
  const powm1 = Math.expm1(a * Math.log(x));
  const xa = powm1 + 1;
  const numerator = gammaP1m1(a) - powm1 - a * xa * sum;
  return numerator / Math.exp(logGamma1p(a));
}
