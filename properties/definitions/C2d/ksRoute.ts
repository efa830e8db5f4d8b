/**
 * C2d · the KS test carries its own power: every right-law KS result a C2d case relies on is
 * re-derived by a second route, and ./ksPower.ts runs the same check with mutated KS components
 * and requires each to be caught.
 *
 * Why: the C2d verdict asks only "p ≥ α for the right law, p < α for each neighbour". A KS
 * p-value that is wrong but large (the lower-tail formula used for the upper tail gives 1 − p;
 * n ± 1 moves p by ~1e-3; a D⁺ off by 1/n) passes every C2d case: the neighbours' p-values come
 * from another branch (Miller's tail), and the right law's is almost never near α.
 *
 * THE ROUTE (independent of src/stats/kolmogorov.ts's statistic and its dispatch):
 *  - D: the two-sample statistic (src/stats/ksTwoSample.ts, its own sup loop) between the
 *    transformed sample u_i = F(x_i) and the midpoint grid (j − ½)/m, m = KS_ROUTE_GRID·n. The
 *    grid's ecdf is within 1/(2m) of the uniform cdf everywhere, so |D_route − D| ≤ 1/(2m) exactly
 *    (plus rounding): a 1/n error in D⁺ or D⁻ exceeds that 2·KS_ROUTE_GRID times.
 *  - p: P(D_n ≥ D) = 1 − P(D_n < D) by Durbin's matrix formula (Marsaglia–Tsang–Wang 2003;
 *    src/stats/ks/durbinMatrix.ts), exact to ~1e-15 absolute for every n and d, where the
 *    dispatch uses the Pelz–Good series or Miller's one-sided tail for n > 140. Agreement within
 *    KS_ROUTE_RTOL relative (or KS_ROUTE_ATOL absolute, the route's own floor): MEASURED worst
 *    disagreement 1.8e-5 relative at n = 150 (Miller's approximation just above its cut-off), ≤ 1.6e-6
 *    for n ≥ 500 (scratch sweep √n·d ∈ [0.3, 2.3]); n ± 1 moves p by ≥ 4e-5 relative once
 *    √n·D ≥ 0.4 (p ≤ 0.997) for n ≤ 600 — 2.5× the tolerance or more, growing with √n·D.
 * Cost: Durbin is O(m³ log n), m = 2⌈nD⌉ − 1: ~10–100 ms at n = 500–4000 for the right law's D.
 */
import { ksTwoSample } from '../../../src/stats/ksTwoSample.js';
import { kstwoCdf, kstwoSf } from '../../../src/stats/kolmogorov.js';
import { durbinMatrixCdf } from '../../../src/stats/ks/durbinMatrix.js';

/** Grid points per sample point of the D route. */
export const KS_ROUTE_GRID = 64;
/** Relative agreement required of the two p-values (5.5× the worst measured disagreement). */
export const KS_ROUTE_RTOL = 1e-4;
/** Absolute floor of the p agreement: the route's 1 − cdf carries ~1e-15 absolute. */
export const KS_ROUTE_ATOL = 1e-12;

/** A KS result as the C2d verdict uses it. */
export interface KsResult {
  readonly n: number;
  readonly D: number;
  readonly pValue: number;
}

/** What the KS test computes from a sample and a cdf: the real one, or a mutant. */
export type KsComponent = (sample: ArrayLike<number>, cdf: (x: number) => number) => KsResult;

export interface KsRoute {
  readonly dRoute: number;
  readonly pRoute: number;
  /** |D − D_route| and its bound 1/(2m) (plus 8 eps). */
  readonly dError: number;
  readonly dBound: number;
  /** |p − p_route| / max(p_route, ATOL/RTOL). */
  readonly pRelError: number;
  readonly agrees: boolean;
}

/** The route of the header for one KS result on `sample` against `cdf`. */
export function ksRoute(sample: ArrayLike<number>, cdf: (x: number) => number, result: KsResult): KsRoute {
  const n = sample.length;
  const u = Float64Array.from(sample, (x) => cdf(x));
  const m = KS_ROUTE_GRID * n;
  const grid = Float64Array.from({ length: m }, (_, j) => (j + 0.5) / m);
  const dRoute = ksTwoSample(u, grid, { method: 'asymptotic' }).D;
  const pRoute = result.D >= 1 ? 0 : 1 - durbinMatrixCdf(n, result.D);
  const dError = Math.abs(result.D - dRoute);
  const dBound = 1 / (2 * m) + 8 * 2 ** -52;
  const pRelError = Math.abs(result.pValue - pRoute) / Math.max(pRoute, KS_ROUTE_ATOL / KS_ROUTE_RTOL);
  return { dRoute, pRoute, dError, dBound, pRelError, agrees: dError <= dBound && pRelError <= KS_ROUTE_RTOL };
}

/** D⁺, D⁻ of a sorted transformed sample, with D⁺'s index shifted by `plusOffset` (0 is right). */
function statistic(sample: ArrayLike<number>, cdf: (x: number) => number, plusOffset: number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let dPlus = 0;
  let dMinus = 0;
  for (let i = 0; i < n; i++) {
    const F = cdf(xs[i]);
    dPlus = Math.max(dPlus, (i + 1 + plusOffset) / n - F);
    dMinus = Math.max(dMinus, F - i / n);
  }
  return Math.max(dPlus, dMinus);
}

/** Mutated KS components (each a one-line change to src/stats): the route must catch every one. */
export const KS_MUTANTS: ReadonlyArray<{ readonly id: string; readonly description: string; readonly ks: KsComponent }> = [
  {
    id: 'lower-tail',
    description: 'the lower tail P(D_n ≤ d) returned as the p-value',
    ks: (s, F) => {
      const D = statistic(s, F, 0);
      return { n: s.length, D, pValue: kstwoCdf(s.length, D).value };
    },
  },
  { id: 'n-1', description: 'the law of D_{n−1} in place of D_n', ks: (s, F) => ({ n: s.length, D: statistic(s, F, 0), pValue: kstwoSf(s.length - 1, statistic(s, F, 0)).value }) },
  { id: 'n+1', description: 'the law of D_{n+1} in place of D_n', ks: (s, F) => ({ n: s.length, D: statistic(s, F, 0), pValue: kstwoSf(s.length + 1, statistic(s, F, 0)).value }) },
  {
    id: 'dplus-off-by-one',
    description: 'D⁺ = max(i/n − F(x_(i))) with a 0-based i (one step short)',
    ks: (s, F) => {
      const D = statistic(s, F, -1);
      return { n: s.length, D, pValue: kstwoSf(s.length, D).value };
    },
  },
];
