/**
 * Training by gradient descent with a fixed step, full-batch or small-batch (SGD):
 *
 *   θ_{t+1} = θ_t − η ∇L_{B_t}(θ_t)
 *
 * B_t = every sample (full batch), or consecutive slices of a seeded permutation of the N
 * samples, reshuffled each epoch (sampling without replacement; the last, short slice of an
 * epoch is used as is). Any objective with `loss`/`gradient` over an optional batch works
 * (the MLP of src/nets/mlp, or a closed-form model in a test).
 *
 * Stopping rule, in this order, checked on the FULL-batch gradient (the quantity the Hessian's
 * "near a minimum" refers to):
 *  - converged: ‖∇L(θ)‖₂ ≤ gradientTolerance. Full batch: checked before every step. SGD:
 *    checked at the start and after every `checkEvery` steps (default one epoch), since a full
 *    gradient costs an epoch of mini-batch gradients;
 *  - step cap: `maxSteps` steps taken (converged = false, stopReason says so);
 *  - diverged: a non-finite loss, gradient or parameter, or L > divergenceFactor·L₀ (default
 *    1e3, as src/dynamics/gradientDescent.ts). The run stops, returns the last finite θ with
 *    its loss, and says why: never NaN.
 *
 * Cost: full batch, one gradient (and one loss when recorded) per step; SGD, one mini-batch
 * gradient per step plus one full loss and gradient per check. Memory O(P) plus the curve.
 */
import type { Rng } from '../rng/index.js';

/** What training needs from a model: the mean loss and its gradient over an optional batch. */
export interface TrainableObjective {
  /** Number of parameters. */
  readonly P: number;
  /** Number of samples. */
  readonly N: number;
  loss(theta: Float64Array, batch?: Int32Array): number;
  gradient(theta: Float64Array, batch?: Int32Array): Float64Array;
}

/** Default: stop when the loss exceeds 1e3 × its starting value (src/dynamics/gradientDescent.ts). */
export const DEFAULT_TRAINING_DIVERGENCE_FACTOR = 1e3;
/** Default number of points kept on the loss curve. */
export const DEFAULT_CURVE_POINTS = 200;

export interface TrainingOptions {
  /** Fixed step η > 0. */
  readonly eta: number;
  /** Stop when the full-batch ‖∇L‖₂ ≤ this (≥ 0; 0 means run to the step cap). */
  readonly gradientTolerance: number;
  /** Step cap (integer ≥ 0). */
  readonly maxSteps: number;
  /** Samples per step; undefined or ≥ N is full batch. @defaultValue N */
  readonly batchSize?: number;
  /** Source of the per-epoch permutations; required when batchSize < N. */
  readonly rng?: Rng;
  /** SGD only: steps between full-gradient checks. @defaultValue ⌈N / batchSize⌉ (one epoch) */
  readonly checkEvery?: number;
  /** Stop when L > divergenceFactor·L₀. @defaultValue 1e3 */
  readonly divergenceFactor?: number;
  /** Points kept on the loss curve (evenly spaced in steps, both ends kept). @defaultValue 200 */
  readonly curvePoints?: number;
}

