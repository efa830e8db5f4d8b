/**
 * Is a gradient-descent run from θ* + εδ inside the regime where the eigenbasis prediction
 * ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} (docs/theory.md#c4, src/dynamics/modeMixture.ts) is a prediction?
 * Two measured criteria, both first order in ε, both cheap (O(N·P) beyond the run):
 *
 * 1. CUBIC SHARE at the start. L(θ* + εδ) = ½ε²δᵀHδ + (ε³/6)·∇³L[δ,δ,δ] + O(ε⁴) (L(θ*) = 0,
 *    ∇L(θ*) = 0), so
 *        s₃ = |L(θ* + εδ) − ½ε²δᵀHδ| / (½ε²δᵀHδ) = ε·|∇³L[δ,δ,δ]| / (3δᵀHδ) + O(ε²):
 *    the relative size of everything beyond the quadratic model, where the run starts. The
 *    predicted curve's amplitude is off by about s₃.
 * 2. CURVATURE SHIFT of the slowest curved mode v (eigenvector of λ_min⁺ at θ*) where the run
 *    ends (θ_T; it converges to θ* + ε·δ_flat + O(ε²), not to θ*, because flat components do not
 *    decay):  s_λ = |vᵀH(θ_T)v − λ_min⁺| / λ_min⁺. The late slope 2 log|1 − ηλ| moves by
 *    2η|Δλ|/|1 − ηλ|, i.e. by a relative s_λ·(ηλ/|1 − ηλ|)/|log|1 − ηλ||, which is s_λ for
 *    small ηλ: s_λ is, to first order, the relative error of the predicted late slope.
 *    (The property tests bound the same drift with Weyl's inequality; a Rayleigh quotient is
 *    its first-order, one-product version.)
 * Either above QUADRATIC_REGIME_TOLERANCE (10 %) means measured and predicted curves differ by
 * the regime, not by the theory. Both are cheap functions of ε at the START point (one loss and
 * one H·v, O(N·P)), so the suggested ε is found by halving ε until both shares at θ* + ε'δ are
 * ≤ SUGGESTED_SHARE (1 %) — measured, not extrapolated (a saturating activation is far from
 * linear in ε). The curvature at the start stands in for the end's there: a converging run stays
 * within ‖εδ‖ of θ*.
 *
 * 3. ROUNDING: when ½ε²δᵀHδ is below TRUST_FACTOR × the loss rounding floor
 *    (src/dynamics/roundingFloor.ts) the run measures rounding, not dynamics; the smallest
 *    useful ε puts L₀ TRUSTED_HEADROOM above that threshold (L ∝ ε²).
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { hessianOperator } from '../hessian/matrixFreeHvp.js';
import { residuals } from '../hessian/problem.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { displacedStart } from './direction.js';
import type { QuadraticModel } from './eigenbasis.js';
import { TRUST_FACTOR } from './roundingFloor.js';

/** Above 10 % the second-order correction is a tenth of the first-order prediction. */
export const QUADRATIC_REGIME_TOLERANCE = 0.1;
/** A suggested ε aims at a 1 % share (well inside the tolerance). */
export const SUGGESTED_SHARE = 0.01;
/** The smallest useful start loss, as a multiple of the trusted threshold: 1e3 leaves ≈ 7 e-folds of trusted loss. */
export const TRUSTED_HEADROOM = 1e3;
/** Halvings tried when looking for an ε inside the regime (2^-200 ≈ 1e-60 of the given ε). */
const MAX_HALVINGS = 200;

export interface QuadraticRegime {
  /** L(θ* + εδ) as computed. */
  readonly startLoss: number;
  /** ½ε²δᵀHδ (the prediction at t = 0). */
  readonly startLossQuadratic: number;
  /** s₃, or null when the start loss is within rounding (nothing to compare). */
  readonly cubicShare: number | null;
  /** s_λ at the run's last point, or null (divergent run, nothing curved). */
  readonly curvatureShift: number | null;
  /** An ε at which both shares at the start are ≤ SUGGESTED_SHARE (null when ε is inside the regime, or none was found above rounding). */
  readonly suggestedEpsilon: number | null;
  /** The smallest ε whose start loss is measurable (null when ε already is). */
  readonly smallestUsefulEpsilon: number | null;
}

