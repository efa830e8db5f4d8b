/**
 * The rank evidence C2b and C3 record (properties/evidence/rank.ts) from a float64 rank
 * decision: the numbers of the decision and the singular values around it, σ_{r−SCREE_KEPT+1}
 * … σ_{r+SCREE_DROPPED}, for the scree plots — enough on either side to show the slope and
 * the cliff, 8 numbers instead of min(N, P) (up to ~90 in C3).
 */
import type { RankEvidence } from '../../src/linalg/numericalRank.js';
import { singularValueWindow } from '../../src/linalg/singularValueWindow.js';
import type { RankDecision } from '../evidence/rank.js';

export const SCREE_KEPT = 4;
export const SCREE_DROPPED = 4;

export function rankDecisionEvidence(rank: RankEvidence, singularValues: ArrayLike<number>, predicted: { readonly rank: number; readonly formula: string }): RankDecision {
  return {
    predicted: predicted.rank,
    measured: rank.rank,
    formula: predicted.formula,
    gap: Number.isFinite(rank.gap) ? rank.gap : null,
    sigmaMax: rank.sigmaMax,
    tolerance: rank.tolerance,
    singularValues: singularValueWindow(singularValues, rank.rank, SCREE_KEPT, SCREE_DROPPED),
  };
}
