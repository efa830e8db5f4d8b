/**
 * Exact (Clopper–Pearson 1934) two-sided confidence interval for a binomial proportion k/n:
 * lower = the p with P(X ≥ k | p) = (1 − level)/2, upper = the p with P(X ≤ k | p) = (1 − level)/2.
 * Binomial tails are summed in log space (terms from logGamma), so any n up to ~1e6 is exact
 * to ~1e-13; the two roots are found by bisection on p (60 steps: |Δp| ≤ 2⁻⁶⁰).
 * Conservative: coverage ≥ level for every p. Cost O(n) per tail evaluation, O(60 n) per bound.
 */
import { binomialCdf } from '../stats/binomialCdf.js';

/** P(X ≤ k) for X ~ Binomial(n, p): src/stats/binomialCdf.ts (re-exported here for existing callers). */
export { binomialCdf };

export interface BinomialInterval {
  readonly k: number;
  readonly n: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly method: 'clopper-pearson';
}

function bisect(f: (p: number) => number, lo: number, hi: number): number {
  // f increasing from negative to positive on [lo, hi]
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export function clopperPearson(k: number, n: number, level = 0.95): BinomialInterval {
  if (!Number.isInteger(n) || n < 1) throw new Error(`clopperPearson: field \`n\` must be an integer ≥ 1 (got ${n}); pass the number of trials`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`clopperPearson: field \`k\` must be an integer in [0, n] (got ${k}); pass the number of successes`);
  if (!(level > 0 && level < 1)) throw new Error(`clopperPearson: field \`level\` must be in (0, 1) (got ${level}); e.g. 0.95`);
  const tail = (1 - level) / 2;
  // lower: P(X ≥ k | p) = tail  ⇔  1 − cdf(k − 1) − tail = 0 (increasing in p)
  const lower = k === 0 ? 0 : bisect((p) => 1 - binomialCdf(k - 1, n, p) - tail, 0, 1);
  // upper: P(X ≤ k | p) = tail  ⇔  tail − cdf(k) = 0 (increasing in p)
  const upper = k === n ? 1 : bisect((p) => tail - binomialCdf(k, n, p), 0, 1);
  return { k, n, estimate: k / n, lower, upper, level, method: 'clopper-pearson' };
}
