/**
 * Cases for C4 (long-time learning): a generated configuration at its optimum, a seed for
 * the start direction δ, and the step η and displacement ε, resolved to plain numbers from
 * the configuration's spectrum so that a printed counterexample is a complete CLI call
 * (`dynamics config.json --eta η --epsilon ε --seed s`).
 *
 * Families, all with λ_min⁺/λ_max ≳ 1/KAPPA_MAX (theory.md §C4 warns of 1e5-step
 * transients at realistic condition numbers; these keep runs at ≤ STEP_CAP steps):
 *   linear         two-layer identity, N > Ni: rank Ni, P − Ni flat directions
 *   deep-linear    depth 2–3, N > Ni: rank Ni, many flat directions
 *   smooth-capped  tanh/erf with N < P: rank N (the kernel is well conditioned), P − N flat
 *   smooth-single  tanh/erf with one hidden unit, N ≥ 20: full rank, no flat direction
 * (full-rank tanh/erf nets with Nh ≥ 2 reach λ_min⁺/λ_max ≈ 1e-6 — out of reach. ReLU is
 * left out: the loss is not C² where a sample sits on a kink, so the Taylor arguments behind
 * the O(ε) and Weyl terms do not apply as written; not tested here.)
 *
 * Scales: ε = epsilonScale·w/max(κ, 10) (κ = λ_max/λ_min⁺, w = ‖θ*‖/√P the rms teacher weight),
 * because the relative error of the slow rate is ≈ ε·‖∂H‖/λ_min⁺ ≈ (ε/w)·κ·(w‖∂H‖/λ_max)
 * and w‖∂H‖/λ_max = O(1); η = etaFraction × the regime's reference step.
 */
import * as fc from 'fast-check';
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../src/config/types.js';
import { quadraticModelAtOptimum, type QuadraticModel } from '../../src/dynamics/eigenbasis.js';
import { seededUnitDirection } from '../../src/dynamics/direction.js';
import { contamination, dominanceStep, gradientDescentPrediction, logLossAt, slowestModes, type ModeMixture } from '../../src/dynamics/modeMixture.js';
import { predictedTimeToFraction } from '../../src/dynamics/timeToFraction.js';
import { classifyRegime, type Regime } from '../../src/dynamics/regime.js';
import { norm2 } from '../../src/linalg/matrix.js';
import { lossRoundingFloor, TRUST_FACTOR } from '../../src/dynamics/roundingFloor.js';
import { DEFAULT_DIVERGENCE_FACTOR } from '../../src/dynamics/gradientDescent.js';
import { CONVERGING_NEIGHBOURS, neighbourSlope, slopeFor } from '../../theory/longTimeLearning.js';
import { scaleArb, seedArb, sigma1For } from './common.js';

export type DynamicsFamily = 'linear' | 'deep-linear' | 'smooth-capped' | 'smooth-single';

/** Largest condition number λ_max/λ_min⁺ drawn (runs scale like κ·log(1/R)/gap). */
export const KAPPA_MAX = 3000;
/** λ_min⁺ must sit ≥ 1e6 × the eigensolver's rounding P·eps·λ_max (eigenbasis.ts `resolution`). */
export const RESOLUTION_MIN = 1e6;
/** Longest run a case may need (dominance step + window); ~25 µs per step at these sizes. */
export const STEP_CAP = 12_000;
/** The slowest mode dominates when the rest of the predicted loss is ≤ R_TARGET of it. */
export const R_TARGET = 1e-3;
/** The slope window spans WINDOW_EFOLDS e-folds of the slowest mode's loss. */
export const WINDOW_EFOLDS = 3;

export interface DynamicsCase {
  readonly family: DynamicsFamily;
  readonly config: GeneratedConfig;
  readonly directionSeed: number;
  readonly regime: Regime;
  /** η as a fraction of its regime's reference step (see the arbitraries). */
  readonly etaFraction: number;
  readonly eta: number;
  readonly epsilon: number;
}

export interface ResolvedCase {
  readonly problem: TeacherStudentProblem;
  readonly model: QuadraticModel;
  readonly delta: Float64Array;
  readonly kappa: number;
}

const cache = new Map<string, { problem: TeacherStudentProblem; model: QuadraticModel }>();

