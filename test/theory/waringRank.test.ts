/**
 * theory/waringRank.ts against values obtained another way:
 *  - the Alexander–Hirschowitz list AS PUBLISHED (Brambilla & Ottaviani 2008, J. Pure Appl.
 *    Algebra 212:1229, Theorem 1.1, restating Alexander & Hirschowitz 1995, J. Algebraic Geom.
 *    4:201): σ_s(ν_d(P^n)) has the expected dimension min(s(n+1), C(n+d, d)) − 1 except for
 *    d = 2, 2 ≤ s ≤ n, and (n, d, s) ∈ {(2, 4, 5), (3, 4, 9), (4, 4, 14), (4, 3, 7)} — written here
 *    in the paper's coordinates (projective dimension n, degree d, s points), not read from code;
 *  - an exact brute-force rank over F_p of the Waring tangent space of random integer forms
 *    (./support/tangentRankModP.ts), for every number of variables ≤ 5 and degree ≤ 6 with at most 126 forms, and widths
 *    around the filling width, AT and ACROSS the boundary min(s·n, dim) and at every exception;
 *  - counting: dim of degree-d forms by enumerating monomials; binomials by Pascal's rule.
 */
import { describe, expect, it } from 'vitest';
import { binomial } from '../../theory/combinatorics.js';
import { ALEXANDER_HIRSCHOWITZ_EXCEPTIONS, fillingWidth, homogeneousDimension, isAlexanderHirschowitzException, monomialRank, waringSpanWithPoints } from '../../theory/waringRank.js';
import { genericTangentRank, genericUnits, type ModPUnit } from './support/tangentRankModP.js';

/** Brambilla–Ottaviani Thm 1.1, (n, d, s) with n the projective dimension. */
const PUBLISHED_EXCEPTIONS: ReadonlyArray<readonly [number, number, number]> = [
  [2, 4, 5],
  [3, 4, 9],
  [4, 4, 14],
  [4, 3, 7],
];

const monomial = (k: number) => [...new Array<number>(k).fill(0), 1];

describe('Alexander–Hirschowitz exceptions (literature)', () => {
  it('the list is the published one, in variables n + 1', () => {
    const fromPaper = PUBLISHED_EXCEPTIONS.map(([n, d, s]) => `${n + 1},${d},${s}`).sort();
    expect(ALEXANDER_HIRSCHOWITZ_EXCEPTIONS.map((e) => e.join(',')).sort()).toEqual(fromPaper);
    for (const [n, d, s] of PUBLISHED_EXCEPTIONS) expect(isAlexanderHirschowitzException(n + 1, d, s)).toBe(true);
  });
  it('at each exception the expected count fills the space (s(n+1) ≥ C(n+d, d)) but the true one is one short', () => {
    for (const [n, d, s] of PUBLISHED_EXCEPTIONS) {
      expect(s * (n + 1)).toBeGreaterThanOrEqual(binomial(n + d, d));
      expect(monomialRank(n + 1, s, d)).toBe(binomial(n + d, d) - 1);
      expect(monomialRank(n + 1, s, d, true)).toBe(binomial(n + d, d));
      // Neighbouring widths are not exceptions.
      expect(monomialRank(n + 1, s - 1, d)).toBe((s - 1) * (n + 1));
      expect(monomialRank(n + 1, s + 1, d)).toBe(binomial(n + d, d));
    }
  });
  it('quadrics (d = 2, 2 ≤ s ≤ n): s(n+1) − s(s−1)/2, the rank-s symmetric tangent space (hand count)', () => {
    // Hand count: S = Σ a_j w_j w_jᵀ of rank s; tangent space {U Bᵀ + B Uᵀ}: s·n minus the s(s−1)/2 antisymmetric B-mixings.
    for (let n = 1; n <= 6; n++) for (let s = 1; s <= n + 2; s++) expect(monomialRank(n, s, 2)).toBe(s < n ? s * n - (s * (s - 1)) / 2 : (n * (n + 1)) / 2);
  });
});

