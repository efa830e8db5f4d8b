/**
 * log|1 − x| and log-sum-exp against closed forms in every region of their headers.
 * Tolerances: a few ulps of the result (4·eps relative) where the input is exact.
 */
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/matrix.js';
import { logAbsOneMinus, logSumExp } from '../../src/dynamics/logSpace.js';

const close = (got: number, want: number, rel = 4 * EPS) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));

describe('logAbsOneMinus', () => {
  it('keeps the digits of a tiny x (where log(1 − x) would return 0)', () => {
    expect(Math.log(1 - 1e-17)).toBe(0);
    close(logAbsOneMinus(1e-17), -1e-17);
    // log(1 − x) = −x − x²/2 − x³/3 …
    close(logAbsOneMinus(1e-6), -1e-6 - 5e-13 - 1e-18 / 3);
  });
  it('is exactly −∞ at x = 1 and exactly 0 at x = 0 and x = 2', () => {
    expect(logAbsOneMinus(1)).toBe(-Infinity);
    expect(logAbsOneMinus(0) === 0).toBe(true); // log1p(−0) = −0, which equals 0
    expect(logAbsOneMinus(2)).toBe(0);
  });
  it('is accurate where |1 − x| is close to 1 from above (x slightly above 2)', () => {
    const u = 2 ** -40;
    // x = 2 + u is exact; log|1 − x| = log(1 + u) = u − u²/2 + …
    close(logAbsOneMinus(2 + u), u - (u * u) / 2);
    close(logAbsOneMinus(2 - u), Math.log1p(-u));
  });
  it('matches log|1 − x| in the plain regions', () => {
    close(logAbsOneMinus(0.75), Math.log(0.25));
    close(logAbsOneMinus(3), Math.LN2);
    close(logAbsOneMinus(-1), Math.LN2);
    close(logAbsOneMinus(101), Math.log(100));
  });
  it('propagates NaN', () => {
    expect(logAbsOneMinus(NaN)).toBeNaN();
  });
});

describe('logSumExp', () => {
  it('does not overflow or underflow', () => {
    close(logSumExp([1000, 1000]), 1000 + Math.LN2);
    close(logSumExp([-1000, -1000, -1000]), -1000 + Math.log(3));
    expect(logSumExp([-1e300, 0])).toBe(0);
  });
  it('handles −∞ entries, empty input, +∞ and NaN', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    close(logSumExp([-Infinity, Math.log(2)]), Math.log(2));
    expect(logSumExp([1, Infinity])).toBe(Infinity);
    expect(logSumExp([1, NaN])).toBeNaN();
  });
  it('equals log Σ exp at moderate values', () => {
    const a = [0.3, -1.2, 2.5, 0];
    close(logSumExp(a), Math.log(a.reduce((s, v) => s + Math.exp(v), 0)));
  });
});
