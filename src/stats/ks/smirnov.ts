/**
 * smirnovSf(n, d) = P(D_n⁺ ≥ d), the exact one-sided Kolmogorov–Smirnov (Smirnov) upper tail.
 *
 * Source: Birnbaum & Tingey (1951), Ann. Math. Statist. 22, 592–596:
 *   P(D_n⁺ ≥ d) = d · Σ_{j=0}^{⌊n(1−d)⌋} C(n, j) (d + j/n)^{j−1} (1 − d − j/n)^{n−j},
 * evaluated term by term as d/(d + j/n) · Binom(j; n, d + j/n) with Loader's binomial pmf
 * (internal/binomialPmf.ts), so every term is relative-accurate and the sum has no
 * cancellation (all terms ≥ 0). scipy's cephes `smirnov` evaluates the same sum.
 * In the two-sided Simard–L'Ecuyer dispatch, 2·smirnovSf is exact for d ≥ ½ and an
 * approximation (Miller 1956) that drops P(D⁺ ≥ d, D⁻ ≥ d) elsewhere: relative size ≈ e^{−6 n d²}
 * (for the Brownian bridge P(sup ≥ x, inf ≤ −x) ≈ 2e^{−8x²} against 2e^{−2x²}), i.e. ≲ 2e-6 at
 * n d² = 2.2 (its lower limit for n > 140) and ≲ 4e-11 at n d² = 4 (n ≤ 140).
 * Accuracy: relative (64 + 4|ln p|)·EPS (measured ≤ 7.8e-14 at p = 2e-194 against mpmath).
 * Cost: O(number of terms until they fall below e^{-45} of the largest) logs and exps —
 * O(√n) for moderate d, O(n(1−d)) at worst. The terms are unimodal in j (they are binomial
 * probabilities at a point sliding left through Binom(n, d + j/n)), so the early stop drops
 * < n·e^{-45} relative; the fixture test compares against the full mpmath sum.
 * Domain: n not a positive integer, d ∉ [0, 1] or NaN → NaN.
 */
import { logBinomialPmf } from '../internal/binomialPmf.js';

/** Terms below e^{-45} ≈ 2.9e-20 of the largest, and decreasing, end the sum. */
const TAIL_CUTOFF_LOG = 45;

export function smirnovSf(n: number, d: number): number {
  if (!Number.isInteger(n) || n < 1 || Number.isNaN(d) || d < 0 || d > 1) return NaN;
  if (d === 0) return 1;
  if (d === 1) return 0;
  const last = Math.floor(n * (1 - d));
  const nd = n * d;
  let sum = 0;
  let maxLog = -Infinity;
  let prevLog = -Infinity;
  // Two passes would be needed to scale by the largest term; instead accumulate with a running
  // scale (terms are unimodal in j, the scale changes only while they increase).
  for (let j = 0; j <= last; j++) {
    const np = nd + j;
    const nq = n - j - nd;
    if (nq <= 0 && j < n) continue; // (1 − d − j/n)^{n−j} = 0
    const p = np / n;
    const q = nq / n;
    const lt = logBinomialPmf(j, n, p, q, np, nq) + Math.log(d / p);
    // The terms are unimodal in j: once they decrease and are below e^{-TAIL_CUTOFF_LOG} of the
    // largest, the rest of the sum is < (remaining count)·e^{-45} ≤ 1e-14 relative (n ≤ 1e5·…).
    if (lt < prevLog && lt < maxLog - TAIL_CUTOFF_LOG) break;
    prevLog = lt;
    if (lt > maxLog) {
      sum = sum * Math.exp(maxLog - lt) + 1;
      maxLog = lt;
    } else {
      sum += Math.exp(lt - maxLog);
    }
  }
  if (sum === 0) return 0;
  const scale = Math.exp(maxLog);
  return Math.min(1, scale > 1e-290 ? scale * sum : Math.exp(maxLog + Math.log(sum)));
}
