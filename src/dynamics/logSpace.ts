/**
 * Log-space primitives for loss curves that span hundreds of decades.
 *
 * What: log|1 − x| without cancellation, and log Σ exp(a_i) without overflow.
 * Source: standard (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
 * §1.14 for log1p; the max-shift log-sum-exp is folklore, e.g. Blanchard, Higham &
 * Higham, "Accurately computing the log-sum-exp and softmax functions", IMA J. Numer.
 * Anal. 41 (2021)).
 *
 * Regions of logAbsOneMinus(x):
 *   x < 1/2      log1p(−x): 1 − x would lose the low bits of a small x (log(1 − 1e-17) = 0).
 *   x ≥ 1/2      log|1 − x|: for x in [1/2, 4) the difference 1 − x is EXACT in binary
 *                floating point (Sterbenz for [1/2, 2]; for [2, 4) x − 1 is a multiple of
 *                ulp(x) = 2^-51 that fits in [1, 3)), so only Math.log rounds; beyond 4 the
 *                result is ≥ log 3 and a relative rounding of 1 − x is harmless.
 *   x = 1        −∞ exactly (the mode is removed in one step).
 * Accuracy: a few ulps of the result in every region, for an exact x; the inherent
 * conditioning in x is x/|1 − x|·eps, which no formula can beat.
 * Cost: O(1); logSumExp O(n), two passes.
 */

/** log|1 − x|, accurate for x near 0, near 1 (→ −∞) and near 2 (|1 − x| ≈ 1). NaN in → NaN out. */
export function logAbsOneMinus(x: number): number {
  return x < 0.5 ? Math.log1p(-x) : Math.log(Math.abs(1 - x));
}

/**
 * log Σ_i exp(a_i), stable for any finite or −∞ entries: −∞ for an empty list or all −∞,
 * +∞ if any entry is +∞, NaN if any entry is NaN.
 */
export function logSumExp(a: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (Number.isNaN(v)) return NaN;
    if (v > m) m = v;
  }
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.exp(a[i] - m);
  return m + Math.log(s);
}
