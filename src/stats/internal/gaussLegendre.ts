/**
 * Internal: n-point Gauss–Legendre nodes and weights on [−1, 1], computed once per n by Newton
 * iteration on P_n from the Tricomi initial guess (Numerical Recipes §4.6 "gauleg"; Golub–Welsch
 * is unnecessary at the n ≤ 64 used here). Nodes are accurate to a few EPS.
 * An n-point rule integrates polynomials of degree ≤ 2n − 1 exactly; for a function analytic in
 * the Bernstein ellipse E_ρ the error is O(ρ^{−2n}) (Trefethen, ATAP ch. 19).
 * Cost: O(n²) once per n (cached).
 */
import { EPS } from '../constants.js';

export interface GaussLegendreRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, GaussLegendreRule>();

export function gaussLegendre(n: number): GaussLegendreRule {
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      dp = (n * (z * p1 - p2)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) <= EPS) break;
    }
    // Recompute the derivative at the converged node for the weight.
    let p1 = 1;
    let p2 = 0;
    for (let j = 1; j <= n; j++) {
      const p3 = p2;
      p2 = p1;
      p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
    }
    dp = (n * (z * p1 - p2)) / (z * z - 1);
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    const w = 2 / ((1 - z * z) * dp * dp);
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/** ∫_lo^hi f by the n-point rule. */
export function integrateGaussLegendre(f: (x: number) => number, lo: number, hi: number, n: number): number {
  const { nodes, weights } = gaussLegendre(n);
  const c = 0.5 * (lo + hi);
  const r = 0.5 * (hi - lo);
  let s = 0;
  for (let i = 0; i < n; i++) s += weights[i] * f(c + r * nodes[i]);
  return s * r;
}
