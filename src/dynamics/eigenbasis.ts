/**
 * The quadratic model of the loss near a minimum, L(θ* + d) ≈ ½ dᵀHd, in the eigenbasis
 * of H: which modes are curved (λ > 0) and which are flat (λ = 0), and the extreme
 * curved eigenvalues λ_min⁺ and λ_max that govern gradient descent (docs/theory.md#c4).
 *
 * Rank rule (which eigenvalues count as zero), stated once:
 *  - at a teacher–student optimum (quadraticModelAtOptimum): H(θ*) = JᵀJ/N exactly
 *    (docs/theory.md#hessian), and its rank r is decided from the float64 singular values of J/√N
 *    by src/linalg/numericalRank.ts (tol = max(N, P)·eps·σ_max), as docs/theory.md#c3 requires;
 *    the top r eigenpairs of H are the curved modes, the other P − r are flat;
 *  - for a given symmetric H (quadraticModelOfMatrix): r = #{|λ| > P·eps·max|λ|}, the same
 *    rule applied to |λ|, the singular values of a symmetric matrix.
 * λ_min⁺ is then the r-th largest eigenvalue of H. `resolution` = λ_min⁺ / (P·eps·λ_max)
 * says how far λ_min⁺ sits above the absolute rounding error of a backward-stable
 * eigensolver (Weyl): a value near 1 means λ_min⁺ is not resolved and every prediction
 * built on it is noise.
 *
 * Accuracy: eigenvalues to P·eps·λ_max absolute (backward stability, GVL §8.3);
 * eigenvectors of well-separated eigenvalues to P·eps·λ_max / gap.
 * Cost: one P×P symmetric eigendecomposition, O(P³), plus (at θ*) an N×P SVD.
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { gaussNewton } from '../hessian/hessian.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { EPS, matTvec, type Matrix } from '../linalg/matrix.js';
import type { RankEvidence } from '../linalg/numericalRank.js';
import { getBackend } from '../linalg/selectBackend.js';
import { jacobianRank } from '../spectrum/jacobianRank.js';
import { rankOfSymmetric } from '../spectrum/hessianSpectrum.js';

export interface QuadraticModel {
  readonly P: number;
  /** H itself (P×P), for routes that iterate with the matrix. */
  readonly hessian: Matrix;
  /** All P eigenvalues of H, ascending, as computed (flat ones are rounding-level). */
  readonly eigenvalues: Float64Array;
  /** P×P; column k is the unit eigenvector for eigenvalues[k]. */
  readonly eigenvectors: Matrix;
  /** Numerical rank r: modes P − r … P − 1 are curved, modes 0 … P − r − 1 are flat. */
  readonly rank: number;
  /** Index of λ_min⁺ in `eigenvalues` (= P − r). */
  readonly firstCurved: number;
  readonly lambdaMinPositive: number;
  readonly lambdaMax: number;
  /** Mean of the r curved eigenvalues (tr H / r up to the flat rounding-level ones). */
  readonly meanPositive: number;
  /** λ_min⁺ / (P·eps·λ_max): ≫ 1 when λ_min⁺ is resolved from rounding. */
  readonly resolution: number;
  readonly rankEvidence: RankEvidence;
  readonly rankRule: 'singular values of J/√N' | '|eigenvalues| of H';
}

/** Thrown when H has no curved mode (rank 0): there is nothing to predict. */
export class NoCurvatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoCurvatureError';
  }
}

/** Quadratic model at the teacher θ*: H = JᵀJ/N, rank from the singular values of J/√N. */
export function quadraticModelAtOptimum(p: TeacherStudentProblem, backend: LinalgBackend = getBackend()): QuadraticModel {
  const H = gaussNewton(p, p.teacher);
  const { rank } = jacobianRank(p, p.teacher, backend);
  return assemble(H, backend.symmetricEigen(H), rank, 'singular values of J/√N');
}

/** Quadratic model of a given symmetric positive semi-definite H, rank from |λ|. */
export function quadraticModelOfMatrix(H: Matrix, backend: LinalgBackend = getBackend()): QuadraticModel {
  if (H.rows !== H.cols || H.rows === 0) throw new Error(`quadraticModelOfMatrix: H must be square and non-empty, got ${H.rows}×${H.cols}`);
  for (let i = 0; i < H.data.length; i++) {
    if (!Number.isFinite(H.data[i])) throw new Error(`quadraticModelOfMatrix: H has a non-finite entry ${H.data[i]} at (${Math.floor(i / H.cols)}, ${i % H.cols}); give a finite matrix`);
  }
  const eig = backend.symmetricEigen(H);
  const rank = rankOfSymmetric(eig.values, H.rows);
  if (eig.values[0] < -rank.tolerance) {
    throw new Error(`quadraticModelOfMatrix: H has eigenvalue ${eig.values[0]} below −tol = ${-rank.tolerance}; the quadratic model of a minimum needs H positive semi-definite`);
  }
  return assemble(H, eig, rank, '|eigenvalues| of H');
}

function assemble(H: Matrix, eig: { values: Float64Array; vectors: Matrix }, rankEvidence: RankEvidence, rankRule: QuadraticModel['rankRule']): QuadraticModel {
  const P = H.rows;
  const r = rankEvidence.rank;
  if (r === 0) throw new NoCurvatureError(`the Hessian is numerically zero (rank 0 by ${rankRule}): no curved mode, nothing decays or grows`);
  const firstCurved = P - r;
  const values = eig.values;
  let sum = 0;
  for (let i = firstCurved; i < P; i++) sum += values[i];
  const lambdaMax = values[P - 1];
  const lambdaMinPositive = values[firstCurved];
  // A rank read off J's singular values can count modes whose eigenvalue σ²/N underflows to 0
  // (weights near 1e-160 and below): nothing curves in float64 then either (found by the CLI fuzz).
  if (!(lambdaMinPositive > 0)) throw new NoCurvatureError(`the smallest curved eigenvalue of H is ${lambdaMinPositive} in float64 (rank ${r} by ${rankRule}, but its eigenvalues underflow): no curved mode can be resolved`);
  return {
    P,
    hessian: H,
    eigenvalues: values,
    eigenvectors: eig.vectors,
    rank: r,
    firstCurved,
    lambdaMinPositive,
    lambdaMax,
    meanPositive: sum / r,
    resolution: lambdaMinPositive / (P * EPS * lambdaMax),
    rankEvidence,
    rankRule,
  };
}

/** Mode amplitudes c = Vᵀd (c_i = v_iᵀ d), all P of them. */
export function modeAmplitudes(m: QuadraticModel, d: Float64Array): Float64Array {
  if (d.length !== m.P) throw new Error(`modeAmplitudes: d has ${d.length} entries, expected P = ${m.P}`);
  return matTvec(m.eigenvectors, d);
}

/** The flat part of d: Σ_{flat i} (v_iᵀd) v_i. */
export function flatProjection(m: QuadraticModel, d: Float64Array): Float64Array {
  const c = modeAmplitudes(m, d);
  const out = new Float64Array(m.P);
  const V = m.eigenvectors;
  for (let k = 0; k < m.firstCurved; k++) {
    const ck = c[k];
    for (let i = 0; i < m.P; i++) out[i] += ck * V.data[i * m.P + k];
  }
  return out;
}
