/**
 * C4 · small eigenvalues control long-time learning (docs/theory.md#c4; Couto et al. 2025,
 * arXiv:2512.15606, claim from the abstract, form derived; the quadratic-model algebra is
 * the standard analysis of gradient descent on a quadratic, src/dynamics/modeMixture.ts).
 *
 * Near θ*, L(θ* + d) ≈ ½ dᵀHd, and gradient descent with step η from d₀ (c_i = v_iᵀd₀) gives
 *     L_t ≈ ½ Σ_i λ_i c_i² (1 − ηλ_i)^{2t}.
 * This module holds the claim's statement, its constants (orders in ε, the time exponent), the
 * order bands and the wrong neighbours; the predictions as functions of the spectrum are in
 * ./longTimeLearningPredictions.ts (it computes through src/dynamics; this module imports no
 * engine code, so the report can state the claim without loading the engine). The predictions:
 *
 *  1. late-time slope of log L per step:
 *       η < 2/(λ_min⁺ + λ_max):          2 log(1 − ηλ_min⁺)      ← the C4 statement
 *       2/(λ_min⁺+λ_max) ≤ η < 2/λ_max:  2 log|1 − ηλ_max|       (derived: the top mode is slowest)
 *       η ≥ 2/λ_max:                     2 log|1 − ηλ_max| ≥ 0   (no decay: 'divergent')
 *     gradient flow: −2λ_min⁺ per unit time.
 *  2. time to a loss fraction f (derived): L_t ≥ A_s ρ_s^t and L_t ≤ L₀ ρ_s^t, with ρ_s the
 *     slowest mode's factor per step and s_s = A_s/L₀ its share of the starting loss, give
 *       log(s_s/f) ≤ t_f·(−log ρ_s) ≤ log(1/f) + (−log ρ_s),
 *     and once the slowest mode dominates, t_f·(−log ρ_s) → log(s_s/f): t_f ∝ 1/(−log ρ_s)
 *     ≈ 1/(2ηλ_min⁺), i.e. t_f scales as 1/λ_min⁺ (log-log exponent −1).
 *  3. flat directions (λ = 0): their component of d neither decays nor adds loss.
 *     On the real loss (derived here, see properties/definitions/C4/flatDirections.ts): a flat
 *     direction u of H(θ*) is flat only to first order — L(θ* + εu) = O(ε⁴), not 0, for
 *     linear, deep linear and N-capped tanh/erf nets — and the flat component of θ_t − θ*
 *     drifts by a relative O(ε) during a run (or less: gradient flow conserves the
 *     balancedness WWᵀ − aaᵀ of linear nets, which pins the scaling flat directions).
 *  4. the real loss from θ* + εδ follows the prediction with a relative error O(ε): the
 *     ratio of errors at ε and ε/4 lies in orderRatioBand(1, 4).
 *
 * Wrong neighbours (mutated theories the same checks must reject): λ_max in place of
 * λ_min⁺; the mean curved eigenvalue tr H / rank in place of λ_min⁺; and, past the
 * balanced step, "λ_min⁺ whatever η" (C4 read without its condition on η).
 *
 * Cost O(1) per call.
 */
import { COUTO, type Claim } from './claim.js';

/** What C4 needs of the spectrum of H(θ*). */
export interface C4Spectrum {
  readonly lambdaMinPositive: number;
  readonly lambdaMax: number;
  /** Mean of the curved eigenvalues, tr H / rank. */
  readonly meanPositive: number;
}

/**
 * Prediction 2: the log-log exponent of the time to a loss fraction against the late rate
 * −log ρ_s ≈ 2ηλ_min⁺ (t_f ∝ 1/λ_min⁺ at a fixed step).
 */
export const TIME_SCALING_EXPONENT = -1;

/** Prediction 3, real loss: the order in ε of L(θ* + εu) along a flat (u ∈ ker H) and a curved direction. */
export const FLAT_LOSS_ORDER = 4;
export const CURVED_LOSS_ORDER = 2;
/** Prediction 4: the order in ε of the relative error of the measured curve (and of the flat drift). */
export const CURVE_ERROR_ORDER = 1;

