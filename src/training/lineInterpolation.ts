/**
 * The loss along the straight line between two parameter vectors (Sagun et al. 2018 §4,
 * Goodfellow et al. 2015 "qualitatively characterizing ... optimization problems"):
 *
 *   θ(t) = (1 − t)·θ_A + t·θ_B,   t on a uniform grid of [0, 1] (both ends included),
 *   barrier = max_t L(θ(t)) − max(L(θ_A), L(θ_B)).
 *
 * A barrier ≤ 0 means the loss never rises above the higher end point's level along the line;
 * the caller decides what positive barrier counts as "none" (a tolerance it derives). The grid
 * resolves a bump of width w only if the spacing is below w: the caller chooses `points`.
 *
 * θ(t) is formed as θ_A + t·(θ_B − θ_A) (exact at t = 0 and, since 1·x = x, rounding-exact at
 * t = 1 up to one rounding of θ_B − θ_A + θ_A; the end losses are evaluated at θ_A and θ_B
 * themselves). Cost: `points` loss evaluations.
 */

export interface LossFunction {
  loss(theta: Float64Array): number;
}

export interface LineProfile {
  /** Grid points t_0 = 0 < … < t_{n−1} = 1. */
  readonly t: number[];
  /** L(θ(t_i)). */
  readonly loss: number[];
  /** L(θ_A), L(θ_B). */
  readonly endLossA: number;
  readonly endLossB: number;
  /** max_i L(θ(t_i)). */
  readonly maxLoss: number;
  /** t at which the maximum is reached. */
  readonly argMaxT: number;
  /** maxLoss − max(endLossA, endLossB) (≥ 0, since both ends are on the grid). */
  readonly barrier: number;
  /** Euclidean ‖θ_B − θ_A‖. */
  readonly distance: number;
}

/** Default grid: 41 points (spacing 0.025). */
export const DEFAULT_LINE_POINTS = 41;

export function lineInterpolation(model: LossFunction, thetaA: Float64Array, thetaB: Float64Array, points = DEFAULT_LINE_POINTS): LineProfile {
  const fn = 'lineInterpolation';
  if (thetaA.length !== thetaB.length) throw new Error(`${fn}: thetaA has ${thetaA.length} entries but thetaB has ${thetaB.length}`);
  if (!(Number.isInteger(points) && points >= 2)) throw new Error(`${fn}: points must be an integer ≥ 2, got ${points}`);
  const n = thetaA.length;
  const diff = new Float64Array(n);
  let dist = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = thetaB[i] - thetaA[i];
    dist += diff[i] * diff[i];
  }
  const t: number[] = [];
  const loss: number[] = [];
  const theta = new Float64Array(n);
  for (let j = 0; j < points; j++) {
    const tj = j / (points - 1);
    let l: number;
    if (j === 0) l = model.loss(thetaA);
    else if (j === points - 1) l = model.loss(thetaB);
    else {
      for (let i = 0; i < n; i++) theta[i] = thetaA[i] + tj * diff[i];
      l = model.loss(theta);
    }
    if (!Number.isFinite(l)) throw new Error(`${fn}: the loss at t = ${tj} is ${l}`);
    t.push(tj);
    loss.push(l);
  }
  let maxLoss = -Infinity;
  let argMaxT = 0;
  loss.forEach((l, j) => {
    if (l > maxLoss) {
      maxLoss = l;
      argMaxT = t[j];
    }
  });
  const endLossA = loss[0];
  const endLossB = loss[points - 1];
  return { t, loss, endLossA, endLossB, maxLoss, argMaxT, barrier: maxLoss - Math.max(endLossA, endLossB), distance: Math.sqrt(dist) };
}
