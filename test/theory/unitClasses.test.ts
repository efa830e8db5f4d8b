/**
 * theory/unitClasses.ts and theory/rankGenericity.ts on hand-made weight matrices whose classes,
 * scales, orientations and separations are worked out by hand (values in the comments).
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/linalg/matrix.js';
import { lineAngle, reluSamplesNeeded, reluSeparation, unitSeparation } from '../../theory/rankGenericity.js';
import { hasZeroRow, isDegenerate, mergeScales, parallelScale, PARALLEL_RTOL, unitClasses } from '../../theory/unitClasses.js';

const M = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });

describe('unitClasses', () => {
  // Rows: u = (1, 2); 1.7u; −u; v = (2, −1) ⟂ u; −2.3·1.7u (computed as a float product); u again.
  const u = [1, 2];
  const W = M([u, u.map((x) => 1.7 * x), u.map((x) => -x), [2, -1], u.map((x) => -2.3 * (1.7 * x)), u]);
  const a = [1, 0, 2, 3, 0, 1];
  const classes = unitClasses(W, a);
  it('groups parallel rows into one class, orthogonal ones apart', () => {
    expect(classes.map((c) => c.subclasses.flatMap((s) => s.units.map((x) => x.index)).sort())).toEqual([[0, 1, 2, 4, 5], [3]]);
  });
  it('subclasses by |c|: {1, −1, 1} (units 0, 2, 5), {1.7} (1), {3.91} (4); orientation and activity by hand', () => {
    const subs = classes[0].subclasses;
    expect(subs.map((s) => s.units.map((x) => x.index))).toEqual([[0, 2, 5], [1], [4]]);
    expect(subs[0]).toMatchObject({ positive: true, negative: true, activePositive: true, activeNegative: true });
    expect(subs[1]).toMatchObject({ positive: true, negative: false, activePositive: false, activeNegative: false });
    expect(subs[2]).toMatchObject({ positive: false, negative: true, activePositive: false, activeNegative: false });
    expect(subs[2].absScale).toBeCloseTo(3.91, 14);
    expect(mergeScales(classes[0]).units).toHaveLength(5);
  });
  it('parallelScale: exact multiples give c; a rotation by 1e-5 rad (defect 1e-10 ≫ PARALLEL_RTOL) is not parallel', () => {
    expect(parallelScale([1, 2], [-2, -4])).toBe(-2);
    const t = 1e-5;
    expect(parallelScale([1, 0], [Math.cos(t), Math.sin(t)])).toBeNull();
    expect(t * t).toBeGreaterThan(PARALLEL_RTOL);
    expect(parallelScale([0, 0], [1, 1])).toBeNull();
  });
  it('degeneracy and zero rows', () => {
    expect(isDegenerate(classes, a)).toBe(true);
    expect(isDegenerate(unitClasses(M([[1, 0], [0, 1]]), [1, 1]), [1, 1])).toBe(false);
    expect(isDegenerate(unitClasses(M([[1, 0], [0, 1]]), [1, 0]), [1, 0])).toBe(true);
    expect(hasZeroRow(M([[1, 0], [0, 0]]))).toBe(true);
    expect(() => unitClasses(M([[1, 0], [0, 0]]), [1, 1])).toThrow(/zero row/);
  });
});

describe('separations (hand values)', () => {
  it('lineAngle ignores the orientation: (1, 0) and (−1, 1) are π/4 apart', () => {
    expect(lineAngle([1, 0], [-1, 1])).toBeCloseTo(Math.PI / 4, 14);
  });
  it('ReLU: the smallest angle between different lines; a reflected pair is one line', () => {
    expect(reluSeparation(M([[1, 0], [-1, 0], [0, 2]]))).toBeCloseTo(Math.PI / 2, 14);
    expect(reluSeparation(M([[1, 0], [Math.cos(0.2), Math.sin(0.2)]]))).toBeCloseTo(0.2, 12);
    expect(reluSeparation(M([[1, 0], [2, 0]]))).toBe(Math.PI);
    expect(reluSamplesNeeded(12)).toBe(8 * 12 + 40);
  });
  it('smooth: min over different subclasses of min‖w_j ∓ w_l‖/max norm, and norms over the mean', () => {
    // (1, 0) and (1.7, 0): one line, |c| 1 and 1.7: 0.7/1.7; (0, 1) is far; norms 1, 1.7, 1 → mean 1.2333, min ratio 0.8108.
    expect(unitSeparation(M([[1, 0], [1.7, 0], [0, 1]]), false)).toBeCloseTo(0.7 / 1.7, 14);
    // A reflection is the same subclass: only (1, 0) vs (0, 1): √2; norm ratios 1.
    expect(unitSeparation(M([[1, 0], [-1, 0], [0, 1]]), false)).toBe(1);
    // Monomials: lines only (rescaled copies are one form): sin π/4 between (1, 0) and (1, 1); norms 1, 1.5, √2 → min ratio 0.766.
    expect(unitSeparation(M([[1, 0], [1.5, 0], [1, 1]]), true)).toBeCloseTo(Math.SQRT1_2, 14);
    // … and the norm condition: norms 1, 3, √2, mean 1.805 → 0.554 < sin π/4.
    expect(unitSeparation(M([[1, 0], [3, 0], [1, 1]]), true)).toBeCloseTo(3 / (4 + Math.SQRT2), 14);
  });
});
