/**
 * C3 · rank H(θ*) is the effective number of parameters. Key number: the smallest gap
 * σ_r/σ_{r+1} over decided cases that dropped singular values (how clear-cut the weakest
 * rank decision was). Figures: the rank table by row of theory.md's table (plus the
 * Alexander–Hirschowitz exceptions, with the naive count's rejections), and a scree plot of
 * representative cases — ReLU (P − Nh), an AH exception, a degenerate teacher —
 * recomputed from their configurations.
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { rankTable, type RankCase } from '../../src/report/figures/rankTable.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import type { CaseRecord } from '../../src/report/types.js';
import { allCases, firstCase, minOf, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { caseName } from './caseName.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { rankCase, screeCase } from './rankFigures.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C3_CLAIM } from '../../theory/rankTable.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const isAh = (c: CaseWithEvidence<LegacyEvidence>) => 'naiveRank' in c.evidence;

function minGap(cases: readonly CaseWithEvidence<LegacyEvidence>[]): number | null {
  return minOf(cases.filter((c) => !c.inconclusive).map((c) => num(c, 'gap')).filter((g): g is number => g !== null));
}

export const c3Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber: (ctx) => keyNumberOf('smallest rank gap σ_r/σ_r+1', minGap(allCases(ctx.units))),
  summary(ctx) {
    const cases = allCases(ctx.units);
    const ah = cases.filter(isAh);
    return {
      minGap: minGap(cases),
      rows: new Set(cases.filter((c) => !isAh(c)).map((c) => c.label)).size,
      naiveCountRejected: ah.filter((c) => num(c, 'naiveRank') !== num(c, 'measuredRank')).length,
      alexanderHirschowitzCases: ah.length,
    };
  },
  figures(ctx) {
    const figures: Figure[] = [];
    const cases = allCases(ctx.units);
    const rows = cases.map((c) => rankCase(c, isAh(c) ? `AH exception ${c.label ?? ''}` : (c.label ?? 'cases'))).filter((r): r is RankCase => r !== null);
    const ah = cases.filter(isAh);
    if (rows.length) {
      figures.push(
        rankTable(rows, {
          id: figureId(ctx.claim, 'rank-table'),
          title: 'C3: the rank table, predicted vs measured',
          note: ah.length ? `AH rows: the naive count min(Nh·Ni, C(Ni+k−1, k)) was rejected in ${ah.filter((c) => num(c, 'naiveRank') !== num(c, 'measuredRank')).length} of ${ah.length} cases.` : undefined,
        }),
      );
    }
    const decided = (c: CaseWithEvidence<LegacyEvidence>) => c.ok && !c.inconclusive;
    const picks: Array<[CaseWithEvidence<LegacyEvidence> | undefined, string]> = [
      [firstCase(ctx.units, (c) => decided(c) && c.label === 'relu'), 'ReLU, P − Nh'],
      [firstCase(ctx.units, (c) => decided(c) && isAh(c)), 'AH exception'],
      [firstCase(ctx.units, (c) => decided(c) && (c.label ?? '').includes('+zero-a')), 'a_j = 0'],
    ];
    const scree = picks.filter(([c]) => c !== undefined).map(([c, what]) => screeCase(c!, `${what}: ${caseName(c!.config)}`));
    if (scree.length) figures.push(screePlot(scree, { id: figureId(ctx.claim, 'scree'), title: 'C3: singular values of J/√N at the decided rank' }));
    return figures;
  },
};

/** C3 for the report: its metadata, evidence schema and hook. */
export const c3Claim = reportedClaim(C3_CLAIM, LegacyEvidenceSchema, c3Hook);
