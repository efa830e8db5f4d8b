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
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { MATRIX_FREE_HINT, assertFits, kernelSpectrumBytes } from '../config/memoryBudget.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { gram, multiply } from '../linalg/backendOps.js';
import type { Matrix } from '../linalg/matrix.js';
import { assertFiniteArray } from '../linalg/nonFinite.js';
import { getBackend } from '../linalg/selectBackend.js';

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
  if (!p.atOptimum) {
    throw new Error('kernelSpectrum: H = JᵀJ/N only at the optimum θ*; off it use the matrix-free route (top-eigenvalues uses Lanczos there)');
  }
  if (p.family !== 'two-layer' || p.Nh === null) {
    throw new Error(`kernelSpectrum: the factorised kernel is for two-layer networks, got ${p.family}; use the dense spectrum or top-eigenvalues`);
  }
  const P = p.model.P;
  const N = p.N;
  assertFits(kernelSpectrumBytes(N, p.Nh, p.Ni), `the structured kernel route with N = ${N} samples and Nh = ${p.Nh}`, 'N, Nh', `${MATRIX_FREE_HINT} with fewer samples, or reduce N`);
  const K = twoLayerKernel(p, backend);
  assertFiniteArray(K.data, 'the kernel JJᵀ/N');
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
