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
 * (closed forms of twoLayer.ts; docs/theory.md#hessian). At θ* every r_n = 0 and the residual part is
 * skipped.
 *
 * Accuracy: float64 sums of products, no differencing: each entry of H·v has error
 * ≲ (Ni + Nh + N)·eps·(|J|ᵀ|J||v|/N + residual analogue).
 * Cost per application: two products of N·Nh·Ni (dgemm natively, the blocked kernel of
 * src/linalg/portable/gemm.ts otherwise), two matrix-vector products with G (G·v_a, Gᵀu),
 * and one pass over the rows reading g', S (and a·g'' off θ*) once, writing C over S.
 * Memory: G, g' and the reused S buffer (3·N·Nh float64), plus a·g'' off the optimum;
 * O(P + N) allocated per application.
 * Measured at (Ni, Nh, N) = (100, 1000, 2000), P = 101,000, as process CPU time on the shared
 * 2-core machine: ≈ 55–60 ms per application native (both BLAS threads; 65–100 ms with the
 * per-call buffers and two passes this replaced), ≈ 250 ms portable (dominated by the two
 * products in the blocked kernel).
 */
import type { LinalgBackend } from '../linalg/backend.js';
import { multiply, multiplyInto } from '../linalg/backendOps.js';
import type { Matrix } from '../linalg/matrix.js';
import { nativeStatus } from '../linalg/native/loadNative.js';
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

const EMPTY = new Float64Array(0);

/**
 * The row pass of one application: for every row n, (Jv)_n from gva = G·v_a and S = X Vᵀ, then
 * row n of C written over S, and the residual term's share of (Hv)_a accumulated into outA;
 * u_n = (Jv)_n/N is kept for Gᵀu. Reads g', S (and a·g'' off θ*) once each. `aD2` is empty at
 * the optimum. The native addon's twoLayerHvpPass (native/src/addon.cc, API 3) does the same
 * operations in the same order — bitwise the same result, about 4× faster at
 * (N, Nh) = (2000, 1000) — and is used with the native backend.
 */
export function twoLayerRowPass(N: number, Nh: number, a: Float64Array, D1: Float64Array, aD2: Float64Array, r: Float64Array, invN: number, gva: Float64Array, va: Float64Array, s: Float64Array, u: Float64Array, outA: Float64Array): void {
  const residual = aD2.length > 0;
  for (let n = 0; n < N; n++) {
    const row = n * Nh;
    let jv = gva[n];
    for (let j = 0; j < Nh; j++) jv += a[j] * D1[row + j] * s[row + j];
    const un = jv * invN;
    u[n] = un;
    const rho = r[n] * invN;
    if (!residual || rho === 0) {
      for (let j = 0; j < Nh; j++) s[row + j] = un * a[j] * D1[row + j];
    } else {
      for (let j = 0; j < Nh; j++) {
        const d1 = D1[row + j];
        const sj = s[row + j];
        s[row + j] = un * a[j] * d1 + rho * (aD2[row + j] * sj + d1 * va[j]);
        outA[j] += rho * d1 * sj;
      }
    }
  }
}

type RowPass = typeof twoLayerRowPass;

/** The addon's pass with the native backend (when the loaded addon has it), else the JavaScript one. */
function rowPassFor(backend: LinalgBackend): RowPass {
  if (backend.name !== 'native') return twoLayerRowPass;
  const s = nativeStatus();
  return s.loaded ? s.addon.twoLayerHvpPass.bind(s.addon) : twoLayerRowPass;
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
  const D1 = new Float64Array(N * Nh); // g'(z_nj)
  const r = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let y = 0;
    const row = n * Nh;
    for (let j = 0; j < Nh; j++) {
      const z = Z[row + j];
      const g = act.g(z);
      G[row + j] = g;
      D1[row + j] = act.d1(z);
      y += a[j] * g;
    }
    r[n] = input.atOptimum ? 0 : y - targets[n];
  }
  let rr = 0;
  for (let n = 0; n < N; n++) rr += r[n] * r[n];
  const atOptimum = rr === 0;
  // a_j·g''(z) is only needed off the optimum; it takes over Z's storage.
  let aD2: Float64Array | null = null;
  if (!atOptimum) {
    aD2 = Z;
    for (let idx = 0; idx < Z.length; idx++) aD2[idx] = a[idx % Nh] * act.d2(Z[idx]);
  }
  // Buffers reused by every application (the product is never called re-entrantly): S = X Vᵀ,
  // overwritten row by row with C once a row of S has been read.
  const S: Matrix = { rows: N, cols: Nh, data: new Float64Array(N * Nh) };
  const Gm: Matrix = { rows: N, cols: Nh, data: G };
  const gva: Matrix = { rows: N, cols: 1, data: new Float64Array(N) }; // G·v_a
  const uVec: Matrix = { rows: N, cols: 1, data: new Float64Array(N) }; // (Jv)/N
  const invN = 1 / N;
  const rowPass = rowPassFor(backend);
  return countingHessianOperator(P, Math.sqrt(rr), 'twoLayerHessianOperator', (v) => {
    const V: Matrix = { rows: Nh, cols: Ni, data: v.subarray(0, Nh * Ni) };
    const va = v.subarray(Nh * Ni);
    multiplyInto(backend, X, V, false, true, 1, S); // S = X Vᵀ, N×Nh
    multiplyInto(backend, Gm, { rows: Nh, cols: 1, data: va }, false, false, 1, gva);
    const out = new Float64Array(P);
    const outA = out.subarray(Nh * Ni);
    rowPass(N, Nh, a, D1, aD2 ?? EMPTY, r, invN, gva.data, va, S.data, uVec.data, outA);
    // (Hv)_a += Gᵀu; (Hv)_W = Cᵀ X, written straight into out's W block.
    const gtu = multiply(backend, Gm, uVec, true, false).data;
    for (let j = 0; j < Nh; j++) outA[j] += gtu[j];
    multiplyInto(backend, S, X, true, false, 1, { rows: Nh, cols: Ni, data: out.subarray(0, Nh * Ni) });
    return out;
  });
}