/** The problem and its quadratic model at θ* (memoised: arbitraries and checks share them). */
export function resolveConfig(config: GeneratedConfig): { problem: TeacherStudentProblem; model: QuadraticModel } {
  const key = JSON.stringify(config);
  let hit = cache.get(key);
  if (!hit) {
    const problem = buildProblem(config);
    hit = { problem, model: quadraticModelAtOptimum(problem) };
    if (cache.size > 512) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

export function resolveCase(c: DynamicsCase): ResolvedCase {
  const { problem, model } = resolveConfig(c.config);
  return { problem, model, delta: seededUnitDirection(model.P, c.directionSeed), kappa: model.lambdaMax / model.lambdaMinPositive };
}

/** The predicted curve at displacement ε along the case's δ. */
export function predictionFor(r: ResolvedCase, eta: number, epsilon: number): ModeMixture {
  return gradientDescentPrediction(r.model, r.delta.map((v) => v * epsilon), eta);
}

/** The window [from, to] over which the slowest mode dominates (R ≤ R_TARGET) for WINDOW_EFOLDS e-folds. */
export function slopeWindow(mix: ModeMixture): { from: number; to: number } {
  const from = dominanceStep(mix, R_TARGET);
  const rate = -slowestModes(mix).logRate;
  return { from, to: from + Math.max(1, Math.ceil(WINDOW_EFOLDS / rate)) };
}

const round6 = (x: number) => Number(x.toPrecision(6));

const sizedConfig = (family: DynamicsFamily): fc.Arbitrary<GeneratedConfig> => {
  const common = { s: scaleArb(0.8, 1.6), seed: seedArb };
  switch (family) {
    case 'linear':
      return fc
        .record({ Ni: fc.integer({ min: 2, max: 5 }), Nh: fc.integer({ min: 1, max: 4 }), extra: fc.integer({ min: 2, max: 25 }), ...common })
        .map(({ Ni, Nh, extra, s, seed }) => ({ family: 'two-layer', activation: 'identity', Ni, Nh, N: Ni + extra, seed, sigma1: sigma1For(Ni, s), sigma2: 1 }));
    case 'deep-linear':
      return fc
        .record({ Ni: fc.integer({ min: 2, max: 4 }), Nh: fc.integer({ min: 2, max: 3 }), depth: fc.integer({ min: 2, max: 3 }), extra: fc.integer({ min: 2, max: 25 }), ...common })
        .map(({ Ni, Nh, depth, extra, s, seed }) => ({ family: 'deep-linear', Ni, Nh, N: Ni + extra, depth, seed, sigma1: sigma1For(Ni, s), sigma2: 1 }));
    case 'smooth-capped':
      return fc
        .record({ act: fc.constantFrom('tanh', 'erf'), Ni: fc.integer({ min: 3, max: 6 }), Nh: fc.integer({ min: 3, max: 5 }), N: fc.integer({ min: 5, max: 12 }), ...common })
        .map(({ act, Ni, Nh, N, s, seed }) => ({ family: 'two-layer', activation: act as 'tanh', Ni, Nh, N: Math.min(N, Nh * Ni + Nh - 1), seed, sigma1: sigma1For(Ni, s), sigma2: 1 }));
    case 'smooth-single':
      return fc
        .record({ act: fc.constantFrom('tanh', 'erf'), Ni: fc.integer({ min: 2, max: 4 }), N: fc.integer({ min: 20, max: 40 }), ...common })
        .map(({ act, Ni, N, s, seed }) => ({ family: 'two-layer', activation: act as 'tanh', Ni, Nh: 1, N, seed, sigma1: sigma1For(Ni, 1.4 * s), sigma2: 1 }));
  }
};

export const ALL_FAMILIES: readonly DynamicsFamily[] = ['linear', 'deep-linear', 'smooth-capped', 'smooth-single'];
export const FLAT_FAMILIES: readonly DynamicsFamily[] = ['linear', 'deep-linear', 'smooth-capped'];

/**
 * mean⁺/λ_min⁺ must be ≥ MEAN_RATIO_MIN (so λ_max/λ_min⁺ ≥ it too): on a nearly flat curved
 * spectrum λ_min⁺, the mean and λ_max give slopes within a few % and no check can tell the
 * theories apart (seen: λ = 0.99 and 1.13 on a linear net, ε = 2.6e-3, tolerance 3%). Such
 * cases are not evidence for or against C4, so they are not drawn.
 */
export const MEAN_RATIO_MIN = 1.25;

/** A configuration whose spectrum is resolved, moderately conditioned and not nearly flat. */
function wellConditioned(config: GeneratedConfig): boolean {
  const { model } = resolveConfig(config);
  return (
    model.resolution >= RESOLUTION_MIN &&
    model.lambdaMax / model.lambdaMinPositive <= KAPPA_MAX &&
    model.meanPositive / model.lambdaMinPositive >= MEAN_RATIO_MIN
  );
}

const familyConfigArb = (families: readonly DynamicsFamily[]) =>
  fc
    .constantFrom(...families)
    .chain((family) => sizedConfig(family).map((config) => ({ family, config })))
    .filter(({ config }) => wellConditioned(config));

/** Does the run the checks will make fit the cap, and stay above the rounding floor? */
function runnable(c: DynamicsCase): boolean {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon / 4);
  const slow = slowestModes(mix);
  if (!(slow.logRate < 0)) return false;
  const { to } = slopeWindow(mix);
  const end = to;
  if (!(end <= STEP_CAP)) return false;
  const floor = lossRoundingFloor({ P: r.model.P, lambdaMax: r.model.lambdaMax, lambdaMinPositive: r.model.lambdaMinPositive, eta: c.eta, thetaStar: r.problem.teacher, targets: r.problem.targets });
  // The smaller ε's predicted loss at the end of the run must stay trusted, with 1e2 to spare for O(ε) deviations.
  return logLossAt(mix, end) >= Math.log(1e2 * TRUST_FACTOR * floor);
}

interface Knobs {
  family: DynamicsFamily;
  config: GeneratedConfig;
  directionSeed: number;
  etaFraction: number;
  epsilonScale: number;
}

/** Default range of epsilonScale (ε = epsilonScale/κ): relative rate errors ≲ 1e-2. */
export const EPSILON_SCALE: readonly [number, number] = [0.003, 0.01];

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

/**
 * κ is floored at KAPPA_FLOOR in ε = epsilonScale·w/κ: for well-conditioned spectra ε/w would
 * otherwise reach a few % and the next order in ε compete with the leading one (seen: a
 * flat-drift ratio of 5.6, q ≈ 0.6, at ε/w = 2.3% on a κ = 2 linear net).
 */
export const KAPPA_FLOOR = 10;

/** ε is in units of the teacher's rms weight ‖θ*‖/√P (the scale on which H varies). */
function finish(k: Knobs, regime: Regime, eta: (m: QuadraticModel) => number, epsilon: (kappa: number) => number = (kappa) => k.epsilonScale / Math.max(kappa, KAPPA_FLOOR)): DynamicsCase {
  const { problem, model } = resolveConfig(k.config);
  const kappa = model.lambdaMax / model.lambdaMinPositive;
  const weightScale = norm2(problem.teacher) / Math.sqrt(model.P);
  const eps = round6(epsilon(kappa) * weightScale);
  if (!(eps > 0)) throw new Error(`dynamicsConfigs: ε must be > 0, got ${eps} (generator bug)`);
  return { family: k.family, config: k.config, directionSeed: k.directionSeed, regime, etaFraction: k.etaFraction, eta: round6(eta(model)), epsilon: eps };
}

const regimeOf = (c: DynamicsCase) => {
  const { model } = resolveConfig(c.config);
  return classifyRegime(model.lambdaMinPositive, model.lambdaMax, c.eta).regime;
};

/**
 * Converging regime: η = etaFraction · 2/(λ_min⁺ + λ_max), etaFraction ∈ [0.3, 0.9]; the
 * predicted slowest mode must be λ_min⁺'s (δ has a component on it) and the run must fit.
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

/** Largest ε/w raiseEpsilonAboveRounding may reach (beyond it the next order in ε competes). */
export const EPSILON_RELATIVE_CAP = 5e-3;

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
  const floor = lossRoundingFloor({ P: r.model.P, lambdaMax: r.model.lambdaMax, lambdaMinPositive: r.model.lambdaMinPositive, eta: c.eta, thetaStar: r.problem.teacher, targets: r.problem.targets });
  const share = 2 * Math.sqrt(floor / Math.exp(logLossAt(predictionFor(r, c.eta, c.epsilon / 4), to)));
  if (share <= shareMax) return c;
  const epsilon = round6((c.epsilon * share) / shareMax);
  const w = norm2(r.problem.teacher) / Math.sqrt(r.model.P);
  return epsilon / w <= EPSILON_RELATIVE_CAP ? { ...c, epsilon } : null;
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

/** The loss fraction of the time-scaling property: t_f = min{t : L_t ≤ f·L₀}. */
export const TIME_FRACTION = 1e-6;
/**
 * ε for the time-scaling batch, 3× below EPSILON_SCALE: its tolerance carries the measured
 * curve error 2E (O(ε)) divided by log(s/f), and t_f spans the whole run, early phase included.
 */
export const TIME_EPSILON_SCALE: readonly [number, number] = [0.001, 0.003];
/** At the predicted t_f − 1 the other modes must be ≤ this share of the slowest (so t_f is a late time). */
export const FRACTION_CONTAMINATION_MAX = 0.05;
/**
 * The slowest mode's share s of L₀ must be ≥ √f, so that log(s/f) ≥ ½ log(1/f): otherwise
 * f is reached as soon as the fast modes have gone and t_f measures a transient, not the
 * slow rate (seen: s = 5e-6, f = 1e-6, t_f = 18 steps, where O(ε) amplitude errors of the
 * tiny slow mode dominate).
 */
export const SHARE_MIN = Math.sqrt(TIME_FRACTION);

/** The predicted t_f fits the cap, falls where the slowest mode dominates, and stays trusted. */
function fractionReachable(c: DynamicsCase): boolean {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon);
  const tf = predictedTimeToFraction(mix, TIME_FRACTION);
  if (tf === null || tf < 2 || tf > STEP_CAP) return false;
  if (!(contamination(mix, tf - 1) <= FRACTION_CONTAMINATION_MAX)) return false;
  const share = Math.exp(slowestModes(mix).logAmplitude - logLossAt(mix, 0));
  if (!(share >= SHARE_MIN)) return false;
  // Power: a wrong neighbour can only be rejected if its normalised time rate'/rate sits
  // outside 1 ± τ, where τ = (log(1 + R) + rate + 2E)/log(s/f) is the property's tolerance.
  // Its quadratic-model part τ₀ (E = 0) is known here; the curve error E is O(ε) and, at
  // TIME_EPSILON_SCALE, measured ≤ τ₀. Require a separation of 3τ₀ (seen failing at 2τ₀).
  const rate = -slopeFor(r.model.lambdaMinPositive, c.eta);
  const tau0 = (Math.log1p(FRACTION_CONTAMINATION_MAX) + rate) / Math.log(share / TIME_FRACTION);
  if (!CONVERGING_NEIGHBOURS.every((n) => Math.abs(-neighbourSlope(n, r.model, c.eta) / rate - 1) > 3 * tau0)) return false;
  const floor = lossRoundingFloor({ P: r.model.P, lambdaMax: r.model.lambdaMax, lambdaMinPositive: r.model.lambdaMinPositive, eta: c.eta, thetaStar: r.problem.teacher, targets: r.problem.targets });
  return logLossAt(mix, tf) >= Math.log(1e2 * TRUST_FACTOR * floor);
}

