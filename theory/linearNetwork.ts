/**
 * C2 · linear networks (g(z) = z, and deep linear nets). Exact forms derived from
 * Couto et al. 2025's claims (docs/theory.md#c2):
 *
 *   J's row n is (u_l ⊗ A_l x_n)_l with u_l = (W_L⋯W_{l+1})ᵀ, A_l = W_{l−1}⋯W_1, so
 *   JJᵀ/N = X M Xᵀ/N with M = Σ_l ‖u_l‖² A_lᵀA_l, and the nonzero eigenvalues of
 *   H(θ*) = JᵀJ/N are those of MC, C = XᵀX/N.  Two layers: M = ‖a‖² I + WᵀW.
 *
 * eig(MC) is computed as the symmetric eig(Rᵀ C R) with M = RRᵀ (Cholesky) when
 * M ≻ 0, else eig(Lᵀ M L) with C = LLᵀ — both Ni×Ni, independent of the P×P Hessian.
 *
 * The claims C2a–c as the suite states them, and the tolerance constant their statements
 * quote, are in theory/linearNetworkClaims.ts (free of engine imports, so the report can
 * read them without loading linear algebra).
 */
import type { TeacherStudentProblem } from '../src/config/buildProblem.js';
import { cholesky } from '../src/linalg/cholesky.js';
import { gramAtA, identity, matmul, transpose, zeros, type Matrix } from '../src/linalg/matrix.js';
import { numericalRank } from '../src/linalg/numericalRank.js';
import { getBackend } from '../src/linalg/selectBackend.js';

/** M = Σ_l ‖u_l‖² A_lᵀA_l for layers [W_1, …, W_L] (two-layer linear: layers [W, aᵀ]). */
export function linearM(layers: readonly Matrix[]): Matrix {
  const Ni = layers[0].cols;
  const L = layers.length;
  let M = zeros(Ni, Ni);
  for (let l = 1; l <= L; l++) {
    let A = identity(Ni);
    for (let m = 1; m < l; m++) A = matmul(layers[m - 1], A);
    let U = identity(layers[L - 1].rows); // 1×1
    for (let m = L; m > l; m--) U = matmul(U, layers[m - 1]);
    let u2 = 0;
    for (const v of U.data) u2 += v * v;
    const AtA = gramAtA(A);
    for (let i = 0; i < M.data.length; i++) M.data[i] += u2 * AtA.data[i];
  }
  return M;
}

/** The teacher's layers for the linear theory: [W, aᵀ] for two-layer identity nets. */
export function linearLayers(p: TeacherStudentProblem): Matrix[] {
  if ('layers' in p.teacherWeights) return p.teacherWeights.layers;
  const { W, a } = p.teacherWeights;
  return [W, { rows: 1, cols: a.length, data: a }];
}

export function isLinear(p: TeacherStudentProblem): boolean {
  return p.family === 'deep-linear' || (p.activation !== null && p.activation.label === 'identity');
}

/** C = XᵀX/N. */
export function inputCovariance(p: TeacherStudentProblem): Matrix {
  return gramAtA(p.X, 1 / p.N);
}

/** C2a: eig(MC), ascending (Ni values; the nonzero spectrum of H plus min(Ni, …) zeros if MC is singular). */
export function predictedLinearSpectrum(p: TeacherStudentProblem): Float64Array {
  const M = linearM(linearLayers(p));
  const C = inputCovariance(p);
  const backend = getBackend();
  let R: Matrix;
  let inner: Matrix;
  try {
    R = cholesky(M);
    inner = C;
  } catch {
    try {
      R = cholesky(C);
      inner = M;
    } catch {
      // Both numerically singular (weights and data near the subnormal range; found by the CLI
      // fuzz): eig(MC) = eig(C^{1/2} M C^{1/2}) with C^{1/2} = V·max(Λ, 0)^{1/2}·Vᵀ from C's
      // eigendecomposition, which needs no definiteness.
      const e = backend.symmetricEigen(C);
      const n = C.rows;
      const S = zeros(n, n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let v = 0;
          for (let k = 0; k < n; k++) v += e.vectors.data[i * n + k] * Math.sqrt(Math.max(e.values[k], 0)) * e.vectors.data[j * n + k];
          S.data[i * n + j] = v;
        }
      R = S;
      inner = M;
    }
  }
  return backend.symmetricEigenvalues(matmul(matmul(transpose(R), inner), R));
}

/** C2a: tr(MC). */
export function predictedLinearTrace(p: TeacherStudentProblem): number {
  const M = linearM(linearLayers(p));
  const C = inputCovariance(p);
  let s = 0;
  for (let i = 0; i < M.data.length; i++) s += M.data[i] * C.data[i]; // tr(MC) = Σ M_ij C_ji, C symmetric
  return s;
}

/**
 * C2b: rank H(θ*) = min(Ni, N) when M ≻ 0; otherwise (the a = 0 counterexample) rank(M C) =
 * min(rank W, N) for generic data, with rank W decided from its float64 singular values.
 */
export function predictedLinearRank(p: TeacherStudentProblem): { rank: number; formula: string } {
  // M ≻ 0 decided from M's float64 eigenvalues by the numerical-rank rule (a Cholesky attempt is
  // not a test: rank-deficient WᵀW often factors with a rounding-level positive pivot).
  const M = linearM(linearLayers(p));
  const backend = getBackend();
  const eig = backend.symmetricEigenvalues(M);
  const mRank = numericalRank(Float64Array.from(eig, Math.abs).sort().reverse(), M.rows, M.cols).rank;
  if (mRank === p.Ni) return { rank: Math.min(p.Ni, p.N), formula: 'min(Ni, N) (M ≻ 0)' };
  const W = linearLayers(p)[0];
  const r = numericalRank(backend.singularValues(W), W.rows, W.cols).rank;
  return { rank: Math.min(r, p.N), formula: 'min(rank W, N) (a = 0, M = WᵀW singular)' };
}

/**
 * C2c: with whitened data (C = I) the nonzero spectrum is ‖a‖² + eig(WᵀW), ascending
 * (Ni values, of which Ni − rank W equal ‖a‖²). Two-layer linear only.
 */
export function predictedWhitenedSpectrum(W: Matrix, a: Float64Array): Float64Array {
  let a2 = 0;
  for (const v of a) a2 += v * v;
  const eig = getBackend().symmetricEigenvalues(gramAtA(W));
  return eig.map((v) => a2 + v);
}