export interface TrainingRun {
  /** θ at the end (always finite: the last finite iterate if the run diverged). */
  readonly theta: Float64Array;
  /** Steps taken. */
  readonly steps: number;
  /** Epochs (passes over the data) taken: steps·batch/N. */
  readonly epochs: number;
  readonly batchSize: number;
  readonly initialLoss: number;
  /** Full-batch loss at `theta`. */
  readonly finalLoss: number;
  /** Full-batch ‖∇L(theta)‖₂. */
  readonly gradientNorm: number;
  readonly gradientTolerance: number;
  /** ‖∇L‖ ≤ gradientTolerance reached. */
  readonly converged: boolean;
  readonly diverged: boolean;
  /** 'converged' | 'step cap' | the divergence reason, in words. */
  readonly stopReason: string;
  /** Sampled full-batch loss curve (step, loss), finite values only. */
  readonly curve: { readonly step: number[]; readonly loss: number[] };
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** Seeded Fisher–Yates permutation of 0 … N−1. */
function permutation(N: number, rng: Rng): Int32Array {
  const p = new Int32Array(N);
  for (let i = 0; i < N; i++) p[i] = i;
  for (let i = N - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

export function trainByGradientDescent(obj: TrainableObjective, theta0: Float64Array, opts: TrainingOptions): TrainingRun {
  const fn = 'trainByGradientDescent';
  const { eta, gradientTolerance: tol, maxSteps } = opts;
  const N = obj.N;
  const batchSize = Math.min(opts.batchSize ?? N, N);
  const full = batchSize >= N;
  const factor = opts.divergenceFactor ?? DEFAULT_TRAINING_DIVERGENCE_FACTOR;
  const curvePoints = opts.curvePoints ?? DEFAULT_CURVE_POINTS;
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  if (!(Number.isFinite(tol) && tol >= 0)) throw new Error(`${fn}: gradientTolerance must be a finite number ≥ 0, got ${tol}`);
  if (!(Number.isSafeInteger(maxSteps) && maxSteps >= 0)) throw new Error(`${fn}: maxSteps must be an integer ≥ 0, got ${maxSteps}`);
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new Error(`${fn}: batchSize must be an integer ≥ 1, got ${opts.batchSize}`);
  if (!full && !opts.rng) throw new Error(`${fn}: batchSize ${batchSize} < N = ${N} needs an rng for the shuffling; pass rng`);
  if (!(factor > 1)) throw new Error(`${fn}: divergenceFactor must be > 1, got ${factor}`);
  if (!(Number.isInteger(curvePoints) && curvePoints >= 2)) throw new Error(`${fn}: curvePoints must be an integer ≥ 2, got ${curvePoints}`);
  if (theta0.length !== obj.P) throw new Error(`${fn}: theta0 has ${theta0.length} entries, expected P = ${obj.P}`);
  if (!allFinite(theta0)) throw new Error(`${fn}: theta0 has a non-finite entry; start from a finite point`);
  const perEpoch = Math.ceil(N / batchSize);
  const checkEvery = full ? 1 : (opts.checkEvery ?? perEpoch);
  if (!(Number.isInteger(checkEvery) && checkEvery >= 1)) throw new Error(`${fn}: checkEvery must be an integer ≥ 1, got ${opts.checkEvery}`);

  const theta = Float64Array.from(theta0);
  let loss = obj.loss(theta);
  if (!Number.isFinite(loss)) throw new Error(`${fn}: the loss at the start is ${loss}; start from a point where the model is finite`);
  const initialLoss = loss;
  let grad = obj.gradient(theta);
  let gnorm = norm(grad);
  const threshold = factor * Math.max(initialLoss, Number.MIN_VALUE);
  const stride = Math.max(1, Math.ceil(maxSteps / (curvePoints - 1)));
  const curve = { step: [0], loss: [initialLoss] };
  const record = (t: number, l: number) => {
    if (curve.step[curve.step.length - 1] !== t) {
      curve.step.push(t);
      curve.loss.push(l);
    }
  };
  const finish = (steps: number, converged: boolean, diverged: boolean, stopReason: string, finalTheta: Float64Array, finalLoss: number, finalNorm: number): TrainingRun => {
    record(steps, finalLoss);
    return { theta: finalTheta, steps, epochs: (steps * batchSize) / N, batchSize, initialLoss, finalLoss, gradientNorm: finalNorm, gradientTolerance: tol, converged, diverged, stopReason, curve };
  };

  const rng = full ? null : opts.rng!;
  let order: Int32Array | null = null;
  let epoch = 0;
  let lastChecked = 0;
  for (let t = 0; ; t++) {
    // Here loss, grad, gnorm are full-batch values at θ_t when t − lastChecked = 0.
    if (t === lastChecked) {
      if (gnorm <= tol) return finish(t, true, false, 'converged', theta, loss, gnorm);
      if (t > 0 && t % stride === 0) record(t, loss);
    }
    if (t >= maxSteps) {
      if (t !== lastChecked) {
        loss = obj.loss(theta);
        gnorm = norm(obj.gradient(theta));
        if (!Number.isFinite(loss) || !Number.isFinite(gnorm)) return finish(t, false, true, `non-finite loss or gradient at step ${t}`, theta, loss, gnorm);
        if (gnorm <= tol) return finish(t, true, false, 'converged', theta, loss, gnorm);
      }
      return finish(t, false, false, 'step cap', theta, loss, gnorm);
    }
    let g: Float64Array;
    if (full) g = grad;
    else {
      const slot = t % perEpoch;
      if (slot === 0) {
        order = permutation(N, rng!.split(`epoch:${epoch}`));
        epoch++;
      }
      const batch = order!.subarray(slot * batchSize, Math.min(N, (slot + 1) * batchSize));
      g = obj.gradient(theta, batch);
      if (!allFinite(g)) return finish(t, false, true, `non-finite mini-batch gradient at step ${t}`, theta, obj.loss(theta), gnorm);
    }
    const prev = Float64Array.from(theta);
    for (let i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
    const next = t + 1;
    if (full || next % checkEvery === 0 || next === maxSteps) {
      const l = obj.loss(theta);
      const gr = Number.isFinite(l) ? obj.gradient(theta) : null;
      const gn = gr ? norm(gr) : NaN;
      if (!Number.isFinite(l) || !Number.isFinite(gn) || !allFinite(theta)) {
        return finish(t, false, true, `non-finite loss, gradient or parameter at step ${next}; stopped at step ${t}`, prev, obj.loss(prev), norm(obj.gradient(prev)));
      }
      if (l > threshold) return finish(next, false, true, `loss ${l.toPrecision(4)} > ${factor} × initial loss ${initialLoss.toPrecision(4)} at step ${next}`, theta, l, gn);
      loss = l;
      grad = gr!;
      gnorm = gn;
      lastChecked = next;
    }
  }
}
