/**
 * Holm's (1979) step-down procedure controlling the family-wise error rate at α:
 * sort p-values ascending p_(1) ≤ … ≤ p_(m); adjusted p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j));
 * reject H_(i) iff p̃_(i) ≤ α (equivalently: reject while p_(i) ≤ α/(m − i + 1), stop at the first
 * failure). Source: S. Holm, "A simple sequentially rejective multiple test procedure",
 * Scand. J. Statist. 6 (1979) 65–70; adjusted p-values as R's p.adjust(method = "holm").
 * Results are returned in the input order. Cost: O(m log m).
 * Errors: throws for an empty list, p-values outside [0, 1] / NaN, or α ∉ (0, 1).
 */
import { invalidArgument, requireInRange } from './errors.js';

export interface HolmResult {
  /** reject[i] for the i-th input p-value. */
  readonly reject: boolean[];
  /** Holm-adjusted p-values, input order. */
  readonly adjusted: number[];
  readonly alpha: number;
}

export function holm(pValues: readonly number[], alpha: number): HolmResult {
  const fn = 'holm';
  if (!Array.isArray(pValues) || pValues.length === 0) {
    invalidArgument(fn, 'pValues', 'must be a non-empty array', pValues, 'pass one p-value per test');
  }
  requireInRange(fn, 'alpha', alpha, Number.MIN_VALUE, 1 - Number.EPSILON, 'pass the family-wise level, e.g. 0.05');
  pValues.forEach((p, i) => requireInRange(fn, `pValues[${i}]`, p, 0, 1, 'pass probabilities in [0, 1]'));
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j] || i - j);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let r = 0; r < m; r++) {
    const i = order[r];
    running = Math.max(running, Math.min(1, (m - r) * pValues[i]));
    adjusted[i] = running;
  }
  return { reject: adjusted.map((p) => p <= alpha), adjusted, alpha };
}
