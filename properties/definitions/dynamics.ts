/**
 * C4 · small eigenvalues control long-time learning (theory/longTimeLearning.ts).
 *
 * Every property runs REAL gradient descent (src/dynamics/gradientDescent.ts) — or, in the
 * last one, gradient flow by Dormand–Prince (src/dynamics/gradientFlowRk45.ts) — on the real
 * loss from θ* + εδ and compares it with the eigenbasis prediction built from the float64
 * spectrum of H(θ*) (src/dynamics/modeMixture.ts). Slope tolerances are sums of named terms,
 * each derived where it is computed:
 *
 *  - contamination: the predicted curve is A·ρ^t·(1 + R(t)) with R the share of the
 *    non-slowest modes (modeMixture.ts, contamination), so an endpoint slope over [a, b]
 *    is within (log(1 + R_a) + log(1 + R_b))/(b − a) of log ρ — exact for the quadratic
 *    model. NOTE: ×CONTAMINATION_SAFETY = 2 for the real run, whose mode amplitudes differ
 *    from the predicted ones by a relative O(ε) (≤ 1e-2 here, measured by the curve
 *    property) and whose rates differ by the drift below; R_TARGET = 1e-3 keeps the term
 *    ≈ 1e-4 relative, so the factor costs nothing in power.
 *  - drift (Weyl): the real run is governed by H along its path, not H(θ*). Weyl's
 *    inequality gives |λ_k(H(θ)) − λ_k(H(θ*))| ≤ Δ = max ‖H(θ) − H(θ*)‖₂ over the window's
 *    ends (full Hessians, computed), so the slow rate lies in 2 log|1 − η[λ − Δ, λ + Δ]|.
 *    The ends bound the path because the window lies in the late phase, where θ_t only
 *    moves along the slowest mode by a shrinking amount.
 *  - non-quadratic: the loss is the quadratic form of θ − θ_∞ only up to a relative
 *    ‖H(θ) − H_∞‖/λ (nonQuadraticTerm below), whose change across the window tilts the slope.
 *  - rounding: trusted losses (src/dynamics/roundingFloor.ts) carry a relative error
 *    ≤ 2√(floor/L), so an endpoint slope is off by ≤ (that at a + that at b)/(b − a).
 *  - integration (flow only): the measured global error of the integrator in log L.
 *
 * The wrong neighbours (theory/longTimeLearning.ts) are put through the SAME check with the
 * SAME tolerance and must fail it; their rejection margins |measured − neighbour|/tolerance
 * are recorded as evidence.
 */
import { fullHessian } from '../../src/hessian/hessian.js';
import { loss } from '../../src/hessian/problem.js';
import { add, EPS, frobenius, norm2, type Matrix } from '../../src/linalg/matrix.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { displacedStart } from '../../src/dynamics/direction.js';
import { flatProjection } from '../../src/dynamics/eigenbasis.js';
import { gradientDescent, DEFAULT_DIVERGENCE_FACTOR, type GradientDescentRun } from '../../src/dynamics/gradientDescent.js';
import { windowSlope, trustedEnd } from '../../src/dynamics/lateSlope.js';
import { contamination, gradientFlowPrediction, logLossAt, slowestModes, EIGEN_BACKWARD_CONSTANT, type ModeMixture } from '../../src/dynamics/modeMixture.js';
import { gradientFlowRk45 } from '../../src/dynamics/gradientFlowRk45.js';
import { quadraticGradientDescent } from '../../src/dynamics/quadraticIteration.js';
import { lossRoundingFloor, relativeRoundingError, TRUST_FACTOR } from '../../src/dynamics/roundingFloor.js';
import { measuredTimeToFraction, predictedTimeToFraction } from '../../src/dynamics/timeToFraction.js';
import {
  c4FlowLateSlope,
  c4LateSlope,
  c4NormalisedTimeBand,
  CONVERGING_NEIGHBOURS,
  CURVE_ERROR_ORDER,
  CURVED_LOSS_ORDER,
  FLAT_LOSS_ORDER,
  neighbourSlope,
  orderRatioBand,
  slopeFor,
  TOP_MODE_NEIGHBOURS,
  type WrongNeighbour,
} from '../../theory/longTimeLearning.js';
import {
  ALL_FAMILIES,
  convergingCaseArb,
  divergentCaseArb,
  dynamicsLabel,
  FLAT_FAMILIES,
  predictionFor,
  resolveCase,
  slopeWindow,
  STEP_CAP,
  timeScalingBatchArb,
  TIME_FRACTION,
  topModeCaseArb,
  type DynamicsCase,
  type ResolvedCase,
} from '../arbitraries/dynamicsConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { LegacyEvidence } from '../evidence/legacy.js';

