/**
 * theory/linearNetwork.ts (C2a–c) against values obtained another way:
 *  - hand derivations on 2×2 and 3-layer examples (M, the whitened spectrum, the rank);
 *  - brute force: the Jacobian of a linear net written out here from its definition (row n of J:
 *    ∂y/∂W_l = u_l ⊗ A_l x_n, i.e. (W_L⋯W_{l+1})ᵀ (W_{l−1}⋯W_1 x_n)ᵀ, for every layer), JᵀJ/N
 *    formed here, and its eigenvalues by ml-matrix (an independent eigensolver): the nonzero ones
 *    must be eig(MC), their sum tr(MC), their count the predicted rank.
 * Tolerances: both sides are eigenvalues of float64 Gram matrices of ≤ max(N, P) terms, through
 * backward-stable eigensolvers: |Δλ| ≤ c·(N + P)·eps·λ_max (Weyl), c = 16 as theory/linearNetworkClaims.ts.
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import { fromRows, type Matrix } from '../../src/linalg/matrix.js';
import { inputCovariance, isLinear, linearLayers, linearM, predictedLinearRank, predictedLinearSpectrum, predictedLinearTrace, predictedWhitenedSpectrum } from '../../theory/linearNetwork.js';
import { EIG_SLACK } from '../../theory/linearNetworkClaims.js';
import { isClearRankDecision } from '../../theory/rankDecision.js';
import { claimById, CLAIMS } from '../../theory/claims.js';

const EPS = 2 ** -52;
const rowsOf = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));

/** J of a linear net with layers W_1..W_L at inputs X, built from the definition (not the engine). */
function bruteJacobian(layers: readonly Matrix[], X: Matrix): MlMatrix {
  const Ls = layers.map((l) => new MlMatrix(rowsOf(l)));
  const L = Ls.length;
  const rows: number[][] = [];
  for (let n = 0; n < X.rows; n++) {
    const x = MlMatrix.columnVector(Array.from(X.data.subarray(n * X.cols, (n + 1) * X.cols)));
    const row: number[] = [];
    for (let l = 0; l < L; l++) {
      let a = x; // A_l x = W_{l−1}⋯W_1 x
      for (let m = 0; m < l; m++) a = Ls[m].mmul(a);
      let u = MlMatrix.eye(1); // (W_L⋯W_{l+1}), 1 × n_l
      for (let m = L - 1; m > l; m--) u = u.mmul(Ls[m]);
      // ∂y/∂(W_l)_{ij} = u_i (A_l x)_j, row-major like θ.
      for (let i = 0; i < Ls[l].rows; i++) for (let j = 0; j < Ls[l].columns; j++) row.push(u.get(0, i) * a.get(j, 0));
    }
    rows.push(row);
  }
  return new MlMatrix(rows);
}

