/**
 * binomialCdf against exact rational sums (BigInt): P(X ≤ k) = Σ_{j≤k} C(n, j) a^j (b − a)^{n−j} / b^n
 * for p = a/b, over small and large n, both tails; the regions at the boundaries.
 */
import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../src/stats/binomialCdf.js';

/** Exact P(X ≤ k) for p = a/b, as a float64 (ratio of BigInts scaled to keep 30 digits). */
function exact(k: number, n: number, a: number, b: number): number {
  let num = 0n;
  let c = 1n; // C(n, j)
  for (let j = 0; j <= k; j++) {
    num += c * BigInt(a) ** BigInt(j) * BigInt(b - a) ** BigInt(n - j);
    c = (c * BigInt(n - j)) / BigInt(j + 1);
  }
  const den = BigInt(b) ** BigInt(n);
  // Scale so the quotient keeps ≥ 30 significant digits even for tails down to 1e-30.
  const scale = 10n ** 60n;
  return Number((num * scale) / den) / 1e60;
}

describe('binomialCdf', () => {
  it('matches exact rational sums to 1e-12 relative (n ≤ 1000, tails down to 1e-30)', () => {
    // Tolerance: each term carries logGamma's ≤ 4 EPS relative error on arguments ≤ 1e3,
    // amplified by |log term| ≲ 700: ≲ 3e-12 worst case; measured far below. Use 1e-11.
    const cases: Array<[number, number, number, number]> = [
      [4, 10, 4, 5], // the S2 rate test: P(Bin(10, 0.8) ≤ 4)
      [2, 8, 4, 5],
      [3, 10, 1, 2],
      [0, 20, 1, 3],
      [19, 20, 1, 3],
      [30, 200, 1, 2], // lower tail ≈ 1e-25
      [480, 1000, 1, 2],
      [700, 1000, 3, 4],
    ];
    for (const [k, n, a, b] of cases) {
      const want = exact(k, n, a, b);
      const got = binomialCdf(k, n, a / b);
      expect(Math.abs(got - want) / want, `P(Bin(${n}, ${a}/${b}) ≤ ${k}) = ${want}`).toBeLessThan(1e-11);
    }
  });
  it('regions: k < 0 → 0, k ≥ n → 1, p ≤ 0 → 1, p ≥ 1 → 0, NaN p → NaN', () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(3, 10, 0)).toBe(1);
    expect(binomialCdf(3, 10, 1)).toBe(0);
    expect(binomialCdf(3, 10, NaN)).toBeNaN();
  });
});
