/** relativeFrobenius against ml-matrix's Frobenius norm (an independent implementation), and its errors. */
import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { EPS, fromRows, toRows, zeros } from '../../src/linalg/matrix.js';
import { relativeFrobenius } from '../../src/linalg/relativeFrobenius.js';
import { Rng } from '../../src/rng/rng.js';
import { randomMatrix } from '../support/randomMatrices.js';

describe('relativeFrobenius', () => {
  it('equals ‖A − B‖_F / ‖B‖_F computed by ml-matrix, to a few eps', () => {
    const rng = Rng.fromSeed(11);
    for (const [r, c] of [[1, 1], [3, 5], [12, 12], [40, 7]] as const) {
      const a = randomMatrix(rng, r, c);
      const b = randomMatrix(rng, r, c);
      const ma = new MlMatrix(toRows(a));
      const mb = new MlMatrix(toRows(b));
      const expected = ma.clone().sub(mb).norm('frobenius') / mb.norm('frobenius');
      // Two sums of r·c squares: relative rounding ≤ r·c·eps each; 4·r·c·eps covers both and the division.
      expect(Math.abs(relativeFrobenius(a, b) - expected)).toBeLessThanOrEqual(4 * r * c * EPS * expected);
    }
  });
  it('is 0 for equal matrices and relative to the reference only', () => {
    const b = fromRows([[3, 0], [0, 4]]);
    expect(relativeFrobenius(b, b)).toBe(0);
    expect(relativeFrobenius(fromRows([[3, 0], [0, 4 + 5]]), b)).toBe(1);
    expect(relativeFrobenius(b, fromRows([[3, 0], [0, 9]]))).toBeCloseTo(5 / Math.hypot(3, 9), 15);
  });
  it('refuses a zero reference and mismatched shapes, naming what is wrong', () => {
    expect(() => relativeFrobenius(fromRows([[1]]), zeros(1, 1))).toThrow(/‖B‖_F = 0/);
    expect(() => relativeFrobenius(zeros(2, 3), zeros(3, 2))).toThrow(/2×3 .* 3×2/);
  });
});
