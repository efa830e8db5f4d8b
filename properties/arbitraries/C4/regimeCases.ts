/**
 * C4 cases by step-size regime (src/dynamics/regime.ts): converging, top-mode-slowest and
 * divergent, each with η a fraction of its regime's reference step and ε scaled to the
 * configuration.
 *
 * Scales: ε = epsilonScale·w/max(κ, KAPPA_FLOOR) (κ = λ_max/λ_min⁺, w = ‖θ*‖/√P the rms teacher
 * weight), because the relative error of the slow rate is ≈ ε·‖∂H‖/λ_min⁺ ≈ (ε/w)·κ·(w‖∂H‖/λ_max)
 * and w‖∂H‖/λ_max = O(1); η = etaFraction × the regime's reference step.
 */
import * as fc from 'fast-check';
import type { GeneratedConfig } from '../../../src/config/types.js';
import type { QuadraticModel } from '../../../src/dynamics/eigenbasis.js';
import { logLossAt, slowestModes } from '../../../src/dynamics/modeMixture.js';
import { classifyRegime, type Regime } from '../../../src/dynamics/regime.js';
import { norm2 } from '../../../src/linalg/matrix.js';
import { TRUST_FACTOR } from '../../../src/dynamics/roundingFloor.js';
import { DEFAULT_DIVERGENCE_FACTOR } from '../../../src/dynamics/gradientDescent.js';
import { scaleArb, seedArb } from '../common.js';
import { predictionFor, resolveCase, resolveConfig, roundingFloorOf, slopeWindow, STEP_CAP, type DynamicsCase, type DynamicsFamily } from './dynamicsCase.js';
import { ALL_FAMILIES, familyConfigArb } from './families.js';

/** Default range of epsilonScale (ε = epsilonScale/κ): relative rate errors ≲ 1e-2. */
export const EPSILON_SCALE: readonly [number, number] = [0.003, 0.01];
/**
 * κ is floored at KAPPA_FLOOR in ε = epsilonScale·w/κ: for well-conditioned spectra ε/w would
 * otherwise reach a few % and the next order in ε compete with the leading one (seen: a
 * flat-drift ratio of 5.6, q ≈ 0.6, at ε/w = 2.3% on a κ = 2 linear net).
 */
export const KAPPA_FLOOR = 10;
/** Largest ε/w raiseEpsilonAboveRounding may reach (beyond it the next order in ε competes). */
export const EPSILON_RELATIVE_CAP = 5e-3;
/**
 * The predicted slowest group contains curved mode `index` (0: λ_min⁺; −1: λ_max), AND δ has
 * a component |v·δ| ≥ SLOW_COMPONENT_MIN/√P on it. Why the second: the real run feeds O(ε²)
 * into every mode, so the slow mode's amplitude is off by a relative O(ε/|v·δ|); a δ nearly
 * orthogonal to it (seen: |v·δ| ≈ 1e-3, share of L₀ ≈ 2e-6) pushes the O(ε) regime to far
 * smaller ε. For δ uniform on the sphere √P·v·δ is ≈ N(0, 1), so this drops ~16% of draws.
 */
export const SLOW_COMPONENT_MIN = 0.2;

const round6 = (x: number) => Number(x.toPrecision(6));

interface Knobs {
  family: DynamicsFamily;
  config: GeneratedConfig;
  directionSeed: number;
  etaFraction: number;
  epsilonScale: number;
}

const knobs = (families: readonly DynamicsFamily[], eta: fc.Arbitrary<number>, epsilonScale: readonly [number, number]) =>
  fc
    .record({
      base: familyConfigArb(families),
      directionSeed: seedArb,
      etaFraction: eta,
      // In units of 1e-4 (scaleArb's hundredths would round 0.003 to 0).
      epsilonScale: fc.integer({ min: Math.round(epsilonScale[0] * 1e4), max: Math.round(epsilonScale[1] * 1e4) }).map((k) => k / 1e4),
    })
    .map(({ base, ...rest }): Knobs => ({ ...base, ...rest }));

/** ε is in units of the teacher's rms weight ‖θ*‖/√P (the scale on which H varies). */
function finish(k: Knobs, regime: Regime, eta: (m: QuadraticModel) => number, epsilon: (kappa: number) => number = (kappa) => k.epsilonScale / Math.max(kappa, KAPPA_FLOOR)): DynamicsCase {
  const { problem, model } = resolveConfig(k.config);
  const kappa = model.lambdaMax / model.lambdaMinPositive;
  const weightScale = norm2(problem.teacher) / Math.sqrt(model.P);
  const eps = round6(epsilon(kappa) * weightScale);
  if (!(eps > 0)) throw new Error(`C4 regimeCases: ε must be > 0, got ${eps} (generator bug)`);
  return { family: k.family, config: k.config, directionSeed: k.directionSeed, regime, etaFraction: k.etaFraction, eta: round6(eta(model)), epsilon: eps };
}

const regimeOf = (c: DynamicsCase) => {
  const { model } = resolveConfig(c.config);
  return classifyRegime(model.lambdaMinPositive, model.lambdaMax, c.eta).regime;
};

