/**
 * C3 · the dimension of the Waring tangent space: for s generic linear forms ℓ_j = w_j·x in
 * n variables and degree k, dim span{ℓ_j^{k−1}·(v·x) : j ≤ s, v ∈ R^n} (docs/theory.md#c3,
 * "Monomials z^k"). By Terracini's lemma this is the dimension of the affine cone over the s-th
 * secant variety of the degree-k Veronese embedding of P^{n−1}; its expected value is
 * min(s·n, C(n+k−1, k)).
 *
 * Source: the Alexander–Hirschowitz theorem (J. Alexander & A. Hirschowitz, "Polynomial
 * interpolation in several variables", J. Algebraic Geom. 4 (1995) 201–222; statement as in
 * M. C. Brambilla & G. Ottaviani, "On the Alexander–Hirschowitz theorem", J. Pure Appl.
 * Algebra 212 (2008) 1229–1251, Theorem 1.1): the expected value holds except
 *   k = 2 and 2 ≤ s ≤ n − 1 (quadrics: dim = s·n − s(s−1)/2), and
 *   (n, k, s) = (3, 4, 5), (4, 4, 9), (5, 3, 7), (5, 4, 14), each one short of the expected value,
 * with n here the number of VARIABLES (the paper's projective dimension plus one).
 * Checked: test/theory/waringRank.test.ts against an exact rank over F_p of random integer
 * instances for every n ≤ 5, k ≤ 6 and s up to the filling width (brute force, no float64).
 * Cost O(1).
 */
import { binomial } from './combinatorics.js';

/** Alexander–Hirschowitz: (n, k, s) — variables, degree, number of forms — where the count is one short. */
export const ALEXANDER_HIRSCHOWITZ_EXCEPTIONS: ReadonlyArray<readonly [number, number, number]> = [
  [3, 4, 5],
  [4, 4, 9],
  [5, 4, 14],
  [5, 3, 7],
];

export function isAlexanderHirschowitzException(n: number, k: number, s: number): boolean {
  return ALEXANDER_HIRSCHOWITZ_EXCEPTIONS.some(([nn, kk, ss]) => nn === n && kk === k && ss === s);
}

/** dim of homogeneous polynomials of degree d in n variables: C(n + d − 1, d). */
export function homogeneousDimension(n: number, d: number): number {
  return binomial(n + d - 1, d);
}

/**
 * The Waring tangent dimension for s ≥ 0 generic forms of degree k ≥ 1 in n ≥ 1 variables
 * (docs/theory.md table, rows z, z² and z^k): k = 1 gives min(s, 1)·n (all linear forms as soon as one
 * form is there); k = 2 the quadric count; k ≥ 3 the expected value, one less at the four
 * exceptions. `ignoreAlexanderHirschowitz` gives the naive count (the wrong neighbour).
 */
export function monomialRank(n: number, s: number, k: number, ignoreAlexanderHirschowitz = false): number {
  if (s === 0) return 0;
  if (k === 1) return n;
  if (k === 2) return s < n ? s * n - (s * (s - 1)) / 2 : (n * (n + 1)) / 2;
  const expected = Math.min(s * n, homogeneousDimension(n, k));
  return !ignoreAlexanderHirschowitz && isAlexanderHirschowitzException(n, k, s) ? expected - 1 : expected;
}

/**
 * The span of the tangent spaces at s_a generic points of the Veronese cone plus s_0 further
 * generic points on it (units with a_j = 0 contribute only ℓ_j^k): min(C(n+k−1, k), T + s_0),
 * T = monomialRank(n, s_a, k). Why: by apolarity the complement is the space of forms singular
 * at the s_a points; a generic point imposes one more independent condition on any nonzero
 * linear system, so each of the s_0 points lowers its dimension by one until it is empty
 * (docs/theory.md#c3, "Degenerate teachers, monomials").
 */
export function waringSpanWithPoints(n: number, sActive: number, sPoints: number, k: number): number {
  return Math.min(homogeneousDimension(n, k), monomialRank(n, sActive, k) + sPoints);
}

/** Smallest s with monomialRank(n, s, k) = C(n+k−1, k): the width at which s forms fill every degree-k form. */
export function fillingWidth(n: number, k: number): number {
  const dim = homogeneousDimension(n, k);
  let s = Math.max(1, Math.ceil(dim / n));
  while (monomialRank(n, s, k) < dim) s++;
  return s;
}
