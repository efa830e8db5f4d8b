/**
 * Tests written for surviving mutants of the theory/ mutation sample (reports/mutation/summary.md,
 * "after"): each block names the mutants it kills. Expected values are hand derivations.
 *
 *  - tabulatedCdf (theory/spectralLaw.ts:165): the node set of a refined interval. With F(x) =
 *    1 − e^{−x} on [lo, hi] = [0, 2], 3 uniform nodes {0, 1, 2} and one fine interval [0.5, 1]
 *    with 5 nodes {0.5, 0.625, 0.75, 0.875, 1}, linear interpolation at x is, by hand, between
 *    the two nodes around x. Mutants that move the fine nodes (fineNodes ± 1, fb + fa, one node
 *    past fb) change the bracketing nodes at x = 0.7 or 1.1; a fine interval entirely above hi
 *    must add no node (else the value AT hi is F at a node beyond hi).
 *  - tabulatedLaw (theory/spectralLaw.ts:195): its cost claim, one exact evaluation per node and
 *    none afterwards inside mean ± width·sd — an upper end below m + width·sd (m − width·sd,
 *    width/sd) sends in-range calls to the exact cdf, which the counter sees.
 *  - input checks whose comparison was never exercised at its boundary: free multiplicative
 *    convolution atoms τ = 0 and weights < 0 or = 0 (theory/finiteDataLaw.ts:189), C4's fraction
 *    f = 0 (theory/longTimeLearningPredictions.ts:43), and the function name in the S3 error
 *    message (theory/spikedCovariance.ts:146).
 */
import { describe, expect, it } from 'vitest';
import { tabulatedCdf, tabulatedLaw, type SpectralLaw } from '../../theory/spectralLaw.js';
import { freeMultiplicativeConvolution } from '../../theory/finiteDataLaw.js';
import { c4NormalisedTimeBand } from '../../theory/longTimeLearningPredictions.js';
import { neighbourTopEigenvalue } from '../../theory/spikedCovariance.js';

const F = (x: number) => 1 - Math.exp(-x);
/** Linear interpolation of F between the nodes x0 < x1 (hand-chosen). */
const lerp = (x: number, x0: number, x1: number) => F(x0) + ((x - x0) / (x1 - x0)) * (F(x1) - F(x0));
// Interpolation arithmetic differs from lerp's only by rounding: a few ulps of values ≤ 1.
const ROUNDING = 8 * Number.EPSILON;

describe('tabulatedCdf: nodes of a refined interval (hand values)', () => {
  const T = tabulatedCdf(F, 0, 2, 3, [[0.5, 1]], 5);
  it('inside the fine interval: between its nodes 0.625 and 0.75', () => {
    expect(Math.abs(T(0.7) - lerp(0.7, 0.625, 0.75))).toBeLessThanOrEqual(ROUNDING);
  });
  it('just past the fine interval: between the coarse nodes 1 and 2 (no node beyond fb)', () => {
    expect(Math.abs(T(1.1) - lerp(1.1, 1, 2))).toBeLessThanOrEqual(ROUNDING);
  });
  it('at the nodes themselves: F exactly', () => {
    for (const x of [0, 0.5, 0.625, 0.75, 0.875, 1]) expect(T(x)).toBe(F(x));
  });
  it('a fine interval outside [lo, hi] adds no node: the value at hi is F(hi)', () => {
    const U = tabulatedCdf(F, 0, 2, 3, [[3, 4]], 5);
    expect(U(2)).toBe(F(2));
    expect(Math.abs(U(1.5) - lerp(1.5, 1, 2))).toBeLessThanOrEqual(ROUNDING);
  });
});

describe('tabulatedLaw: no exact evaluation inside mean ± width·sd after tabulation', () => {
  it('sd = 2 (so width/sd ≠ width·sd): calls at m ± 11 sd are interpolated', () => {
    let calls = 0;
    // A law with mean 30 and sd 2 (a normal cdf is not needed: any increasing function will do).
    const law: SpectralLaw = { name: 'test', description: 'logistic, mean 30, sd 2', cdf: (x) => (calls++, 1 / (1 + Math.exp(-(x - 30)))), mean: () => 30, variance: () => 4 };
    const t = tabulatedLaw(law, 12, 257);
    const afterBuild = calls;
    expect(afterBuild).toBe(257);
    for (const k of [-11, -5, 0, 5, 11]) t.cdf(30 + 2 * k);
    expect(calls).toBe(afterBuild);
  });
});

describe('input checks at their boundaries', () => {
  it('free multiplicative convolution: atom τ = 0 and weight −0.1 are refused, weight 0 is allowed', () => {
    const law = (tau: number[], weight: number[]) => ({ tau: Float64Array.from(tau), weight: Float64Array.from(weight) });
    expect(() => freeMultiplicativeConvolution(law([0, 1], [0.5, 0.5]), 0.5)).toThrow(/atoms τ > 0/);
    expect(() => freeMultiplicativeConvolution(law([1, 2], [1.1, -0.1]), 0.5)).toThrow(/weights ≥ 0/);
    expect(() => freeMultiplicativeConvolution(law([1, 2], [1, 0]), 0.5, { lo: 0.05, hi: 4, points: 64 })).not.toThrow();
  });
  it('C4: the fraction f = 0 is refused (f must be in (0, 1))', () => {
    expect(() => c4NormalisedTimeBand(0.5, 0, -1)).toThrow(/f must be in \(0, 1\)/);
  });
  it('S3: an invalid spike names the function that refused it', () => {
    expect(() => neighbourTopEigenvalue({ ell: -1, gamma: 0.5 }, 'naive-spike')).toThrow(/^neighbourTopEigenvalue: field `ell`/);
  });
});