/** vᵀH(θ)v for the unit eigenvector of λ_min⁺ at θ*, relative to λ_min⁺. */
export function slowestCurvatureShift(p: TeacherStudentProblem, m: QuadraticModel, theta: Float64Array, backend: LinalgBackend): number {
  const P = m.P;
  const v = new Float64Array(P);
  for (let i = 0; i < P; i++) v[i] = m.eigenvectors.data[i * P + m.firstCurved];
  const Hv = hessianOperator({ ...p, theta, atOptimum: false }, backend).apply(v);
  let q = 0;
  for (let i = 0; i < P; i++) q += v[i] * Hv[i];
  return Math.abs(q - m.lambdaMinPositive) / m.lambdaMinPositive;
}

/** ½δᵀHδ for a unit δ, from the model's eigenbasis (flat modes carry no loss). */
export function unitQuadraticLoss(m: QuadraticModel, delta: Float64Array): number {
  const P = m.P;
  let q = 0;
  for (let k = m.firstCurved; k < P; k++) {
    let c = 0;
    for (let i = 0; i < P; i++) c += m.eigenvectors.data[i * P + k] * delta[i];
    q += m.eigenvalues[k] * c * c;
  }
  return q / 2;
}

/** ½‖r‖²/N at θ. */
export function lossAtPoint(p: TeacherStudentProblem, theta: Float64Array): number {
  const r = residuals(p, theta);
  let s = 0;
  for (let n = 0; n < r.length; n++) s += r[n] * r[n];
  return s / (2 * r.length);
}

export interface RegimeInputs {
  readonly problem: TeacherStudentProblem;
  readonly model: QuadraticModel;
  readonly backend: LinalgBackend;
  /** The unit direction δ. */
  readonly delta: Float64Array;
  readonly epsilon: number;
  /** The loss rounding floor of the run (src/dynamics/roundingFloor.ts). */
  readonly floor: number;
  /** The run's last point, or null when it diverged. */
  readonly end: Float64Array | null;
}

/** s₃ at θ* + εδ, or null when the start loss is within rounding (or overflows). */
function cubicShareAt(x: RegimeInputs, eps: number, unitQuadratic: number): number | null {
  const quadratic = eps * eps * unitQuadratic;
  const loss = lossAtPoint(x.problem, displacedStart(x.problem.teacher, eps, x.delta));
  const threshold = TRUST_FACTOR * x.floor;
  if (!(quadratic > 0 && quadratic >= threshold && loss >= threshold && Number.isFinite(loss))) return null;
  return Math.abs(loss - quadratic) / quadratic;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The first ε/2^j whose start shares are both ≤ SUGGESTED_SHARE; null if rounding is reached first. */
function epsilonInsideRegime(x: RegimeInputs, unitQuadratic: number): number | null {
  let eps = x.epsilon;
  for (let j = 0; j < MAX_HALVINGS; j++) {
    eps /= 2;
    const s3 = cubicShareAt(x, eps, unitQuadratic);
    if (s3 === null) return null;
    const shift = finiteOrNull(slowestCurvatureShift(x.problem, x.model, displacedStart(x.problem.teacher, eps, x.delta), x.backend));
    if (s3 <= SUGGESTED_SHARE && shift !== null && shift <= SUGGESTED_SHARE) return eps;
  }
  return null;
}

export function quadraticRegime(x: RegimeInputs): QuadraticRegime {
  const unitQuadratic = unitQuadraticLoss(x.model, x.delta);
  const startLoss = lossAtPoint(x.problem, displacedStart(x.problem.teacher, x.epsilon, x.delta));
  const startLossQuadratic = x.epsilon * x.epsilon * unitQuadratic;
  const cubicShare = cubicShareAt(x, x.epsilon, unitQuadratic);
  const curvatureShift = x.end === null ? null : finiteOrNull(slowestCurvatureShift(x.problem, x.model, x.end, x.backend));
  const outside = Math.max(cubicShare ?? 0, curvatureShift ?? 0) > QUADRATIC_REGIME_TOLERANCE;
  const suggestedEpsilon = outside ? epsilonInsideRegime(x, unitQuadratic) : null;
  const threshold = TRUST_FACTOR * x.floor;
  const smallestUsefulEpsilon = cubicShare === null && unitQuadratic > 0 && Number.isFinite(threshold) ? Math.sqrt((TRUSTED_HEADROOM * threshold) / unitQuadratic) : null;
  return { startLoss, startLossQuadratic, cubicShare, curvatureShift, suggestedEpsilon, smallestUsefulEpsilon };
}
