/**
 * What the C4 properties share (docs/theory.md#c4): running real gradient descent from θ* + εδ,
 * deciding whether a run can be measured, the Hessian-movement terms of the slope tolerances,
 * the curve error, and the loss curve recorded for the report.
 *
 * Slope tolerances are sums of named terms, each derived where it is computed:
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
 *    ends (full Hessians, computed), so the slow rate lies in 2 log|1 − η[λ − Δ, λ + Δ]|
 *    (src/dynamics/weylSlopeBand.ts). The ends bound the path because the window lies in the
 *    late phase, where θ_t only moves along the slowest mode by a shrinking amount.
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
import { fullHessian } from '../../../src/hessian/hessian.js';
import { add } from '../../../src/linalg/matrix.js';
import { symmetricSpectralNorm } from '../../../src/linalg/spectralNorm.js';
import { displacedStart } from '../../../src/dynamics/direction.js';
import { gradientDescent, type GradientDescentRun } from '../../../src/dynamics/gradientDescent.js';
import { trustedEnd } from '../../../src/dynamics/lateSlope.js';
import { logGrid } from '../../../src/dynamics/logGrid.js';
import { logLossAt, lossAt, type ModeMixture } from '../../../src/dynamics/modeMixture.js';
import { relativeRoundingError } from '../../../src/dynamics/roundingFloor.js';
import type { CaseOutcome } from '../../../src/harness/propertyDefinition.js';
import type { ResolvedCase } from '../../arbitraries/C4/dynamicsCase.js';
import type { C4Evidence, C4EvidenceOf, RecordedLossCurve } from '../../evidence/C4.js';

/** See the header: covers the O(ε) difference between real and predicted amplitudes. */
export const CONTAMINATION_SAFETY = 2;
/** ε and ε/EPSILON_FACTOR are compared; theory/longTimeLearning.ts orderRatioBand gives the band. */
export const EPSILON_FACTOR = 4;
/** Points of the recorded loss curves (a log grid of steps; the late phase is a straight line on the report's log axis). */
export const CURVE_POINTS = 40;

/** 4 significant digits, for diagnostics and figure data (never for a number a verdict reads). */
export const sig = (x: number) => Number(x.toPrecision(4));
/** JSON has no ∞: an unbounded tolerance is recorded as null. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function runFrom(r: ResolvedCase, eta: number, epsilon: number, steps: number, snapshotAt: number[] = []): GradientDescentRun {
  return gradientDescent(r.problem, displacedStart(r.problem.teacher, epsilon, r.delta), { eta, steps, snapshotAt });
}

/** Why the run cannot be measured over [0, T] (stopped, or left the trusted range), or null. */
export function runProblem(run: GradientDescentRun, T: number, floor: number, what: string): string | null {
  const end = trustedEnd(run.losses, floor);
  if (!run.diverged && end >= T) return null;
  return `${what}: the run ${run.diverged ? `stopped (${run.stopReason})` : `left the trusted range at step ${end} < ${T}`}`;
}

export function incomplete(reason: C4EvidenceOf<'incomplete'>['reason'], horizon: number | null, message: string): CaseOutcome<C4Evidence> {
  return { ok: false, evidence: { kind: 'incomplete', reason, horizon }, message };
}

/** A failing outcome when any of the runs cannot be measured over [0, T]; null when all can. */
export function unhealthyRuns(runs: readonly GradientDescentRun[], T: number, floor: number, what: (i: number) => string): CaseOutcome<C4Evidence> | null {
  const problems = runs.map((run, i) => runProblem(run, T, floor, what(i))).filter((p): p is string => p !== null);
  return problems.length ? incomplete('run-unhealthy', T, problems.join('; ')) : null;
}

/** ‖H(θ_a) − H(θ_b)‖₂ (full Hessians of the real loss). */
function hessianDistance(r: ResolvedCase, a: Float64Array, b: Float64Array): number {
  return symmetricSpectralNorm(add(fullHessian(r.problem, a), fullHessian(r.problem, b), -1));
}

/** Δ = max over θs of ‖H(θ) − H(θ*)‖₂ (full Hessians; Weyl bounds every eigenvalue's move by it). */
export function weylDrift(r: ResolvedCase, thetas: Float64Array[]): number {
  return Math.max(...thetas.map((th) => symmetricSpectralNorm(add(fullHessian(r.problem, th), r.model.hessian, -1))));
}

/**
 * Non-quadratic term. With e = θ − θ_∞, Taylor's integral remainder gives
 * L = ½eᵀH_∞e + eᵀ[∫₀¹(1 − s)(H(θ_∞ + se) − H_∞)ds]e, so log L differs from the log of the
 * quadratic form by ≤ max‖H(θ) − H_∞‖₂/λ along the segment (e lies along the governing mode,
 * eigenvalue λ, in the late phase). Over a window the difference of that term at the ends
 * shifts the slope by ≤ 2‖H(θ_from) − H(θ_to)‖₂/(λ·W), with θ_to standing for θ_∞ (the
 * factor 2 covers the segment maximum and the θ_to end). Measured: ≤ 1e-3 of the slope here.
 */
export function nonQuadraticTerm(r: ResolvedCase, thFrom: Float64Array, thTo: Float64Array, lambda: number, W: number): number {
  return (2 * hessianDistance(r, thFrom, thTo)) / (lambda * W);
}

/** max_t |log L_t − log L̂_t| over t ≤ T, and the rounding share max_t 2√(floor/L_t). */
export function curveError(losses: ArrayLike<number>, mix: ModeMixture, T: number, floor: number): { error: number; rounding: number } {
  let error = 0;
  let rounding = 0;
  for (let t = 0; t <= T; t++) {
    error = Math.max(error, Math.abs(Math.log(losses[t]) - logLossAt(mix, t)));
    rounding = Math.max(rounding, relativeRoundingError(losses[t], floor));
  }
  return { error, rounding };
}

/**
 * The measured and predicted loss at the steps of a CURVE_POINTS log grid over [0, T] (all
 * steps when T is small), 4 significant digits: what the report draws. The late phase is a
 * straight line on the log loss axis, so a grid that thins out late loses nothing visible.
 */
export function recordedCurve(losses: ArrayLike<number>, mix: ModeMixture, T: number): RecordedLossCurve {
  const t = logGrid(T, CURVE_POINTS);
  return { t, measured: t.map((s) => sig(losses[s])), predicted: t.map((s) => sig(lossAt(mix, s))) };
}
