/**
 * Gradient descent on the quadratic model by matrix iteration, d_{t+1} = d_t − η H d_t,
 * recording L_t = ½ d_tᵀ H d_t. An independent route to the eigenbasis formula of
 * src/dynamics/modeMixture.ts (it never diagonalises H), used to check that formula and
 * to watch the flat components of d directly.
 *
 * Source: the iteration itself (standard GD on a quadratic).
 * Accuracy: each step adds a rounding error ≲ P·eps·(‖d‖ + η‖H‖‖d‖) to d; a flat
 * component therefore drifts by at most about T·η·(τ + c·P·eps·‖H‖)·max_t‖d_t‖ over T
 * steps (τ the largest flat |λ|) — the bound the flat-direction checks use.
 * Cost: O(P²) per step.
 */
import { matvec, type Matrix } from '../linalg/matrix.js';

export interface QuadraticIterationRun {
  /** ½ d_tᵀHd_t for t = 0 … T. */
  readonly losses: Float64Array;
  /** d_T. */
  readonly final: Float64Array;
  /** max_t ‖d_t‖₂. */
  readonly maxNorm: number;
  readonly snapshots: ReadonlyMap<number, Float64Array>;
}

function quadraticForm(H: Matrix, d: Float64Array): { value: number; Hd: Float64Array } {
  const Hd = matvec(H, d);
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * Hd[i];
  return { value: 0.5 * s, Hd };
}

export function quadraticGradientDescent(H: Matrix, d0: Float64Array, eta: number, steps: number, snapshotAt: readonly number[] = []): QuadraticIterationRun {
  const fn = 'quadraticGradientDescent';
  if (H.rows !== H.cols || H.rows !== d0.length) throw new Error(`${fn}: H is ${H.rows}×${H.cols}, d0 has ${d0.length} entries; give a P×P matrix and a P-vector`);
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`${fn}: eta must be a finite number > 0, got ${eta}`);
  if (!(Number.isSafeInteger(steps) && steps >= 0)) throw new Error(`${fn}: steps must be an integer ≥ 0, got ${steps}`);
  const snapAt = new Set(snapshotAt);
  const snapshots = new Map<number, Float64Array>();
  const losses = new Float64Array(steps + 1);
  const d = Float64Array.from(d0);
  let maxNorm = 0;
  for (let t = 0; ; t++) {
    const { value, Hd } = quadraticForm(H, d);
    losses[t] = value;
    let n2 = 0;
    for (let i = 0; i < d.length; i++) n2 += d[i] * d[i];
    maxNorm = Math.max(maxNorm, Math.sqrt(n2));
    if (snapAt.has(t)) snapshots.set(t, Float64Array.from(d));
    if (t === steps) break;
    for (let i = 0; i < d.length; i++) d[i] -= eta * Hd[i];
  }
  return { losses, final: d, maxNorm, snapshots };
}