/** See the header: covers the O(ε) difference between real and predicted amplitudes. */
export const CONTAMINATION_SAFETY = 2;
/** ε and ε/EPSILON_FACTOR are compared; theory/longTimeLearning.ts orderRatioBand gives the band. */
export const EPSILON_FACTOR = 4;
/** Flat/curved probes step ε_probe = PROBE_SCALE·‖θ*‖/√P (1% of a typical weight). */
export const PROBE_SCALE = 1e-2;

const sig = (x: number) => Number(x.toPrecision(4));

function floorOf(r: ResolvedCase, eta: number | null): number {
  const m = r.model;
  return lossRoundingFloor({ P: m.P, lambdaMax: m.lambdaMax, lambdaMinPositive: m.lambdaMinPositive, eta, thetaStar: r.problem.teacher, targets: r.problem.targets });
}

function runFrom(r: ResolvedCase, eta: number, epsilon: number, steps: number, snapshotAt: number[] = []): GradientDescentRun {
  return gradientDescent(r.problem, displacedStart(r.problem.teacher, epsilon, r.delta), { eta, steps, snapshotAt });
}

function spectralNorm(a: Matrix): number {
  const v = getBackend().symmetricEigenvalues(a);
  return Math.max(Math.abs(v[0]), Math.abs(v[v.length - 1]));
}

/** Δ = max over θs of ‖H(θ) − H(θ*)‖₂ (full Hessians; Weyl bounds every eigenvalue's move by it). */
function weylDrift(r: ResolvedCase, thetas: Float64Array[]): number {
  return Math.max(...thetas.map((th) => spectralNorm(add(fullHessian(r.problem, th), r.model.hessian, -1))));
}

/**
 * Non-quadratic term. With e = θ − θ_∞, Taylor's integral remainder gives
 * L = ½eᵀH_∞e + eᵀ[∫₀¹(1 − s)(H(θ_∞ + se) − H_∞)ds]e, so log L differs from the log of the
 * quadratic form by ≤ max‖H(θ) − H_∞‖₂/λ along the segment (e lies along the governing mode,
 * eigenvalue λ, in the late phase). Over a window the difference of that term at the ends
 * shifts the slope by ≤ 2‖H(θ_from) − H(θ_to)‖₂/(λ·W), with θ_to standing for θ_∞ (the
 * factor 2 covers the segment maximum and the θ_to end). Measured: ≤ 1e-3 of the slope here.
 */
function nonQuadraticTerm(r: ResolvedCase, thFrom: Float64Array, thTo: Float64Array, lambda: number, W: number): number {
  return (2 * spectralNorm(add(fullHessian(r.problem, thFrom), fullHessian(r.problem, thTo), -1))) / (lambda * W);
}

/** sup over λ' ∈ [λ − Δ, λ + Δ] of |slopeFor(λ') − slopeFor(λ)|; ∞ if the interval reaches ηλ' = 1. */
function slopeBand(lambda: number, delta: number, eta: number): number {
  const lo = eta * (lambda - delta);
  const hi = eta * (lambda + delta);
  if (lo <= 1 && hi >= 1) return Infinity;
  const s = slopeFor(lambda, eta);
  return Math.max(Math.abs(slopeFor(lambda - delta, eta) - s), Math.abs(slopeFor(lambda + delta, eta) - s));
}

/** max_t |log L_t − log L̂_t| over t ≤ T, and the rounding share max_t 2√(floor/L_t). */
function curveError(run: GradientDescentRun, mix: ModeMixture, T: number, floor: number): { error: number; rounding: number } {
  let error = 0;
  let rounding = 0;
  for (let t = 0; t <= T; t++) {
    error = Math.max(error, Math.abs(Math.log(run.losses[t]) - logLossAt(mix, t)));
    rounding = Math.max(rounding, relativeRoundingError(run.losses[t], floor));
  }
  return { error, rounding };
}

