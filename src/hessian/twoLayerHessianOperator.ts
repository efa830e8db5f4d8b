/**
 * The exact Hessian of the least-squares loss of a two-layer network as a matrix-free
 * operator: H·v = Jᵀ(J v)/N + (1/N) Σ_n r_n ∇²y_n·v, residual term included, J never formed.
 *
 * With Z = X Wᵀ (N×Nh), G = g(Z), D₁ = g'(Z), D₂ = g''(Z) cached at construction, and v split
 * into V (Nh×Ni, the W block) and v_a:
 *   S = X Vᵀ                                   (N×Nh; S_nj = x_n·v_j)
 *   (Jv)_n = Σ_j a_j D₁_nj S_nj + G_nj v_aj
 *   C_nj = (Jv)_n/N · a_j D₁_nj + r_n/N · (a_j D₂_nj S_nj + D₁_nj v_aj)
 *   (Hv)_W = Cᵀ X,   (Hv)_a_j = Σ_n (Jv)_n/N · G_nj + r_n/N · D₁_nj S_nj
 * (closed forms of twoLayer.ts; theory.md §2). At θ* every r_n = 0 and the residual part is
 * skipped.
 *
 * Accuracy: float64 sums of products, no differencing: each entry of H·v has error
 * ≲ (Ni + Nh + N)·eps·(|J|ᵀ|J||v|/N + residual analogue).
 * Cost: two products of N·Nh·Ni (through the backend's dgemm when it has one) plus O(N·Nh)
 * per application; memory 3·N·Nh float64 for the cache, O(P + N·Nh) per application.
 */
import type { LinalgBackend } from '../linalg/backend.js';
import { multiply } from '../linalg/backendOps.js';
import type { Matrix } from '../linalg/matrix.js';
import { countingOperator, type CountingOperator } from '../linalg/operator.js';
import type { Activation } from '../nets/activation.js';

export interface TwoLayerOperatorInput {
  readonly activation: Activation;
  readonly Ni: number;
  readonly Nh: number;
  /** θ = [W row-major, a]. */
  readonly theta: Float64Array;
  readonly X: Matrix;
  readonly targets: Float64Array;
  /**
   * θ is the teacher itself, so every residual is exactly 0 and H = JᵀJ/N. Without this hint
   * the residuals are recomputed, and a dgemm's summation order differs from the one that
   * made the targets, leaving r_n ~ eps instead of 0. @defaultValue false
   */
  readonly atOptimum?: boolean;
}

export interface HessianOperator extends CountingOperator {
  /** ‖r‖₂ at θ (0 at the optimum: the operator is then JᵀJ/N). */
  readonly residualNorm: number;
}

/** Wraps a family's exact H·v as a HessianOperator (length check, count, ‖r‖₂). */
export function countingHessianOperator(P: number, residualNorm: number, who: string, hv: (v: Float64Array) => Float64Array): HessianOperator {
  return countingOperator(P, who, hv, { residualNorm });
}

export function twoLayerHessianOperator(input: TwoLayerOperatorInput, backend: LinalgBackend): HessianOperator {
  const { activation: act, Ni, Nh, theta, X, targets } = input;
  const N = X.rows;
  const P = Nh * Ni + Nh;
  if (X.cols !== Ni) throw new Error(`twoLayerHessianOperator: X has ${X.cols} columns, expected Ni = ${Ni}`);
  if (theta.length !== P) throw new Error(`twoLayerHessianOperator: θ has ${theta.length} entries, expected P = ${P}`);
  if (targets.length !== N) throw new Error(`twoLayerHessianOperator: ${targets.length} targets for N = ${N} samples`);
  const W: Matrix = { rows: Nh, cols: Ni, data: theta.subarray(0, Nh * Ni) };
  const a = theta.subarray(Nh * Ni);
  const Z = multiply(backend, X, W, false, true).data; // N×Nh
  const G = new Float64Array(N * Nh);
  const D1 = new Float64Array(N * Nh);
  const r = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let y = 0;
    for (let j = 0; j < Nh; j++) {
      const idx = n * Nh + j;
      const z = Z[idx];
      G[idx] = act.g(z);
      D1[idx] = act.d1(z);
      y += a[j] * G[idx];
    }
    r[n] = input.atOptimum ? 0 : y - targets[n];
  }
  let rr = 0;
  for (let n = 0; n < N; n++) rr += r[n] * r[n];
  const atOptimum = rr === 0;
  // a_j·D₂ is only needed off the optimum.
  const aD2 = atOptimum ? null : Float64Array.from(Z, (z, idx) => a[idx % Nh] * act.d2(z));
  return countingHessianOperator(P, Math.sqrt(rr), 'twoLayerHessianOperator', (v) => {
    const V: Matrix = { rows: Nh, cols: Ni, data: v.subarray(0, Nh * Ni) };
    const va = v.subarray(Nh * Ni);
    const S = multiply(backend, X, V, false, true).data; // N×Nh
    const C = new Float64Array(N * Nh);
    const out = new Float64Array(P);
    const outA = out.subarray(Nh * Ni);
    for (let n = 0; n < N; n++) {
      const row = n * Nh;
      let jv = 0;
      for (let j = 0; j < Nh; j++) jv += a[j] * D1[row + j] * S[row + j] + G[row + j] * va[j];
      const u = jv / N;
      const rho = r[n] / N;
      if (aD2 === null || rho === 0) {
        for (let j = 0; j < Nh; j++) {
          C[row + j] = u * a[j] * D1[row + j];
          outA[j] += u * G[row + j];
        }
      } else {
        for (let j = 0; j < Nh; j++) {
          const d1 = D1[row + j];
          const s = S[row + j];
          C[row + j] = u * a[j] * d1 + rho * (aD2[row + j] * s + d1 * va[j]);
          outA[j] += u * G[row + j] + rho * d1 * s;
        }
      }
    }
    const outW = multiply(backend, { rows: N, cols: Nh, data: C }, X, true, false).data; // Nh×Ni
    out.set(outW, 0);
    return out;
  });
}
