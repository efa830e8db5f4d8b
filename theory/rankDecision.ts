/**
 * The counting rule for a rank decided in float64 (C2b, C3; docs/theory.md#counting-rules):
 * rank H(θ*) = rank J = #{σ_i(J/√N) > tol}, tol = max(N, P)·eps·σ_max, the rounding floor of
 * a backward-stable SVD (src/linalg/numericalRank.ts). The rule alone cannot tell a clean
 * decision from a marginal one, so a decision counts as clear only when the smallest kept
 * value σ_r is at least KEPT_MARGIN_MIN × tol (dropped values are below tol by definition, so
 * the gap σ_r/σ_{r+1} is then ≥ KEPT_MARGIN_MIN too; measured gaps are 1e11–1e15).
 *
 * Imports nothing: the claims' statements quote KEPT_MARGIN_MIN, and the report reads them
 * without loading any computing module.
 */

/** Smallest σ_r ÷ tol for a clear rank decision (a factor 10³ above the rounding floor). */
export const KEPT_MARGIN_MIN = 1e3;

/** The numbers a rank decision needs (a subset of src/linalg/numericalRank.ts RankEvidence). */
export interface RankDecisionNumbers {
  readonly rank: number;
  readonly tolerance: number;
  /** σ_r, the smallest kept singular value; null when rank = 0. */
  readonly sigmaAtRank: number | null;
}

/** Whether float64 decided the rank clearly: nothing kept, or σ_r ≥ KEPT_MARGIN_MIN·tol. */
export function isClearRankDecision(r: RankDecisionNumbers): boolean {
  return r.rank === 0 || (r.sigmaAtRank as number) >= KEPT_MARGIN_MIN * r.tolerance;
}
