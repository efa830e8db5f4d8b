/**
 * C4 · the measured curve follows the eigenbasis prediction with an error O(ε): the largest
 * |log L_t − log L̂_t| over the run at ε and at ε/4 must have a ratio in the order-1 band
 * (theory/longTimeLearning.ts orderRatioBand).
 */
import type { PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { outcome, type CaseOutcome } from '../../../src/harness/propertyDefinition.js';
import { CURVE_ERROR_ORDER, orderRatioBand } from '../../../theory/longTimeLearning.js';
import { dynamicsLabel, predictionFor, resolveCase, roundingFloorOf, slopeWindow, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import { ALL_FAMILIES } from '../../arbitraries/C4/families.js';
import { convergingCaseArb } from '../../arbitraries/C4/regimeCases.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { curveError, EPSILON_FACTOR, finiteOrNull, runFrom, sig, unhealthyRuns } from './checks.js';

/**
 * ε is 5× the other properties' (CURVE_EPSILON_SCALE): the curve error grows like ε and the
 * rounding share like 1/ε, so a larger ε keeps the ratio clear of rounding (measured errors
 * are ~1e-5 at the other properties' ε for single-unit tanh nets). The order-1 band
 * tolerates a next-order correction up to half the leading term; measured ratios are
 * 4.00 ± 0.01 for most cases (q ≈ 1e-3).
 */
export const CURVE_EPSILON_SCALE: readonly [number, number] = [0.02, 0.05];
/**
 * …and ε is raised further where needed so that the (pessimistic) rounding share of log L at
 * ε/4 is ≤ 1e-7, ≥ 100× below the smallest O(ε) curve errors measured (≈ 1e-5).
 */
export const CURVE_ROUNDING_SHARE_MAX = 1e-7;

function checkCurveOrder(c: DynamicsCase): CaseOutcome<C4Evidence> {
  const r = resolveCase(c);
  const eps = [c.epsilon, c.epsilon / EPSILON_FACTOR];
  const mixes = eps.map((e) => predictionFor(r, c.eta, e));
  const T = slopeWindow(mixes[0]).to;
  const floor = roundingFloorOf(r, c.eta);
  const runs = eps.map((e) => runFrom(r, c.eta, e, T));
  const unhealthy = unhealthyRuns(runs, T, floor, (i) => `ε = ${eps[i]}`);
  if (unhealthy) return unhealthy;
  const [e1, e4] = runs.map((run, i) => curveError(run.losses, mixes[i], T, floor));
  const ratio = e1.error / e4.error;
  // Derived band: E(ε) = Cε(1 + q) with |q| ≤ 1/2 at the larger ε (theory orderRatioBand).
  const band = orderRatioBand(CURVE_ERROR_ORDER, EPSILON_FACTOR);
  const evidence: C4Evidence = {
    kind: 'curve-order',
    kappa: sig(r.kappa),
    steps: T,
    epsilon: c.epsilon,
    curveError: e1.error,
    curveErrorSmallEps: e4.error,
    epsilonRatio: finiteOrNull(ratio),
    bandLower: band.lower,
    bandUpper: band.upper,
    roundingShare: sig(e4.rounding),
  };
  // No separate rounding check is needed: the rounding share of E grows like 1/ε (it is
  // relative to a loss ∝ ε²), so a rounding-dominated pair would give E(ε)/E(ε/4) ≈ 1/4, far
  // below the band; the band's lower end 2.29 caps rounding at < ¾ of E(ε/4). The worst-case
  // estimate of that share (roundingFloor.ts, pessimistic by ~1e2 here) is recorded.
  return outcome(ratio >= band.lower && ratio <= band.upper, evidence, () => `curve error ratio E(ε)/E(ε/4) = ${ratio} outside the O(ε) band [${band.lower}, ${band.upper}] (E = ${e1.error}, ${e4.error})`);
}

export const curveOrderProperty: PropertyDefinition<DynamicsCase, C4Evidence> = {
  claim: 'C4',
  name: 'real GD follows the eigenbasis prediction with a relative error O(ε) (ratio at ε, ε/4 in the order-1 band)',
  arbitrary: () => convergingCaseArb(ALL_FAMILIES, CURVE_EPSILON_SCALE, CURVE_ROUNDING_SHARE_MAX),
  numRuns: 60,
  label: dynamicsLabel,
  check: checkCurveOrder,
};
