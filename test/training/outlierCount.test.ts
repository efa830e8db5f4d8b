/**
 * S2's counting rule (theory/bulkOutliers.ts countOutliers, "the largest gap below the top"):
 * planted outliers on a synthetic bulk are counted exactly, with and without a detached top
 * eigenvalue; a pure bulk counts 0 under MIN_GAP; the threshold is inclusive; the top ratio is
 * only a fallback; the recorded bulk edge, top ratio and legacy count; the decision's
 * error-bound robustness.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { lanczosEigenvalues } from '../../src/linalg/lanczos.js';
import { diagonalOperator } from '../../src/linalg/operator.js';
import { countByLargestRatioGap, countOutliers, MIN_GAP } from '../../theory/bulkOutliers.js';

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

/** Top 12 of a bulk (edge 0.0225) plus the given outliers, through Lanczos as the properties take them. */
function topOf(outliers: readonly number[], seed: number) {
  const d = Float64Array.from([...wishartBulk(300, Rng.fromSeed(seed), 0.01), ...outliers]);
  return lanczosEigenvalues(diagonalOperator(d), { k: 12, tolerance: 1e-10 });
}

describe('countOutliers', () => {
  it('counts c planted outliers above a bulk, for c = 1 … 6, through Lanczos', () => {
    for (let c = 1; c <= 6; c++) {
      // Outliers 5×…20× the bulk edge 0.0225: the edge ratio is ≥ 5/1.0… ≫ MIN_GAP; inside the outliers ≤ 4.
      const lz = topOf(
        Array.from({ length: c }, (_, i) => 0.0225 * (20 - (15 * i) / Math.max(c - 1, 1))),
        c,
      );
      const r = countOutliers(lz.values, lz.errorBounds);
      expect(r.count, `planted ${c}, top ${r.top}`).toBe(c);
      expect(r.decisive).toBe(true);
      expect(r.gap).toBeGreaterThan(4);
      expect(r.bulkEdge).toBe(r.top[c]); // the largest eigenvalue not counted
      expect(r.bulkEdge).toBeLessThanOrEqual(0.0225 * 1.01);
    }
  });
  it('a detached top eigenvalue does not hide the others: planted 1 + c − 1 with λ_1/λ_2 = 8 > the edge ratio 3', () => {
    for (let c = 2; c <= 6; c++) {
      // Outliers 3× … 4× the bulk edge (internal ratios ≤ 4/3), and a top eigenvalue 8× the second.
      const rest = Array.from({ length: c - 1 }, (_, i) => 0.0225 * (4 - i / Math.max(c - 2, 1)));
      const lz = topOf([8 * rest[0], ...rest], 10 + c);
      const r = countOutliers(lz.values, lz.errorBounds);
      expect(r.count, `planted ${c}, top ${r.top}`).toBe(c);
      expect(r.topGap).toBeCloseTo(8, 6);
      expect(r.gap).toBeGreaterThan(2.9); // ≥ 3/1.0… at the bulk edge
      expect(r.decisive).toBe(true);
      // The legacy rule (the wrong neighbour rule) stops at the detached top.
      expect(r.legacyCount).toBe(1);
      expect(countByLargestRatioGap(lz.values)).toBe(1);
    }
  });
  it('a pure bulk has no gap ≥ MIN_GAP at its top, so counts 0', () => {
    expect(MIN_GAP).toBe(1.5);
    const bulk = wishartBulk(500, Rng.fromSeed(9), 1);
    const lz = lanczosEigenvalues(diagonalOperator(bulk), { k: 12, tolerance: 1e-10 });
    const r = countOutliers(lz.values);
    expect(r.count).toBe(0);
    expect(r.gap).toBeLessThan(MIN_GAP);
    expect(r.gapPosition).toBeGreaterThan(0); // the largest ratio is still reported
    expect(r.bulkEdge).toBe(r.top[0]);
    expect(r.legacyCount).toBe(0);
  });
  it('MIN_GAP is inclusive: a ratio of exactly MIN_GAP counts, one just below does not', () => {
    // 3/2 = 1.5 exactly in binary; the other ratios (1.1) are smaller.
    expect(countOutliers([3.3, 3, 2, 1.8]).count).toBe(2);
    expect(countOutliers([3.3, 3, 2.0000001, 1.8]).count).toBe(0);
    expect(countOutliers([3.3, 3, 2, 1.8]).minGap).toBe(MIN_GAP);
    // The top ratio alone: exactly MIN_GAP counts 1.
    expect(countOutliers([3, 2, 1.9, 1.8]).count).toBe(1);
    expect(countOutliers([3, 2.0000001, 1.9, 1.8]).count).toBe(0);
  });
  it('exact values: the largest ratio below the top wins, ties to the first, the top ratio only as fallback', () => {
    // Ratios 2, 2, 2: below the top, positions 2 and 3 tie → 2 (the legacy rule: 1).
    expect(countOutliers([8, 4, 2, 1])).toMatchObject({ count: 2, gapPosition: 2, runnerUpPosition: 3, topGap: 2, legacyCount: 1 });
    expect(countOutliers([10, 9, 3, 2.5]).count).toBe(2);
    expect(countOutliers([5, 4, 0, -1])).toMatchObject({ count: 2, gap: Infinity, bulkEdge: 0 });
    const r = countOutliers([10, 9, 3, 2.5], [0, 0, 0, 0]);
    expect(r.gap).toBe(3);
    expect(r.runnerUpGap).toBeCloseTo(1.2, 15); // 3/2.5; the top ratio 10/9 is not a competitor
    expect(r.runnerUpPosition).toBe(3);
    expect(r.margin).toBeCloseTo(2.5, 14);
    // Detached top, edge below: 10/3.5 = 2.86 is the largest ratio, but 2.6/1.2 = 2.17 is the edge.
    expect(countOutliers([10, 3.5, 3, 2.6, 1.2, 1.1, 1])).toMatchObject({ count: 4, gapPosition: 4, bulkEdge: 1.2, legacyCount: 1 });
    // Fallback: nothing below the top reaches MIN_GAP, the top ratio does.
    const f = countOutliers([10, 2, 1.8, 1.75, 1.7]);
    expect(f).toMatchObject({ count: 1, gap: 5, gapPosition: 1, runnerUpPosition: 2, bulkEdge: 2, legacyCount: 1 });
    expect(f.runnerUpGap).toBeCloseTo(2 / 1.8, 15);
    // m = 2: the top ratio is the only one.
    expect(countOutliers([2, 1])).toMatchObject({ count: 1, gap: 2, runnerUpGap: 1, runnerUpPosition: 0, margin: 2, decisive: true });
    expect(countOutliers([1.2, 1])).toMatchObject({ count: 0, gapPosition: 1 });
  });
  it('decisive is false when the error bounds can swap the edge or cross MIN_GAP', () => {
    const r = countOutliers([10, 5, 2.4, 1.2, 1.1], [0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(r.count).toBe(2); // 5/2.4 = 2.083 beats 2.4/1.2 = 2, but not within the bounds
    expect(r.decisive).toBe(false);
    // Edge ratio 9/5.806 = 1.550 with bounds that reach below MIN_GAP ((9 − 0.15)/(5.806 + 0.15) = 1.486), or do not.
    expect(countOutliers([10, 9, 5.806, 5.6, 5.5]).count).toBe(2);
    expect(countOutliers([10, 9, 5.806, 5.6, 5.5], [0, 0.15, 0.15, 0, 0]).decisive).toBe(false);
    expect(countOutliers([10, 9, 5.806, 5.6, 5.5], [0, 0.001, 0.001, 0, 0]).decisive).toBe(true);
    // Fallback count 1 with a ratio below the top that the bounds can lift to MIN_GAP.
    expect(countOutliers([10, 2, 1.4, 1.3], [0, 0.1, 0.1, 0]).decisive).toBe(false);
  });
  it('rejects unsorted input, a non-positive top and bad bounds', () => {
    expect(() => countOutliers([1, 2])).toThrow(/descending/);
    expect(() => countOutliers([0, -1])).toThrow(/no positive outlier/);
    expect(() => countByLargestRatioGap([1, 2])).toThrow(/countByLargestRatioGap: .*descending/);
  });
});
