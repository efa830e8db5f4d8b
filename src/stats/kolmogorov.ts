/**
 * One-sample two-sided Kolmogorov–Smirnov test with an exact p-value.
 *
 *   D_n = sup_x |F_n(x) − F(x)|  (F continuous, F_n the empirical cdf of n iid draws)
 *   ksOneSample(sample, cdf) → { n, D, dPlus, dMinus, pValue = P(D_n ≥ D), method }
 *   kstwoSf(n, d) / kstwoCdf(n, d) → { value, method }   (the law of D_n, scipy.stats.kstwo)
 *
 * Dispatch: Simard & L'Ecuyer (2011), "Computing the two-sided Kolmogorov–Smirnov
 * distribution", J. Stat. Softw. 39(11), as implemented by scipy.stats._ksstats._kolmogn
 * (whose cut-offs are kept, so results match scipy's kstwo):
 *   d ≥ 1 → sf 0; n·d ≤ ½ → sf 1                                     ('boundary', exact)
 *   n·d ≤ 1 → cdf = n!/nⁿ (2nd − 1)ⁿ;  n·d ≥ n − 1 → sf = 2(1 − d)ⁿ   ('ruben-gambino', exact)
 *   d ≥ ½ → sf = 2·P(D⁺ ≥ d) (the two one-sided events are disjoint)  ('smirnov', exact)
 *   n ≤ 140: n d² ≤ 0.754693 → Durbin/MTW                           ('durbin-mtw', exact)
 *            n d² ≤ 4        → Pomeranz                              ('pomeranz', exact)
 *            otherwise       → sf = 2·P(D⁺ ≥ d), Miller (1956)       ('smirnov-miller', see below)
 *   n > 140: sf with n d² ≥ 2.2 → 2·P(D⁺ ≥ d)                       ('smirnov-miller')
 *            else n ≤ 1e5 and n d^{3/2} < 1.4 → Durbin/MTW           ('durbin-mtw', exact)
 *            else Pelz–Good asymptotic series                         ('pelz-good', APPROXIMATE)
 * Accuracy of the p-value (test/stats/kolmogorov.test.ts, against mpmath Durbin matrices at 40
 * digits and exact Birnbaum–Tingey sums):
 *   exact methods: 'durbin-mtw' ≤ 1e-15, 'ruben-gambino' ≤ 2e-16, 'smirnov' ≤ 8e-14 relative;
 *   'pomeranz': the sf is 1 − cdf with the cdf good to ~2e-15 absolute, so ≤ 3.3e-12 relative
 *     at the smallest p-values it serves (p ≈ 6e-4; scipy has the same error);
 *   'smirnov-miller' drops P(D⁺ ≥ d, D⁻ ≥ d), ≈ e^{−6nd²} of the sf (Brownian-bridge estimate):
 *     measured 1.1e-6 relative at n = 141, nd² = 2.21 (p ≈ 0.022), 7.6e-9 at nd² = 3,
 *     1.3e-11 at nd² = 4 and 8.3e-13 at n = 50, nd² = 4.1;
 *   'pelz-good' is asymptotic: measured 4.8e-6 relative at n = 141 (p ≈ 0.26).
 * The upper tail is computed directly (2·Smirnov) wherever the p-value can be small; 1 − cdf is
 * used only where the cdf is computed and the p-value is ≥ ~5e-4 (n ≤ 140) or ≥ ~0.02 (n > 140).
 * Helpers (one per method, each citing its source): ks/durbinMatrix.ts, ks/pomeranz.ts,
 * ks/pelzGood.ts, ks/smirnov.ts; the limiting law is kolmogorovLimit.ts.
 * Errors: kstwoSf/kstwoCdf are special functions (NaN for n not a positive integer, NaN d);
 * ksOneSample throws for an empty/non-finite sample, a non-function cdf, or cdf values ∉ [0,1].
 */
