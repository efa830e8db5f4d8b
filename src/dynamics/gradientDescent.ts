/**
 * Gradient descent with a fixed step on the REAL loss of a least-squares problem
 * (two-layer and deep linear families alike, through the Model interface):
 *
 *   θ_{t+1} = θ_t − η ∇L(θ_t),   ∇L = Jᵀr/N,   L = ‖r‖²/(2N)
 *
 * recording L_t for t = 0 … T. Divergence is detected, never propagated: the run stops at
 * the first t with L_t > divergenceFactor · L_0 (default 1e3: the iterate has moved ~30×
 * farther from the minimum than it started, out of the neighbourhood where the quadratic
 * model is a prediction) or with a non-finite loss or parameter; every recorded loss is
 * finite. Catapult-like recoveries of a nonlinear net after such growth are deliberately
 * not followed: they are outside the local theory being checked.
 *
 * Source: the iteration itself; docs/theory.md#c4 for why it is run.
 * Accuracy: each step rounds θ to eps·|θ| per coordinate, so measured losses are only
 * meaningful above the floor of src/dynamics/roundingFloor.ts.
 * Cost: per step one residual and one Jacobian evaluation, O(N·P) time and memory
 * (two-layer: O(N·Nh·Ni)); T + 1 floats for the curve.
 */
import { residuals, type LeastSquaresProblem } from '../hessian/problem.js';

/** Default: stop when the loss exceeds 1e3 × its starting value (see header). */
export const DEFAULT_DIVERGENCE_FACTOR = 1e3;

export interface GradientDescentOptions {
  readonly eta: number;
  /** Number of steps T (integer ≥ 0). */
  readonly steps: number;
  /** Stop when L_t > divergenceFactor·L_0. @defaultValue 1e3 */
  readonly divergenceFactor?: number;
  /** Steps at which to keep a copy of θ_t. */
  readonly snapshotAt?: readonly number[];
  /** Called after every step with its index (progress). */
  readonly onStep?: (t: number) => void;
}

export interface GradientDescentRun {
  /** L_0 … L_stepsRun, all finite. */
  readonly losses: Float64Array;
  /** The last step with a recorded loss: T, or the step at which the run stopped. */
  readonly stepsRun: number;
  readonly diverged: boolean;
  /** First step at which divergence was detected (its loss is recorded only if finite). */
  readonly divergedAt: number | null;
  /** Why the run stopped early, in words; null when it ran all T steps. */
  readonly stopReason: string | null;
  /** θ at stepsRun (always finite). */
  readonly theta: Float64Array;
  readonly snapshots: ReadonlyMap<number, Float64Array>;
}

function halfMeanSquare(r: Float64Array): number {
  let s = 0;
  for (let n = 0; n < r.length; n++) s += r[n] * r[n];
  return s / (2 * r.length);
}

export function gradientDescent(p: LeastSquaresProblem, theta0: Float64Array, opts: GradientDescentOptions): GradientDescentRun {
  const fn = 'gradientDescent';
  const { eta, steps } = opts;
  const factor = opts.divergenceFactor ?? DEFAULT_DIVERGENCE_FACTOR;
  const P = p.model.P;
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  if (!(Number.isSafeInteger(steps) && steps >= 0)) throw new Error(`${fn}: steps must be an integer ≥ 0, got ${steps}`);
  if (!(factor > 1)) throw new Error(`${fn}: divergenceFactor must be > 1, got ${factor}`);
  if (theta0.length !== P) throw new Error(`${fn}: theta0 has ${theta0.length} entries, expected P = ${P}`);
  if (!theta0.every(Number.isFinite)) throw new Error(`${fn}: theta0 has a non-finite entry; start from a finite point`);

  const snapAt = new Set(opts.snapshotAt ?? []);
  const snapshots = new Map<number, Float64Array>();
  const theta = Float64Array.from(theta0);
  const N = p.X.rows;
  const losses = new Float64Array(steps + 1);
  let r = residuals(p, theta);
  losses[0] = halfMeanSquare(r);
  if (!Number.isFinite(losses[0])) throw new Error(`${fn}: the loss at the start is ${losses[0]}; start from a point where the model is finite`);
  if (snapAt.has(0)) snapshots.set(0, Float64Array.from(theta));
  const threshold = factor * Math.max(losses[0], Number.MIN_VALUE);
  const stop = (t: number, recorded: number, reason: string): GradientDescentRun => ({
    losses: losses.slice(0, recorded + 1),
    stepsRun: recorded,
    diverged: true,
    divergedAt: t,
    stopReason: reason,
    theta,
    snapshots,
  });
  const next = new Float64Array(P);
  for (let t = 1; t <= steps; t++) {
    const J = p.model.jacobian(theta, p.X);
    next.set(theta);
    for (let n = 0; n < N; n++) {
      const rn = (eta * r[n]) / N;
      if (rn === 0) continue;
      const row = n * P;
      for (let i = 0; i < P; i++) next[i] -= J.data[row + i] * rn;
    }
    let finite = true;
    for (let i = 0; i < P; i++) if (!Number.isFinite(next[i])) finite = false;
    if (!finite) return stop(t, t - 1, `θ became non-finite at step ${t}`);
    const rNext = residuals(p, next);
    const L = halfMeanSquare(rNext);
    if (!Number.isFinite(L)) return stop(t, t - 1, `the loss became non-finite at step ${t}`);
    theta.set(next);
    r = rNext;
    losses[t] = L;
    if (snapAt.has(t)) snapshots.set(t, Float64Array.from(theta));
    if (L > threshold) return stop(t, t, `the loss exceeded ${factor} × L_0 at step ${t}`);
    opts.onStep?.(t);
  }
  return { losses, stepsRun: steps, diverged: false, divergedAt: null, stopReason: null, theta, snapshots };
}
