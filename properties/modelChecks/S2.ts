/**
 * S2 on one model: the number of outliers at the top of the Hessian spectrum against the number
 * of classes in the labels, by the suite's counting rule (theory/bulkOutliers.ts countOutliers:
 * the largest ratio gap among the top M_TOP eigenvalues, an edge only if ≥ MIN_GAP) and the
 * claim's ±1 tolerance (countAgrees) — the same rule, constants and Lanczos tolerance as the S2
 * properties (properties/definitions/bulkOutliers/trainedNet.ts).
 *
 * S2 is a statement about a RATE over trained nets (within ±1 of k in ≥ 80% of draws), so one
 * model agreeing or not is an OBSERVATION, reported with the count, the gap and whether the
 * decision survives the Lanczos error bounds — never a failure of `check`. The hypotheses the
 * claim was stated under (k-way softmax cross-entropy, a ReLU MLP, trained near a minimum:
 * accuracy ≥ MIN_ACCURACY and mean loss ≤ MAX_LOSS) are checked and listed; cross-entropy is
 * required for the observation to be made at all.
 */
import { operatorEnds } from '../../src/spectrum/operatorEnds.js';
import { countAgrees, countOutliers, MIN_GAP, M_TOP, OUTLIER_COUNT_TOLERANCE, s2PredictedCount, S2_CLAIM } from '../../theory/bulkOutliers.js';
import { LANCZOS_TOLERANCE, MAX_LOSS, MIN_ACCURACY } from '../definitions/bulkOutliers/trainedNet.js';
import { applied, notApplicable, type ModelCheckResult, type ModelSubject } from './types.js';

/** A gap ratio as text: ∞ in words when the eigenvalue below is exactly 0 (never "Infinity"; found by the CLI fuzz). */
function ratioText(r: number): string {
  return Number.isFinite(r) ? r.toPrecision(3) : '∞ (the next eigenvalue is 0)';
}

export function checkS2(s: ModelSubject): ModelCheckResult {
  const m = s.curvature;
  if (!s.mlp || m.loss !== 'cross-entropy') {
    return notApplicable(S2_CLAIM, `S2 is about networks trained with k-way softmax cross-entropy on k classes; this model's loss is ${m.loss} (${m.family === 'mlp' ? 'an mlp config' : 'a teacher–student config'})`);
  }
  const { problem, theta, classesInLabels } = s.mlp;
  const k = classesInLabels ?? problem.spec.outputs;
  const accuracy = problem.accuracy(theta);
  const lossValue = problem.loss(theta);
  const meanLoss = problem.spec.reduction === 'sum' ? lossValue / problem.N : lossValue;
  const unmet: string[] = [];
  if (problem.spec.activation !== 'relu') unmet.push(`the claim was stated for ReLU MLPs (this one: ${problem.spec.activation})`);
  if (accuracy < MIN_ACCURACY) unmet.push(`near a minimum needs training accuracy ≥ ${MIN_ACCURACY} (this one: ${accuracy.toFixed(3)})`);
  if (meanLoss > MAX_LOSS) unmet.push(`near a minimum needs mean loss ≤ ${MAX_LOSS} (this one: ${meanLoss.toPrecision(3)})`);
  if (k !== problem.spec.outputs) unmet.push(`the labels hold ${k} of the ${problem.spec.outputs} classes`);
  const mTop = Math.min(M_TOP, m.P);
  const lz = operatorEnds(m.hessianOperator(), { k: mTop, which: 'largest', tolerance: LANCZOS_TOLERANCE, backend: s.backend, operatorCacheBytes: m.operatorCacheBytes, seed: s.seed, onApply: s.onApply });
  const data = { top: lz.values, residuals: lz.residuals, k, accuracy, meanLoss, hypothesesMet: unmet.length === 0, unmet };
  if (!(lz.values[0] > 0) || mTop < 2) {
    return applied(S2_CLAIM, reasonText(unmet), [{ name: 'outliers counted by the largest ratio gap', status: 'observation', message: `no positive top eigenvalue to count from (λ_1 = ${lz.values[0]})`, evidence: data }], data);
  }
  const o = countOutliers(lz.values, lz.residuals);
  const predicted = s2PredictedCount(k);
  const agrees = countAgrees(o.count, predicted);
  const evidence = { ...data, count: o.count, predicted, agrees, gap: o.gap, gapPosition: o.gapPosition, runnerUpGap: o.runnerUpGap, margin: o.margin, decisive: o.decisive, lanczosConverged: lz.converged };
  const message = `${o.count} outlier${o.count === 1 ? '' : 's'} (largest ratio gap ${ratioText(o.gap)} after λ_${o.gapPosition}${o.count === 0 ? `, below the ${MIN_GAP} an edge needs` : ''}; runner-up ${ratioText(o.runnerUpGap)}${o.decisive ? '' : '; not decisive within the Lanczos error bounds'}) against k = ${k} classes: ${agrees ? 'agrees' : 'does not agree'} within ±${OUTLIER_COUNT_TOLERANCE}`;
  return applied(S2_CLAIM, reasonText(unmet), [{ name: `outliers among the top ${mTop} eigenvalues (largest ratio gap ≥ ${MIN_GAP}) against the number of classes k`, status: 'observation', message, evidence }], { ...data, count: o.count, predicted, agrees });
}

function reasonText(unmet: string[]): string {
  const base = 'softmax cross-entropy with integer labels: the counting rule of the S2 properties on this model; S2 is a rate over many trained nets, so one model is an observation, not a verdict';
  return unmet.length ? `${base}. Outside the stated hypotheses: ${unmet.join('; ')}` : `${base}. Hypotheses met (ReLU, near a minimum, every class present)`;
}
