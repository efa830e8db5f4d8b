/**
 * C4 · past the edge (η ≥ 2/λ_max) the spectrum classifies the step as divergent, and real
 * gradient descent stops and reports divergence within twice the predicted step, with no NaN.
 */
import { DEFAULT_DIVERGENCE_FACTOR } from '../../../src/dynamics/gradientDescent.js';
import { logLossAt } from '../../../src/dynamics/modeMixture.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { c4LateSlope } from '../../../theory/longTimeLearningPredictions.js';
import { dynamicsLabel, predictionFor, resolveCase, STEP_CAP, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import { ALL_FAMILIES } from '../../arbitraries/C4/families.js';
import { divergentCaseArb } from '../../arbitraries/C4/regimeCases.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { incomplete, runFrom, sig, weylDrift } from './checks.js';

function checkDivergent(c: DynamicsCase): CaseOutcome<C4Evidence> {
  const r = resolveCase(c);
  const prediction = c4LateSlope(r.model, c.eta);
  const mix = predictionFor(r, c.eta, c.epsilon);
  // Predicted first t with L̂_t > G·L̂₀ (G the run's divergence factor); NOTE: the horizon
  // doubles it (+10 steps) so an O(ε) slower real growth still crosses within it.
  const target = Math.log(DEFAULT_DIVERGENCE_FACTOR) + logLossAt(mix, 0);
  let tPred = 1;
  while (!(logLossAt(mix, tPred) > target) && tPred <= STEP_CAP) tPred *= 2;
  if (tPred > STEP_CAP) return incomplete('prediction-does-not-grow', tPred, `the prediction does not grow ${DEFAULT_DIVERGENCE_FACTOR}× within ${STEP_CAP} steps (generator bug?)`);
  let lo = Math.floor(tPred / 2);
  while (tPred - lo > 1) {
    const mid = lo + Math.floor((tPred - lo) / 2);
    if (logLossAt(mix, mid) > target) tPred = mid;
    else lo = mid;
  }
  const horizon = 2 * tPred + 10;
  const run = runFrom(r, c.eta, c.epsilon, horizon);
  const allFinite = Array.from(run.losses).every(Number.isFinite);
  // Diagnostic for a run that did not diverge: did H move by more than the margin to the edge?
  const edgeMargin = r.model.lambdaMax - 2 / c.eta;
  const diagnose = () => (run.diverged ? '' : `; ‖H(θ_end) − H(θ*)‖₂ = ${weylDrift(r, [run.theta])} vs margin λ_max − 2/η = ${edgeMargin} (larger: the run left the local regime and self-stabilised)`);
  const evidence: C4Evidence = {
    kind: 'divergent',
    regime: prediction.regime,
    predictedSlope: prediction.slope,
    etaOverEdge: sig((c.eta * r.model.lambdaMax) / 2),
    predictedStep: tPred,
    measuredStop: run.divergedAt,
    horizon,
  };
  return allOf(
    outcome(prediction.regime === 'divergent' && prediction.slope >= 0, evidence, () => `classified ${prediction.regime} with slope ${prediction.slope}, expected divergent (slope ≥ 0)`),
    outcome(run.diverged && run.divergedAt !== null && run.divergedAt <= horizon, evidence, () => `the run did not report divergence within ${horizon} steps${diagnose()}`),
    outcome(allFinite, evidence, () => 'a recorded loss is not finite'),
  );
}

export const divergentProperty: PropertyDefinition<DynamicsCase, C4Evidence> = {
  claim: 'C4',
  name: 'η ≥ 2/λ_max: classified divergent, the run stops and reports it, no NaN',
  arbitrary: () => divergentCaseArb(ALL_FAMILIES),
  numRuns: 40,
  label: dynamicsLabel,
  check: checkDivergent,
};