describe('monomialRank against the exact rank over F_p (brute force)', () => {
  const cases: Array<[number, number, number]> = [];
  for (let n = 1; n <= 5; n++) {
    for (let k = 1; k <= 6; k++) {
      if (homogeneousDimension(n, k) > 126) continue; // dims up to C(9, 5): the cost grows as dim³
      const f = fillingWidth(n, k);
      const widths = new Set([1, 2, 3, f - 2, f - 1, f, f + 1].filter((s) => s >= 1));
      for (const s of widths) cases.push([n, k, s]);
    }
  }
  for (const [n, d, s] of PUBLISHED_EXCEPTIONS) cases.push([n + 1, d, s - 1], [n + 1, d, s], [n + 1, d, s + 1]);
  it(`${cases.length} (variables, degree, width) triples at and across the filling boundary, exceptions included`, () => {
    const bad: string[] = [];
    for (const [n, k, s] of cases) {
      const brute = genericTangentRank(monomial(k), genericUnits(n, s), monomialRank(n, s, k), n * 100 + k * 10 + s);
      if (brute !== monomialRank(n, s, k)) bad.push(`(n, k, s) = (${n}, ${k}, ${s}): brute force ${brute}, monomialRank ${monomialRank(n, s, k)}`);
    }
    expect(bad).toEqual([]);
  });
  it('the naive count (AH ignored) is wrong exactly at the four exceptions among these triples', () => {
    for (const [n, k, s] of cases) {
      const wrong = monomialRank(n, s, k, true) !== monomialRank(n, s, k);
      expect(wrong).toBe(isAlexanderHirschowitzException(n, k, s));
    }
  });
});

describe('waringSpanWithPoints: tangent spaces at s_a points plus s_0 bare points (zero output weights)', () => {
  it('matches the F_p rank with some units inactive, at and across the filling boundary', () => {
    const bad: string[] = [];
    for (const [n, k] of [[2, 3], [3, 2], [3, 3], [3, 4], [2, 6], [4, 2]] as const) {
      const dim = homogeneousDimension(n, k);
      for (let sA = 0; sA <= fillingWidth(n, k); sA++) {
        const room = dim - monomialRank(n, sA, k);
        for (const s0 of new Set([1, room - 1, room, room + 1].filter((v) => v >= 1))) {
          const make = (next: () => number): ModPUnit[] => Array.from({ length: sA + s0 }, (_, j) => ({ w: Array.from({ length: n }, next), active: j < sA }));
          const brute = genericTangentRank(monomial(k), make, waringSpanWithPoints(n, sA, s0, k), sA * 31 + s0);
          if (brute !== waringSpanWithPoints(n, sA, s0, k)) bad.push(`(n, k, s_a, s_0) = (${n}, ${k}, ${sA}, ${s0}): brute ${brute}, formula ${waringSpanWithPoints(n, sA, s0, k)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('counting', () => {
  it('homogeneousDimension = number of exponent vectors of total degree d (enumerated)', () => {
    const count = (n: number, d: number): number => (n === 1 ? 1 : Array.from({ length: d + 1 }, (_, e) => count(n - 1, d - e)).reduce((s, v) => s + v, 0));
    for (let n = 1; n <= 6; n++) for (let d = 0; d <= 6; d++) expect(homogeneousDimension(n, d)).toBe(count(n, d));
  });
  it('binomial = Pascal’s triangle (BigInt) wherever C(n, k) < 2^53, up to n = 64, and rejects non-integers', () => {
    let row = [1n];
    for (let n = 0; n <= 64; n++) {
      for (let k = 0; k <= n; k++) if (row[k] < 2n ** 53n) expect(binomial(n, k)).toBe(Number(row[k]));
      expect(binomial(n, n + 1)).toBe(0);
      row = [1n, ...row.slice(1).map((v, i) => v + row[i]), 1n];
    }
    expect(() => binomial(2.5, 1)).toThrow(/integers/);
  });
  it('fillingWidth is the first s where monomialRank reaches the dimension (and s − 1 does not)', () => {
    for (let n = 1; n <= 5; n++) {
      for (let k = 1; k <= 6; k++) {
        const s = fillingWidth(n, k);
        expect(monomialRank(n, s, k)).toBe(homogeneousDimension(n, k));
        if (s > 1) expect(monomialRank(n, s - 1, k)).toBeLessThan(homogeneousDimension(n, k));
      }
    }
  });
});
