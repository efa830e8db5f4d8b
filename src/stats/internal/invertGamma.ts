/**
 * Internal: inverse of the regularized incomplete gamma functions in either tail:
 *   invertGamma(a, t, 'lower') = y with P(a, y) = t,   invertGamma(a, t, 'upper') = y with Q(a, y) = t.
 * The caller passes the tail whose target is ≤ ½ (or the exact complement), so the equation
 * is always solved on a tail that is computed directly — never through 1 − P.
 *
 * Method: safeguarded Newton on the *logarithm* of the tail, g = ln T(y) − ln t, which is close
 * to linear in u = ln y for the lower tail (T ≈ y^a/Γ(a+1)) and in y for the upper tail
 * (ln T ≈ −y + (a−1) ln y), so Newton is run in u for 'lower' and in y for 'upper'; the
 * derivative is exact: dT/dy = ±y^{a−1}e^{−y}/Γ(a) (from logGammaPrefix). Every evaluation
 * narrows a bracket [lo, hi]; a Newton step that leaves it is replaced by bisection (in ln y).
 * Start (DiDonato & Morris 1986 §5 use the same two ideas): Wilson–Hilferty,
 *   y₀ = a·(1 − 1/(9a) + z/(3√a))³ with z the normal quantile (A&S 26.2.23) of the lower
 *   probability; for the lower tail also y₁ = (t·Γ(a+1))^{1/a} (exact as t → 0), and the smaller
 *   of the two is taken when WH is non-positive or exceeds y₁.
 * Stop: |Δy| ≤ 4 EPS·y or |g| ≤ 2 EPS. Cap: INVERT_MAX_ITER (typically 3–8 steps).
 * Accuracy: limited by the conditioning |d ln T / d ln y|⁻¹ times the tail's own error.
 */
import { EPS } from '../constants.js';
import { logGammaP, logGammaQ } from '../incompleteGamma.js';
import { logGamma } from '../logGamma.js';
import { logGammaPrefix } from './gammaPrefix.js';
import { normalQuantileStart } from './normalQuantileStart.js';

/** Newton/bisection iteration cap; bisection alone in ln y reaches 4 EPS in < 2100 halvings of a 1400-wide interval, so 300 is ample with Newton. */
const INVERT_MAX_ITER = 300;

/** ln of the smallest positive subnormal double, 2^-1074. */
const LOG_MIN_SUBNORMAL = -744.4400719213812;

export function invertGamma(a: number, t: number, tail: 'lower' | 'upper'): number {
  if (Number.isNaN(t) || t < 0 || t > 1 || !(a > 0)) return NaN;
  if (t === 0) return tail === 'lower' ? 0 : Infinity;
  if (t === 1) return tail === 'lower' ? Infinity : 0;
  const logT = Math.log(t);
  const lowerProb = tail === 'lower' ? t : 1 - t;
  // Starting point.
  // (clamped into the open interval the start formula accepts; it is only a starting point)
  const z = normalQuantileStart(Math.min(Math.max(lowerProb, Number.MIN_VALUE), 1 - Number.EPSILON / 2));
  const c = 1 / (9 * a);
  const wh = a * Math.pow(1 - c + z * Math.sqrt(c), 3);
  let y = wh;
  if (tail === 'lower') {
    const logYSmall = (logT + logGamma(a + 1)) / a;
    // The root is below the smallest subnormal (P(a, y) ≈ y^a/Γ(a+1) is exact there): return 0.
    if (logYSmall < LOG_MIN_SUBNORMAL) return 0;
    const ySmall = Math.exp(logYSmall);
    if (!(wh > 0) || wh > ySmall) y = ySmall;
  } else if (!(wh > 0)) {
    y = Math.max(a - 1, 0.5) + Math.max(-logT, 0);
  }
  if (!(y > 0) || !Number.isFinite(y)) y = a;

  let lo = 0;
  let hi = Infinity;
  const logTail = tail === 'lower' ? logGammaP : logGammaQ;
  for (let iter = 0; iter < INVERT_MAX_ITER; iter++) {
    const g = logTail(a, y) - logT;
    if (!Number.isFinite(g)) {
      // Evaluation left the representable range: shrink towards the bracket.
      if (tail === 'lower' ? g < 0 : g > 0) lo = y;
      else hi = y;
      y = Number.isFinite(hi) ? Math.sqrt(Math.max(lo, hi * 1e-300) * hi) : 2 * y;
      continue;
    }
    // Increasing in y for 'lower' (g > 0 means y too large), decreasing for 'upper'.
    const tooLarge = tail === 'lower' ? g > 0 : g < 0;
    if (tooLarge) hi = y;
    else lo = y;
    if (Math.abs(g) <= 2 * EPS) return y;
    // d ln T / d ln y = ± y·density/T = ± exp(logPrefix − ln T)
    const logDensityTimesY = logGammaPrefix(a, y) - (g + logT);
    const slope = Math.exp(logDensityTimesY); // |d ln T / d ln y|
    let yNew: number;
    if (tail === 'lower') {
      yNew = y * Math.exp(-g / slope); // Newton in u = ln y
    } else {
      yNew = y + (g * y) / slope; // Newton in y: d ln Q/dy = −slope/y
    }
    if (!(yNew > lo && yNew < hi) || !Number.isFinite(yNew)) {
      // √lo·√hi, not √(lo·hi): the product underflows to 0 for roots below ~1e-154 (a ≪ 1, lower tail).
      yNew = Number.isFinite(hi) ? (lo > 0 ? Math.sqrt(lo) * Math.sqrt(hi) : hi * 1e-3) : 2 * y;
    }
    if (Math.abs(yNew - y) <= 4 * EPS * y) return yNew;
    y = yNew;
  }
  return y;
}
