/**
 * C4 · gradient flow on the real loss (Dormand–Prince 5(4), src/dynamics/gradientFlowRk45.ts):
 * the late slope of log L is −2λ_min⁺ within the descent property's terms (./checks.ts) plus the
 * integrator's measured error; the λ_max and mean-eigenvalue neighbours are rejected.
 */
import { gradientFlowRk45 } from '../../../src/dynamics/gradientFlowRk45.js';
import { trustedEnd } from '../../../src/dynamics/lateSlope.js';
import { contamination, gradientFlowPrediction, logLossAt, type ModeMixture } from '../../../src/dynamics/modeMixture.js';
import { relativeRoundingError, TRUST_FACTOR } from '../../../src/dynamics/roundingFloor.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { CONVERGING_NEIGHBOURS } from '../../../theory/longTimeLearning.js';
import { c4FlowLateSlope } from '../../../theory/longTimeLearningPredictions.js';
import { dynamicsLabel, resolveCase, roundingFloorOf, slopeWindow, type DynamicsCase, type ResolvedCase } from '../../arbitraries/C4/dynamicsCase.js';
import { ALL_FAMILIES } from '../../arbitraries/C4/families.js';
import { convergingCaseArb } from '../../arbitraries/C4/regimeCases.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { CONTAMINATION_SAFETY, finiteOrNull, incomplete, nonQuadraticTerm, sig, weylDrift } from './checks.js';

/** Integrator tolerance; test/dynamics/gradientFlowRk45.test.ts measures |log L error| ≤ 10·rtol + 1e-10. */
export const FLOW_RTOL = 1e-10;
/** Largest flow run: explicit steps ≈ 0.3·λ_max·T (stability), 6 gradients each. */
export const FLOW_STEP_CAP = 20_000;

/**
 * The flow's window, found on a time grid of unit 1/(2λ_max) (the fastest mode decays by e per
 * unit), so that integer dominance times are fine enough for fast flows too. `mix` is the
 * prediction in those units; from/to are returned in flow time.
 */
function flowPlan(r: ResolvedCase, epsilon: number): { mix: ModeMixture; unit: number; from: number; to: number; estimatedSteps: number; trusted: boolean } {
  const flow = gradientFlowPrediction(r.model, r.delta.map((v) => v * epsilon));
  const unit = 1 / (2 * r.model.lambdaMax);
  const mix: ModeMixture = { ...flow, logRates: flow.logRates.map((v) => v * unit), rateResolution: flow.rateResolution * unit };
  const w = slopeWindow(mix);
  const to = w.to * unit;
  // As for descent (arbitraries/C4/regimeCases.ts runnable): the window's end must stay 1e2× above the trusted threshold.
  const trusted = logLossAt(mix, w.to) >= Math.log(1e2 * TRUST_FACTOR * roundingFloorOf(r, null));
  return { mix, unit, from: w.from * unit, to, estimatedSteps: 0.3 * r.model.lambdaMax * to, trusted };
}

function checkFlowSlope(c: DynamicsCase): CaseOutcome<C4Evidence> {
  const r = resolveCase(c);
  const { mix, unit, from, to } = flowPlan(r, c.epsilon);
  const times = from > 0 ? [0, from, to] : [0, to]; // the slowest mode may dominate from t = 0
  const [iFrom, iTo] = [times.indexOf(from), times.indexOf(to)];
  const run = gradientFlowRk45(r.problem, r.problem.teacher, r.delta.map((v) => v * c.epsilon), times, { rtol: FLOW_RTOL, maxSteps: 10 * FLOW_STEP_CAP });
  if (!run.completed) return incomplete('rk45-incomplete', to, `RK45 did not reach t = ${to} in ${10 * FLOW_STEP_CAP} steps`);
  const W = to - from;
  const floor = roundingFloorOf(r, null);
  const trusted = trustedEnd(run.losses, floor);
  if (trusted < iTo) return incomplete('flow-untrusted', to, `the flow's loss at t = ${times[trusted + 1]} is below 1e6 × the rounding floor ${floor}`);
  const measured = (Math.log(run.losses[iTo]) - Math.log(run.losses[iFrom])) / W;
  const predicted = c4FlowLateSlope(r.model);
  const tolContamination = (CONTAMINATION_SAFETY * (Math.log1p(contamination(mix, from / unit)) + Math.log1p(contamination(mix, to / unit)))) / W;
  // Flow rates are −2λ exactly, so a Weyl move Δ of λ_min⁺ moves the slope by 2Δ.
  const drift = weylDrift(r, [run.thetas[iFrom], run.thetas[iTo]]);
  const tolDrift = 2 * drift;
  // Integration error of log L at each end (measured bound, see FLOW_RTOL), and rounding.
  const tolIntegration = (2 * (10 * FLOW_RTOL + 1e-10)) / W;
  const tolNonQuadratic = nonQuadraticTerm(r, run.thetas[iFrom], run.thetas[iTo], r.model.lambdaMinPositive, W);
  const tolRounding = (relativeRoundingError(run.losses[iFrom], floor) + relativeRoundingError(run.losses[iTo], floor)) / W;
  const tolerance = tolContamination + tolDrift + tolIntegration + tolNonQuadratic + tolRounding;
  const err = Math.abs(measured - predicted);
  const rejections = CONVERGING_NEIGHBOURS.map((n) => {
    const slope = -2 * n.eigenvalue(r.model);
    return { n, slope, margin: Math.abs(measured - slope) / tolerance };
  });
  const evidence: C4Evidence = {
    kind: 'flow-slope',
    kappa: sig(r.kappa),
    measuredSlope: measured,
    predictedSlope: predicted,
    relativeSlopeError: sig(err / Math.abs(predicted)),
    tolerance: finiteOrNull(tolerance),
    relativeTolerance: finiteOrNull(sig(tolerance / Math.abs(predicted))),
    from,
    to,
    rk45Steps: run.acceptedSteps,
    rk45Rejected: run.rejectedSteps,
    tolDrift: finiteOrNull(sig(tolDrift)),
    tolContamination: sig(tolContamination),
    tolNonQuadratic: sig(tolNonQuadratic),
    neighbours: rejections.map(({ n, slope, margin }) => ({ id: n.id, slope, margin })),
  };
  return allOf(
    outcome(err <= tolerance, evidence, () => `flow late slope ${measured} vs −2λ_min⁺ = ${predicted}: |error| ${err} > tolerance ${tolerance}`),
    ...rejections.map(({ n, slope, margin }) => outcome(margin > 1, evidence, () => `wrong neighbour "${n.description}" (flow slope ${slope}) NOT rejected`)),
  );
}

export const flowSlopeProperty: PropertyDefinition<DynamicsCase, C4Evidence> = {
  claim: 'C4',
  name: 'gradient flow on the real loss (RK45): late slope −2λ_min⁺; λ_max and mean neighbours rejected',
  // The case's η is not used; its ε and δ are.
  arbitrary: () =>
    convergingCaseArb(ALL_FAMILIES).filter((c) => {
      const plan = flowPlan(resolveCase(c), c.epsilon);
      return plan.trusted && plan.estimatedSteps <= FLOW_STEP_CAP;
    }),
  numRuns: 30,
  label: dynamicsLabel,
  check: checkFlowSlope,
};
