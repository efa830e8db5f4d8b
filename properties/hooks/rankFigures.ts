import type { LegacyEvidence } from '../evidence/legacy.js';
/**
 * Shared by the rank claims (C2b, C3): the rank table from case evidence, and a scree plot of
 * representative cases recomputed from their configurations (singular values of J/√N via
 * the same jacobianRank the properties use).
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import type { RankCase } from '../../src/report/figures/rankTable.js';
import type { ScreeCase } from '../../src/report/figures/screePlot.js';
import type { CaseRecord } from '../../src/report/types.js';
import { jacobianRank } from '../../src/spectrum/jacobianRank.js';
import { num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { caseName } from './caseName.js';

export function rankCase(c: CaseWithEvidence<LegacyEvidence>, group: string): RankCase | null {
  const predicted = num(c, 'predictedRank');
  const measured = num(c, 'measuredRank');
  if (predicted === null || measured === null) return null;
  const formula = c.evidence.formula;
  return { group, predicted, measured, gap: num(c, 'gap'), inconclusive: c.inconclusive, formula: typeof formula === 'string' ? formula : undefined };
}

export function screeCase(c: CaseWithEvidence<LegacyEvidence>, label = `${c.label ?? caseName(c.config)} (${caseName(c.config)})`): ScreeCase {
  const p = buildProblem(c.config as Parameters<typeof buildProblem>[0]);
  const { rank, singularValues } = jacobianRank(p, p.theta);
  return { label, singularValues, rank: rank.rank, tolerance: rank.tolerance };
}
