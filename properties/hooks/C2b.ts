/**
 * C2b · linear nets: rank H(θ*) = min(Ni, N) when M ≻ 0; a = 0 gives rank W. Key number: the
 * smallest gap σ_r/σ_{r+1} among cases that dropped singular values. Figures: the rank table
 * by configuration family, and the scree plot of a regular case next to an a = 0
 * counterexample whose rank falls below min(Ni, N), from the singular values each recorded
 * around its decided rank.
 */
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { rankTable } from '../../src/report/figures/rankTable.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import { allCases, firstCase, minOf } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { C2B_CLAIM } from '../../theory/linearNetworkClaims.js';
import { C2bEvidenceSchema, type C2bEvidence } from '../evidence/C2b.js';
import { linearNetName } from './caseName.js';
import { rankCase, screeCase } from './rankFigures.js';

const side = (e: C2bEvidence) => (e.kind === 'zero-output' ? 'a = 0' : 'M ≻ 0');

export const c2bHook: ClaimReportHook<C2bEvidence> = {
  keyNumber(ctx) {
    const gap = minOf(allCases(ctx.units).flatMap((c) => (c.evidence.rank.gap === null ? [] : [c.evidence.rank.gap])));
    return keyNumberOf('smallest rank gap σ_r/σ_r+1', gap, formatNumber(gap), 'higher');
  },
  figures(ctx) {
    const figures: Figure[] = [];
    // The rank table as before the evidence was typed: no formula column (the note gives the a = 0 rule).
    const rows = allCases(ctx.units).map((c) => rankCase(c.evidence.rank, `${side(c.evidence)}: ${c.label ?? 'cases'}`, c.inconclusive, false));
    if (rows.length) figures.push(rankTable(rows, { id: figureId(ctx.claim, 'rank-table'), title: 'C2b: predicted vs measured rank', note: 'a = 0 rows predict min(rank W, N).' }));
    const regular = firstCase(ctx.units, (c) => c.evidence.kind === 'regular' && c.ok);
    const counter = firstCase(ctx.units, (c) => c.evidence.kind === 'zero-output' && c.ok && c.evidence.rank.measured < c.evidence.naiveRank);
    const picks = [regular, counter].filter((c) => c !== undefined);
    if (picks.length) {
      figures.push(
        screePlot(
          picks.map((c) => screeCase(c.evidence.rank, `${side(c.evidence)}: ${linearNetName(c.evidence)}`)),
          { id: figureId(ctx.claim, 'scree'), title: 'C2b: singular values of J/√N, M ≻ 0 and a = 0' },
        ),
      );
    }
    return figures;
  },
};

/** C2b for the report: its metadata, evidence schema and hook. */
export const c2bClaim = reportedClaim(C2B_CLAIM, C2bEvidenceSchema, c2bHook);
