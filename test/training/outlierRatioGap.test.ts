/**
 * S2's counting rule (theory/bulkOutliers.ts countOutliers) and the legacy rule
 * (countByLargestRatioGap) against a brute-force reading of their definitions (every ratio
 * listed and sorted), and `decisive` against perturbations inside the error bounds: when it
 * says the count is robust, no spectrum within the bounds changes it.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { countByLargestRatioGap, countOutliers, MIN_GAP } from '../../theory/bulkOutliers.js';

/** Descending values: a few well-separated on top of a smooth positive tail. */
function spectrum(rng: Rng, m: number): number[] {
  const v = Array.from({ length: m }, () => Math.exp(3 * rng.normal()));
  return v.sort((a, b) => b - a);
}

/** Every ratio with its 1-based position, the largest first (stable sort: ties keep the first position). */
function sortedRatios(values: number[], from: number): Array<{ i: number; g: number }> {
  const r = values.slice(0, -1).map((v, i) => ({ i: i + 1, g: values[i + 1] <= 0 ? (v > 0 ? Infinity : 1) : v / values[i + 1] }));
  return r.filter((x) => x.i >= from).sort((a, b) => b.g - a.g);
}

/** The rules as their definitions read: legacy = the largest of all ratios; new = the largest below the top, else the top. */
function bruteForce(values: number[]): { legacy: number; count: number } {
  const all = sortedRatios(values, 1);
  const below = sortedRatios(values, 2);
  const legacy = all[0].g >= MIN_GAP ? all[0].i : 0;
  const count = below.length && below[0].g >= MIN_GAP ? below[0].i : all.find((x) => x.i === 1)!.g >= MIN_GAP ? 1 : 0;
  return { legacy, count };
}

describe('S2 counting rules against brute force', () => {
  it('agree with the sorted-ratio reading of both definitions on 400 random spectra (m = 2 … 12)', () => {
    const rng = Rng.fromSeed(11);
    let differ = 0;
    for (let t = 0; t < 400; t++) {
      const v = spectrum(rng, 2 + (t % 11));
      const r = countOutliers(v);
      const b = bruteForce(v);
      expect(r.count, `spectrum ${v}`).toBe(b.count);
      expect(r.legacyCount).toBe(b.legacy);
      expect(countByLargestRatioGap(v)).toBe(b.legacy);
      expect(r.top).toEqual(v);
      expect(r.topGap).toBe(v[0] / v[1]);
      expect(r.bulkEdge).toBe(v[r.count]);
      if (r.count !== r.legacyCount) differ++;
    }
    // The draws exercise the difference: the top ratio is the largest yet a ratio below reaches MIN_GAP.
    expect(differ).toBeGreaterThan(20);
  });

  it('exact cases: a non-positive value below is an infinite gap, m = 2 has no runner-up', () => {
    expect(countOutliers([5, 4, 0, -1])).toMatchObject({ count: 2, gapPosition: 2, gap: Infinity, runnerUpGap: 1, runnerUpPosition: 3 });
    expect(countOutliers([2, 1])).toMatchObject({ count: 1, gapPosition: 1, gap: 2, runnerUpGap: 1, runnerUpPosition: 0, margin: 2, decisive: true });
  });

  it('decisive ⇒ every spectrum inside the error bounds keeps the same count', () => {
    const rng = Rng.fromSeed(12);
    let decisiveSeen = 0;
    let notDecisiveSeen = 0;
    for (let t = 0; t < 150; t++) {
      const v = spectrum(rng, 8);
      // Bounds up to 20% of the smallest value: large enough that some counts are not decisive.
      const err = v.map(() => 0.2 * v[v.length - 1] * rng.uniform());
      const r = countOutliers(v, err);
      if (!r.decisive) {
        notDecisiveSeen++;
        continue;
      }
      decisiveSeen++;
      for (let s = 0; s < 50; s++) {
        // Any perturbation inside the bounds, re-sorted (a perturbed spectrum is still a spectrum).
        const p = v.map((x, i) => x + err[i] * (2 * rng.uniform() - 1)).sort((a, b) => b - a);
        expect(countOutliers(p).count).toBe(r.count);
      }
    }
    expect(decisiveSeen).toBeGreaterThan(10);
    expect(notDecisiveSeen).toBeGreaterThan(0);
  });

  it('rejects bad input by name', () => {
    expect(() => countOutliers([1])).toThrow(/at least 2/);
    expect(() => countOutliers([1, NaN])).toThrow(/eigenvalue 1 is NaN/);
    expect(() => countOutliers([1, 2])).toThrow(/descending/);
    expect(() => countOutliers([0, -1])).toThrow(/no positive outlier/);
    expect(() => countOutliers([2, 1], [0])).toThrow(/errorBounds must be 2 numbers/);
    expect(() => countOutliers([2, 1], [0, -1])).toThrow(/errorBounds/);
  });
});
