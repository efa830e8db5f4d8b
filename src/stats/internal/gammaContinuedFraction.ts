/**
 * Internal: Legendre's continued fraction for the upper incomplete gamma function,
 *   Q(a, x) = [x^a e^{−x}/Γ(a)] · 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …)))  (DLMF 8.9.2,
 *   even contraction; Numerical Recipes §6.2 "gcf"),
 * evaluated with the modified Lentz algorithm (Thompson & Barnett 1986), returning the
 * fraction h (so Q = exp(logGammaPrefix)·h).
 * Used where x ≥ a + 1 (or a < 1 and x ≥ 1.1): there it converges in ≲ 10 + 4·√a steps.
 * Stops when |Δ − 1| ≤ EPS. Cap: MAX_ITERATIONS; returns NaN if it is reached.
 */
import { EPS, MAX_ITERATIONS, MIN_NORMAL } from '../constants.js';

export function upperGammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / MIN_NORMAL;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < MIN_NORMAL) d = MIN_NORMAL;
    c = b + an / c;
    if (Math.abs(c) < MIN_NORMAL) c = MIN_NORMAL;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return h;
  }
  return NaN;
}
