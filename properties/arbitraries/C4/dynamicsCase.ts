/**
 * A C4 case (long-time learning, docs/theory.md#c4): a generated configuration at its optimum, a
 * seed for the start direction δ, and the step η and displacement ε, resolved to plain numbers
 * from the configuration's spectrum so that a printed counterexample is a complete CLI call
 * (`dynamics config.json --eta η --epsilon ε --seed s`). This module resolves a case to its
 * problem, quadratic model and δ (memoised: arbitraries and checks share them), and fixes the
 * slope window every property measures over.
 */
import { buildProblem, type TeacherStudentProblem } from '../../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../../src/config/types.js';
import { quadraticModelAtOptimum, type QuadraticModel } from '../../../src/dynamics/eigenbasis.js';
import { seededUnitDirection } from '../../../src/dynamics/direction.js';
import { dominanceStep, gradientDescentPrediction, slowestModes, type ModeMixture } from '../../../src/dynamics/modeMixture.js';
import { lossRoundingFloor } from '../../../src/dynamics/roundingFloor.js';
import type { Regime } from '../../../src/dynamics/regime.js';

export type DynamicsFamily = 'linear' | 'deep-linear' | 'smooth-capped' | 'smooth-single';

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
  /** η as a fraction of its regime's reference step (see ./regimeCases.ts). */
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

/** The loss rounding floor of the case's problem at step η (null: gradient flow), src/dynamics/roundingFloor.ts. */
export function roundingFloorOf(r: ResolvedCase, eta: number | null): number {
  const m = r.model;
  return lossRoundingFloor({ P: m.P, lambdaMax: m.lambdaMax, lambdaMinPositive: m.lambdaMinPositive, eta, thetaStar: r.problem.teacher, targets: r.problem.targets });
}

/** Coverage label. */
export function dynamicsLabel(c: DynamicsCase): string {
  const act = c.config.activation ? `${c.config.activation}` : `depth ${c.config.depth}`;
  return `${c.family} (${act})`;
}
