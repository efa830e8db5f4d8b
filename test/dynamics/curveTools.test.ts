/** Time to a loss fraction, window slopes, trusted ends, the log grid, the start direction and the rounding floor. */
import { describe, expect, it } from 'vitest';
import { EPS, norm2 } from '../../src/linalg/matrix.js';
import { displacedStart, seededUnitDirection } from '../../src/dynamics/direction.js';
import { quadraticModelOfMatrix } from '../../src/dynamics/eigenbasis.js';
import { secondHalfSlope, trustedEnd, windowSlope } from '../../src/dynamics/lateSlope.js';
import { logGrid } from '../../src/dynamics/logGrid.js';
import { gradientDescentPrediction } from '../../src/dynamics/modeMixture.js';
import { lossRoundingFloor, relativeRoundingError, TRUST_FACTOR } from '../../src/dynamics/roundingFloor.js';
import { measuredTimeToFraction, predictedTimeToFraction } from '../../src/dynamics/timeToFraction.js';
import { diagonalQuadratic } from './diagonalQuadratic.js';

describe('time to a loss fraction', () => {
  it('one mode: t_f = ⌈log f / log ρ⌉ exactly', () => {
    const m = quadraticModelOfMatrix(diagonalQuadratic([0.1]).H);
    const mix = gradientDescentPrediction(m, Float64Array.from([1]), 0.5); // ρ = 0.95² per step
    for (const f of [0.5, 1e-3, 1e-9]) expect(predictedTimeToFraction(mix, f)).toBe(Math.ceil(Math.log(f) / (2 * Math.log(0.95))));
  });
  it('measured: the first t with L_t ≤ f·L₀, null if never', () => {
    const L = [8, 4, 2, 1, 0.5];
    expect(measuredTimeToFraction(L, 0.25)).toBe(2);
    expect(measuredTimeToFraction(L, 0.01)).toBeNull();
    expect(() => measuredTimeToFraction(L, 1)).toThrow(/f must be/);
  });
  it('predicted: null when a present mode does not decay', () => {
    const m = quadraticModelOfMatrix(diagonalQuadratic([1]).H);
    expect(predictedTimeToFraction(gradientDescentPrediction(m, Float64Array.from([1]), 2.5), 0.1)).toBeNull();
  });
});

describe('slopes and trust', () => {
  it('windowSlope is the endpoint slope of log L', () => {
    const L = Array.from({ length: 20 }, (_, t) => 3 * Math.pow(0.9, t));
    expect(windowSlope(L, 4, 19)).toBeCloseTo(Math.log(0.9), 14);
    expect(secondHalfSlope(L, 19)).toEqual({ slope: windowSlope(L, 9, 19), from: 9, to: 19 });
    expect(secondHalfSlope(L, 1)).toBeNull();
    expect(() => windowSlope(L, 5, 5)).toThrow(/a < b/);
    expect(() => windowSlope([1, 0], 0, 1)).toThrow(/> 0/);
  });
  it('trustedEnd stops before the first loss under TRUST_FACTOR·floor', () => {
    const floor = 1e-20;
    const L = [1e-10, 1e-12, 1e-14, 0.5 * TRUST_FACTOR * floor, 1e-30];
    expect(trustedEnd(L, floor)).toBe(2);
    expect(trustedEnd([1e-30], floor)).toBe(-1);
    expect(trustedEnd([1, 2, 3], floor)).toBe(2);
  });
  it('the floor and its relative error', () => {
    const base = { P: 4, lambdaMax: 2, lambdaMinPositive: 0.1, eta: 0.5, thetaStar: Float64Array.from([1, 0, 0, 0]), targets: Float64Array.from([0.5, -3]) };
    const e = EPS;
    const want = 0.5 * e * e * (2 + 1 / (0.25 * 0.1)) + 0.5 * (2 * e * 3) ** 2;
    expect(lossRoundingFloor(base)).toBeCloseTo(want, 40);
    // Smaller steps stall the slow mode farther out: a higher floor.
    expect(lossRoundingFloor({ ...base, eta: 0.05 })).toBeGreaterThan(lossRoundingFloor(base));
    expect(relativeRoundingError(TRUST_FACTOR * 1e-20, 1e-20)).toBeCloseTo(2e-3, 15);
  });
});

describe('logGrid', () => {
  it('contains 0, 1 and T, ascending, without duplicates', () => {
    const g = logGrid(100000, 30);
    expect(g[0]).toBe(0);
    expect(g[1]).toBe(1);
    expect(g[g.length - 1]).toBe(100000);
    for (let i = 1; i < g.length; i++) expect(g[i]).toBeGreaterThan(g[i - 1]);
    expect(logGrid(0)).toEqual([0]);
    expect(logGrid(3, 10)).toEqual([0, 1, 2, 3]);
    expect(() => logGrid(1.5)).toThrow(/T must be/);
    expect(() => logGrid(10, 1)).toThrow(/points/);
  });
});

describe('seededUnitDirection', () => {
  it('is a unit vector, reproducible, and different across seeds', () => {
    const a = seededUnitDirection(17, 3);
    expect(Math.abs(norm2(a) - 1)).toBeLessThanOrEqual(4 * EPS);
    expect(seededUnitDirection(17, 3)).toEqual(a);
    expect(seededUnitDirection(17, 4)).not.toEqual(a);
    expect(() => seededUnitDirection(0, 1)).toThrow(/P must be/);
    expect(() => seededUnitDirection(3, -1)).toThrow(/seed/);
  });
  it('displacedStart is θ* + εδ and validates ε', () => {
    const s = displacedStart(Float64Array.from([1, 2]), 0.5, Float64Array.from([1, -1]));
    expect(Array.from(s)).toEqual([1.5, 1.5]);
    expect(() => displacedStart(Float64Array.from([1, 2]), NaN, Float64Array.from([1, -1]))).toThrow(/epsilon/);
    expect(() => displacedStart(Float64Array.from([1, 2]), 1, Float64Array.from([1]))).toThrow(/direction/);
  });
});
