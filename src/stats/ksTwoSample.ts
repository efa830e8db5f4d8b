/**
 * Two-sample two-sided Kolmogorov–Smirnov test.
 *
 *   D_{n,m} = sup_x |F_n(x) − G_m(x)|   (empirical cdfs; ties handled as scipy: right-continuous
 *   ecdfs evaluated at every pooled point)
 *   ksTwoSample(x, y, { method }) → { n, m, D, pValue = P(D_{n,m} ≥ D), method }
 *
 * Exact p-value ('exact'): lattice-path counting over the (n, m) grid, D rounded to the lattice
 * h/lcm(n, m) (as scipy.stats.ks_2samp):
 *   n = m: P = 2 Σ_{j≥1} (−1)^{j−1} C(2n, n − jh)/C(2n, n), by the Horner-like product of
 *          scipy's _compute_prob_outside_square (no cancellation between binomials);
 *   n ≠ m: Hodges' (1958) "inside" recursion A(i, j) = A(i−1, j) + A(i, j−1) restricted to
 *          |i/n − j/m| < D, rewritten by Viehmann (2021, arXiv:2102.08037) to propagate the
 *          probability of having LEFT the band, normalised per step, so it computes the
 *          p-value itself (not 1 − p) with entries in [0, 1] — no overflow, no cancellation
 *          (port of scipy's _compute_outer_prob_inside_method).
 * Asymptotic p-value ('asymptotic'): the one-sample exact law at the effective size
 *   n_eff = round(n m / (n + m)) (ties to even, as numpy), i.e. kstwoSf(n_eff, D) — what scipy does for large samples;
 *   Smirnov's limit makes √n_eff·D ~ Kolmogorov, and kstwo adds the finite-n correction.
 * 'auto' = exact when max(n, m) ≤ AUTO_EXACT_MAX_N (scipy's MAX_AUTO_N), else asymptotic;
 * an exact computation that fails (non-finite) falls back to asymptotic and says so in `method`.
 * Cost: exact O(n·m·D) time, O(min(n, m)) memory. Errors: throws for empty/non-finite samples
 * or an unknown method (error policy, README.md).
 */
import { invalidArgument, requireFiniteSample } from './errors.js';
import { kstwoSf } from './kolmogorov.js';

export type KsTwoSampleMethod = 'auto' | 'exact' | 'asymptotic';

export interface KsTwoSampleOptions {
  /** @defaultValue 'auto' */
  readonly method?: KsTwoSampleMethod;
}

export interface KsTwoSampleResult {
  readonly n: number;
  readonly m: number;
  readonly D: number;
  readonly pValue: number;
  /** 'exact' (lattice paths) or 'asymptotic' (kstwo at n_eff). */
  readonly method: 'exact' | 'asymptotic';
}

/** Rounding slack allowed outside [0, 1] before an exact result is declared failed (then clipped). */
const EXACT_RANGE_SLACK = 1e-15;

/** 'auto' uses the exact method when both sizes are ≤ this (scipy's MAX_AUTO_N = 10000). */
export const AUTO_EXACT_MAX_N = 10_000;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** P(D_{n,n} ≥ h/n): 2·A0(1 − A1(1 − A2(…))), A_k = Π_{j<h} (n − kh − j)/(n + kh + j + 1). */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/** Viehmann's inside-method recursion for P(D_{m,n} ≥ h/lcm), g = gcd(m, n). */
function probOutsideInside(mIn: number, nIn: number, g: number, h: number): number {
  let m = mIn;
  let n = nIn;
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      for (let r = maxj - minj; r < maxj - minj + (lastlen - curlen) && r < lenA; r++) A[r] = 1;
    }
  }
  return A[maxj - minj - 1];
}

/** Round to nearest, ties to even (numpy.round), so n_eff matches scipy exactly (2.5 → 2). */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The two-sample statistic D (scipy's searchsorted 'right' construction). */
function statistic(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n || j < m) {
    const v = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n && a[i] <= v) i++;
    while (j < m && b[j] <= v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return d;
}

export function ksTwoSample(x: ArrayLike<number>, y: ArrayLike<number>, options: KsTwoSampleOptions = {}): KsTwoSampleResult {
  const fn = 'ksTwoSample';
  const a = requireFiniteSample(fn, 'x', x, 'pass a non-empty array of finite numbers');
  const b = requireFiniteSample(fn, 'y', y, 'pass a non-empty array of finite numbers');
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'asymptotic') {
    invalidArgument(fn, 'method', "must be 'auto', 'exact' or 'asymptotic'", method, "omit it for 'auto'");
  }
  a.sort();
  b.sort();
  const n = a.length;
  const m = b.length;
  const D = statistic(a, b);
  const useExact = method === 'exact' || (method === 'auto' && Math.max(n, m) <= AUTO_EXACT_MAX_N);
  if (useExact) {
    const g = gcd(n, m);
    const lcm = (n / g) * m;
    const h = Math.round(D * lcm);
    let p: number;
    if (h === 0) p = 1;
    else if (n === m) p = probOutsideSquare(n, h);
    else p = probOutsideInside(n, m, g, h);
    if (Number.isFinite(p) && p >= -EXACT_RANGE_SLACK && p <= 1 + EXACT_RANGE_SLACK) {
      return { n, m, D, pValue: Math.min(1, Math.max(0, p)), method: 'exact' };
    }
  }
  const nEff = roundHalfEven((n * m) / (n + m));
  return { n, m, D, pValue: kstwoSf(Math.max(1, nEff), D).value, method: 'asymptotic' };
}
