/**
 * Full numerical rank of A certified from the eigenvalues of its Gram matrix, so that no
 * SVD is needed when the decision is unambiguous.
 *
 * What: given the ascending eigenvalues μ̂ of the computed k×k Gram matrix Ĝ = fl(AᵀA) or
 * fl(AAᵀ) (k = min(m, n), the side whose eigenvalues are ALL the σ_i²) and ‖A‖_F², return
 * the RankEvidence that ./numericalRank.ts would give from an SVD of A when that evidence
 * is rank = k ("nothing dropped"), or null when the Gram eigenvalues cannot certify it.
 *
 * Why it is sound: every eigenvalue of the computed Gram is within
 *     δ = γ_L·‖A‖_F²  +  EIG_BACKWARD·k·eps·‖A‖_F²            (L = max(m, n) inner length)
 * of the exact σ_i²:
 *  - forming: entry (i, j) of fl(AAᵀ) is within γ_L·Σ_r|a_ir a_jr| ≤ γ_L·‖a_i‖‖a_j‖ of the
 *    exact one (Higham, Accuracy and Stability, §3.1, and Cauchy–Schwarz), so
 *    ‖Ĝ − G‖₂ ≤ ‖γ_L·ddᵀ‖₂ = γ_L·‖A‖_F² with d_i = ‖a_i‖ — for any summation order,
 *    hence for the portable kernel and for dsyrk alike;
 *  - eigensolving: the backends' eigenvalues are exact for Ĝ + F with ‖F‖₂ ≤ c·k·eps·‖Ĝ‖₂
 *    (Householder tridiagonalisation and QL/divide-and-conquer; GVL §8.3, LAPACK Users'
 *    Guide §4.7); c = EIG_BACKWARD = 16 is the constant the suite's eigenvalue tests use,
 *    ~300× above what is measured (native vs portable differ by ≈ 50·eps·λ_max at k = 1000),
 *    and ‖Ĝ‖₂ ≤ tr Ĝ ≈ ‖A‖_F² adds the factor tr/λ_max on top;
 *  - Weyl's inequality turns both into |μ̂_i − σ_i²| ≤ δ.
 * So σ_min² ≥ μ̂_min − δ. The rank rule keeps σ_i > tol = L·eps·σ_max; the SVD route decides
 * from σ̂_i carrying their own error ≤ p·eps·σ_max (p ≤ SVD_SAFETY·L). If
 *     μ̂_min − δ > (SVD_SAFETY·L·eps)²·(μ̂_max + δ)                                  (1)
 * then σ_min exceeds both the tolerance and the SVD's error by far, so the SVD route would
 * also keep every value: rank = k, nothing dropped, gap = ∞ — the same decision and the
 * same gap. We ask in addition
 *     μ̂_min ≥ CERTIFY_MARGIN·δ                                                         (2)
 * so that σ_r = √μ̂_min, and with it relativeGap and toleranceMargin, are reported to
 * relative accuracy ≤ δ/(2(μ̂_min − δ)) ≤ 1/(2(CERTIFY_MARGIN − 1)) (returned as
 * `sigmaAtRankRelativeError`); in practice (2) is the binding condition.
 *
 * What it cannot do: certify a rank below k. A dropped σ_{r+1} ≤ tol ≈ L·eps·σ_max has
 * σ²_{r+1} ≈ 1e-25·σ_max², far below the Gram's floor δ ≈ 1e-12·σ_max²; only an SVD of A
 * resolves it (the caller falls back to one). Worked example: tanh two-layer Jacobian at
 * (Ni, Nh, N) = (20, 48, 1000): k = 1000, μ_min/‖A‖_F² ≈ 3.2e-11 against
 * δ/‖A‖_F² ≈ 3.8e-12: certified with μ_min/δ ≈ 8.4.
 *
 * Cost: O(k) on eigenvalues already computed.
 */
import { EPS } from './matrix.js';
import type { RankEvidence } from './numericalRank.js';

/** Eigensolver backward-error constant c in c·k·eps·‖Ĝ‖ (the suite's C_BACKWARD). */
export const EIG_BACKWARD = 16;
/** The SVD route's error allowance in units of L·eps·σ_max, condition (1). */
export const SVD_SAFETY = 1000;
/** μ̂_min must exceed the Gram's error bound δ by this factor, condition (2). */
export const CERTIFY_MARGIN = 4;

export interface GramRankCertificate {
  /** The evidence numericalRank would report from an SVD (rank = min(m, n), gap = ∞). */
  readonly evidence: RankEvidence;
  /** δ: every μ̂_i is within δ of σ_i². */
  readonly eigenvalueErrorBound: number;
  /** Bound on the relative error of σ_r = √μ̂_min (and of relativeGap, toleranceMargin). */
  readonly sigmaAtRankRelativeError: number;
}

/**
 * The certified full-rank evidence for an m×n matrix A, or null when its Gram eigenvalues
 * cannot certify full rank (then decide from an SVD of A).
 *
 * @param gramEigenvalues ascending eigenvalues of the computed min(m, n)-order Gram of A
 * @param frobeniusSquared ‖A‖_F² (= tr of the Gram), computed directly
 */
export function certifyFullRankFromGram(gramEigenvalues: Float64Array, rows: number, cols: number, frobeniusSquared: number): GramRankCertificate | null {
  const fn = 'certifyFullRankFromGram';
  const k = Math.min(rows, cols);
  const L = Math.max(rows, cols);
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw new Error(`${fn}: rows and cols must be non-negative integers, got ${rows}x${cols}`);
  if (gramEigenvalues.length !== k) throw new Error(`${fn}: expected min(rows, cols) = ${k} eigenvalues, got ${gramEigenvalues.length}`);
  if (!(frobeniusSquared >= 0) || !Number.isFinite(frobeniusSquared)) throw new Error(`${fn}: frobeniusSquared must be finite and ≥ 0, got ${frobeniusSquared}`);
  if (k === 0 || frobeniusSquared === 0) return null;
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(gramEigenvalues[i])) throw new Error(`${fn}: eigenvalue ${i} is ${gramEigenvalues[i]}`);
    if (i > 0 && gramEigenvalues[i] < gramEigenvalues[i - 1]) throw new Error(`${fn}: eigenvalues must be ascending (index ${i})`);
  }
  const gammaL = (L * EPS) / (1 - L * EPS);
  const delta = (gammaL + EIG_BACKWARD * k * EPS) * frobeniusSquared;
  const muMin = gramEigenvalues[0];
  const muMax = gramEigenvalues[k - 1];
  if (!(muMin >= CERTIFY_MARGIN * delta)) return null; // (2)
  const svdFloor = SVD_SAFETY * L * EPS;
  if (!(muMin - delta > svdFloor * svdFloor * (muMax + delta))) return null; // (1)

  const sigmaMax = Math.sqrt(muMax);
  const sigmaMin = Math.sqrt(muMin);
  const tolerance = L * EPS * sigmaMax;
  return {
    evidence: {
      rank: k,
      tolerance,
      sigmaMax,
      sigmaAtRank: sigmaMin,
      sigmaBelowRank: null,
      gap: Infinity,
      relativeGap: sigmaMin / sigmaMax,
      toleranceMargin: sigmaMin / tolerance,
    },
    eigenvalueErrorBound: delta,
    sigmaAtRankRelativeError: delta / (2 * (muMin - delta)),
  };
}
