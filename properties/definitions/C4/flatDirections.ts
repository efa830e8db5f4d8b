/**
 * C4 · flat directions (λ = 0) neither decay nor add loss — on the quadratic model, within
 * derived rounding bounds — and on the real loss they are flat to first order only:
 * L(θ* + εu) = O(ε⁴) along a flat u against O(ε²) along a curved one, and the flat component
 * of θ_t − θ* drifts by a relative O(ε) (or less) during a run.
 */
import { loss } from '../../../src/hessian/problem.js';
import { EPS, frobenius, norm2 } from '../../../src/linalg/matrix.js';
import { displacedStart } from '../../../src/dynamics/direction.js';
import { flatProjection } from '../../../src/dynamics/eigenbasis.js';
import { EIGEN_BACKWARD_CONSTANT, logLossAt } from '../../../src/dynamics/modeMixture.js';
import { quadraticGradientDescent } from '../../../src/dynamics/quadraticIteration.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { CURVE_ERROR_ORDER, CURVED_LOSS_ORDER, FLAT_LOSS_ORDER, orderRatioBand } from '../../../theory/longTimeLearning.js';
import { dynamicsLabel, predictionFor, resolveCase, roundingFloorOf, slopeWindow, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import { FLAT_FAMILIES } from '../../arbitraries/C4/families.js';
import { convergingCaseArb } from '../../arbitraries/C4/regimeCases.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { EPSILON_FACTOR, finiteOrNull, incomplete, runFrom, sig, unhealthyRuns } from './checks.js';
import { CURVE_EPSILON_SCALE, CURVE_ROUNDING_SHARE_MAX } from './curveOrder.js';

/** Flat/curved probes step ε_probe = PROBE_SCALE·‖θ*‖/√P (1% of a typical weight). */
export const PROBE_SCALE = 1e-2;

function checkFlat(c: DynamicsCase): CaseOutcome<C4Evidence> {
  const r = resolveCase(c);
  const m = r.model;
  const P = m.P;
  const flatCount = m.firstCurved;
  if (flatCount === 0) return incomplete('no-flat-direction', null, 'no flat direction (generator bug: FLAT_FAMILIES only)');
  const mix = predictionFor(r, c.eta, c.epsilon);
  const T = slopeWindow(mix).to;
  const d0 = r.delta.map((v) => v * c.epsilon);
  const flat0 = flatProjection(m, d0);
  const flatNorm0 = norm2(flat0);
  const Hnorm = frobenius(m.hessian);
  let tauFlat = 0;
  for (let k = 0; k < flatCount; k++) tauFlat = Math.max(tauFlat, Math.abs(m.eigenvalues[k]));

  // (a) quadratic model, by matrix iteration (never diagonalised).
  const q = quadraticGradientDescent(m.hessian, d0, c.eta, T);
  const driftQ = norm2(flatProjection(m, q.final.map((v, i) => v - d0[i])));
  // Per step the flat part moves by ≤ η(τ_flat + C·P·eps·‖H‖)‖d‖ (Π₀H is τ_flat-small up to the
  // eigenvector residual C·P·eps·‖H‖) plus the step's own rounding eps(1 + η‖H‖)‖d‖ and the
  // matvec's η·P·eps·‖H‖‖d‖; over T steps, plus C·P·eps·‖d₀‖ for projecting twice.
  const C = EIGEN_BACKWARD_CONSTANT;
  const driftBoundQ = T * q.maxNorm * (c.eta * (tauFlat + 2 * C * P * EPS * Hnorm) + EPS * (1 + c.eta * Hnorm)) + C * P * EPS * norm2(d0);
  // The loss: ½dᵀHd = curved part + flat part ≤ ½(τ_flat + C·P·eps·‖H‖)‖d‖², and the curved
  // amplitudes carry the accumulated rounding δ = T·P·eps(1 + η‖H‖)·max‖d‖, costing
  // ≤ ‖H‖(√(2L̂/λ_min⁺)·δ + δ²/2). Both are set against what the flat part WOULD add if it
  // were curved like the softest curved mode, ½λ_min⁺‖Π₀d₀‖²: "adds no loss" means this
  // share is at rounding level.
  const predictedT = Math.exp(logLossAt(mix, T));
  const delta = T * P * EPS * (1 + c.eta * Hnorm) * q.maxNorm;
  const lossBoundQ = 0.5 * (tauFlat + C * P * EPS * Hnorm) * q.maxNorm ** 2 + Hnorm * (Math.sqrt((2 * predictedT) / m.lambdaMinPositive) * delta + 0.5 * delta * delta);
  const lossErrQ = Math.abs(q.losses[T] - predictedT);
  const ifCurved = 0.5 * m.lambdaMinPositive * flatNorm0 ** 2;

  // (b) real loss: a flat direction is flat only to first order — L(θ* + εu) = O(ε⁴).
  const u = flat0.map((v) => v / flatNorm0);
  const curved = d0.map((v, i) => v - flat0[i]);
  const cn = norm2(curved);
  const w = curved.map((v) => v / cn);
  const eProbe = (PROBE_SCALE * norm2(r.problem.teacher)) / Math.sqrt(P);
  const lossAlong = (dir: Float64Array, e: number) => loss(r.problem, displacedStart(r.problem.teacher, e, dir));
  const flatRatio = lossAlong(u, eProbe) / lossAlong(u, eProbe / EPSILON_FACTOR);
  const curvedRatio = lossAlong(w, eProbe) / lossAlong(w, eProbe / EPSILON_FACTOR);
  const band4 = orderRatioBand(FLAT_LOSS_ORDER, EPSILON_FACTOR);
  const band2 = orderRatioBand(CURVED_LOSS_ORDER, EPSILON_FACTOR);
  const flatVsSoftest = lossAlong(u, eProbe) / (0.5 * m.lambdaMinPositive * eProbe * eProbe);

  // (c) real loss: the flat component of θ_t − θ* drifts by a relative O(ε) during a run.
  // Three displacements ε, ε/4, ε/16; the order is asserted on the smaller pair, where the
  // next order is 4× weaker: when the first-order coefficient is anomalously small (see the
  // balancedness note below), the next order can still cancel part of it at ε (seen: ratios
  // 2.28, 3.61, 3.90 down the sequence on a Nh = 1 linear net).
  const floor = roundingFloorOf(r, c.eta);
  const eps = [c.epsilon, c.epsilon / EPSILON_FACTOR, c.epsilon / EPSILON_FACTOR ** 2];
  const runs = eps.map((e) => runFrom(r, c.eta, e, T));
  const unhealthy = unhealthyRuns(runs, T, floor, (i) => `ε = ${eps[i]}`);
  if (unhealthy) return unhealthy;
  const flatDelta = norm2(flatProjection(m, r.delta));
  const rel = runs.map((run, i) => {
    const start = displacedStart(r.problem.teacher, eps[i], r.delta);
    return norm2(flatProjection(m, run.theta.map((v, k) => v - start[k]))) / (eps[i] * flatDelta);
  });
  const driftRatioLarge = rel[0] / rel[1];
  const driftRatio = rel[1] / rel[2];
  // Rounding of θ over T steps: ≤ T·eps·‖θ*‖ in absolute terms, relative to ε/16·‖Π₀δ‖.
  const driftRounding = (T * EPS * norm2(r.problem.teacher)) / (eps[2] * flatDelta);
  const band1 = orderRatioBand(CURVE_ERROR_ORDER, EPSILON_FACTOR);
  const curvedLeft = runs.map((run) => {
    const d = run.theta.map((v, k) => v - r.problem.teacher[k]);
    const f = flatProjection(m, d);
    return norm2(d.map((v, k) => v - f[k]));
  });

  // Ratios are null where a norm they divide by is 0 (δ with no flat or curved part; not drawn in practice).
  const evidence: C4Evidence = {
    kind: 'flat-directions',
    flatCount,
    P,
    steps: T,
    quadFlatDrift: finiteOrNull(driftQ / flatNorm0),
    quadFlatDriftBound: finiteOrNull(driftBoundQ / flatNorm0),
    quadFlatLossShare: finiteOrNull(lossErrQ / ifCurved),
    quadFlatLossShareBound: finiteOrNull(lossBoundQ / ifCurved),
    curvedLossDecay: finiteOrNull(sig(predictedT / Math.exp(logLossAt(mix, 0)))),
    flatLossRatio: finiteOrNull(flatRatio),
    flatBandLower: band4.lower,
    flatBandUpper: band4.upper,
    curvedLossRatio: finiteOrNull(curvedRatio),
    curvedBandLower: band2.lower,
    curvedBandUpper: band2.upper,
    flatLossVsSoftestCurved: finiteOrNull(sig(flatVsSoftest)),
    realFlatDrift: finiteOrNull(sig(rel[0])),
    realFlatDriftSmallEps: finiteOrNull(sig(rel[2])),
    realFlatDriftRatioLarge: finiteOrNull(sig(driftRatioLarge)),
    realFlatDriftRatio: finiteOrNull(driftRatio),
    driftBandLower: band1.lower,
    realFlatDriftRoundingShare: finiteOrNull(sig(driftRounding)),
    curvedRemaining: finiteOrNull(sig(curvedLeft[0] / cn)),
  };
  return allOf(
    outcome(driftQ <= driftBoundQ, evidence, () => `quadratic model: flat component moved by ${driftQ} > bound ${driftBoundQ}`),
    outcome(lossErrQ <= lossBoundQ, evidence, () => `quadratic model: loss at T = ${T} differs from the flat-free formula by ${lossErrQ} > bound ${lossBoundQ}`),
    outcome(flatRatio >= band4.lower && flatRatio <= band4.upper, evidence, () => `real loss along a flat direction: L(ε)/L(ε/4) = ${flatRatio}, outside the O(ε⁴) band [${band4.lower}, ${band4.upper}]`),
    outcome(curvedRatio >= band2.lower && curvedRatio <= band2.upper, evidence, () => `real loss along a curved direction: L(ε)/L(ε/4) = ${curvedRatio}, outside the O(ε²) band [${band2.lower}, ${band2.upper}]`),
    // One-sided: the drift must vanish AT LEAST like ε. It can vanish faster: for two-layer
    // linear nets gradient flow conserves WWᵀ − aaᵀ (balancedness; Arora, Cohen & Hazan 2018),
    // whose gradient spans the scaling flat directions, so there the O(ε) drift comes only from
    // the O(η²) non-conservation of GD and may be tiny (seen: ratio 48 for Nh = 1).
    outcome(driftRatio >= band1.lower, evidence, () => `real run: relative flat drift ${rel[1]} at ε/4 vs ${rel[2]} at ε/16 (ratio ${driftRatio}) does not vanish like ε (ratio below ${band1.lower})`),
  );
}

/**
 * ε as the curve property's: the real flat drift is O(ε²) in absolute terms and must stand
 * clear of the O(T·eps·‖θ*‖) rounding of θ (seen: at ε = 4e-6 both were ~1e-12 and the ratio
 * fell to 1.7 — rounding, which scales like 1/ε relative, pulls it towards 1/4, never into
 * the band).
 */
export const flatDirectionsProperty: PropertyDefinition<DynamicsCase, C4Evidence> = {
  claim: 'C4',
  name: 'flat directions neither decay nor add loss (quadratic model); on the real loss they are flat to first order only',
  arbitrary: () => convergingCaseArb(FLAT_FAMILIES, CURVE_EPSILON_SCALE, CURVE_ROUNDING_SHARE_MAX),
  numRuns: 50,
  label: dynamicsLabel,
  check: checkFlat,
};