function runHealthy(run: GradientDescentRun, T: number, floor: number, what: string, evidence: LegacyEvidence): CaseOutcome<LegacyEvidence> {
  const end = trustedEnd(run.losses, floor);
  return outcome(!run.diverged && end >= T, evidence, () => `${what}: the run ${run.diverged ? `stopped (${run.stopReason})` : `left the trusted range at step ${end} < ${T}`}`);
}

// ---------------------------------------------------------------------------------------
// 1. The measured curve follows the prediction with an error O(ε).

function checkCurveOrder(c: DynamicsCase): CaseOutcome<LegacyEvidence> {
  const r = resolveCase(c);
  const eps = [c.epsilon, c.epsilon / EPSILON_FACTOR];
  const mixes = eps.map((e) => predictionFor(r, c.eta, e));
  const T = slopeWindow(mixes[0]).to;
  const floor = floorOf(r, c.eta);
  const runs = eps.map((e) => runFrom(r, c.eta, e, T));
  const healthy = runs.map((run, i) => runHealthy(run, T, floor, `ε = ${eps[i]}`, {}));
  if (!healthy.every((h) => h.ok)) return allOf(...healthy);
  const [e1, e4] = runs.map((run, i) => curveError(run, mixes[i], T, floor));
  const ratio = e1.error / e4.error;
  // Derived band: E(ε) = Cε(1 + q) with |q| ≤ 1/2 at the larger ε (theory orderRatioBand).
  const band = orderRatioBand(CURVE_ERROR_ORDER, EPSILON_FACTOR);
  const evidence: LegacyEvidence = {
    kappa: sig(r.kappa),
    steps: T,
    epsilon: c.epsilon,
    curveError: sig(e1.error),
    curveErrorSmallEps: sig(e4.error),
    epsilonRatio: sig(ratio),
    bandLower: sig(band.lower),
    bandUpper: sig(band.upper),
    roundingShare: sig(e4.rounding),
  };
  // No separate rounding check is needed: the rounding share of E grows like 1/ε (it is
  // relative to a loss ∝ ε²), so a rounding-dominated pair would give E(ε)/E(ε/4) ≈ 1/4, far
  // below the band; the band's lower end 2.29 caps rounding at < ¾ of E(ε/4). The worst-case
  // estimate of that share (roundingFloor.ts, pessimistic by ~1e2 here) is recorded.
  return outcome(ratio >= band.lower && ratio <= band.upper, evidence, () => `curve error ratio E(ε)/E(ε/4) = ${ratio} outside the O(ε) band [${band.lower}, ${band.upper}] (E = ${e1.error}, ${e4.error})`);
}

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

export const curveOrderProperty: PropertyDefinition<DynamicsCase, LegacyEvidence> = {
  claim: 'C4',
  name: 'real GD follows the eigenbasis prediction with a relative error O(ε) (ratio at ε, ε/4 in the order-1 band)',
  arbitrary: () => convergingCaseArb(ALL_FAMILIES, CURVE_EPSILON_SCALE, CURVE_ROUNDING_SHARE_MAX),
  numRuns: 60,
  label: dynamicsLabel,
  check: checkCurveOrder,
};

// ---------------------------------------------------------------------------------------
// 2. The late slope, and the wrong neighbours rejected by the same check.

interface SlopeCheck {
  readonly measured: number;
  readonly predicted: number;
  readonly tolerance: number;
  readonly parts: LegacyEvidence;
}

function measureLateSlope(r: ResolvedCase, c: DynamicsCase, governing: number): SlopeCheck | CaseOutcome<LegacyEvidence> {
  const mix = predictionFor(r, c.eta, c.epsilon);
  const { from, to } = slopeWindow(mix);
  const floor = floorOf(r, c.eta);
  const run = runFrom(r, c.eta, c.epsilon, to, [from, to]);
  const healthy = runHealthy(run, to, floor, 'late-slope run', { from, to });
  if (!healthy.ok) return healthy;
  const measured = windowSlope(run.losses, from, to);
  const W = to - from;
  const tolContamination = (CONTAMINATION_SAFETY * (Math.log1p(contamination(mix, from)) + Math.log1p(contamination(mix, to)))) / W;
  const thFrom = run.snapshots.get(from)!;
  const thTo = run.snapshots.get(to)!;
  const drift = weylDrift(r, [thFrom, thTo]);
  const tolDrift = slopeBand(governing, drift, c.eta);
  const tolNonQuadratic = nonQuadraticTerm(r, thFrom, thTo, governing, W);
  const tolRounding = (relativeRoundingError(run.losses[from], floor) + relativeRoundingError(run.losses[to], floor)) / W;
  const tolerance = tolContamination + tolDrift + tolNonQuadratic + tolRounding;
  return {
    measured,
    predicted: slopeFor(governing, c.eta),
    tolerance,
    parts: { from, to, weylDrift: sig(drift), tolContamination: sig(tolContamination), tolDrift: sig(tolDrift), tolNonQuadratic: sig(tolNonQuadratic), tolRounding: sig(tolRounding) },
  };
}

