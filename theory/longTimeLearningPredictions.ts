/**
 * C4's predictions as functions of the spectrum of H(θ*) (docs/theory.md#c4; the statement,
 * constants and wrong neighbours are in ./longTimeLearning.ts): the late slope by step-size
 * regime, the gradient-flow slope, the slope a wrong neighbour predicts, and the bounds on the
 * normalised time to a loss fraction. Derivations: the header of ./longTimeLearning.ts.
 *
 * Accuracy: as src/dynamics (log space, exact per mode). Cost O(1) per prediction.
 */
import { classifyRegime, type Regime } from '../src/dynamics/regime.js';
import { logAbsOneMinus } from '../src/dynamics/logSpace.js';
import type { C4Spectrum, WrongNeighbour } from './longTimeLearning.js';

export interface C4SlopePrediction {
  readonly regime: Regime;
  /** The eigenvalue whose mode is predicted slowest. */
  readonly eigenvalue: number;
  /** Late-time d log L / dt per step: 2 log|1 − η·eigenvalue|. */
  readonly slope: number;
}

/** Prediction 1: the late-time slope of log L per gradient-descent step. */
export function c4LateSlope(s: C4Spectrum, eta: number): C4SlopePrediction {
  const c = classifyRegime(s.lambdaMinPositive, s.lambdaMax, eta);
  return { regime: c.regime, eigenvalue: c.governingEigenvalue, slope: c.asymptoticLogRate };
}

/** Prediction 1 for gradient flow: d log L/dt → −2λ_min⁺. */
export function c4FlowLateSlope(s: C4Spectrum): number {
  return -2 * s.lambdaMinPositive;
}

/** 2 log|1 − ηλ|: the slope a theory naming λ as the slowest eigenvalue predicts. */
export function slopeFor(lambda: number, eta: number): number {
  return 2 * logAbsOneMinus(eta * lambda);
}

/**
 * Prediction 2: bounds on the normalised time K = t_f·(−slope) to reach L_t ≤ f·L₀, for a
 * slowest mode with share `share` of L₀ (exact for the quadratic model, any t).
 */
export function c4NormalisedTimeBand(share: number, f: number, slope: number): { lower: number; upper: number; asymptotic: number } {
  if (!(share > 0 && share <= 1)) throw new Error(`c4NormalisedTimeBand: share must be in (0, 1], got ${share}`);
  if (!(f > 0 && f < 1)) throw new Error(`c4NormalisedTimeBand: f must be in (0, 1), got ${f}`);
  if (!(slope < 0)) throw new Error(`c4NormalisedTimeBand: slope must be < 0 (a decaying mode), got ${slope}`);
  return { lower: Math.log(share / f), upper: Math.log(1 / f) - slope, asymptotic: Math.log(share / f) };
}

/** Prediction 2, asymptotic form: t_f ≈ log(share/f)/(−slope). */
export function c4TimeToFraction(share: number, f: number, slope: number): number {
  return c4NormalisedTimeBand(share, f, slope).asymptotic / -slope;
}

/** The late slope a wrong neighbour predicts: 2 log|1 − η·(its eigenvalue)|. */
export function neighbourSlope(n: WrongNeighbour, s: C4Spectrum, eta: number): number {
  return slopeFor(n.eigenvalue(s), eta);
}
