/**
 * Eigenvalues of H(θ*) for the linear two-layer network drawn over its Gaussian TEACHER
 * ENSEMBLE: W ~ N(0, σ1²)^{Nh×Ni}, a ~ N(0, σ2²)^{Nh}, one independent teacher per draw.
 *
 * What (the exact identities of the two-layer linear network at θ*, identity activation):
 *   - whitened data (C = I): the Ni nonzero eigenvalues of H are ‖a‖² + eig(WᵀW), with
 *     Ni − Nh of them exactly ‖a‖² when Ni > Nh (the null directions of W);
 *   - un-whitened data (C = XᵀX/N, X ~ N(0, 1)^{N×Ni}): they are eig(MC), M = ‖a‖²I + WᵀW,
 *     computed as eig(RᵀCR) with M = RRᵀ (Cholesky; M ⪰ ‖a‖²I ≻ 0), a symmetric similar matrix.
 * Ni×Ni work per draw instead of a P×P Hessian (P = Nh(Ni + 1)). The identities are checked
 * against real Hessians by the properties that use these samples (crossCheckIdentity).
 *
 * Samplers: `whitenedIidSample` and `finiteDataIidSample` draw n i.i.d. eigenvalues, each a
 * uniformly chosen one of a fresh teacher's Ni; `whitenedPooledSpectrum` returns all Ni
 * eigenvalues of ONE teacher (not i.i.d.: they share ‖a‖²).
 *
 * Stream (fixed; the report's figures and replays depend on it): per draw, W (Nh·Ni normals,
 * row-major), then a (Nh normals), then for un-whitened data X (N·Ni normals); the uniform index
 * k = rng.integer(Ni) comes BEFORE the eigensolve for whitened data (and skips it when k falls
 * on a null direction) and AFTER it for un-whitened data.
 *
 * Eigensolver: the PORTABLE backend, fixed. Samples are then bit-reproducible on every machine
 * (native LAPACK/OpenBLAS results differ in the last bits across builds), and for the ≤ 64×64
 * matrices used it is faster than the native backend, whose OpenBLAS threading costs ~3 ms per
 * small call on 2 busy cores (measured).
 * Accuracy: backward-stable Gram + symmetric eigensolver, ≲ c·(Nh + Ni)·eps·λ_max per
 * eigenvalue; tiny negative rounding of eig(WᵀW) is clamped to 0.
 * Cost per draw: Nh·Ni·min(Nh, Ni) (Gram) + O(min(Nh, Ni)³) (eigen); un-whitened adds N·Ni²
 * (XᵀX) + O(Ni³).
 * Errors: throws for invalid parameters, naming the field, before allocating anything.
 */
import { cholesky } from '../linalg/cholesky.js';
import { gramAAt, gramAtA, matmul, transpose, type Matrix } from '../linalg/matrix.js';
import { getBackend } from '../linalg/selectBackend.js';
import type { Rng } from '../rng/rng.js';

export interface LinearTeacherParams {
  /** Hidden units Nh ≥ 1. */
  readonly Nh: number;
  /** Inputs Ni ≥ 1. */
  readonly Ni: number;
  /** Standard deviation of the teacher's first-layer weights W. */
  readonly sigma1: number;
  /** Standard deviation of the teacher's output weights a. */
  readonly sigma2: number;
}

/**
 * Largest float64 count of one draw's matrices (W, X, the Gram and its eigensolver copy):
 * 2^26 = 0.5 GiB, so a mistyped size fails fast instead of exhausting memory.
 */
export const MAX_DRAW_ELEMENTS = 2 ** 26;
/** Largest sample size n (the output is one Float64Array of n). */
export const MAX_SAMPLE_SIZE = 2 ** 26;

const SAMPLING_BACKEND = getBackend('portable');

