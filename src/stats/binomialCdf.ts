/**
 * The binomial distribution function P(X ≤ k), X ~ Binomial(n, p), summed in log space: each
 * term exp(ln C(n, j) + j ln p + (n − j) ln(1 − p)) with ln C from logGamma, so no term
 * overflows or underflows prematurely for any n up to ~1e6.
 * Source: the definition (a direct sum; no continued fraction or incomplete-beta route needed
 * at the sizes the suite uses: n ≤ a few thousand draws).
 * Regions: k < 0 → 0; k ≥ n → 1; p ≤ 0 → 1; p ≥ 1 → 0; otherwise the sum over j = 0 … k,
 * capped at 1. NaN p gives NaN (special-function policy, README.md).
 * Accuracy: ~1e-13 relative (logGamma's ≤ 4 EPS per term, amplified by the term's log
 * magnitude; test/stats/binomialCdf.test.ts checks exact rational sums). Cost: O(k) logGamma calls.
 * Moved here from src/calibration/binomialInterval.ts (which re-exports it) so that theory
 * modules can use it without reaching the computing engine.
 */
import { logGamma } from './logGamma.js';

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  let s = 0;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  for (let j = 0; j <= k; j++) s += Math.exp(logChoose(n, j) + j * lp + (n - j) * lq);
  return Math.min(1, s);
}
