/**
 * Clopper–Pearson bounds (src/calibration/binomialInterval.ts, bisection on summed binomial
 * tails) against an independent route: the Beta-quantile identities
 *   lower = Beta⁻¹((1 − level)/2; k, n − k + 1),  upper = Beta⁻¹((1 + level)/2; k + 1, n − k),
 * evaluated by jStat (its own incomplete-beta inversion). jStat's inverse is used only in the
 * mid-range where it is accurate (quantile levels 0.005–0.995, bounds ≥ 1e-4): agreement to
 * 1e-7 absolute there, far tighter than a calibration rate needs and far looser than a wrong
 * tail (P(X ≥ k) vs P(X > k) moves the bound by ~1/n) could pass.
 */
import jstat from 'jstat';
import { describe, expect, it } from 'vitest';
import { binomialCdf, clopperPearson } from '../../src/calibration/binomialInterval.js';

const { jStat } = jstat;
const TOL = 1e-7;

describe('Clopper–Pearson against jStat Beta quantiles', () => {
  it.each([
    [3, 20, 0.95],
    [9, 800, 0.95],
    [50, 100, 0.95],
    [198, 200, 0.99],
    [1, 10, 0.9],
  ])('k = %i, n = %i, level %f', (k, n, level) => {
    const r = clopperPearson(k, n, level);
    const lower = jStat.beta.inv((1 - level) / 2, k, n - k + 1);
    const upper = jStat.beta.inv((1 + level) / 2, k + 1, n - k);
    expect(Math.abs(r.lower - lower)).toBeLessThan(TOL);
    expect(Math.abs(r.upper - upper)).toBeLessThan(TOL);
    // The near wrong neighbour: bounds from P(X > k) instead of P(X ≥ k) differ by far more than TOL.
    const shifted = jStat.beta.inv((1 - level) / 2, k + 1, n - k);
    expect(Math.abs(r.lower - shifted)).toBeGreaterThan(100 * TOL);
  });
  it('binomial cdf equals the regularized incomplete beta identity P(X ≤ k) = I_{1−p}(n − k, k + 1)', () => {
    // jStat's incomplete beta (a continued fraction stopped at ~1e-9) was measured 4e-9 off on
    // these points: 1e-8 is its accuracy, not ours; the summed tail is exact to ~1e-13.
    for (const [k, n, p] of [[3, 20, 0.2], [40, 100, 0.37], [0, 5, 0.5]]) {
      expect(Math.abs(binomialCdf(k, n, p) - jStat.beta.cdf(1 - p, n - k, k + 1))).toBeLessThan(1e-8);
    }
  });
});
