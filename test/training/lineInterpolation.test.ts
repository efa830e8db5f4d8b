/**
 * lineInterpolation: a convex function has no barrier (its maximum on a segment is at an end);
 * a double well has one, of the height the closed form gives at the grid's midpoint.
 */
import { describe, expect, it } from 'vitest';
import { lineInterpolation } from '../../src/training/lineInterpolation.js';

describe('lineInterpolation', () => {
  it('convex (a quadratic bowl off-centre): barrier exactly 0', () => {
    const bowl = { loss: (t: Float64Array) => (t[0] - 0.3) ** 2 + 2 * (t[1] + 0.1) ** 2 };
    const r = lineInterpolation(bowl, Float64Array.from([-1, 1]), Float64Array.from([2, -0.5]), 101);
    expect(r.barrier).toBe(0);
    expect(r.loss.length).toBe(101);
    expect(r.t[0]).toBe(0);
    expect(r.t[100]).toBe(1);
    expect(r.distance).toBeCloseTo(Math.hypot(3, 1.5), 14);
  });
  it('double well (x² − 1)² between its minima ±1: barrier 1 at t = ½', () => {
    const well = { loss: (t: Float64Array) => (t[0] * t[0] - 1) ** 2 + t[1] * t[1] };
    const r = lineInterpolation(well, Float64Array.from([-1, 0]), Float64Array.from([1, 0]), 41);
    expect(r.endLossA).toBe(0);
    expect(r.endLossB).toBe(0);
    expect(r.argMaxT).toBe(0.5);
    expect(r.barrier).toBe(1); // θ(½) = 0 exactly: −1 + ½·2 = 0
  });
  it('rejects mismatched lengths and grids < 2', () => {
    const f = { loss: () => 0 };
    expect(() => lineInterpolation(f, new Float64Array(2), new Float64Array(3))).toThrow(/thetaA/);
    expect(() => lineInterpolation(f, new Float64Array(2), new Float64Array(2), 1)).toThrow(/points/);
  });
});
