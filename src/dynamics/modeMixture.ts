/**
 * The quadratic-model prediction of a loss curve (docs/theory.md#c4; the standard analysis
 * of gradient descent on a quadratic, e.g. Nesterov, Lectures on Convex Optimization,
 * 2nd ed., §1.2.3, or Goh, "Why Momentum Really Works", Distill 2017):
 *
 *   L(θ* + d) = ½ dᵀHd,  H = Σ λ_i v_i v_iᵀ,  c_i = v_iᵀ d₀
 *   gradient descent, step η:  d_t = (I − ηH)^t d₀   ⇒  L_t = ½ Σ λ_i c_i² (1 − ηλ_i)^{2t}
 *   gradient flow ḋ = −Hd:     d(t) = e^{−Ht} d₀     ⇒  L(t) = ½ Σ λ_i c_i² e^{−2λ_i t}
 *
 * Both are sums of geometric modes, stored in log space: L_t = Σ_i exp(α_i + t·ρ_i) with
 * α_i = log(½ λ_i c_i²) and ρ_i = 2 log|1 − ηλ_i| (per step) or −2λ_i (per unit time).
 * Only curved modes enter (src/dynamics/eigenbasis.ts decides which): a flat mode has
 * λ = 0, so it carries no loss and its factor (1 − 0)^{2t} = 1 — it neither adds loss
 * nor decays.
 *
 * Evaluation is a log-sum-exp of α_i + t·ρ_i, so t = 1e12 steps or a rate of
 * 1 − 1e-15 per step neither underflows nor overflows; ρ_i uses log1p near ηλ = 0 and is
 * exact −∞ at ηλ = 1 (src/dynamics/logSpace.ts). At t = 0 a mode contributes α_i even when
 * ρ_i = −∞ (0⁰ = 1), never NaN.
 *
 * Accuracy: log L_t to a few ulps of max_i |α_i + tρ_i| plus the propagated eigenvalue
 * error t·|∂ρ/∂λ|·δλ (δλ ≈ P·eps·λ_max); the naive Σ ½λc²·(1 − ηλ)^{2t} agrees at
 * moderate t and underflows to 0 or loses the small-ηλ digits where this does not.
 * Cost: O(P²) to build (the amplitudes), O(r) per evaluation.
 */
import { EPS } from '../linalg/matrix.js';
import { modeAmplitudes, type QuadraticModel } from './eigenbasis.js';
import { logAbsOneMinus, logSumExp } from './logSpace.js';

/** Absolute eigenvalue error of a backward-stable eigensolver, as a multiple of P·eps·λ_max (the constant of test/linalg/symmetricEigen.test.ts). */
export const EIGEN_BACKWARD_CONSTANT = 16;

export interface ModeMixture {
  readonly kind: 'gradient-descent' | 'gradient-flow';
  /** Step size (gradient descent); null for flow. */
  readonly eta: number | null;
  /** Eigenvalues λ_i of the curved modes, ascending. */
  readonly eigenvalues: Float64Array;
  /** c_i = v_iᵀd₀ of the curved modes. */
  readonly amplitudes: Float64Array;
  /** α_i = log(½ λ_i c_i²); −∞ when c_i = 0. */
  readonly logAmplitudes: Float64Array;
  /** ρ_i = 2 log|1 − ηλ_i| per step (GD) or −2λ_i per unit time (flow). */
  readonly logRates: Float64Array;
  /** Rates closer than this are one mode: the change in ρ caused by an eigenvalue error of 16·P·eps·λ_max. */
  readonly rateResolution: number;
}

function curvedModes(m: QuadraticModel, d0: Float64Array): { lambdas: Float64Array; c: Float64Array; alpha: Float64Array } {
  const all = modeAmplitudes(m, d0);
  const lambdas = m.eigenvalues.slice(m.firstCurved);
  const c = all.slice(m.firstCurved);
  const alpha = lambdas.map((l, i) => (c[i] === 0 ? -Infinity : Math.log(0.5 * l) + 2 * Math.log(Math.abs(c[i]))));
  return { lambdas, c, alpha };
}

/** Gradient descent with fixed step η on the quadratic model, started at θ* + d₀. */
export function gradientDescentPrediction(m: QuadraticModel, d0: Float64Array, eta: number): ModeMixture {
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`gradientDescentPrediction: eta must be a finite number > 0, got ${eta}`);
  const { lambdas, c, alpha } = curvedModes(m, d0);
  const rho = lambdas.map((l) => 2 * logAbsOneMinus(eta * l));
  // |∂ρ/∂λ| = 2η/|1 − ηλ|, largest at the mode nearest ηλ = 1; evaluated at the slowest
  // mode (largest |1 − ηλ|), which is the one whose ties matter.
  let slowest = 0;
  for (let i = 1; i < rho.length; i++) if (rho[i] > rho[slowest]) slowest = i;
  const dLambda = EIGEN_BACKWARD_CONSTANT * m.P * EPS * m.lambdaMax;
  const denom = Math.abs(1 - eta * lambdas[slowest]);
  const rateResolution = denom > 0 ? (2 * eta * dLambda) / denom : Infinity;
  return { kind: 'gradient-descent', eta, eigenvalues: lambdas, amplitudes: c, logAmplitudes: alpha, logRates: rho, rateResolution };
}