/**
 * Where E(ε)/E(ε/k) lies when E(ε) = Cε^p(1 + q) with a next-order correction q at ε
 * (hence q/k at ε/k): the ratio k^p(1 + q)/(1 + q/k) increases with q, so |q| ≤ qMax gives
 * [k^p(1 − qMax)/(1 − qMax/k), k^p(1 + qMax)/(1 + qMax/k)]. qMax = 1/2 says "the leading
 * order dominates"; with k = 4: p = 1 → [2.29, 5.33], p = 2 → [9.14, 21.3],
 * p = 4 → [146, 341] — disjoint, so the band identifies the order.
 */
export function orderRatioBand(p: number, k: number, qMax = 0.5): { lower: number; upper: number } {
  if (!(p > 0 && k > 1 && qMax >= 0 && qMax < 1)) throw new Error(`orderRatioBand: need p > 0, k > 1, 0 ≤ qMax < 1, got p = ${p}, k = ${k}, qMax = ${qMax}`);
  const kp = Math.pow(k, p);
  return { lower: (kp * (1 - qMax)) / (1 - qMax / k), upper: (kp * (1 + qMax)) / (1 + qMax / k) };
}

export interface WrongNeighbour {
  readonly id: 'lambda-max' | 'mean-eigenvalue' | 'lambda-min-any-step';
  readonly description: string;
  /** The eigenvalue this mutated theory says sets the late rate. */
  eigenvalue(s: C4Spectrum): number;
}

/** λ_max in place of λ_min⁺. */
export const LAMBDA_MAX_NEIGHBOUR: WrongNeighbour = {
  id: 'lambda-max',
  description: 'λ_max in place of λ_min⁺ (the stiffest mode sets the late rate)',
  eigenvalue: (s) => s.lambdaMax,
};

/** The mean curved eigenvalue in place of λ_min⁺. */
export const MEAN_EIGENVALUE_NEIGHBOUR: WrongNeighbour = {
  id: 'mean-eigenvalue',
  description: 'the mean curved eigenvalue tr H / rank in place of λ_min⁺ (a typical mode sets the rate)',
  eigenvalue: (s) => s.meanPositive,
};

/** λ_min⁺ whatever η: wrong past the balanced step 2/(λ_min⁺ + λ_max), where the top mode is slowest. */
export const MIN_ANY_STEP_NEIGHBOUR: WrongNeighbour = {
  id: 'lambda-min-any-step',
  description: 'λ_min⁺ whatever the step (C4 without its condition η < 2/(λ_min⁺ + λ_max))',
  eigenvalue: (s) => s.lambdaMinPositive,
};

/** The neighbours of the converging regime (η < 2/(λ_min⁺ + λ_max)). */
export const CONVERGING_NEIGHBOURS: readonly WrongNeighbour[] = [LAMBDA_MAX_NEIGHBOUR, MEAN_EIGENVALUE_NEIGHBOUR];
/** The neighbours of the top-mode-slowest regime. */
export const TOP_MODE_NEIGHBOURS: readonly WrongNeighbour[] = [MIN_ANY_STEP_NEIGHBOUR, MEAN_EIGENVALUE_NEIGHBOUR];

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** x^p as printed in the statement: "ε" for p = 1, "ε⁴", "(λ_min⁺)⁻¹". */
export function power(x: string, p: number): string {
  if (!Number.isInteger(p)) throw new Error(`power: integer exponent expected, got ${p}`);
  return p === 1 ? x : `${x}${[...String(p)].map((d) => SUPERSCRIPT[d]).join('')}`;
}

/** The claim C4 as the suite states it (docs/theory.md#c4); its orders and exponent are the constants above. */
export const C4_CLAIM: Claim = {
  id: 'C4',
  title: 'Small eigenvalues control long-time learning',
  statement:
    'Near θ*, gradient descent follows L_t ≈ ½ Σ λ_i c_i² (1 − ηλ_i)^{2t}: the late slope of log L is 2 log(1 − ηλ_min⁺) for η < 2/(λ_min⁺ + λ_max) (2 log|1 − ηλ_max| above it), ' +
    `the time to a loss fraction scales as ${power('(λ_min⁺)', TIME_SCALING_EXPONENT)}, ` +
    `flat directions neither decay nor add loss (to first order: on the real loss they add O(${power('ε', FLAT_LOSS_ORDER)}), curved ones O(${power('ε', CURVED_LOSS_ORDER)})), ` +
    `and the real-loss run approaches the prediction with a relative error O(${power('ε', CURVE_ERROR_ORDER)}) as ε → 0.`,
  source: `${COUTO} (form derived)`,
  kind: 'statistical',
  testedIn: 'properties/C4.longTimeLearning.test.ts',
};
