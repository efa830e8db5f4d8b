/**
 * Shared by the rank claims (C2b, C3): a rank-table row and a scree-plot case from a recorded
 * rank decision (properties/evidence/rank.ts) — the scree draws the singular values recorded
 * around the decided rank, at their true indices, normalised by the recorded σ_max.
 */
import type { RankCase } from '../../src/report/figures/rankTable.js';
import type { ScreeCase } from '../../src/report/figures/screePlot.js';
import type { RankDecision } from '../evidence/rank.js';

export function rankCase(rank: RankDecision, group: string, inconclusive: boolean, withFormula = true): RankCase {
  return { group, predicted: rank.predicted, measured: rank.measured, gap: rank.gap, inconclusive, ...(withFormula ? { formula: rank.formula } : {}) };
}

export function screeCase(rank: RankDecision, label: string): ScreeCase {
  const w = rank.singularValues;
  return { label, singularValues: w.values, rank: rank.measured, tolerance: rank.tolerance, window: { first: w.first, total: w.total, sigmaMax: rank.sigmaMax } };
}
