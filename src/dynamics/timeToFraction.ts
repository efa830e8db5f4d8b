/**
 * Time for the loss to fall to a fraction f of its starting value: measured on a curve,
 * and predicted from the eigenbasis formula (src/dynamics/modeMixture.ts).
 *
 *   t_f = min{ t ∈ ℕ : L_t ≤ f·L_0 }
 *
 * For a predicted curve whose modes all decay (every present rate < 0), log L_t is a
 * decreasing function of t, so t_f is found by doubling then bisection.
 * Accuracy: exact on the integer grid (given the curve). Cost O(T) measured,
 * O(r·log t_f) predicted.
 */
import { logLossAt, type ModeMixture } from './modeMixture.js';

function checkFraction(f: number, fn: string): void {
  if (!(f > 0 && f < 1)) throw new Error(`${fn}: f must be in (0, 1), got ${f}`);
}

/** First t with L_t ≤ f·L_0 on a measured curve; null if never within it. */
export function measuredTimeToFraction(losses: ArrayLike<number>, f: number): number | null {
  checkFraction(f, 'measuredTimeToFraction');
  if (losses.length === 0) return null;
  const target = f * losses[0];
  for (let t = 0; t < losses.length; t++) if (losses[t] <= target) return t;
  return null;
}

/** First integer t with predicted L_t ≤ f·L_0; null if some present mode does not decay. */
export function predictedTimeToFraction(mix: ModeMixture, f: number): number | null {
  checkFraction(f, 'predictedTimeToFraction');
  for (let i = 0; i < mix.logRates.length; i++) if (mix.logAmplitudes[i] > -Infinity && mix.logRates[i] >= 0) return null;
  const target = Math.log(f) + logLossAt(mix, 0);
  const reached = (t: number) => logLossAt(mix, t) <= target;
  let hi = 1;
  while (!reached(hi)) {
    if (hi > Number.MAX_SAFE_INTEGER / 2) return null;
    hi *= 2;
  }
  let lo = 0; // L_0 > f·L_0 always
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
