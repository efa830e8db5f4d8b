/**
 * Every nonzero eigenvalue of H(θ*) for the two-layer family through the structure of the
 * kernel, without forming J.
 *
 * What: at θ*, H = JᵀJ/N, whose nonzero eigenvalues are those of the N×N kernel K = JJᵀ/N.
 * Row n of J is [a_j g'(z_nj) x_n for each j, g(z_nj) for each j] (twoLayer.ts), so
 *   K = [ (XXᵀ) ⊙ (D·diag(a²)·Dᵀ) + G·Gᵀ ] / N,    D = g'(XWᵀ), G = g(XWᵀ)
 * (⊙ the entrywise product): K_nm = Σ_j a_j² g'(z_nj) g'(z_mj) (x_n·x_m) + Σ_j g(z_nj) g(z_mj).
 * Three Gram matrices (dsyrk on the native backend) and one N×N symmetric eigensolve.
 *
 * Returned: the min(N, P) largest eigenvalues of K, ascending — all nonzero eigenvalues of H
 * (when N > P, K has rank ≤ P and its N − P smallest are rounding-level zeros, dropped) —
 * and the P − min(N, P) structural zeros of H as a count.
 *
 * Accuracy: forming K costs ≲ (Ni + Nh)·eps·‖K‖ per entry, the eigensolver c·N·eps·‖K‖₂, so
 * every eigenvalue is within ≈ (Ni + Nh + N)·eps·λ_max of H's (normwise; small eigenvalues
 * are not resolved to relative accuracy by this or any dense route).
 * Cost: N²(Ni + 2Nh)/2 multiply-adds for the Grams (vs N²·P/2 for JJᵀ from J) + (4/3)N³ for
 * the eigenvalues; memory 4·N² + 4·N·Nh float64 (memoryBudget.ts, checked before allocating).
 *
 * `kernelTopEigenvalues` (the k largest only, for top-eigenvalues at θ*) forms the same K and,
 * when k is small against N, replaces the (4/3)N³ eigensolve by Lanczos with full
 * reorthogonalisation on K (src/linalg/lanczos.ts; one N² product per step, ≈ 150 steps for
 * k = 20) run to a residual tolerance of KERNEL_LANCZOS_ULPS·N·eps·‖K‖ — the size of the dense
 * eigensolver's own error bound c·N·eps·‖K‖ — so every returned value is within its reported
 * residual of an eigenvalue of the computed K, as close as the dense route gets. If that
 * tolerance is not met within the step cap it falls back to the dense eigensolver.
 * Measured at (Ni, Nh, N) = (100, 1000, 2000), k = 20 (bench/cases/topEigenvaluesP101k.ts
 * --at opt, process CPU time on the shared 2-core machine): K and its top 20 in ≈ 1.3 s native
 * (both BLAS threads) — the dsyevd of all 2000 took ≈ 0.6 s of it before — and ≈ 3–4 s portable
 * (12.6 s wall before); values equal to the dense route's to 2e-15·λ₁.
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { MATRIX_FREE_HINT, assertFits, kernelSpectrumBytes } from '../config/memoryBudget.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { gram, multiply } from '../linalg/backendOps.js';
import { lanczosEigenvalues } from '../linalg/lanczos.js';
import { EPS, type Matrix } from '../linalg/matrix.js';
import type { SymmetricOperator } from '../linalg/operator.js';
import { getBackend } from '../linalg/selectBackend.js';
import { Rng } from '../rng/rng.js';

export interface KernelSpectrum {
  readonly P: number;
  readonly N: number;
  /** The min(N, P) nonzero-candidate eigenvalues of H(θ*) (eigenvalues of K), ascending. */
  readonly eigenvalues: Float64Array;
  /** P − min(N, P): eigenvalues of H that are exactly zero by structure (rank JᵀJ ≤ N). */
  readonly structuralZeros: number;
  /** tr H = tr K (= ‖J‖²_F / N), summed from K's diagonal. */
  readonly trace: number;
  readonly route: 'two-layer factorised kernel (N×N)';
  readonly backend: string;
}

/** K = JJᵀ/N of a two-layer problem at θ, by the factorisation above (exported for tests). */
export function twoLayerKernel(p: TeacherStudentProblem, backend: LinalgBackend = getBackend()): Matrix {
  if (p.family !== 'two-layer' || p.activation === null || p.Nh === null) {
    throw new Error(`twoLayerKernel: needs a two-layer problem, got family ${p.family}`);
  }
  const { N, Ni, X, activation: act } = p;
  const Nh = p.Nh;
  const W: Matrix = { rows: Nh, cols: Ni, data: p.theta.subarray(0, Nh * Ni) };
  const a = p.theta.subarray(Nh * Ni);
  const Z = multiply(backend, X, W, false, true).data; // N×Nh
  const Da = new Float64Array(N * Nh); // g'(z_nj)·|a_j|
  const G = new Float64Array(N * Nh);
  for (let idx = 0; idx < Z.length; idx++) {
    const z = Z[idx];
    Da[idx] = act.d1(z) * Math.abs(a[idx % Nh]);
    G[idx] = act.g(z);
  }
  const XX = gram(backend, X, 1, 'AAt').data;
  const DD = gram(backend, { rows: N, cols: Nh, data: Da }, 1, 'AAt').data;
  const GG = gram(backend, { rows: N, cols: Nh, data: G }, 1, 'AAt').data;
  const K = DD; // reuse: K = (XX ⊙ DD + GG)/N
  for (let i = 0; i < K.length; i++) K[i] = (XX[i] * DD[i] + GG[i]) / N;
  return { rows: N, cols: N, data: K };
}