function slopeVerdict(c: DynamicsCase, expectedRegime: string, neighbours: readonly WrongNeighbour[]): CaseOutcome<LegacyEvidence> {
  const r = resolveCase(c);
  const prediction = c4LateSlope(r.model, c.eta);
  const m = measureLateSlope(r, c, prediction.eigenvalue);
  if ('ok' in m) return m;
  const err = Math.abs(m.measured - m.predicted);
  const evidence: LegacyEvidence = {
    kappa: sig(r.kappa),
    regime: prediction.regime,
    measuredSlope: m.measured,
    predictedSlope: m.predicted,
    relativeSlopeError: sig(err / Math.abs(m.predicted)),
    tolerance: sig(m.tolerance),
    relativeTolerance: sig(m.tolerance / Math.abs(m.predicted)),
    ...m.parts,
  };
  const parts: CaseOutcome<LegacyEvidence>[] = [
    outcome(prediction.regime === expectedRegime, evidence, () => `classified ${prediction.regime}, expected ${expectedRegime}`),
    outcome(err <= m.tolerance, evidence, () => `late slope ${m.measured} vs predicted ${m.predicted} (λ = ${prediction.eigenvalue}): |error| ${err} > tolerance ${m.tolerance}`),
  ];
  for (const n of neighbours) {
    const s = neighbourSlope(n, r.model, c.eta);
    const margin = Math.abs(m.measured - s) / m.tolerance;
    evidence[`margin:${n.id}`] = sig(margin);
    parts.push(outcome(margin > 1, evidence, () => `wrong neighbour "${n.description}" (slope ${s}) NOT rejected: |measured − neighbour| = ${Math.abs(m.measured - s)} ≤ tolerance ${m.tolerance}`));
  }
  return allOf(...parts);
}

export const lateSlopeProperty: PropertyDefinition<DynamicsCase, LegacyEvidence> = {
  claim: 'C4',
  name: 'late slope of log L is 2 log(1 − ηλ_min⁺) (converging); λ_max and mean-eigenvalue neighbours rejected',
  arbitrary: () => convergingCaseArb(ALL_FAMILIES),
  numRuns: 100,
  label: dynamicsLabel,
  check: (c) => slopeVerdict(c, 'converging', CONVERGING_NEIGHBOURS),
};

// ---------------------------------------------------------------------------------------
// 3. Flat directions: quadratic model, and what holds on the real loss.

