/**
 * gaussianClusters: exact standardisation (mean 0, variance 1 per feature to a rounding bound
 * derived below), balanced labels, determinism in the seed, and the centres-vs-labels option.
 */
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/matrix.js';
import { Rng } from '../../src/rng/index.js';
import { gaussianClusters } from '../../src/training/gaussianClusters.js';

describe('gaussianClusters', () => {
  const spec = { k: 4, d: 7, N: 203, spread: 0.5 };
  const g = gaussianClusters(spec, Rng.fromSeed(11));
  it('standardises every feature exactly: mean 0, population variance 1', () => {
    const { X } = g;
    // Two-pass mean/variance: the computed mean of the standardised column is the rounding of
    // a sum of N terms of size ≤ max|x| (≤ ~5), each rounded: |mean| ≤ N·eps·max|x|; the
    // variance is within ~4N·eps of 1 (sums of N squares, one division).
    let maxAbs = 0;
    for (const v of X.data) maxAbs = Math.max(maxAbs, Math.abs(v));
    for (let j = 0; j < spec.d; j++) {
      let s = 0;
      for (let n = 0; n < spec.N; n++) s += X.data[n * spec.d + j];
      const mean = s / spec.N;
      let v = 0;
      for (let n = 0; n < spec.N; n++) v += (X.data[n * spec.d + j] - mean) ** 2;
      expect(Math.abs(mean)).toBeLessThanOrEqual(spec.N * EPS * maxAbs);
      expect(Math.abs(v / spec.N - 1)).toBeLessThanOrEqual(4 * spec.N * EPS);
    }
  });
  it('labels are balanced (⌊N/k⌋ or ⌈N/k⌉ each) and in 0 … k−1', () => {
    const counts = new Array(spec.k).fill(0);
    for (const l of g.labels) counts[l]++;
    for (const c of counts) expect([Math.floor(spec.N / spec.k), Math.ceil(spec.N / spec.k)]).toContain(c);
  });
  it('points sit near their own (standardised) centre: nearest centre = label for a small spread', () => {
    const tight = gaussianClusters({ ...spec, spread: 0.05 }, Rng.fromSeed(3));
    let wrong = 0;
    for (let n = 0; n < spec.N; n++) {
      let best = -1;
      let bestD = Infinity;
      for (let c = 0; c < spec.k; c++) {
        let dd = 0;
        for (let j = 0; j < spec.d; j++) dd += (tight.X.data[n * spec.d + j] - tight.centres.data[c * spec.d + j]) ** 2;
        if (dd < bestD) [bestD, best] = [dd, c];
      }
      if (best !== tight.labels[n]) wrong++;
    }
    expect(wrong).toBe(0);
  });
  it('is a function of the seed; the centres do not depend on N', () => {
    expect(gaussianClusters(spec, Rng.fromSeed(11)).X.data).toEqual(g.X.data);
    const other = gaussianClusters({ ...spec, N: 400 }, Rng.fromSeed(11));
    // Raw centres = standardised·std + mean.
    for (let i = 0; i < spec.k * spec.d; i++) {
      const j = i % spec.d;
      const a = g.centres.data[i] * g.featureStd[j] + g.featureMean[j];
      const b = other.centres.data[i] * other.featureStd[j] + other.featureMean[j];
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12);
    }
  });
  it('centres < k puts several labels on one cluster', () => {
    const one = gaussianClusters({ ...spec, centres: 1 }, Rng.fromSeed(2));
    expect(one.centres.rows).toBe(1);
    expect(new Set(one.labels).size).toBe(spec.k);
  });
  it('rejects bad input by name', () => {
    expect(() => gaussianClusters({ ...spec, N: 3 }, Rng.fromSeed(1))).toThrow(/gaussianClusters: N/);
    expect(() => gaussianClusters({ ...spec, spread: 0 }, Rng.fromSeed(1))).toThrow(/spread/);
    expect(() => gaussianClusters({ ...spec, centres: 5 }, Rng.fromSeed(1))).toThrow(/centres/);
  });
});