function bruteSpectrum(p: TeacherStudentProblem): number[] {
  const J = bruteJacobian(linearLayers(p), p.X);
  const H = J.transpose().mmul(J).div(p.N);
  return new EigenvalueDecomposition(H, { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
}

describe('linearM, the whitened spectrum and the rank by hand', () => {
  it('two layers: M = ‖a‖²I + WᵀW (W = [[1, 2], [0, 1]], a = (1, 2): ‖a‖² = 5, WᵀW = [[1, 2], [2, 5]])', () => {
    const W = fromRows([[1, 2], [0, 1]]);
    const M = linearM([W, fromRows([[1, 2]])]);
    expect(rowsOf(M)).toEqual([[6, 2], [2, 10]]);
    // ‖a‖² + eig(WᵀW): eig([[1, 2], [2, 5]]) = 3 ± 2√2.
    const s = predictedWhitenedSpectrum(W, Float64Array.from([1, 2]));
    expect(s[0]).toBeCloseTo(8 - 2 * Math.SQRT2, 13);
    expect(s[1]).toBeCloseTo(8 + 2 * Math.SQRT2, 13);
  });
  it('three layers: M = ‖w₃ᵀW₂‖²·I + ‖w₃‖²·W₁ᵀW₁ + (W₂W₁)ᵀ(W₂W₁) (hand-expanded for diagonal layers)', () => {
    // W1 = diag(1, 2), W2 = diag(3, 1), w3 = (1, 1): u₁ = (3, 1) → 10·I; u₂ = w3 → 2·W1ᵀW1 = diag(2, 8);
    // layer 3: A = W2 W1 = diag(3, 2) → diag(9, 4). Sum diag(21, 22).
    const M = linearM([fromRows([[1, 0], [0, 2]]), fromRows([[3, 0], [0, 1]]), fromRows([[1, 1]])]);
    expect(rowsOf(M)).toEqual([[21, 0], [0, 22]]);
  });
  it('the rank: min(Ni, N) when some a_j ≠ 0; rank W (duplicated rows: 1) when a = 0', () => {
    const X = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [1, -1, 2]];
    const full = buildProblem({ family: 'two-layer', activation: 'identity', W: [[1, 2, 3], [1, 2, 3]], a: [0, 1], X });
    expect(predictedLinearRank(full).rank).toBe(3);
    const zero = buildProblem({ family: 'two-layer', activation: 'identity', W: [[1, 2, 3], [1, 2, 3]], a: [0, 0], X });
    expect(predictedLinearRank(zero).rank).toBe(1);
    expect(isLinear(zero)).toBe(true);
    expect(isLinear(buildProblem({ family: 'two-layer', activation: 'tanh', W: [[1]], a: [1], X: [[1]] }))).toBe(false);
  });
});

describe('eig(MC), tr(MC) and the rank against a brute-force Hessian (ml-matrix)', () => {
  const configs = [
    { family: 'two-layer', activation: 'identity', Ni: 3, Nh: 2, N: 7, seed: 1 },
    { family: 'two-layer', activation: 'identity', Ni: 4, Nh: 6, N: 3, seed: 2 },
    { family: 'two-layer', activation: 'identity', Ni: 3, Nh: 3, N: 9, seed: 3, zeroOutputWeights: [0, 1, 2] },
    { family: 'two-layer', activation: 'identity', Ni: 3, Nh: 4, N: 9, seed: 8, whiten: true },
    { family: 'deep-linear', Ni: 3, Nh: 3, N: 8, seed: 4, depth: 3 },
    { family: 'deep-linear', Ni: 2, Nh: 4, N: 5, seed: 5, depth: 4 },
  ] as const;
  for (const c of configs) {
    it(JSON.stringify(c), () => {
      const p = buildProblem(c);
      const brute = bruteSpectrum(p);
      const P = brute.length;
      const lmax = brute[P - 1];
      const tol = EIG_SLACK * (p.N + P + p.Ni) * EPS * lmax;
      const nonzero = brute.filter((v) => v > tol);
      // The predicted nonzero spectrum: eig(MC) minus its zeros (rank M·C < Ni when N < Ni or a = 0 …).
      const predicted = Array.from(predictedLinearSpectrum(p)).filter((v) => v > tol);
      expect(predicted.length).toBe(nonzero.length);
      predicted.forEach((v, i) => expect(Math.abs(v - nonzero[i])).toBeLessThanOrEqual(tol));
      expect(Math.abs(predictedLinearTrace(p) - brute.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(P * tol);
      expect(predictedLinearRank(p).rank).toBe(nonzero.length);
      // C = XᵀX/N by definition.
      const C = inputCovariance(p);
      const X = new MlMatrix(rowsOf(p.X));
      const Cb = X.transpose().mmul(X).div(p.N);
      for (let i = 0; i < p.Ni; i++) for (let j = 0; j < p.Ni; j++) expect(Math.abs(C.data[i * p.Ni + j] - Cb.get(i, j))).toBeLessThanOrEqual(p.N * EPS * Cb.max());
    });
  }
});

describe('small helpers', () => {
  it('isClearRankDecision: σ_r ≥ 1e3·tol, or nothing kept', () => {
    expect(isClearRankDecision({ rank: 0, tolerance: 1, sigmaAtRank: null })).toBe(true);
    expect(isClearRankDecision({ rank: 2, tolerance: 1e-14, sigmaAtRank: 1e-11 })).toBe(true);
    expect(isClearRankDecision({ rank: 2, tolerance: 1e-14, sigmaAtRank: 9.99e-12 })).toBe(false);
  });
  it('claimById finds every registered claim and names the known ones otherwise', () => {
    for (const c of CLAIMS) expect(claimById(c.id)).toBe(c);
    expect(() => claimById('C9')).toThrow(/known: C1/);
  });
});
