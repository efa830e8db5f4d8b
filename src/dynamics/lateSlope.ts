/**
 * The slope of log L per step over a window of a measured loss curve, and which part of
 * a curve is trustworthy for it.
 *
 * The slope over [a, b] is the endpoint difference (log L_b − log L_a)/(b − a): for a curve
 * L_t = A·ρ^t·(1 + R_t) it equals log ρ up to (log(1 + R_a) − log(1 + R_b))/(b − a), a
 * bound the callers can state exactly (src/dynamics/modeMixture.ts, contamination), where
 * a least-squares fit would mix the contamination of every point. Rounding of L at
 * trusted points (src/dynamics/roundingFloor.ts) adds at most
 * (relErr_a + relErr_b)/(b − a).
 *
 * The command line's default window is the second half of the trusted run,
 * [⌊e/2⌋, e] with e the last trusted step: late enough for the slowest mode to dominate in
 * runs whose length was chosen from the spectrum, and free of the rounding floor.
 * Cost O(T) for trustedEnd, O(1) for a slope.
 */
import { TRUST_FACTOR } from './roundingFloor.js';

/** (log L_b − log L_a)/(b − a); both losses must be finite and > 0. */
export function windowSlope(losses: ArrayLike<number>, a: number, b: number): number {
  if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a < b && b < losses.length)) {
    throw new Error(`windowSlope: need integers 0 ≤ a < b < ${losses.length}, got a = ${a}, b = ${b}`);
  }
  const la = losses[a];
  const lb = losses[b];
  if (!(la > 0 && lb > 0 && Number.isFinite(la) && Number.isFinite(lb))) {
    throw new Error(`windowSlope: losses at the window ends must be finite and > 0, got L_${a} = ${la}, L_${b} = ${lb}`);
  }
  return (Math.log(lb) - Math.log(la)) / (b - a);
}

/**
 * The last step e such that every L_0 … L_e is ≥ TRUST_FACTOR·floor (−1 if L_0 already is
 * not). A decaying curve crosses the threshold once; a growing one never does.
 */
export function trustedEnd(losses: ArrayLike<number>, floor: number): number {
  const threshold = TRUST_FACTOR * floor;
  for (let t = 0; t < losses.length; t++) if (!(losses[t] >= threshold)) return t - 1;
  return losses.length - 1;
}

export interface MeasuredSlope {
  readonly slope: number;
  readonly from: number;
  readonly to: number;
}

/** Slope over the second half of the trusted run, [⌊end/2⌋, end]; null when end < 2. */
export function secondHalfSlope(losses: ArrayLike<number>, end: number): MeasuredSlope | null {
  if (end < 2) return null;
  const from = Math.floor(end / 2);
  return { slope: windowSlope(losses, from, end), from, to: end };
}
