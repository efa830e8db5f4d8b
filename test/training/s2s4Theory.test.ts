/**
 * The decision rules of theory/bulkOutliers.ts and theory/connectedBasins.ts at their
 * boundaries: the binomial rate test's rejection region, the ±1 agreement, the bulk decrease
 * with margins, and the S4 tolerance formula.
 */
import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../src/calibration/binomialInterval.js';
import { agreementRateTest, ALPHA, BULK_ALPHA, bulkConcentrates, countAgrees, COUNT_NEIGHBOURS, pooledBulkDecrease } from '../../theory/bulkOutliers.js';
import { LOSS_ROUNDING, s4BarrierTolerance } from '../../theory/connectedBasins.js';

describe('S2 rules', () => {
  it('rate test with M = 10 at rate 0.8, α = 0.01: rejects X ≤ 4, accepts X ≥ 5', () => {
    expect(agreementRateTest(4, 10).accepted).toBe(false);
    expect(agreementRateTest(5, 10).accepted).toBe(true);
    // P(Bin(10, 0.8) ≤ 4) = 0.00637…, P(≤ 5) = 0.0328 (exact sums).
    expect(agreementRateTest(4, 10).pValue).toBeCloseTo(0.0063693824, 9);
    expect(agreementRateTest(5, 10).pValue).toBeCloseTo(0.0327934976, 9);
    expect(ALPHA).toBe(0.01);
  });
  it('false rejection at the measured CI rates is ≈ 2e-3 per sweep (binomial) and less with the per-k rates', () => {
    expect(binomialCdf(4, 10, 0.84)).toBeLessThan(2e-3);
    // Poisson-binomial with the measured per-k rates (k = 2…6: 1, .9, 1, .8, .5), two seeds each.
    const rates = [1, 0.9, 1, 0.8, 0.5, 1, 0.9, 1, 0.8, 0.5];
    let dist = [1];
    for (const p of rates) dist = [...dist, 0].map((v, i) => v * (1 - p) + (i > 0 ? dist[i - 1] * p : 0));
    const reject = dist.slice(0, 5).reduce((a, b) => a + b, 0);
    expect(reject).toBeLessThan(binomialCdf(4, 10, 0.84));
    expect(reject).toBeLessThan(1e-3);
  });
  it('±1 agreement and the neighbours’ predictions', () => {
    expect(countAgrees(5, 4)).toBe(true);
    expect(countAgrees(6, 4)).toBe(false);
    const byId = Object.fromEntries(COUNT_NEIGHBOURS.map((n) => [n.id, n]));
    expect(byId.single.predict(5, 32)).toBe(1);
    expect(byId['class-pairs'].predict(4, 32)).toBe(12);
    expect(byId['grows-with-width'].predict(4, 32)).toBeCloseTo(6.2, 14);
  });
  it('rate test with M = 8 (SGD draws): rejects X ≤ 2, accepts X ≥ 3; with M = 6 (width sweep): rejects X ≤ 1', () => {
    expect(agreementRateTest(2, 8).accepted).toBe(false);
    expect(agreementRateTest(3, 8).accepted).toBe(true);
    // P(Bin(8, 0.8) ≤ 2) = 0.00123, P(≤ 3) = 0.0104064 (just above α).
    expect(agreementRateTest(2, 8).pValue).toBeCloseTo(0.00123136, 8);
    expect(agreementRateTest(3, 8).pValue).toBeCloseTo(0.0104064, 8);
    expect(agreementRateTest(1, 6).accepted).toBe(false);
    expect(agreementRateTest(2, 6).accepted).toBe(true);
  });
  it('SGD: false failure at the measured rate (60/60; 59/60 taken) and at 0.9 is < 1e-4; the single neighbour (measured 0/60 agreeing; 1/60 taken) survives with probability < 1e-3', () => {
    expect(binomialCdf(2, 8, 59 / 60)).toBeLessThan(1e-6);
    expect(binomialCdf(2, 8, 0.9)).toBeLessThan(1e-4);
    expect(1 - binomialCdf(2, 8, 1 / 60)).toBeLessThan(1e-3);
  });
  it('pooled bulk decrease: z = ΣD/√Σv, one-sided normal p, rejects width-blind below α', () => {
    const t = pooledBulkDecrease([0.4, 0.5, 0.3], [0.0025, 0.0025, 0.0025]);
    expect(t.z).toBeCloseTo(1.2 / Math.sqrt(0.0075), 12);
    expect(t.decreased).toBe(true);
    // z = 2.3263… is the one-sided 1% point: p just below / above α.
    expect(pooledBulkDecrease([2.33], [1]).decreased).toBe(true);
    expect(pooledBulkDecrease([2.32], [1]).decreased).toBe(false);
    expect(pooledBulkDecrease([2.33], [1]).pValue).toBeCloseTo(0.0099031, 6);
    expect(pooledBulkDecrease([0.1, -0.1], [0.01, 0.01]).pValue).toBeCloseTo(0.5, 14);
    expect(BULK_ALPHA).toBe(0.01);
  });
  it('bulk decrease needs more than the margin', () => {
    expect(bulkConcentrates([1, 0.8, 0.79], [0.1, 0.1])).toEqual([true, false]);
  });
});

describe('S4 tolerance', () => {
  it('τ = ½·g·distance + 1e-12·max L', () => {
    expect(s4BarrierTolerance(1e-2, 0.3, 2e-3)).toBe(0.5 * 1e-2 * 0.3 + LOSS_ROUNDING * 2e-3);
  });
});
