/**
 * The late-slope check of gradient descent, shared by the converging and top-mode properties:
 * run real GD over the slope window, measure the endpoint slope of log L, compare it with the
 * governing eigenvalue's 2 log|1 − ηλ| within the derived tolerance (./checks.ts), and put the
 * wrong neighbours through the same check.
 */
import { windowSlope } from '../../../src/dynamics/lateSlope.js';
import { contamination } from '../../../src/dynamics/modeMixture.js';
import { relativeRoundingError } from '../../../src/dynamics/roundingFloor.js';
import { weylSlopeBand } from '../../../src/dynamics/weylSlopeBand.js';
import { allOf, outcome, type CaseOutcome } from '../../../src/harness/propertyDefinition.js';
import { type WrongNeighbour } from '../../../theory/longTimeLearning.js';
import { c4LateSlope, neighbourSlope, slopeFor } from '../../../theory/longTimeLearningPredictions.js';
import { predictionFor, resolveCase, roundingFloorOf, slopeWindow, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import type { C4Evidence, C4EvidenceOf } from '../../evidence/C4.js';
import { CONTAMINATION_SAFETY, curveError, finiteOrNull, nonQuadraticTerm, recordedCurve, runFrom, sig, unhealthyRuns, weylDrift } from './checks.js';

type Kind = 'late-slope' | 'top-mode';

export function descentSlopeVerdict(c: DynamicsCase, kind: Kind, expectedRegime: string, neighbours: readonly WrongNeighbour[]): CaseOutcome<C4Evidence> {
  const r = resolveCase(c);
  const prediction = c4LateSlope(r.model, c.eta);
  const governing = prediction.eigenvalue;
  const mix = predictionFor(r, c.eta, c.epsilon);
  const { from, to } = slopeWindow(mix);
  const floor = roundingFloorOf(r, c.eta);
  const run = runFrom(r, c.eta, c.epsilon, to, [from, to]);
  const unhealthy = unhealthyRuns([run], to, floor, () => 'late-slope run');
  if (unhealthy) return unhealthy;
  const measured = windowSlope(run.losses, from, to);
  const predicted = slopeFor(governing, c.eta);
  const W = to - from;
  const tolContamination = (CONTAMINATION_SAFETY * (Math.log1p(contamination(mix, from)) + Math.log1p(contamination(mix, to)))) / W;
  const thFrom = run.snapshots.get(from)!;
  const thTo = run.snapshots.get(to)!;
  const drift = weylDrift(r, [thFrom, thTo]);
  const tolDrift = weylSlopeBand(governing, drift, c.eta);
  const tolNonQuadratic = nonQuadraticTerm(r, thFrom, thTo, governing, W);
  const tolRounding = (relativeRoundingError(run.losses[from], floor) + relativeRoundingError(run.losses[to], floor)) / W;
  const tolerance = tolContamination + tolDrift + tolNonQuadratic + tolRounding;
  const err = Math.abs(measured - predicted);
  const rejections = neighbours.map((n) => {
    const slope = neighbourSlope(n, r.model, c.eta);
    return { n, slope, margin: Math.abs(measured - slope) / tolerance };
  });
  const evidence: C4EvidenceOf<Kind> = {
    kind,
    // Unrounded: the report picks the case of largest κ and labels it with κ and ηλ_max.
    kappa: r.kappa,
    etaLambdaMax: c.eta * r.model.lambdaMax,
    regime: prediction.regime,
    measuredSlope: measured,
    predictedSlope: predicted,
    relativeSlopeError: sig(err / Math.abs(predicted)),
    tolerance: finiteOrNull(tolerance),
    relativeTolerance: finiteOrNull(sig(tolerance / Math.abs(predicted))),
    from,
    to,
    weylDrift: sig(drift),
    tolContamination: sig(tolContamination),
    tolDrift: finiteOrNull(sig(tolDrift)),
    tolNonQuadratic: sig(tolNonQuadratic),
    tolRounding: sig(tolRounding),
    neighbours: rejections.map(({ n, slope, margin }) => ({ id: n.id, slope, margin })),
    curve: recordedCurve(run.losses, mix, to),
    maxLogError: curveError(run.losses, mix, to, floor).error,
  };
  return allOf(
    outcome(prediction.regime === expectedRegime, evidence, () => `classified ${prediction.regime}, expected ${expectedRegime}`),
    outcome(err <= tolerance, evidence, () => `late slope ${measured} vs predicted ${predicted} (λ = ${governing}): |error| ${err} > tolerance ${tolerance}`),
    ...rejections.map(({ n, slope, margin }) =>
      outcome(margin > 1, evidence, () => `wrong neighbour "${n.description}" (slope ${slope}) NOT rejected: |measured − neighbour| = ${Math.abs(measured - slope)} ≤ tolerance ${tolerance}`),
    ),
  );
}
