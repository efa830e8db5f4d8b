import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * C2b · linear nets: rank H(θ*) = min(Ni, N) when M ≻ 0; a = 0 gives rank W. Key number: the
 * smallest gap σ_r/σ_{r+1} among cases that dropped singular values. Figures: the rank table
 * by configuration family, and the scree plot of a regular case next to an a = 0
 * counterexample whose rank falls below min(Ni, N).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { rankTable, type RankCase } from '../../src/report/figures/rankTable.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import { allCases, firstCase, minOf, num } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { caseName } from './caseName.js';
import { rankCase, screeCase } from './rankFigures.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C2B_CLAIM } from '../../theory/linearNetwork.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const isCounterexample = (name: string) => name.startsWith('counterexample');

export const c2bHook: ClaimReportHook<LegacyEvidence> = {
  keyNumber: (ctx) => keyNumberOf('smallest rank gap σ_r/σ_r+1', minOf(allCases(ctx.units).map((c) => num(c, 'gap')).filter((g): g is number => g !== null))),
  figures(ctx) {
    const rows: RankCase[] = [];
    for (const u of ctx.units) {
      for (const c of u.cases.filter(hasEvidence)) {
        const r = rankCase(c, `${isCounterexample(u.name) ? 'a = 0' : 'M ≻ 0'}: ${c.label ?? 'cases'}`);
        if (r) rows.push(r);
      }
    }
    const figures: Figure[] = [];
    if (rows.length) figures.push(rankTable(rows, { id: figureId(ctx.claim, 'rank-table'), title: 'C2b: predicted vs measured rank', note: 'a = 0 rows predict min(rank W, N).' }));
    const regular = firstCase(ctx.units, (c, u) => !isCounterexample(u.name) && c.ok);
    const counter = firstCase(ctx.units, (c, u) => isCounterexample(u.name) && c.ok && num(c, 'measuredRank')! < num(c, 'naiveRank')!);
    const picks = [regular, counter].filter((c) => c !== undefined);
    if (picks.length) {
      figures.push(
        screePlot(
          picks.map((c) => screeCase(c!, `${c === counter ? 'a = 0' : 'M ≻ 0'}: ${caseName(c!.config)}`)),
          { id: figureId(ctx.claim, 'scree'), title: 'C2b: singular values of J/√N, M ≻ 0 and a = 0' },
        ),
      );
    }
    return figures;
  },
};

/** C2b for the report: its metadata, evidence schema and hook. */
export const c2bClaim = reportedClaim(C2B_CLAIM, LegacyEvidenceSchema, c2bHook);
