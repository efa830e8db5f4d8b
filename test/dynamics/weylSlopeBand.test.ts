/**
 * weylSlopeBand against a brute-force supremum: |2 log|1 − ηλ'| − 2 log|1 − ηλ|| on a fine grid
 * of λ' ∈ [λ − Δ, λ + Δ]. The grid maximum is a lower bound of the true supremum and, because the
 * function is monotone on each side of ηλ' = 1, reaches it at the grid's end points up to the
 * rounding of log (a few ulps of O(1) values: 1e-12 absolute covers them). An interior-maximum
 * formula or a one-ended one would miss the far end by O(Δ).
 */
import { describe, expect, it } from 'vitest';
import { weylSlopeBand } from '../../src/dynamics/weylSlopeBand.js';

const slope = (lambda: number, eta: number) => 2 * Math.log(Math.abs(1 - eta * lambda));

function bruteForce(lambda: number, delta: number, eta: number, points = 10_001): number {
  let sup = 0;
  for (let k = 0; k < points; k++) {
    const l = lambda - delta + (2 * delta * k) / (points - 1);
    sup = Math.max(sup, Math.abs(slope(l, eta) - slope(lambda, eta)));
  }
  return sup;
}

describe('weylSlopeBand', () => {
  it('matches the brute-force supremum below and above ηλ = 1 (converging and top-mode modes)', () => {
    for (const [lambda, delta, eta] of [
      [0.05, 1e-4, 1.2], // slow mode, ηλ = 0.06
      [0.05, 0.04, 1.2], // large move, still one-sided
      [3, 0.02, 0.55], // top mode, ηλ = 1.65
      [3, 0.3, 0.55],
      [1e-3, 2e-3, 0.9], // λ − Δ < 0: 1 − ηλ' > 1, still monotone
    ]) {
      const got = weylSlopeBand(lambda, delta, eta);
      const ref = bruteForce(lambda, delta, eta);
      expect(Math.abs(got - ref), `λ = ${lambda}, Δ = ${delta}, η = ${eta}`).toBeLessThanOrEqual(1e-12);
    }
  });

  it('is 0 for Δ = 0 and +∞ when [λ − Δ, λ + Δ] reaches 1/η', () => {
    expect(weylSlopeBand(0.4, 0, 1)).toBe(0);
    expect(weylSlopeBand(0.9, 0.1, 1)).toBe(Infinity); // upper end exactly 1/η
    expect(weylSlopeBand(1.05, 0.1, 1)).toBe(Infinity);
    expect(weylSlopeBand(0.8, 0.1, 1)).toBeLessThan(Infinity);
  });

  it('rejects non-finite or negative inputs', () => {
    expect(() => weylSlopeBand(NaN, 0.1, 1)).toThrow(/lambda/);
    expect(() => weylSlopeBand(1, -0.1, 1)).toThrow(/delta/);
    expect(() => weylSlopeBand(1, 0.1, 0)).toThrow(/eta/);
  });
});
