/**
 * The two-sided one-sample Kolmogorov–Smirnov critical value d_α(n): the smallest d with
 * P(D_n ≥ d) ≤ α, found by bisection on the exact survival function of src/stats
 * (scipy's kstwo.sf port). P(D_n ≥ d) is continuous and decreasing in d on (0, 1], so 60
 * halvings pin d to ~1e-18, far below anything a plot shows. Cost: 60 sf evaluations.
 *
 * The band F̂ₙ ± d_α then covers the true cdf everywhere with probability 1 − α: a P–P plot
 * whose points leave the band y = x ± d_α is exactly a KS rejection at level α.
 */
import { kstwoSf } from '../../stats/kolmogorov.js';

const BISECTION_STEPS = 60;

export function ksCriticalValue(n: number, alpha: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`ksCriticalValue: n must be a positive integer, got ${n}`);
  if (!(alpha > 0 && alpha < 1)) throw new Error(`ksCriticalValue: alpha must be in (0, 1), got ${alpha}`);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (kstwoSf(n, mid).value > alpha) lo = mid;
    else hi = mid;
  }
  return hi;
}
