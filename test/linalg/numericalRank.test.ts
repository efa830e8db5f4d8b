/**
 * numericalRank: the max(m,n)·eps·σ_max rule and the evidence it reports, on
 * exact-rank products (via the portable SVD) and on hand-made spectra.
 */
import { describe, expect, it } from 'vitest';
import { EPS, matmul } from '../../src/linalg/matrix.js';
import { numericalRank } from '../../src/linalg/numericalRank.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { Rng } from '../../src/rng/rng.js';
import { randomMatrix } from '../support/randomMatrices.js';

/** Rank decisions in the tests below must be unambiguous by at least this factor. */
const CLEAR_GAP = 1e8;

describe('exact-rank-r products X·Y (X n×r, Y r×m)', () => {
  const backend = getBackend('portable');
  for (const [n, r, m, seed] of [
    [40, 7, 30, 1],
    [30, 12, 50, 2],
    [200, 20, 100, 3],
    [25, 1, 25, 4],
    [60, 39, 40, 5],
  ] as const) {
    it(`${n}×${m} of rank ${r}: rank ${r}, gap > 1e8`, () => {
      const rng = Rng.fromSeed(seed);
      const a = matmul(randomMatrix(rng, n, r), randomMatrix(rng, r, m));
      const s = backend.singularValues(a);
      const ev = numericalRank(s, n, m);
      expect(ev.rank).toBe(r);
      expect(ev.tolerance).toBe(Math.max(n, m) * EPS * s[0]);
      expect(ev.sigmaMax).toBe(s[0]);
      expect(ev.sigmaAtRank).toBe(s[r - 1]);
      expect(ev.sigmaBelowRank).toBe(s[r]);
      expect(ev.gap).toBeGreaterThan(CLEAR_GAP);
      expect(ev.toleranceMargin).toBeGreaterThan(1);
    });
  }

  it('full-rank random matrix: rank = min(m,n), nothing dropped, gap = Infinity', () => {
    const a = randomMatrix(Rng.fromSeed(9), 30, 20);
    const s = getBackend().singularValues(a);
    const ev = numericalRank(s, 30, 20);
    expect(ev.rank).toBe(20);
    expect(ev.sigmaBelowRank).toBeNull();
    expect(ev.gap).toBe(Infinity);
    expect(ev.relativeGap).toBeCloseTo(s[19] / s[0], 15);
  });
});

describe('numericalRank on given spectra', () => {
  it('the default tolerance is max(rows, cols)·eps·σ_max, and the comparison is strict', () => {
    const tol = 7 * EPS * 2;
    const s = Float64Array.of(2, 1, tol, tol / 2);
    const ev = numericalRank(s, 4, 7);
    expect(ev.tolerance).toBe(tol);
    expect(ev.rank).toBe(2); // σ₃ equals the tolerance: dropped
    expect(ev.sigmaAtRank).toBe(1);
    expect(ev.sigmaBelowRank).toBe(tol);
    expect(ev.gap).toBe(1 / tol);
    expect(ev.relativeGap).toBeCloseTo((1 - tol) / 2, 15);
    expect(ev.toleranceMargin).toBe(1); // tol/σ₃ = 1: on the edge
  });

  it('opts.rtol overrides the tolerance (rtol·σ_max)', () => {
    const s = Float64Array.of(10, 1, 1e-3, 1e-9);
    expect(numericalRank(s, 4, 4).rank).toBe(4);
    const ev = numericalRank(s, 4, 4, { rtol: 1e-6 });
    expect(ev.tolerance).toBeCloseTo(1e-5, 20);
    expect(ev.rank).toBe(3);
    expect(ev.gap).toBeCloseTo(1e6, 3);
    expect(numericalRank(s, 4, 4, { rtol: 0 }).rank).toBe(4);
  });

  it('zero matrix: rank 0, tolerance 0, gap 0, σ_r null', () => {
    const ev = numericalRank(new Float64Array(3), 3, 5);
    expect(ev).toEqual({
      rank: 0,
      tolerance: 0,
      sigmaMax: 0,
      sigmaAtRank: null,
      sigmaBelowRank: 0,
      gap: 0,
      relativeGap: 0,
      toleranceMargin: Infinity,
    });
  });

  it('empty matrix (0×4): rank 0', () => {
    const ev = numericalRank(new Float64Array(0), 0, 4);
    expect(ev.rank).toBe(0);
    expect(ev.sigmaAtRank).toBeNull();
    expect(ev.sigmaBelowRank).toBeNull();
    expect(ev.gap).toBe(0);
  });

  it('trailing exact zeros: gap = Infinity', () => {
    const ev = numericalRank(Float64Array.of(3, 2, 0, 0), 4, 4);
    expect(ev.rank).toBe(2);
    expect(ev.sigmaBelowRank).toBe(0);
    expect(ev.gap).toBe(Infinity);
    expect(ev.toleranceMargin).toBe(2 / (4 * EPS * 3));
  });

  it('a marginal decision is visible in the evidence (gap ≈ 1, margin ≈ 1)', () => {
    const tol = 5 * EPS;
    const ev = numericalRank(Float64Array.of(1, 1.5 * tol, 0.9 * tol), 5, 3);
    expect(ev.rank).toBe(2);
    expect(ev.gap).toBeCloseTo(1.5 / 0.9, 12);
    expect(ev.toleranceMargin).toBeCloseTo(1 / 0.9, 12);
  });
});

describe('numericalRank input validation', () => {
  it('non-finite singular values name the argument and index', () => {
    expect(() => numericalRank(Float64Array.of(1, NaN), 2, 2)).toThrow(/numericalRank: singularValuesDesc\[1\] is NaN/);
    expect(() => numericalRank(Float64Array.of(Infinity, 1), 2, 2)).toThrow(/singularValuesDesc\[0\] is Infinity; singular values must be finite/);
  });

  it('negative, unsorted, wrong count, bad shape, bad rtol', () => {
    expect(() => numericalRank(Float64Array.of(1, -1e-20), 2, 2)).toThrow(/singularValuesDesc\[1\] = -1e-20 is negative/);
    expect(() => numericalRank(Float64Array.of(1, 2), 2, 2)).toThrow(/not descending at index 1/);
    expect(() => numericalRank(Float64Array.of(1, 0.5), 2, 3)).not.toThrow();
    expect(() => numericalRank(Float64Array.of(1, 0.5, 0.1), 2, 3)).toThrow(/has 3 entries, expected min\(rows, cols\) = 2/);
    expect(() => numericalRank(Float64Array.of(1), 1.5, 1)).toThrow(/rows must be a non-negative integer/);
    expect(() => numericalRank(Float64Array.of(1), 1, -1)).toThrow(/cols must be a non-negative integer/);
    expect(() => numericalRank(Float64Array.of(1), 1, 1, { rtol: 1 })).toThrow(/opts\.rtol must be a finite number in \[0, 1\)/);
    expect(() => numericalRank(Float64Array.of(1), 1, 1, { rtol: NaN })).toThrow(/opts\.rtol/);
    expect(() => numericalRank([1] as unknown as Float64Array, 1, 1)).toThrow(/singularValuesDesc must be a Float64Array/);
  });
});
