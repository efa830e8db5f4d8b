/**
 * Below which loss a float64 gradient-descent run measures rounding, not dynamics.
 *
 * Two floors, added:
 *  - parameters: θ is stored to eps·|θ_i| per coordinate, so every mode jitters at a
 *    distance ≈ eps·‖θ*‖ (loss ½λ_max(eps‖θ*‖)²); worse, a step η·g_i below half an ulp
 *    of θ_i is lost, so the slowest mode stalls once ηλ_min⁺·e ≲ eps·‖θ*‖, at
 *    e = eps‖θ*‖/(ηλ_min⁺), costing ½λ_min⁺e² = ½(eps‖θ*‖)²/(η²λ_min⁺);
 *  - residuals: r_n = y_θ(x_n) − t_n is a difference of O(max|t|) numbers formed by
 *    short sums, so each r_n carries ≈ √P·eps·max(1, max|t_n|) absolute error.
 *    floor = ½(eps‖θ*‖)²·(λ_max + 1/(η²λ_min⁺)) + ½(√P·eps·max(1, max|t_n|))².
 *    A flow integrated in d = θ − θ* (gradientFlowRk45.ts) has no stall: pass eta = null.
 * Calibrated on erf, tanh and linear nets (P ≤ 24, runs of 80 e-folds of the slowest
 * mode): measured curves stay within a relative 2·√(floor/L) of the eigenbasis prediction
 * down to L ≈ 3·floor and flatten at 0.1–1 × floor; in the late phase of short runs the
 * estimate is pessimistic by ~1e2 in 2·√(floor/L) (the stall term assumes the rounding
 * of every step adds up coherently). A measured loss L is trusted when
 * L ≥ TRUST_FACTOR·floor: rounding then moves L by a relative 2·√(floor/L) ≤ 2e-3, i.e.
 * log L by ≤ 2e-3 — the rounding term of every slope tolerance built on trusted points.
 *
 * Source: standard floating-point error analysis (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., §2 and §3.1). An estimate, not a rigorous bound; the
 * factor TRUST_FACTOR is the margin. Cost O(P + N).
 */
import { EPS, norm2 } from '../linalg/matrix.js';

/** Trusted losses are ≥ TRUST_FACTOR × the floor: relative error ≤ 2/√TRUST_FACTOR = 2e-3. */
export const TRUST_FACTOR = 1e6;

export interface FloorInputs {
  readonly P: number;
  readonly lambdaMax: number;
  readonly lambdaMinPositive: number;
  /** The step of a gradient-descent run; null for gradient flow integrated in d = θ − θ* (no stall term). */
  readonly eta: number | null;
  readonly thetaStar: Float64Array;
  readonly targets: Float64Array;
}

export function lossRoundingFloor(x: FloorInputs): number {
  const e = EPS * norm2(x.thetaStar);
  let tMax = 1;
  for (let n = 0; n < x.targets.length; n++) tMax = Math.max(tMax, Math.abs(x.targets[n]));
  const rFloor = Math.sqrt(x.P) * EPS * tMax;
  const stall = x.eta === null ? 0 : 1 / (x.eta * x.eta * x.lambdaMinPositive);
  return 0.5 * e * e * (x.lambdaMax + stall) + 0.5 * rFloor * rFloor;
}

/** The relative error of a loss L ≥ floor: 2·√(floor/L) (first order in the residual error). */
export function relativeRoundingError(loss: number, floor: number): number {
  return 2 * Math.sqrt(floor / loss);
}
