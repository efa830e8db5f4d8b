/**
 * The largest ratio gap of S2's counting rule (theory/bulkOutliers.ts countOutliers) against a
 * brute-force reading of its definition (all ratios listed and sorted), and `decisive` against
 * perturbations inside the error bounds: when it says the choice is robust, no spectrum within
 * the bounds moves the largest gap.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { countOutliers } from '../../theory/bulkOutliers.js';

/** The rule's gap part (position, gaps, decisive), whatever MIN_GAP decides about the count. */
function largestRatioGap(values: number[], errorBounds?: number[]) {
  const r = countOutliers(values, errorBounds);
  return { position: r.gapPosition, gap: r.gap, runnerUpGap: r.runnerUpGap, runnerUpPosition: r.runnerUpPosition, margin: r.margin, decisive: r.decisive, top: r.top };
}

/** Descending values: a few well-separated on top of a smooth positive tail. */
function spectrum(rng: Rng, m: number): number[] {
  const v = Array.from({ length: m }, () => Math.exp(3 * rng.normal()));
  return v.sort((a, b) => b - a);
}

function bruteForce(values: number[]): { position: number; gap: number; runnerUp: number } {
  const r = values.slice(0, -1).map((v, i) => ({ i: i + 1, g: values[i + 1] <= 0 ? (v > 0 ? Infinity : 1) : v / values[i + 1] }));
  // Stable sort: ties keep the first position, as the function documents.
  const sorted = [...r].sort((a, b) => b.g - a.g);
  return { position: sorted[0].i, gap: sorted[0].g, runnerUp: sorted.length > 1 ? sorted[1].g : 1 };
}

describe('countOutliers: the largest ratio gap', () => {
  it('agrees with the brute-force argmax of λ_i/λ_{i+1} on 200 random spectra', () => {
    const rng = Rng.fromSeed(11);
    for (let t = 0; t < 200; t++) {
      const v = spectrum(rng, 2 + (t % 11));
      const g = largestRatioGap(v);
      const b = bruteForce(v);
      expect(g.position, `spectrum ${v}`).toBe(b.position);
      expect(g.gap).toBe(b.gap);
      expect(g.runnerUpGap).toBe(b.runnerUp);
      expect(g.margin).toBe(b.gap / b.runnerUp);
      expect(g.top).toEqual(v);
    }
  });

  it('exact cases: ties to the first, a non-positive value below is an infinite gap, m = 2 has no runner-up', () => {
    expect(largestRatioGap([8, 4, 2, 1]).position).toBe(1);
    expect(largestRatioGap([5, 4, 0, -1])).toMatchObject({ position: 2, gap: Infinity, runnerUpGap: 1.25, runnerUpPosition: 1 });
    expect(largestRatioGap([2, 1])).toMatchObject({ position: 1, gap: 2, runnerUpGap: 1, runnerUpPosition: 0, margin: 2, decisive: true });
  });

  it('decisive ⇒ every spectrum inside the error bounds keeps the same largest gap', () => {
    const rng = Rng.fromSeed(12);
    let decisiveSeen = 0;
    let notDecisiveSeen = 0;
    for (let t = 0; t < 100; t++) {
      const v = spectrum(rng, 8);
      // Bounds up to 20% of the smallest value: large enough that some choices are not decisive.
      const err = v.map(() => 0.2 * v[v.length - 1] * rng.uniform());
      const g = largestRatioGap(v, err);
      if (!g.decisive) {
        notDecisiveSeen++;
        continue;
      }
      decisiveSeen++;
      for (let s = 0; s < 50; s++) {
        // Any perturbation inside the bounds, re-sorted (a perturbed spectrum is still a spectrum).
        const p = v.map((x, i) => x + err[i] * (2 * rng.uniform() - 1)).sort((a, b) => b - a);
        expect(largestRatioGap(p).position).toBe(g.position);
      }
    }
    expect(decisiveSeen).toBeGreaterThan(10);
    expect(notDecisiveSeen).toBeGreaterThan(0);
  });

  it('rejects bad input by name', () => {
    expect(() => largestRatioGap([1])).toThrow(/at least 2/);
    expect(() => largestRatioGap([1, NaN])).toThrow(/eigenvalue 1 is NaN/);
    expect(() => largestRatioGap([1, 2])).toThrow(/descending/);
    expect(() => largestRatioGap([0, -1])).toThrow(/no positive outlier/);
    expect(() => largestRatioGap([2, 1], [0])).toThrow(/errorBounds must be 2 numbers/);
    expect(() => largestRatioGap([2, 1], [0, -1])).toThrow(/errorBounds/);
  });
});
