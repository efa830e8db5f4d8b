/**
 * log1pmx(d) = log(1 + d) − d, for d > −1.
 *
 * Source: the atanh form log(1+d) = 2·atanh(z), z = d/(2+d) (Abramowitz & Stegun 4.1.28 /
 * DLMF 4.6.5), rearranged so the cancelling leading term is exact algebra:
 *   log(1+d) − d = −z·d + 2(z³/3 + z⁵/5 + …).
 * Regions: |d| ≤ 0.5 (|z| ≤ 1/3): the series above, ≤ 20 terms, relative error ~2 EPS.
 *          otherwise: log1p(d) − d directly; the two terms differ by a factor ≥ 1.2 there, so
 *          the cancellation costs at most ~5 EPS.
 * Accuracy: relative error ≤ ~5 EPS for d > −1. Cost: O(1) (≤ 20 multiply-adds).
 * Domain: d < −1 or NaN → NaN; d = −1 → −Infinity (special-function NaN policy).
 */
import { EPS } from './constants.js';

/** |d| at or below which the atanh series is used (there |z| ≤ 1/3, so z² ≤ 1/9 per term). */
const LOG1PMX_SERIES_LIMIT = 0.5;

export function log1pmx(d: number): number {
  if (Number.isNaN(d) || d < -1) return NaN;
  if (d === -1) return -Infinity;
  if (Math.abs(d) > LOG1PMX_SERIES_LIMIT) return Math.log1p(d) - d;
  const z = d / (2 + d);
  const z2 = z * z;
  let term = z * z2; // z^3
  let sum = 0;
  for (let k = 3; k < 200; k += 2) {
    const t = term / k;
    sum += t;
    if (Math.abs(t) <= EPS * 0.25 * Math.abs(sum)) break;
    term *= z2;
  }
  return -z * d + 2 * sum;
}
