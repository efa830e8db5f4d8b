/**
 * Sample moments for moment z-tests: the mean, the unbiased variance s² = Σ(x − x̄)²/(n − 1)
 * and the fourth central moment m̂4 = Σ(x − x̄)⁴/n. With them the delta-method standard error of
 * s² is √((m̂4 − s⁴)/n) (e.g. Casella & Berger 2002, Statistical Inference, Ex. 5.8 / Thm 5.5.24).
 * Two passes (mean first, then centred sums): no cancellation of the naive Σx² − n·x̄² form.
 * Accuracy: ≲ n·eps relative for the sums (recursive summation). Cost: 2n.
 * Errors: throws for fewer than 2 values or a non-finite value (names the field).
 */
import { invalidArgument } from './errors.js';

export interface SampleMoments {
  readonly n: number;
  readonly mean: number;
  /** Unbiased sample variance (divisor n − 1). */
  readonly variance: number;
  /** Fourth central moment (divisor n). */
  readonly m4: number;
}

export function sampleMoments(x: ArrayLike<number>): SampleMoments {
  const fn = 'sampleMoments';
  const n = x.length;
  if (!(n >= 2)) invalidArgument(fn, 'x', 'must hold at least 2 values', x, 'pass the sample');
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) invalidArgument(fn, `x[${i}]`, 'must be a finite number', x[i], 'drop or fix the non-finite draw');
    m += x[i];
  }
  m /= n;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] - m) * (x[i] - m);
    s2 += d;
    s4 += d * d;
  }
  return { n, mean: m, variance: s2 / (n - 1), m4: s4 / n };
}
