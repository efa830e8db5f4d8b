/**
 * Internal: the power series of the lower incomplete gamma function,
 *   P(a, x) = [x^a e^{−x}/Γ(a)] · (1/a) · Σ_{n≥0} x^n / ((a+1)(a+2)…(a+n))      (DLMF 8.7.1/8.11.4)
 * returning the sum S (so P = exp(logGammaPrefix)·S/a).
 * All terms are positive: no cancellation; rounding grows like (number of terms)·EPS.
 * Used where x < a + 1 (terms decrease from the start; ≲ 8.6·√a terms near x = a, ≲ 100
 * for x ≤ 0.7a). Cap: MAX_ITERATIONS; returns NaN if it is reached.
 */
import { EPS, MAX_ITERATIONS } from '../constants.js';

export function lowerGammaSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (term <= 0.25 * EPS * sum) return sum;
  }
  return NaN;
}