/** Does the run the checks will make fit the cap, and stay above the rounding floor? */
function runnable(c: DynamicsCase): boolean {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon / 4);
  const slow = slowestModes(mix);
  if (!(slow.logRate < 0)) return false;
  const { to } = slopeWindow(mix);
  const end = to;
  if (!(end <= STEP_CAP)) return false;
  const floor = roundingFloorOf(r, c.eta);
  // The smaller ε's predicted loss at the end of the run must stay trusted, with 1e2 to spare for O(ε) deviations.
  return logLossAt(mix, end) >= Math.log(1e2 * TRUST_FACTOR * floor);
}

function slowModeIsPresent(c: DynamicsCase, index: number): boolean {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon);
  const want = index < 0 ? mix.eigenvalues.length + index : index;
  const component = Math.abs(mix.amplitudes[want]) / c.epsilon;
  return slowestModes(mix).indices.includes(want) && component >= SLOW_COMPONENT_MIN / Math.sqrt(r.model.P);
}

/**
 * For properties that compare ε with ε/4: the rounding share of log L at the end of the
 * window at ε/4, 2√(floor/L̂), falls like 1/ε (L ∝ ε²); raise ε until it is ≤ shareMax, or
 * drop the case if that needs ε/w > EPSILON_RELATIVE_CAP. Why: on high-κ nets the O(ε) signal
 * per unit ε can be small (seen: tanh, κ = 1327, E(ε/4) = 4e-6 against a rounding share of
 * 2e-5 — ratio 1.9), while low-κ nets need ε/w ≲ 0.5% to stay first order.
 */
function raiseEpsilonAboveRounding(c: DynamicsCase, shareMax: number): DynamicsCase | null {
  const r = resolveCase(c);
  const to = slopeWindow(predictionFor(r, c.eta, c.epsilon)).to;
  const floor = roundingFloorOf(r, c.eta);
  const share = 2 * Math.sqrt(floor / Math.exp(logLossAt(predictionFor(r, c.eta, c.epsilon / 4), to)));
  if (share <= shareMax) return c;
  const epsilon = round6((c.epsilon * share) / shareMax);
  const w = norm2(r.problem.teacher) / Math.sqrt(r.model.P);
  return epsilon / w <= EPSILON_RELATIVE_CAP ? { ...c, epsilon } : null;
}

/**
 * Converging regime: η = etaFraction · 2/(λ_min⁺ + λ_max), etaFraction ∈ [0.3, 0.9]; the
 * predicted slowest mode must be λ_min⁺'s (δ has a component on it) and the run must fit.
 * roundingShareMax (properties comparing ε with ε/4): see raiseEpsilonAboveRounding.
 */
export function convergingCaseArb(
  families: readonly DynamicsFamily[] = ALL_FAMILIES,
  epsilonScale: readonly [number, number] = EPSILON_SCALE,
  roundingShareMax: number | null = null,
): fc.Arbitrary<DynamicsCase> {
  const base = knobs(families, scaleArb(0.3, 0.9), epsilonScale).map((k) => finish(k, 'converging', (m) => (k.etaFraction * 2) / (m.lambdaMinPositive + m.lambdaMax)));
  const sized = roundingShareMax === null ? base : base.map((c) => raiseEpsilonAboveRounding(c, roundingShareMax)).filter((c): c is DynamicsCase => c !== null);
  return sized.filter((c) => regimeOf(c) === 'converging' && slowModeIsPresent(c, 0) && runnable(c));
}

/** Top-mode-slowest: η = 2/(λ_min⁺+λ_max) + etaFraction·(2/λ_max − 2/(λ_min⁺+λ_max)), etaFraction ∈ [0.25, 0.75]. */
export function topModeCaseArb(families: readonly DynamicsFamily[] = ALL_FAMILIES): fc.Arbitrary<DynamicsCase> {
  return knobs(families, scaleArb(0.25, 0.75), EPSILON_SCALE)
    .map((k) =>
      finish(k, 'top-mode-slowest', (m) => {
        const lo = 2 / (m.lambdaMinPositive + m.lambdaMax);
        return lo + k.etaFraction * (2 / m.lambdaMax - lo);
      }),
    )
    .filter((c) => regimeOf(c) === 'top-mode-slowest' && slowModeIsPresent(c, -1) && runnable(c));
}

/**
 * Divergent: η = (1 + etaFraction) · 2/λ_max, etaFraction ∈ [0.02, 0.5], and
 * ε = epsilonScale · etaFraction / √G (G = DEFAULT_DIVERGENCE_FACTOR). Why: the run reports
 * divergence when L grows G×, i.e. once the top-mode distance has grown ≈ √G×, to ≈ √G·ε; if
 * H moves by more than λ_max − 2/η = λ_max·etaFraction/(1 + etaFraction) over that distance
 * the top mode stops growing — real GD self-stabilises (seen on a deep linear net at
 * ε = 2.6e-3, η = 1.02·2/λ_max) and the local theory no longer applies. ‖∂H‖ ≈ λ_max/w
 * (w the rms weight), so ε ≤ etaFraction·w/√G keeps the run local.
 */
export function divergentCaseArb(families: readonly DynamicsFamily[] = ALL_FAMILIES): fc.Arbitrary<DynamicsCase> {
  return knobs(families, scaleArb(0.02, 0.5), EPSILON_SCALE)
    .map((k) =>
      finish(
        k,
        'divergent',
        (m) => ((1 + k.etaFraction) * 2) / m.lambdaMax,
        () => (k.epsilonScale * k.etaFraction) / Math.sqrt(DEFAULT_DIVERGENCE_FACTOR),
      ),
    )
    .filter((c) => regimeOf(c) === 'divergent');
}