function validate(fn: string, p: LinearTeacherParams, N: number | null, n: number | null): void {
  for (const k of ['Nh', 'Ni'] as const) {
    if (!Number.isInteger(p[k]) || p[k] < 1) throw new Error(`${fn}: field \`${k}\` must be an integer ≥ 1 (got ${p[k]}); pass the layer size`);
  }
  for (const k of ['sigma1', 'sigma2'] as const) {
    if (!(Number.isFinite(p[k]) && p[k] > 0)) throw new Error(`${fn}: field \`${k}\` must be a finite number > 0 (got ${p[k]}); pass a standard deviation`);
  }
  if (N !== null && !(Number.isInteger(N) && N >= 1)) throw new Error(`${fn}: field \`N\` must be an integer ≥ 1 (got ${N}); pass the number of data points`);
  if (n !== null && !(Number.isInteger(n) && n >= 1 && n <= MAX_SAMPLE_SIZE)) throw new Error(`${fn}: field \`n\` must be an integer in [1, ${MAX_SAMPLE_SIZE}] (got ${n}); pass the sample size`);
  const elements = p.Nh * p.Ni + 2 * p.Ni * p.Ni + (N ?? 0) * p.Ni;
  if (elements > MAX_DRAW_ELEMENTS) throw new Error(`${fn}: sizes Nh = ${p.Nh}, Ni = ${p.Ni}${N === null ? '' : `, N = ${N}`} need ${elements} float64 per draw, over ${MAX_DRAW_ELEMENTS}; use smaller layers`);
}

/** One teacher: W and ‖a‖² (a itself is not needed by the identities). */
function drawTeacher(rng: Rng, p: LinearTeacherParams): { W: Matrix; a2: number } {
  const W: Matrix = { rows: p.Nh, cols: p.Ni, data: rng.normals(p.Nh * p.Ni, p.sigma1) };
  const a = rng.normals(p.Nh, p.sigma2);
  let a2 = 0;
  for (const v of a) a2 += v * v;
  return { W, a2 };
}

/** One uniformly chosen nonzero eigenvalue of H(θ*) (whitened data) for a fresh teacher. */
function whitenedEigenvalue(rng: Rng, p: LinearTeacherParams): number {
  const { W, a2 } = drawTeacher(rng, p);
  const k = rng.integer(p.Ni);
  const zeros = Math.max(0, p.Ni - p.Nh); // null directions of W: eigenvalue ‖a‖² exactly
  if (k < zeros) return a2;
  const eig = SAMPLING_BACKEND.symmetricEigenvalues(p.Ni <= p.Nh ? gramAtA(W) : gramAAt(W));
  return a2 + Math.max(0, eig[k - zeros]);
}

/** n i.i.d. nonzero eigenvalues of H(θ*) with whitened data, one per independent teacher. */
export function whitenedIidSample(rng: Rng, p: LinearTeacherParams, n: number): Float64Array {
  validate('whitenedIidSample', p, null, n);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = whitenedEigenvalue(rng, p);
  return out;
}

/** All Ni nonzero eigenvalues of ONE teacher's H(θ*) (whitened data), ascending. */
export function whitenedPooledSpectrum(rng: Rng, p: LinearTeacherParams): Float64Array {
  validate('whitenedPooledSpectrum', p, null, null);
  const { W, a2 } = drawTeacher(rng, p);
  const eig = SAMPLING_BACKEND.symmetricEigenvalues(gramAtA(W));
  return eig.map((v) => a2 + Math.max(0, v));
}

/** One uniformly chosen eigenvalue of MC (un-whitened Gaussian data, N points). */
function finiteDataEigenvalue(rng: Rng, p: LinearTeacherParams, N: number): number {
  const { W, a2 } = drawTeacher(rng, p);
  const M = gramAtA(W);
  for (let i = 0; i < p.Ni; i++) M.data[i * p.Ni + i] += a2;
  const X: Matrix = { rows: N, cols: p.Ni, data: rng.normals(N * p.Ni) };
  const C = gramAtA(X, 1 / N);
  const R = cholesky(M); // M ⪰ ‖a‖² I ≻ 0
  const eig = SAMPLING_BACKEND.symmetricEigenvalues(matmul(matmul(transpose(R), C), R));
  return eig[rng.integer(p.Ni)];
}

/** n i.i.d. nonzero eigenvalues of H(θ*) = eig(MC) with N un-whitened Gaussian data points per teacher. */
export function finiteDataIidSample(rng: Rng, p: LinearTeacherParams, N: number, n: number): Float64Array {
  validate('finiteDataIidSample', p, N, n);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = finiteDataEigenvalue(rng, p, N);
  return out;
}
