/**
 * Internal: Temme's uniform asymptotic expansion of P(a, x) and Q(a, x) for large a with
 * x/a near 1, where the series and the continued fraction both need O(√a) terms and the
 * complement of either is not small.
 *
 * Source: N. M. Temme (1979), "The asymptotic expansion of the incomplete gamma functions",
 * SIAM J. Math. Anal. 10, 757–766; DLMF 8.12.3–8.12.12:
 *   Q(a, x) = ½ erfc(η √(a/2)) + S,   P(a, x) = ½ erfc(−η √(a/2)) − S,
 *   S = e^{−aη²/2} / √(2πa) · Σ_k c_k(η) a^{−k},   c_k(η) = Σ_n d_{k,n} η^n,
 *   ½η² = λ − 1 − ln λ, λ = x/a, sign(η) = sign(λ − 1).
 * The d_{k,n} (k, n < 25) are generated to 21 digits by test/fixtures/scipy/make_coefficients.py
 * (the construction of scipy's _precompute/gammainc_asy.py; DiDonato & Morris 1986 use the
 * same expansion with fewer terms).
 * Both forms are returned as e^{L}·B with L = −aη²/2 = a·log1pmx(λ − 1) ≤ 0, using
 * erfc(y) = e^{−y²} erfcx(y), y² = aη²/2, so the result can be taken in log space without
 * underflow. Only the tail on η's side is returned (Q for x > a, P for x < a): it is the
 * smaller one, and ½erfc dominates S there by a factor ≥ 1/|η c₀| ≥ 8, so B has no
 * cancellation.
 * Region (chosen by the caller): a ≥ 20 and |x − a| ≤ 0.3a, i.e. |η| ≤ 0.34, where the
 * Taylor series in η converge geometrically (radius 2√π) and the a^{-k} series reaches EPS
 * within 25 terms. Accuracy: see test/stats/incompleteGamma.test.ts (≲ 1e-14 relative).
 * Cost: ≤ 25 × 25 multiply-adds plus one erfcx.
 */
import { EPS } from '../constants.js';
import { erfcx } from '../erfc.js';
import { log1pmx } from '../log1pmx.js';
import { TEMME_D } from './coefficients.js';

export interface TemmeResult {
  /** Which tail `logScale`/`factor` describe: the lower (P) if x < a, else the upper (Q). */
  readonly tail: 'lower' | 'upper';
  /** L = −aη²/2 ≤ 0. */
  readonly logScale: number;
  /** B > 0; the tail equals exp(L)·B. */
  readonly factor: number;
}

export function gammaTemme(a: number, x: number): TemmeResult {
  const mu = (x - a) / a;
  const logScale = a * log1pmx(mu); // = −aη²/2
  const absEta = Math.sqrt(-2 * log1pmx(mu));
  const eta = mu < 0 ? -absEta : absEta;
  // Σ_k c_k(η) a^{-k}, stopped at EPS relative or when the asymptotic terms start growing.
  let sum = 0;
  let afac = 1;
  let lastAbs = Infinity;
  for (let k = 0; k < TEMME_D.length; k++) {
    const row = TEMME_D[k];
    let ck = 0;
    for (let n = row.length - 1; n >= 0; n--) ck = ck * eta + row[n];
    const term = ck * afac;
    const absTerm = Math.abs(term);
    if (absTerm > lastAbs) break;
    sum += term;
    if (absTerm <= 0.25 * EPS * Math.abs(sum)) break;
    lastAbs = absTerm;
    afac /= a;
  }
  const s = sum / Math.sqrt(2 * Math.PI * a);
  const half = 0.5 * erfcx(absEta * Math.sqrt(a / 2));
  if (eta >= 0) return { tail: 'upper', logScale, factor: half + s };
  return { tail: 'lower', logScale, factor: half - s };
}
