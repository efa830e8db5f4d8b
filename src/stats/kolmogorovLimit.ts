/**
 * Kolmogorov's limiting distribution of √n·D_n:
 *   kolmogorovSf(x)  = P(K > x) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²x²}                   (x ≥ 1)
 *   kolmogorovCdf(x) = P(K ≤ x) = (√(2π)/x) Σ_{k≥1} e^{−(2k−1)²π²/(8x²)}           (x < 1)
 * (Kolmogorov 1933; the second form by the Jacobi theta transformation.) Each series is used
 * where it converges in a handful of terms and where it gives its tail directly; the other tail
 * is its complement, which is ≥ 0.27 in both regimes (K(1) = 0.27), so no cancellation.
 * Source: as scipy.special.kolmogorov / kolmogc (cephes kolmogorov.c, X_MIN_USE_ORIGINAL = 1).
 * Accuracy ≲ 2 EPS relative in each directly computed tail (the series are alternating with
 * rapidly decreasing terms, or positive). Cost: ≤ 8 exponentials.
 * Domain: NaN → NaN; x ≤ 0 → sf 1, cdf 0.
 */
import { EPS, SQRT_TWO_PI } from './constants.js';

/** x at and above which the e^{−2k²x²} series is used (cephes' X_MIN_USE_ORIGINAL). */
const SWITCH_X = 1;

function sfSeries(x: number): number {
  const alpha = -2 * x * x;
  let sign = 1;
  let p = 0;
  for (let k = 1; k < 100; k++) {
    const t = Math.exp(alpha * k * k);
    p += sign * t;
    if (t === 0 || t <= EPS * p) break;
    sign = -sign;
  }
  return 2 * p;
}

function cdfSeries(x: number): number {
  const alpha = -(Math.PI * Math.PI) / (8 * x * x);
  let p = 0;
  for (let k = 1; k < 200; k += 2) {
    const t = Math.exp(alpha * k * k);
    p += t;
    if (t === 0 || t <= EPS * p) break;
  }
  return (p * SQRT_TWO_PI) / x;
}

/** P(K > x) for the limiting Kolmogorov law. */
export function kolmogorovSf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x >= SWITCH_X) return sfSeries(x);
  return 1 - cdfSeries(x);
}

/** P(K ≤ x) for the limiting Kolmogorov law. */
export function kolmogorovCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= SWITCH_X) return 1 - sfSeries(x);
  return cdfSeries(x);
}