export function kernelSpectrum(p: TeacherStudentProblem, backend: LinalgBackend = getBackend()): KernelSpectrum {
  checkKernelRoute(p);
  const P = p.model.P;
  const N = p.N;
  const K = twoLayerKernel(p, backend);
  let trace = 0;
  for (let i = 0; i < N; i++) trace += K.data[i * N + i];
  const all = backend.symmetricEigenvalues(K);
  const keep = Math.min(N, P);
  return {
    P,
    N,
    eigenvalues: all.slice(N - keep),
    structuralZeros: P - keep,
    trace,
    route: 'two-layer factorised kernel (N×N)',
    backend: backend.name,
  };
}

/** Lanczos residual target on K in units of N·eps·‖K‖ (the dense eigensolver's error scale). */
export const KERNEL_LANCZOS_ULPS = 4;
/** Lanczos only when k ≤ N/KERNEL_LANCZOS_MIN_RATIO and N ≥ KERNEL_LANCZOS_MIN_N; else the dense eigensolve is as cheap. */
export const KERNEL_LANCZOS_MIN_RATIO = 8;
export const KERNEL_LANCZOS_MIN_N = 400;

export interface KernelTopEigenvalues {
  readonly P: number;
  readonly N: number;
  readonly k: number;
  /** The k largest eigenvalues of H(θ*), descending (structural zeros appended when k > min(N, P)). */
  readonly eigenvalues: Float64Array;
  /** Rigorous distance bound from each value to an eigenvalue of the computed K (Lanczos residual), or c·N·eps·‖K‖ for the dense route. */
  readonly errorBounds: Float64Array;
  readonly method: 'lanczos' | 'dense';
  /** Lanczos steps (0 for the dense route). */
  readonly iterations: number;
  readonly route: 'two-layer factorised kernel (N×N)';
  readonly backend: string;
}

/** The k largest eigenvalues of H(θ*) through the factorised kernel (see the header). */
export function kernelTopEigenvalues(p: TeacherStudentProblem, k: number, backend: LinalgBackend = getBackend()): KernelTopEigenvalues {
  checkKernelRoute(p);
  const P = p.model.P;
  const N = p.N;
  if (!Number.isInteger(k) || k < 1 || k > P) throw new Error(`kernelTopEigenvalues: k must be an integer in [1, P = ${P}], got ${k}`);
  const K = twoLayerKernel(p, backend);
  const keep = Math.min(N, P);
  const kk = Math.min(k, keep);
  const out = new Float64Array(k);
  const bounds = new Float64Array(k);
  if (N >= KERNEL_LANCZOS_MIN_N && kk * KERNEL_LANCZOS_MIN_RATIO <= N) {
    const op = kernelOperator(K, backend);
    const lz = lanczosEigenvalues(op, { k: kk, which: 'largest', tolerance: KERNEL_LANCZOS_ULPS * N * EPS, backend, rng: Rng.fromSeed(0).split('kernel-top'), reorthogonalisation: 'full' });
    if (lz.converged) {
      out.set(lz.values);
      bounds.set(lz.errorBounds);
      return { P, N, k, eigenvalues: out, errorBounds: bounds, method: 'lanczos', iterations: lz.iterations, route: 'two-layer factorised kernel (N×N)', backend: backend.name };
    }
  }
  const all = backend.symmetricEigenvalues(K);
  const scale = Math.max(Math.abs(all[0]), Math.abs(all[N - 1]));
  for (let i = 0; i < kk; i++) {
    out[i] = all[N - 1 - i];
    bounds[i] = KERNEL_LANCZOS_ULPS * N * EPS * scale;
  }
  return { P, N, k, eigenvalues: out, errorBounds: bounds, method: 'dense', iterations: 0, route: 'two-layer factorised kernel (N×N)', backend: backend.name };
}

/** K as an operator: its products through the backend's dgemm when it has one. */
function kernelOperator(K: Matrix, backend: LinalgBackend): SymmetricOperator {
  const n = K.rows;
  return {
    size: n,
    apply(v) {
      return multiply(backend, K, { rows: n, cols: 1, data: v }).data;
    },
  };
}

function checkKernelRoute(p: TeacherStudentProblem): void {
  if (!p.atOptimum) {
    throw new Error('kernelSpectrum: H = JᵀJ/N only at the optimum θ*; off it use the matrix-free route (top-eigenvalues uses Lanczos there)');
  }
  if (p.family !== 'two-layer' || p.Nh === null) {
    throw new Error(`kernelSpectrum: the factorised kernel is for two-layer networks, got ${p.family}; use the dense spectrum or top-eigenvalues`);
  }
  assertFits(kernelSpectrumBytes(p.N, p.Nh, p.Ni), `the structured kernel route with N = ${p.N} samples and Nh = ${p.Nh}`, 'N, Nh', `${MATRIX_FREE_HINT} with fewer samples, or reduce N`);
}
