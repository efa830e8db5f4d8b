/**
 * Top eigenvalues of spiked sample covariances: X ∈ R^{N×M} with i.i.d. N(0, 1) entries and
 * its first column scaled by √ℓ (rows x_n ~ N(0, diag(ℓ, 1, …, 1))), S = XᵀX/N, λ_max(S).
 * S is the Hessian (= Gauss–Newton) of least squares y = wᵀx on these inputs, and the
 * sampling model of the BBP transition (Baik, Ben Arous & Péché 2005; theory/spikedCovariance.ts).
 *
 * Route: the smaller Gram side — XᵀX/N (M×M) when M ≤ N, else XXᵀ/N (N×N), which has the
 * same nonzero spectrum — through the backend's Gram (dsyrk when native) and its symmetric
 * eigensolver (src/linalg/selectBackend.ts). Draws are sequential from the caller's stream:
 * draw i consumes N·M normals (rng.normals), so the same stream gives the same values on
 * every backend up to the eigensolver's rounding.
 * Accuracy: λ_max within ≈ c·(m + n)·eps·λ_max of the exact matrix's (Gram summation over the
 * long side, backward-stable eigensolver; test/spectrum/spikedWishart.test.ts compares with
 * ml-matrix on the explicit S).
 * Cost per draw: N·M normals, N·M·min(N, M)/2 multiply-adds for the Gram and O(min(N, M)³)
 * for the eigenvalues; memory N·M + min(N, M)² float64, checked against MAX_ENTRIES first.
 * Errors: throws, naming the field, for non-integer or non-positive sizes, a spike ℓ that is
 * not finite and > 0, a draw count below 1, or a matrix above MAX_ENTRIES.
 */
import type { LinalgBackend } from '../linalg/backend.js';
import { gram } from '../linalg/backendOps.js';
import type { Matrix } from '../linalg/matrix.js';
import { getBackend } from '../linalg/selectBackend.js';
import type { Rng } from '../rng/rng.js';

export interface SpikedWishartSize {
  /** Dimension (columns of X). */
  readonly M: number;
  /** Samples (rows of X). */
  readonly N: number;
  /** Spike: the population variance of the first coordinate, > 0. */
  readonly ell: number;
}

/** Largest N·M accepted (4e7 float64 = 320 MB for X; the suite uses ≤ 4e4). */
export const MAX_ENTRIES = 4e7;

function validate(fn: string, s: SpikedWishartSize): void {
  for (const f of ['M', 'N'] as const) if (!(Number.isInteger(s[f]) && s[f] >= 1)) throw new Error(`${fn}: field \`${f}\` must be an integer ≥ 1 (got ${s[f]})`);
  if (!(Number.isFinite(s.ell) && s.ell > 0)) throw new Error(`${fn}: field \`ell\` must be a finite number > 0 (got ${s.ell}); pass the spike variance`);
  if (s.M * s.N > MAX_ENTRIES) throw new Error(`${fn}: N·M = ${s.N}·${s.M} exceeds MAX_ENTRIES = ${MAX_ENTRIES}; use smaller sizes`);
}

function topEigenvalue(rng: Rng, s: SpikedWishartSize, backend: LinalgBackend): number {
  const { M, N } = s;
  const X: Matrix = { rows: N, cols: M, data: rng.normals(N * M) };
  const root = Math.sqrt(s.ell);
  for (let n = 0; n < N; n++) X.data[n * M] *= root;
  const eig = backend.symmetricEigenvalues(gram(backend, X, 1 / N, M <= N ? 'AtA' : 'AAt'));
  return eig[eig.length - 1];
}

/** One λ_max(XᵀX/N) from `rng` (advances it by N·M normals). */
export function spikedTopEigenvalue(rng: Rng, size: SpikedWishartSize, backend: LinalgBackend = getBackend()): number {
  validate('spikedTopEigenvalue', size);
  return topEigenvalue(rng, size, backend);
}

/** `draws` independent λ_max(XᵀX/N), in order, from `rng`. */
export function spikedTopEigenvalues(rng: Rng, size: SpikedWishartSize, draws: number, backend: LinalgBackend = getBackend()): Float64Array {
  validate('spikedTopEigenvalues', size);
  if (!(Number.isInteger(draws) && draws >= 1)) throw new Error(`spikedTopEigenvalues: field \`draws\` must be an integer ≥ 1 (got ${draws})`);
  return Float64Array.from({ length: draws }, () => topEigenvalue(rng, size, backend));
}
