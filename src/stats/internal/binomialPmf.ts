/**
 * Internal: the binomial probability C(n, x) p^x q^{n−x} with relative accuracy for large n,
 * by Catherine Loader's saddle-point form (Loader 2000, "Fast and accurate computation of
 * binomial probabilities"; the algorithm of R's dbinom_raw):
 *   exp( stirlerr(n) − stirlerr(x) − stirlerr(n−x) − bd0(x, np) − bd0(n−x, nq) ) · √(n / (2π x (n−x)))
 * with bd0(x, M) = x ln(x/M) + M − x evaluated by its series when x ≈ M (no cancellation).
 * The caller passes np and nq separately (they need not be n·p, n·q rounded), which the
 * Smirnov sum needs for accuracy near q → 0. Accuracy ≲ 1e-14 relative for n ≤ 1e7.
 */
import { stirlingError } from '../stirlingError.js';

/** |x − M| < BD0_SERIES_RATIO·(x + M) switches bd0 to its series (Loader's 0.1). */
const BD0_SERIES_RATIO = 0.1;

/** Loader's deviance term bd0(x, M) = x ln(x/M) + M − x ≥ 0. */
export function bd0(x: number, M: number): number {
  if (Math.abs(x - M) < BD0_SERIES_RATIO * (x + M)) {
    const v = (x - M) / (x + M);
    let s = (x - M) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / M) + M - x;
}

/**
 * ln of C(n, x) p^x q^{n−x} for integer 0 ≤ x ≤ n, given p, q = 1 − p and np, nq.
 */
export function logBinomialPmf(x: number, n: number, p: number, q: number, np: number, nq: number): number {
  if (x === 0) return n * Math.log1p(-p);
  if (x === n) return n * Math.log(p);
  if (q <= 0 || p <= 0) return -Infinity;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - bd0(x, np) - bd0(n - x, nq);
  const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}