function checkFlat(c: DynamicsCase): CaseOutcome<LegacyEvidence> {
  const r = resolveCase(c);
  const m = r.model;
  const P = m.P;
  const flatCount = m.firstCurved;
  if (flatCount === 0) return { ok: false, evidence: {}, message: 'no flat direction (generator bug: FLAT_FAMILIES only)' };
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
  const floor = floorOf(r, c.eta);
  const eps = [c.epsilon, c.epsilon / EPSILON_FACTOR, c.epsilon / EPSILON_FACTOR ** 2];
  const runs = eps.map((e) => runFrom(r, c.eta, e, T));
  const healthy = runs.map((run, i) => runHealthy(run, T, floor, `ε = ${eps[i]}`, {}));
  if (!healthy.every((h) => h.ok)) return allOf(...healthy);
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

  const evidence: LegacyEvidence = {
    flatCount,
    P,
    steps: T,
    quadFlatDrift: sig(driftQ / flatNorm0),
    quadFlatDriftBound: sig(driftBoundQ / flatNorm0),
    quadFlatLossShare: sig(lossErrQ / ifCurved),
    quadFlatLossShareBound: sig(lossBoundQ / ifCurved),
    curvedLossDecay: sig(predictedT / Math.exp(logLossAt(mix, 0))),
    flatLossRatio: sig(flatRatio),
    curvedLossRatio: sig(curvedRatio),
    flatLossVsSoftestCurved: sig(flatVsSoftest),
    realFlatDrift: sig(rel[0]),
    realFlatDriftSmallEps: sig(rel[2]),
    realFlatDriftRatioLarge: sig(driftRatioLarge),
    realFlatDriftRatio: sig(driftRatio),
    realFlatDriftRoundingShare: sig(driftRounding),
    curvedRemaining: sig(curvedLeft[0] / cn),
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
export const flatDirectionsProperty: PropertyDefinition<DynamicsCase, LegacyEvidence> = {
  claim: 'C4',
  name: 'flat directions neither decay nor add loss (quadratic model); on the real loss they are flat to first order only',
  arbitrary: () => convergingCaseArb(FLAT_FAMILIES, CURVE_EPSILON_SCALE, CURVE_ROUNDING_SHARE_MAX),
  numRuns: 50,
  label: dynamicsLabel,
  check: checkFlat,
};

// ---------------------------------------------------------------------------------------
// 4. Time to a loss fraction scales as 1/λ_min⁺ across configurations.

interface TimeRecord {
  readonly x: number;
  readonly y: number;
  readonly tau: number;
  readonly nu: number;
  readonly tf: number;
  readonly neighbourNu: Record<string, number>;
  readonly evidence: LegacyEvidence;
}

function timeRecord(c: DynamicsCase): TimeRecord | CaseOutcome<LegacyEvidence> {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon);
  const slow = slowestModes(mix);
  const rate = -c4LateSlope(r.model, c.eta).slope;
  const share = Math.exp(slow.logAmplitude - logLossAt(mix, 0));
  const band = c4NormalisedTimeBand(share, TIME_FRACTION, -rate);
  const floor = floorOf(r, c.eta);
  // Horizon from the prediction: its t_f plus the steps a log-shift of 1 (curve error up to
  // ½, far above the O(ε) measured) would add.
  const tfPred = predictedTimeToFraction(mix, TIME_FRACTION) ?? 0;
  const horizon = tfPred + Math.ceil(1 / rate) + 2;
  const run = runFrom(r, c.eta, c.epsilon, horizon);
  const tf = measuredTimeToFraction(run.losses, TIME_FRACTION);
  if (tf === null || run.diverged) return { ok: false, evidence: { horizon }, message: `loss fraction ${TIME_FRACTION} not reached within ${horizon} steps${run.diverged ? ` (${run.stopReason})` : ''}` };
  // The measured curve is log L̂_t + e_t with |e_t| ≤ E (measured over [0, t_f]; O(ε) by the
  // curve property), so the measured t_f is the predicted first passage for a fraction
  // shifted by at most 2E in log. Hence |t_f·rate − log(s/f)| ≤ log(1 + R(t_f − 1)) + rate
  // (quadratic model, exact: discreteness and the other modes) + 2E + the rounding of L_{t_f};
  // τ is that over log(s/f).
  let curveErr = 0;
  for (let t = 0; t <= tf; t++) curveErr = Math.max(curveErr, Math.abs(Math.log(run.losses[t]) - logLossAt(mix, t)));
  const slack = Math.log1p(contamination(mix, tf - 1)) + rate + 2 * curveErr + relativeRoundingError(run.losses[tf], floor);
  const tau = slack / band.asymptotic;
  const nu = (tf * rate) / band.asymptotic;
  const neighbourNu: Record<string, number> = {};
  for (const n of CONVERGING_NEIGHBOURS) neighbourNu[n.id] = (tf * -neighbourSlope(n, r.model, c.eta)) / band.asymptotic;
  return {
    x: Math.log(rate),
    y: Math.log(tf / band.asymptotic),
    tau,
    nu,
    tf,
    neighbourNu,
    evidence: { tf, rate: sig(rate), etaLambdaMin: sig(c.eta * r.model.lambdaMinPositive), share: sig(share), curveError: sig(curveErr), nu: sig(nu), tau: sig(tau) },
  };
}

/** OLS slope of y on x. */
function olsSlope(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

function checkTimeScaling(batch: DynamicsCase[]): CaseOutcome<LegacyEvidence> {
  const recs: TimeRecord[] = [];
  for (const c of batch) {
    const rec = timeRecord(c);
    if ('ok' in rec) return rec;
    recs.push(rec);
  }
  const x = recs.map((q) => q.x);
  const y = recs.map((q) => q.y);
  const beta = olsSlope(x, y);
  // y_i = −x_i + e_i with |e_i| ≤ τ'_i = max|log(1 ± τ_i)|, so |β + 1| ≤ Σ|x_i − x̄|τ'_i / Σ(x_i − x̄)².
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  const tauLog = recs.map((q) => (q.tau < 1 ? -Math.log(1 - q.tau) : Infinity));
  const betaTol = x.reduce((s, v, i) => s + Math.abs(v - mx) * tauLog[i], 0) / sxx;
  // Reported only: the exponent of the raw t_f against ηλ_min⁺, without the log(s/f) prefactor
  // and with 2ηλ in place of −2 log(1 − ηλ) — the scaling as a reader would first plot it.
  const rawExponent = olsSlope(
    batch.map((c) => Math.log(c.eta * resolveCase(c).model.lambdaMinPositive)),
    recs.map((q) => Math.log(q.tf)),
  );
  const evidence: LegacyEvidence = {
    exponent: sig(beta),
    exponentTolerance: sig(betaTol),
    rateDecades: sig((Math.max(...x) - Math.min(...x)) / Math.LN10),
    rawExponentVsEtaLambdaMin: sig(rawExponent),
    nu: recs.map((q) => sig(q.nu)),
    tau: recs.map((q) => sig(q.tau)),
  };
  const parts: CaseOutcome<LegacyEvidence>[] = [outcome(Math.abs(beta + 1) <= betaTol, evidence, () => `log-log exponent of t_f/log(s/f) against the late rate is ${beta}, not −1 ± ${betaTol}`)];
  recs.forEach((q, i) => {
    parts.push(outcome(Math.abs(q.nu - 1) <= q.tau, evidence, () => `config ${i}: t_f·rate/log(s/f) = ${q.nu}, not 1 ± ${q.tau} (${JSON.stringify(q.evidence)})`));
  });
  for (const n of CONVERGING_NEIGHBOURS) {
    const margins = recs.map((q) => Math.abs(q.neighbourNu[n.id] - 1) / q.tau);
    evidence[`minMargin:${n.id}`] = sig(Math.min(...margins));
    margins.forEach((mg, i) =>
      parts.push(outcome(mg > 1, evidence, () => `config ${i}: wrong neighbour "${n.description}" NOT rejected: normalised time ${recs[i].neighbourNu[n.id]} within 1 ± ${recs[i].tau}`)),
    );
  }
  return allOf(...parts);
}

export const timeScalingProperty: PropertyDefinition<DynamicsCase[], LegacyEvidence> = {
  claim: 'C4',
  name: 'time to a loss fraction scales as 1/λ_min⁺ across configurations (exponent −1); λ_max and mean neighbours rejected',
  arbitrary: () => timeScalingBatchArb,
  numRuns: 12,
  label: (b) => `batch of ${b.length}`,
  check: checkTimeScaling,
};

// ---------------------------------------------------------------------------------------
// 5. Past the balanced step the top mode is slowest; past 2/λ_max the run diverges.

export const topModeProperty: PropertyDefinition<DynamicsCase, LegacyEvidence> = {
  claim: 'C4',
  name: 'η > 2/(λ_min⁺+λ_max): the top mode is slowest (predicted and measured); "λ_min⁺ whatever η" rejected',
  arbitrary: () => topModeCaseArb(ALL_FAMILIES),
  numRuns: 60,
  label: dynamicsLabel,
  check: (c) => slopeVerdict(c, 'top-mode-slowest', TOP_MODE_NEIGHBOURS),
};

function checkDivergent(c: DynamicsCase): CaseOutcome<LegacyEvidence> {
  const r = resolveCase(c);
  const prediction = c4LateSlope(r.model, c.eta);
  const mix = predictionFor(r, c.eta, c.epsilon);
  // Predicted first t with L̂_t > G·L̂₀ (G the run's divergence factor); NOTE: the horizon
  // doubles it (+10 steps) so an O(ε) slower real growth still crosses within it.
  const target = Math.log(DEFAULT_DIVERGENCE_FACTOR) + logLossAt(mix, 0);
  let tPred = 1;
  while (!(logLossAt(mix, tPred) > target) && tPred <= STEP_CAP) tPred *= 2;
  if (tPred > STEP_CAP) return { ok: false, evidence: { tPred }, message: `the prediction does not grow ${DEFAULT_DIVERGENCE_FACTOR}× within ${STEP_CAP} steps (generator bug?)` };
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
  const evidence: LegacyEvidence = {
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

export const divergentProperty: PropertyDefinition<DynamicsCase, LegacyEvidence> = {
  claim: 'C4',
  name: 'η ≥ 2/λ_max: classified divergent, the run stops and reports it, no NaN',
  arbitrary: () => divergentCaseArb(ALL_FAMILIES),
  numRuns: 40,
  label: dynamicsLabel,
  check: checkDivergent,
};

// ---------------------------------------------------------------------------------------
// 6. Gradient flow on the real loss (Dormand–Prince 5(4)): the late slope is −2λ_min⁺.

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
  // As for descent (dynamicsConfigs.ts runnable): the window's end must stay 1e2× above the trusted threshold.
  const trusted = logLossAt(mix, w.to) >= Math.log(1e2 * TRUST_FACTOR * floorOf(r, null));
  return { mix, unit, from: w.from * unit, to, estimatedSteps: 0.3 * r.model.lambdaMax * to, trusted };
}

function checkFlowSlope(c: DynamicsCase): CaseOutcome<LegacyEvidence> {
  const r = resolveCase(c);
  const { mix, unit, from, to } = flowPlan(r, c.epsilon);
  const times = from > 0 ? [0, from, to] : [0, to]; // the slowest mode may dominate from t = 0
  const [iFrom, iTo] = [times.indexOf(from), times.indexOf(to)];
  const run = gradientFlowRk45(r.problem, r.problem.teacher, r.delta.map((v) => v * c.epsilon), times, { rtol: FLOW_RTOL, maxSteps: 10 * FLOW_STEP_CAP });
  if (!run.completed) return { ok: false, evidence: { from, to, steps: run.acceptedSteps }, message: `RK45 did not reach t = ${to} in ${10 * FLOW_STEP_CAP} steps` };
  const W = to - from;
  const floor = floorOf(r, null);
  const trusted = trustedEnd(run.losses, floor);
  if (trusted < iTo) return { ok: false, evidence: { from, to }, message: `the flow's loss at t = ${times[trusted + 1]} is below 1e6 × the rounding floor ${floor}` };
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
  const evidence: LegacyEvidence = {
    kappa: sig(r.kappa),
    measuredSlope: measured,
    predictedSlope: predicted,
    relativeSlopeError: sig(err / Math.abs(predicted)),
    tolerance: sig(tolerance),
    relativeTolerance: sig(tolerance / Math.abs(predicted)),
    from,
    to,
    rk45Steps: run.acceptedSteps,
    rk45Rejected: run.rejectedSteps,
    tolDrift: sig(tolDrift),
    tolContamination: sig(tolContamination),
    tolNonQuadratic: sig(tolNonQuadratic),
  };
  const parts: CaseOutcome<LegacyEvidence>[] = [outcome(err <= tolerance, evidence, () => `flow late slope ${measured} vs −2λ_min⁺ = ${predicted}: |error| ${err} > tolerance ${tolerance}`)];
  for (const n of CONVERGING_NEIGHBOURS) {
    const sN = -2 * n.eigenvalue(r.model);
    const margin = Math.abs(measured - sN) / tolerance;
    evidence[`margin:${n.id}`] = sig(margin);
    parts.push(outcome(margin > 1, evidence, () => `wrong neighbour "${n.description}" (flow slope ${sN}) NOT rejected`));
  }
  return allOf(...parts);
}

export const flowSlopeProperty: PropertyDefinition<DynamicsCase, LegacyEvidence> = {
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

export const DYNAMICS_PROPERTIES = [curveOrderProperty, lateSlopeProperty, flatDirectionsProperty, timeScalingProperty, topModeProperty, divergentProperty, flowSlopeProperty];
