/**
 * S2's counting rule (theory/bulkOutliers.ts countOutliers, on src/training/largestRatioGap.ts):
 * planted outliers on a synthetic bulk are counted exactly; a pure bulk counts 0 under MIN_GAP;
 * the rule's threshold is inclusive; the decision's error-bound robustness is reported.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { lanczosEigenvalues } from '../../src/linalg/lanczos.js';
import { diagonalOperator } from '../../src/linalg/operator.js';
import { countOutliers, MIN_GAP } from '../../theory/bulkOutliers.js';

/** A Marchenko–Pastur-like bulk: eigenvalues of a Wishart matrix XᵀX/n, X n×p Gaussian (p/n = 1/4), scale s. */
function wishartBulk(p: number, rng: Rng, s: number): Float64Array {
  // Quantiles of MP(γ = 1/4) on [ (1−½)², (1+½)² ] by inverse CDF on a fine grid: deterministic, smooth top.
  const a = 0.25;
  const b = 2.25;
  const grid = 20000;
  const cdf: number[] = [];
  let acc = 0;
  for (let i = 0; i < grid; i++) {
    const x = a + ((b - a) * (i + 0.5)) / grid;
    acc += Math.sqrt((b - x) * (x - a)) / (2 * Math.PI * 0.25 * x);
    cdf.push(acc);
  }
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const u = ((i + 0.5) / p) * acc;
    const j = cdf.findIndex((c) => c >= u);
    out[i] = s * (a + ((b - a) * (j + 0.5)) / grid) * (1 + 1e-3 * rng.normal());
  }
  return out;
}

describe('countOutliers', () => {
  it('counts c planted outliers above a bulk, for c = 1 … 6, through Lanczos', () => {
    for (let c = 1; c <= 6; c++) {
      const rng = Rng.fromSeed(c);
      const bulk = wishartBulk(300, rng, 0.01);
      // Outliers 5×…20× the bulk edge 0.0225: gap at the edge ≥ 5/… well above 1.5.
      const d = Float64Array.from([...bulk, ...Array.from({ length: c }, (_, i) => 0.0225 * (20 - (15 * i) / Math.max(c - 1, 1)))]);
      const lz = lanczosEigenvalues(diagonalOperator(d), { k: 12, tolerance: 1e-10 });
      const r = countOutliers(lz.values, lz.errorBounds);
      expect(r.count, `planted ${c}, top ${r.top}`).toBe(c);
      expect(r.decisive).toBe(true);
      expect(r.gap).toBeGreaterThan(4);
    }
  });
  it('a pure bulk has no gap ≥ MIN_GAP at its top, so counts 0', () => {
    expect(MIN_GAP).toBe(1.5);
    const bulk = wishartBulk(500, Rng.fromSeed(9), 1);
    const lz = lanczosEigenvalues(diagonalOperator(bulk), { k: 12, tolerance: 1e-10 });
    const r = countOutliers(lz.values);
    expect(r.count).toBe(0);
    expect(r.gap).toBeLessThan(MIN_GAP);
    expect(r.gapPosition).toBeGreaterThan(0); // the largest gap is still reported
  });
  it('MIN_GAP is inclusive: a ratio of exactly MIN_GAP counts, one just below does not', () => {
    // 3/2 = 1.5 exactly in binary; the other ratios (1.1) are smaller.
    expect(countOutliers([3.3, 3, 2, 1.8]).count).toBe(2);
    expect(countOutliers([3.3, 3, 2.0000001, 1.8]).count).toBe(0);
    expect(countOutliers([3.3, 3, 2, 1.8]).minGap).toBe(MIN_GAP);
  });
  it('exact values: largest ratio wins, ties to the first, non-positive tail is an infinite gap', () => {
    expect(countOutliers([8, 4, 2, 1]).count).toBe(1); // ratios 2, 2, 2: first
    expect(countOutliers([10, 9, 3, 2.5]).count).toBe(2);
    expect(countOutliers([5, 4, 0, -1]).count).toBe(2);
    const r = countOutliers([10, 9, 3, 2.5], [0, 0, 0, 0]);
    expect(r.gap).toBe(3);
    expect(r.runnerUpGap).toBeCloseTo(1.2, 15); // 3/2.5 beats 10/9
    expect(r.runnerUpPosition).toBe(3);
    expect(r.margin).toBeCloseTo(2.5, 14);
  });
  it('decisive is false when the error bounds can swap the decision', () => {
    const r = countOutliers([10, 5, 2.4, 1.2], [0.5, 0.5, 0.5, 0.5]);
    expect(r.count).toBe(2); // 5/2.4 = 2.083 vs 2 and 2
    expect(r.decisive).toBe(false);
  });
  it('rejects unsorted input and a non-positive top', () => {
    expect(() => countOutliers([1, 2])).toThrow(/descending/);
    expect(() => countOutliers([0, -1])).toThrow(/no positive outlier/);
  });
});
