/**
 * The spectrum and rank of H at the problem's point θ, in float64.
 *
 * At the optimum H = JᵀJ/N, whose nonzero eigenvalues are those of the N×N kernel
 * JJᵀ/N: the eigenvalues are computed on the smaller of the two Gram matrices and the
 * P − min(N, P) structural zeros restored. J is formed once; the Gram goes through the
 * backend (dsyrk natively, the blocked kernel of src/linalg/portable/gemm.ts otherwise).
 * The rank is decided by the singular-value rule on J/√N (never by thresholding eigenvalues
 * of JᵀJ, whose small end is squared away: erf nets reach λ_min/λ_max ≈ 1e-9) — but when
 * those same eigenvalues certify that every σ_i² is far above their rounding floor, the
 * rule's answer (full rank, nothing dropped) is known without the SVD
 * (src/spectrum/jacobianRank.ts scaledJacobianRank, src/linalg/gramRank.ts). Off the
 * optimum H is indefinite; its rank is decided from |λ|, the singular values of a symmetric
 * matrix, by the same rule.
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { assertDenseFits } from '../config/memoryBudget.js';
import { fullHessian } from '../hessian/hessian.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { gram } from '../linalg/backendOps.js';
import { scale, type Matrix } from '../linalg/matrix.js';
import { numericalRank, type RankEvidence } from '../linalg/numericalRank.js';
import { getBackend } from '../linalg/selectBackend.js';
import { scaledJacobianRank, type RankRoute } from './jacobianRank.js';

export type SpectrumRoute = 'kernel-gram (N×N, zeros restored)' | 'gauss-newton (P×P)' | 'full-hessian (P×P)';

export interface Spectrum {
  readonly P: number;
  readonly N: number;
  /** All P eigenvalues of H, ascending. */
  readonly eigenvalues: Float64Array;
  readonly rank: RankEvidence;
  /** How the rank was decided: from the Gram's eigenvalues (certified full rank), an SVD of J/√N, or |λ| off the optimum. */
  readonly rankRoute: RankRoute | 'eigenvalues';
  /** tr H computed directly (‖J‖²_F/N at the optimum), not as the eigenvalue sum. */
  readonly trace: number;
  readonly route: SpectrumRoute;
  readonly atOptimum: boolean;
  readonly backend: string;
}

export function hessianSpectrum(p: TeacherStudentProblem, backend: LinalgBackend = getBackend()): Spectrum {
  const P = p.model.P;
  const N = p.N;
  assertDenseFits(P, N, sizeFields(p));
  if (p.atOptimum) {
    const J = p.model.jacobian(p.theta, p.X);
    const Js = scale(J, 1 / Math.sqrt(N));
    const useKernel = N < P;
    const small = backend.symmetricEigenvalues(gram(backend, Js, 1, useKernel ? 'AAt' : 'AtA'));
    const eigenvalues = restoreZeros(small, P);
    let trace = 0;
    for (let i = 0; i < Js.data.length; i++) trace += Js.data[i] * Js.data[i];
    const rank = scaledJacobianRank(Js, small, trace, backend);
    return {
      P,
      N,
      eigenvalues,
      rank: rank.rank,
      rankRoute: rank.route,
      trace,
      route: useKernel ? 'kernel-gram (N×N, zeros restored)' : 'gauss-newton (P×P)',
      atOptimum: true,
      backend: backend.name,
    };
  }
  const H = fullHessian(p, p.theta);
  const eigenvalues = backend.symmetricEigenvalues(H);
  return { P, N, eigenvalues, rank: rankOfSymmetric(eigenvalues, P), rankRoute: 'eigenvalues', trace: traceOf(H), route: 'full-hessian (P×P)', atOptimum: false, backend: backend.name };
}

/** The configuration fields that set the size, for the memory-budget message. */
function sizeFields(p: TeacherStudentProblem): string {
  if (p.family === 'deep-linear') return 'Nh, Ni, N, depth';
  return 'Nh, Ni, N';
}

/** Rank of a symmetric matrix from its eigenvalues: its singular values are |λ|. */
export function rankOfSymmetric(eigenvalues: Float64Array, n: number): RankEvidence {
  const sv = Float64Array.from(eigenvalues, Math.abs).sort().reverse();
  return numericalRank(sv, n, n);
}

/** Ascending eigenvalues of a min(N, P)-sized Gram matrix, padded with the P − len structural zeros in order. */
export function restoreZeros(ascending: Float64Array, P: number): Float64Array {
  const out = new Float64Array(P);
  const missing = P - ascending.length;
  // Negative rounding-level eigenvalues stay below the restored zeros; the rest above.
  let neg = 0;
  while (neg < ascending.length && ascending[neg] < 0) neg++;
  out.set(ascending.subarray(0, neg), 0);
  out.set(ascending.subarray(neg), neg + missing);
  return out;
}

function traceOf(a: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += a.data[i * a.cols + i];
  return s;
}