import { HALF_LOG_TWO_PI } from './constants.js';
import { invalidArgument, requireFiniteSample } from './errors.js';
import { durbinMatrixCdf } from './ks/durbinMatrix.js';
import { pelzGoodCdf } from './ks/pelzGood.js';
import { pomeranzCdf } from './ks/pomeranz.js';
import { smirnovSf } from './ks/smirnov.js';
import { stirlingError } from './stirlingError.js';

export type KsMethod =
  | 'boundary'
  | 'ruben-gambino'
  | 'smirnov'
  | 'durbin-mtw'
  | 'pomeranz'
  | 'smirnov-miller'
  | 'pelz-good';

export interface KsProbability {
  readonly value: number;
  readonly method: KsMethod;
}

export interface KsOneSampleResult {
  readonly n: number;
  /** D_n = max(D⁺, D⁻). */
  readonly D: number;
  readonly dPlus: number;
  readonly dMinus: number;
  /** P(D_n ≥ D) under the null. */
  readonly pValue: number;
  readonly method: KsMethod;
}

/** Simard–L'Ecuyer: n up to which the "small n" branch is used. */
const SMALL_N_MAX = 140;
/** n d² up to which Durbin/MTW is used for n ≤ 140 (Simard–L'Ecuyer Table/§3). */
const SMALL_N_DURBIN_MAX_NXSQ = 0.754693;
/** n d² up to which Pomeranz is used for n ≤ 140. */
const SMALL_N_POMERANZ_MAX_NXSQ = 4;
/** n > 140: n d² from which the upper tail is 2·Smirnov (Miller). */
const LARGE_N_MILLER_MIN_NXSQ = 2.2;
/** n > 140: n d² from which the cdf is 1 to double precision. */
const LARGE_N_CDF_ONE_NXSQ = 18;
/** n > 140: Durbin/MTW is used while n ≤ 1e5 and n d^{3/2} < 1.4 (matrix order ≤ ~115). */
const LARGE_N_DURBIN_MAX_N = 100_000;
const LARGE_N_DURBIN_MAX_ND15 = 1.4;

/** ln(n!/nⁿ) = ½ ln(2πn) − n + stirlerr(n), no cancellation. */
function logFactorialOverPower(n: number): number {
  return HALF_LOG_TWO_PI + 0.5 * Math.log(n) - n + stirlingError(n);
}

function rubenGambinoLowerCdf(n: number, t: number): number {
  if (n <= SMALL_N_MAX) {
    let prob = 1;
    const f = 2 * t - 1;
    for (let i = 1; i <= n; i++) prob *= (i / n) * f;
    return prob;
  }
  return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
}

interface Both {
  /** The directly computed tail. */
  readonly tail: 'cdf' | 'sf';
  readonly value: number;
  readonly method: KsMethod;
}

function kolmogn(n: number, d: number): Both {
  if (d >= 1) return { tail: 'sf', value: 0, method: 'boundary' };
  const t = n * d;
  if (d <= 0 || t <= 0.5) return { tail: 'sf', value: 1, method: 'boundary' };
  if (t <= 1) return { tail: 'cdf', value: rubenGambinoLowerCdf(n, t), method: 'ruben-gambino' };
  if (t >= n - 1) return { tail: 'sf', value: 2 * Math.pow(1 - d, n), method: 'ruben-gambino' };
  if (d >= 0.5) return { tail: 'sf', value: 2 * smirnovSf(n, d), method: 'smirnov' };
  const nxsq = t * d;
  if (n <= SMALL_N_MAX) {
    if (nxsq <= SMALL_N_DURBIN_MAX_NXSQ) return { tail: 'cdf', value: durbinMatrixCdf(n, d), method: 'durbin-mtw' };
    if (nxsq <= SMALL_N_POMERANZ_MAX_NXSQ) return { tail: 'cdf', value: pomeranzCdf(n, d), method: 'pomeranz' };
    return { tail: 'sf', value: 2 * smirnovSf(n, d), method: 'smirnov-miller' };
  }
  return { tail: 'cdf', value: NaN, method: 'boundary' }; // large n handled by the callers
}

