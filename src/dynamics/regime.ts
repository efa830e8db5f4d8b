/**
 * Which mode is slowest under gradient descent with step η on a quadratic whose curved
 * eigenvalues lie in [λ_min⁺, λ_max] (standard: the per-step factor of mode i is
 * |1 − ηλ_i|, a convex function of λ, so its maximum over the spectrum is at an end):
 *
 *   η < 2/(λ_min⁺ + λ_max)          'converging'        slowest λ_min⁺, factor 1 − ηλ_min⁺
 *   2/(λ_min⁺ + λ_max) ≤ η < 2/λ_max 'top-mode-slowest'  slowest λ_max,  factor ηλ_max − 1
 *   η ≥ 2/λ_max                      'divergent'         λ_max does not decay (|1 − ηλ_max| ≥ 1)
 *
 * At η = 2/(λ_min⁺+λ_max) both ends have the same factor (the optimal fixed step); it is
 * classified 'top-mode-slowest'. At η = 2/λ_max exactly the top mode neither decays nor
 * grows; it is classified 'divergent' because the loss no longer tends to zero.
 * Cost O(1). Exact up to the rounding of 2/(λ_min⁺ + λ_max).
 */
import { logAbsOneMinus } from './logSpace.js';

export type Regime = 'converging' | 'top-mode-slowest' | 'divergent';

export interface RegimeClassification {
  readonly regime: Regime;
  /** 2/(λ_min⁺ + λ_max): the step at which the top mode becomes the slowest. */
  readonly etaBalanced: number;
  /** 2/λ_max: the step at which the top mode stops decaying. */
  readonly etaEdge: number;
  /** The eigenvalue of the slowest mode: λ_min⁺ ('converging') or λ_max. */
  readonly governingEigenvalue: number;
  /** 2 log|1 − η·λ_governing|: the asymptotic slope of log L per step (≥ 0 when divergent). */
  readonly asymptoticLogRate: number;
}

export function classifyRegime(lambdaMinPositive: number, lambdaMax: number, eta: number): RegimeClassification {
  const fn = 'classifyRegime';
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  if (!(Number.isFinite(lambdaMinPositive) && lambdaMinPositive > 0)) throw new Error(`${fn}: lambdaMinPositive must be a finite number > 0, got ${lambdaMinPositive}`);
  if (!(Number.isFinite(lambdaMax) && lambdaMax >= lambdaMinPositive)) throw new Error(`${fn}: lambdaMax must be finite and ≥ lambdaMinPositive = ${lambdaMinPositive}, got ${lambdaMax}`);
  const etaBalanced = 2 / (lambdaMinPositive + lambdaMax);
  const etaEdge = 2 / lambdaMax;
  const regime: Regime = eta < etaBalanced ? 'converging' : eta < etaEdge ? 'top-mode-slowest' : 'divergent';
  const governingEigenvalue = regime === 'converging' ? lambdaMinPositive : lambdaMax;
  return { regime, etaBalanced, etaEdge, governingEigenvalue, asymptoticLogRate: 2 * logAbsOneMinus(eta * governingEigenvalue) };
}