/**
 * A batch for the time-scaling property: one converging case per family plus one of any
 * family, so λ_min⁺ (and the rate 2ηλ_min⁺) spans about two decades across the batch.
 */
export const timeScalingBatchArb: fc.Arbitrary<DynamicsCase[]> = fc
  .tuple(
    ...[['linear'], ['deep-linear'], ['smooth-capped'], ['smooth-single'], ALL_FAMILIES].map((fams) =>
      convergingCaseArb(fams as DynamicsFamily[], TIME_EPSILON_SCALE).filter(fractionReachable),
    ),
  )
  .filter((batch) => {
    // An exponent needs leverage: the late rates must span at least one decade.
    const rates = batch.map((c) => -slopeFor(resolveConfig(c.config).model.lambdaMinPositive, c.eta));
    return Math.max(...rates) / Math.min(...rates) >= 10;
  });

/**
 * The predicted slowest group contains curved mode `index` (0: λ_min⁺; −1: λ_max), AND δ has
 * a component |v·δ| ≥ SLOW_COMPONENT_MIN/√P on it. Why the second: the real run feeds O(ε²)
 * into every mode, so the slow mode's amplitude is off by a relative O(ε/|v·δ|); a δ nearly
 * orthogonal to it (seen: |v·δ| ≈ 1e-3, share of L₀ ≈ 2e-6) pushes the O(ε) regime to far
 * smaller ε. For δ uniform on the sphere √P·v·δ is ≈ N(0, 1), so this drops ~16% of draws.
 */
export const SLOW_COMPONENT_MIN = 0.2;

function slowModeIsPresent(c: DynamicsCase, index: number): boolean {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon);
  const want = index < 0 ? mix.eigenvalues.length + index : index;
  const component = Math.abs(mix.amplitudes[want]) / c.epsilon;
  return slowestModes(mix).indices.includes(want) && component >= SLOW_COMPONENT_MIN / Math.sqrt(r.model.P);
}

/** Coverage label. */
export function dynamicsLabel(c: DynamicsCase): string {
  const act = c.config.activation ? `${c.config.activation}` : `depth ${c.config.depth}`;
  return `${c.family} (${act})`;
}