function clip(p: number): number {
  return Math.min(1, Math.max(0, p));
}

function validN(n: number, d: number): boolean {
  return Number.isInteger(n) && n >= 1 && !Number.isNaN(d);
}

/** P(D_n ≥ d), the p-value of a two-sided one-sample KS statistic d (scipy.stats.kstwo.sf). */
export function kstwoSf(n: number, d: number): KsProbability {
  if (!validN(n, d)) return { value: NaN, method: 'boundary' };
  if (n <= SMALL_N_MAX || d >= 0.5 || n * d <= 1 || n * d >= n - 1 || d <= 0) {
    const r = kolmogn(n, d);
    return { value: clip(r.tail === 'sf' ? r.value : 1 - r.value), method: r.method };
  }
  const nxsq = n * d * d;
  if (nxsq >= LARGE_N_MILLER_MIN_NXSQ) return { value: clip(2 * smirnovSf(n, d)), method: 'smirnov-miller' };
  const cdf = largeNCdf(n, d);
  return { value: clip(1 - cdf.value), method: cdf.method };
}

function largeNCdf(n: number, d: number): KsProbability {
  if (n <= LARGE_N_DURBIN_MAX_N && n * Math.pow(d, 1.5) < LARGE_N_DURBIN_MAX_ND15) {
    return { value: durbinMatrixCdf(n, d), method: 'durbin-mtw' };
  }
  return { value: pelzGoodCdf(n, d), method: 'pelz-good' };
}

/** P(D_n ≤ d) (scipy.stats.kstwo.cdf). */
export function kstwoCdf(n: number, d: number): KsProbability {
  if (!validN(n, d)) return { value: NaN, method: 'boundary' };
  if (n <= SMALL_N_MAX || d >= 0.5 || n * d <= 1 || n * d >= n - 1 || d <= 0) {
    const r = kolmogn(n, d);
    return { value: clip(r.tail === 'cdf' ? r.value : 1 - r.value), method: r.method };
  }
  if (n * d * d >= LARGE_N_CDF_ONE_NXSQ) return { value: clip(1 - 2 * smirnovSf(n, d)), method: 'smirnov-miller' };
  const cdf = largeNCdf(n, d);
  return { value: clip(cdf.value), method: cdf.method };
}

/**
 * The one-sample two-sided KS test of `sample` against the continuous cdf `cdf`.
 * D⁺ = max_i (i/n − F(x_(i))), D⁻ = max_i (F(x_(i)) − (i−1)/n), D = max(D⁺, D⁻).
 */
export function ksOneSample(sample: ArrayLike<number>, cdf: (x: number) => number): KsOneSampleResult {
  const fn = 'ksOneSample';
  const xs = requireFiniteSample(fn, 'sample', sample, 'pass a non-empty array of finite numbers');
  if (typeof cdf !== 'function') invalidArgument(fn, 'cdf', 'must be a function x ↦ F(x)', cdf, 'pass the null cdf, e.g. (x) => dist.cdf(x)');
  xs.sort();
  const n = xs.length;
  let dPlus = 0;
  let dMinus = 0;
  for (let i = 0; i < n; i++) {
    const F = cdf(xs[i]);
    if (typeof F !== 'number' || !(F >= 0 && F <= 1)) {
      invalidArgument(fn, 'cdf', `returned a value outside [0, 1] at x = ${xs[i]}`, F, 'pass a cdf returning probabilities');
    }
    dPlus = Math.max(dPlus, (i + 1) / n - F);
    dMinus = Math.max(dMinus, F - i / n);
  }
  const D = Math.max(dPlus, dMinus);
  const p = kstwoSf(n, D);
  return { n, D, dPlus, dMinus, pValue: p.value, method: p.method };
}