/** Gradient flow ḋ = −Hd on the quadratic model (time in units of 1/λ). */
export function gradientFlowPrediction(m: QuadraticModel, d0: Float64Array): ModeMixture {
  const { lambdas, c, alpha } = curvedModes(m, d0);
  const rho = lambdas.map((l) => -2 * l);
  const rateResolution = 2 * EIGEN_BACKWARD_CONSTANT * m.P * EPS * m.lambdaMax;
  return { kind: 'gradient-flow', eta: null, eigenvalues: lambdas, amplitudes: c, logAmplitudes: alpha, logRates: rho, rateResolution };
}

/** α_i + t·ρ_i, with the t = 0 and ρ = −∞ conventions. */
function modeLog(alpha: number, rho: number, t: number): number {
  if (alpha === -Infinity) return -Infinity;
  if (t === 0) return alpha;
  return rho === -Infinity ? -Infinity : alpha + t * rho;
}

/** log L_t (−∞ when every mode is gone; +∞ only if the true value exceeds the float range of its log, t·ρ > 1.8e308). */
export function logLossAt(mix: ModeMixture, t: number): number {
  if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`logLossAt: t must be a finite number ≥ 0, got ${t}`);
  const terms = new Float64Array(mix.logRates.length);
  for (let i = 0; i < terms.length; i++) terms[i] = modeLog(mix.logAmplitudes[i], mix.logRates[i], t);
  return logSumExp(terms);
}

/** L_t itself; underflows to 0 or overflows to Infinity where log L_t leaves [−745, 709]. */
export function lossAt(mix: ModeMixture, t: number): number {
  return Math.exp(logLossAt(mix, t));
}

/** Modes whose rate is within rateResolution of the largest rate among modes present (c_i ≠ 0). */
export function slowestModes(mix: ModeMixture): { indices: number[]; logRate: number; logAmplitude: number } {
  let best = -Infinity;
  for (let i = 0; i < mix.logRates.length; i++) if (mix.logAmplitudes[i] > -Infinity && mix.logRates[i] > best) best = mix.logRates[i];
  const indices: number[] = [];
  for (let i = 0; i < mix.logRates.length; i++) {
    if (mix.logAmplitudes[i] > -Infinity && mix.logRates[i] >= best - mix.rateResolution) indices.push(i);
  }
  return { indices, logRate: best, logAmplitude: logSumExp(indices.map((i) => mix.logAmplitudes[i])) };
}

/**
 * R(t) = Σ_{i not slowest} exp(α_i + tρ_i) / Σ_{slowest} exp(α_i + tρ_i): how much of the
 * predicted loss at t is NOT the slowest group. log L_t = (slowest-group line) + log(1 + R(t)),
 * so over a window [a, b] the slope of log L differs from the slowest rate by at most
 * (log(1 + R(a)) + log(1 + R(b)))/(b − a) ≤ (R(a) + R(b))/(b − a).
 */
export function contamination(mix: ModeMixture, t: number): number {
  const slow = slowestModes(mix);
  const inSlow = new Set(slow.indices);
  const others: number[] = [];
  for (let i = 0; i < mix.logRates.length; i++) if (!inSlow.has(i)) others.push(modeLog(mix.logAmplitudes[i], mix.logRates[i], t));
  const slowLog = logSumExp(slow.indices.map((i) => modeLog(mix.logAmplitudes[i], mix.logRates[i], t)));
  return Math.exp(logSumExp(others) - slowLog);
}

/**
 * The first integer t ≥ 0 with R(t) ≤ target. R is a sum of terms decaying geometrically
 * in t (every other mode is strictly slower-rated), so it is monotone and bisection is
 * exact; the bracket is the explicit t at which every term is ≤ target / count.
 */
export function dominanceStep(mix: ModeMixture, target: number): number {
  if (!(target > 0)) throw new Error(`dominanceStep: target must be > 0, got ${target}`);
  const slow = slowestModes(mix);
  const inSlow = new Set(slow.indices);
  const n = mix.logRates.length - slow.indices.length;
  if (n === 0) return 0;
  let hi = 0;
  for (let i = 0; i < mix.logRates.length; i++) {
    if (inSlow.has(i) || mix.logAmplitudes[i] === -Infinity) continue;
    const gapRate = slow.logRate - mix.logRates[i]; // > 0
    const need = (mix.logAmplitudes[i] - slow.logAmplitude - Math.log(target / n)) / gapRate;
    hi = Math.max(hi, Math.ceil(need));
  }
  if (contamination(mix, 0) <= target) return 0;
  // The bracket treats the slowest group as one rate; its members differ by ≤ rateResolution,
  // so confirm it (and widen by doubling) before bisecting.
  hi = Math.max(hi, 1);
  while (contamination(mix, hi) > target) {
    if (hi > Number.MAX_SAFE_INTEGER / 2) return Infinity;
    hi *= 2;
  }
  let lo = 0;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (contamination(mix, mid) <= target) hi = mid;
    else lo = mid;
  }
  return hi;
}
