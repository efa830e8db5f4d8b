/**
 * Internal: ln of the incomplete-gamma prefix x^a e^{−x} / Γ(a), the factor shared by the
 * series for P and the continued fraction for Q.
 *
 * Source: the "regularised gamma prefix" of DiDonato & Morris (1986, ACM TOMS 12(4) 377–393,
 * §2, the function "rcomp") and Temme (1979): for a ≥ 10,
 *   x^a e^{−x}/Γ(a) = exp(a·log1pmx(μ)) · √(a/2π) / Γ*(a),   μ = (x − a)/a,
 * so the O(a ln a) terms of a ln x − x − ln Γ(a) cancel algebraically instead of numerically.
 * Regions: a ≥ 10 → the form above (log1pmx, stirlingError both relative-accurate);
 *          a < 10 → a ln x − x − ln Γ(a) directly (every term ≤ |result| + 40 in size).
 * Accuracy: absolute error of the returned log ≲ (|result| + 4)·EPS, i.e. relative error of
 * exp(result) ≲ (|result| + 4)·EPS — for a value 1e-300 that is ~1.5e-13, which is the
 * function's own conditioning (d ln prefix / d ln x = a − x). Cost: O(1).
 */
import { HALF_LOG_TWO_PI } from '../constants.js';
import { log1pmx } from '../log1pmx.js';
import { logGamma } from '../logGamma.js';
import { STIRLING_SERIES_MIN_X } from '../stirlingError.js';
import { stirlingSeries } from './stirlingSeries.js';

/** |x − a|/a up to which −aφ is formed with log1pmx (beyond, a·ln(x/a) − (x − a) cancels ≤ 5×). */
const LOG1PMX_FORM_MAX_ABS_MU = 0.5;

export function logGammaPrefix(a: number, x: number): number {
  if (x === 0) return -Infinity;
  if (a >= STIRLING_SERIES_MIN_X) {
    // −aφ(x/a) with φ(t) = t − 1 − ln t: log1pmx near t = 1, the plain form away from it
    // (where μ = (x − a)/a would round to −1 for x ≪ a).
    const mu = (x - a) / a;
    const ratio = x / a;
    let minusAPhi: number;
    if (Math.abs(mu) <= LOG1PMX_FORM_MAX_ABS_MU) minusAPhi = a * log1pmx(mu);
    else if (ratio > 0 && Number.isFinite(ratio)) minusAPhi = a * Math.log(ratio) - (x - a);
    else minusAPhi = a * (Math.log(x) - Math.log(a)) - (x - a);
    return minusAPhi + 0.5 * Math.log(a) - HALF_LOG_TWO_PI - stirlingSeries(a);
  }
  return a * Math.log(x) - x - logGamma(a);
}
