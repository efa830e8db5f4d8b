/**
 * olsSlope and olsSlopeDeviationBound against values obtained another way: exact lines,
 * ml-matrix's least squares (Householder QR of [1 x], an independent algorithm), and brute-force
 * perturbations for the bound (it must hold for every perturbation in the box and be attained at
 * the sign vertex).
 *
 * Tolerances: the centred two-pass sums lose at most a few ulps per term, so the slope is exact to
 * ~n·eps relative to Σ|x − x̄||y − ȳ|/Sxx; QR least squares is backward stable with the same
 * order of error times the condition number of [1 x] (≤ ~1e2 here). 1e-12 relative covers both
 * with a factor ≥ 1e2 to spare; a wrong formula (e.g. no centring of y, or n − 1 vs n mixing) is
 * off by O(1).
 */
import { describe, expect, it } from 'vitest';
import { Matrix as MlMatrix, solve } from 'ml-matrix';
import { olsSlope, olsSlopeDeviationBound } from '../../src/dynamics/olsSlope.js';
import { Rng } from '../../src/rng/rng.js';

describe('olsSlope', () => {
  it('recovers the slope of an exact line, including with a large offset in x and y', () => {
    const x = [0.3, 1.7, 2.2, 5, 8.25];
    expect(olsSlope(x, x.map((v) => 3 - 1.5 * v))).toBeCloseTo(-1.5, 13);
    // Offsets of 1e6 would cost ~1e-10 relative in uncentred sums Σxy − n·x̄ȳ; centred sums keep ~1e-15.
    const xs = x.map((v) => v + 1e6);
    expect(Math.abs(olsSlope(xs, xs.map((v) => 1e6 + 2 * (v - 1e6))) - 2)).toBeLessThan(1e-9);
    expect(olsSlope([1, 2], [5, 9])).toBe(4);
  });

  it('agrees with ml-matrix least squares (QR of [1 x]) on noisy data', () => {
    const rng = Rng.fromSeed(31);
    for (const n of [3, 5, 12, 40]) {
      const x = Array.from(rng.normals(n));
      const y = x.map((v, i) => 0.7 - 1.1 * v + 0.3 * rng.normal() + 1e-3 * i);
      const X = new MlMatrix(x.map((v) => [1, v]));
      const beta = solve(X, MlMatrix.columnVector(y)).get(1, 0);
      const got = olsSlope(x, y);
      expect(Math.abs(got - beta), `n = ${n}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(beta)));
    }
  });

  it('rejects what has no slope: < 2 points, unequal lengths, constant or non-finite x', () => {
    expect(() => olsSlope([1], [1])).toThrow(/at least 2 points/);
    expect(() => olsSlope([1, 2], [1, 2, 3])).toThrow(/y has 3/);
    expect(() => olsSlope([2, 2, 2], [1, 2, 3])).toThrow(/not all equal/);
    expect(() => olsSlope([1, NaN], [1, 2])).toThrow(/finite/);
    expect(() => olsSlope([1, Infinity], [1, 2])).toThrow(/finite/);
  });
});

describe('olsSlopeDeviationBound', () => {
  it('holds for random perturbations in the box and is attained at e_i = b_i·sign(x_i − x̄)', () => {
    const rng = Rng.fromSeed(5);
    for (let trial = 0; trial < 20; trial++) {
      const n = 3 + (trial % 6);
      const x = Array.from(rng.normals(n));
      const y = Array.from(rng.normals(n));
      const b = Array.from(rng.normals(n)).map((v) => 0.01 + Math.abs(v) * 0.1);
      const base = olsSlope(x, y);
      const bound = olsSlopeDeviationBound(x, b);
      for (let k = 0; k < 50; k++) {
        const yp = y.map((v, i) => v + b[i] * (2 * rng.uniform() - 1));
        // Rounding of the two slopes: a few ulps of O(1) values.
        expect(Math.abs(olsSlope(x, yp) - base)).toBeLessThanOrEqual(bound + 1e-13);
      }
      const mx = x.reduce((s, v) => s + v, 0) / n;
      const vertex = y.map((v, i) => v + b[i] * Math.sign(x[i] - mx));
      expect(Math.abs(Math.abs(olsSlope(x, vertex) - base) - bound)).toBeLessThanOrEqual(1e-12 * Math.max(1, bound));
    }
  });

  it('closed form on x = (−1, 0, 1): (b₁ + b₃)/2, the middle point carrying no weight, even with an unbounded error', () => {
    expect(olsSlopeDeviationBound([-1, 0, 1], [0.2, 5, 0.4])).toBeCloseTo(0.3, 15);
    expect(olsSlopeDeviationBound([-1, 0, 1], [0.2, Infinity, 0.4])).toBeCloseTo(0.3, 15);
    expect(olsSlopeDeviationBound([-1, 0, 1], [Infinity, 0, 0])).toBe(Infinity);
  });

  it('rejects negative or NaN bounds and mismatched lengths', () => {
    expect(() => olsSlopeDeviationBound([1, 2], [0.1, -0.1])).toThrow(/bounds\[1\] = -0.1/);
    expect(() => olsSlopeDeviationBound([1, 2], [NaN, 0.1])).toThrow(/bounds\[0\] = NaN/);
    expect(() => olsSlopeDeviationBound([1, 2, 3], [0.1, 0.1])).toThrow(/bounds has 2/);
  });
});
