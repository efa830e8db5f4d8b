/**
 * C3 · rank H(θ*) is the effective number of parameters. Key number: the smallest gap
 * σ_r/σ_{r+1} over decided cases that dropped singular values (how clear-cut the weakest
 * rank decision was). Figures: the rank table by row of theory.md's table (plus the
 * Alexander–Hirschowitz exceptions, with the naive count's rejections), and a scree plot of
 * representative cases — ReLU (P − Nh), an AH exception, a degenerate teacher — from the
 * singular values each recorded around its decided rank.
 */
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { rankTable } from '../../src/report/figures/rankTable.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import { allCases, firstCase, minOf, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { C3_CLAIM } from '../../theory/rankTableClaim.js';
import { C3EvidenceSchema, type C3Evidence } from '../evidence/C3.js';
import { netName } from './caseName.js';
import { rankCase, screeCase } from './rankFigures.js';

type Ah = Extract<C3Evidence, { kind: 'alexander-hirschowitz' }>;
const isAh = (e: C3Evidence): e is Ah => e.kind === 'alexander-hirschowitz';

function minGap(cases: readonly CaseWithEvidence<C3Evidence>[]): number | null {
  return minOf(cases.filter((c) => !c.inconclusive).flatMap((c) => (c.evidence.rank.gap === null ? [] : [c.evidence.rank.gap])));
}

/** AH cases whose measured rank rejected the naive count. */
const naiveRejected = (ah: readonly Ah[]) => ah.filter((e) => e.naiveRank !== e.rank.measured).length;

export const c3Hook: ClaimReportHook<C3Evidence> = {
  keyNumber(ctx) {
    const gap = minGap(allCases(ctx.units));
    return keyNumberOf('smallest rank gap σ_r/σ_r+1', gap, formatNumber(gap), 'higher');
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    const ah = cases.map((c) => c.evidence).filter(isAh);
    return {
      minGap: minGap(cases),
      rows: new Set(cases.filter((c) => !isAh(c.evidence)).map((c) => c.label)).size,
      naiveCountRejected: naiveRejected(ah),
      alexanderHirschowitzCases: ah.length,
    };
  },
  figures(ctx) {
    const figures: Figure[] = [];
    const cases = allCases(ctx.units);
    const rows = cases.map((c) => rankCase(c.evidence.rank, isAh(c.evidence) ? `AH exception ${c.label ?? ''}` : (c.label ?? 'cases'), c.inconclusive));
    const ah = cases.map((c) => c.evidence).filter(isAh);
    if (rows.length) {
      figures.push(
        rankTable(rows, {
          id: figureId(ctx.claim, 'rank-table'),
          title: 'C3: the rank table, predicted vs measured',
          note: ah.length ? `AH rows: the naive count min(Nh·Ni, C(Ni+k−1, k)) was rejected in ${naiveRejected(ah)} of ${ah.length} cases.` : undefined,
        }),
      );
    }
    const decided = (c: CaseWithEvidence<C3Evidence>) => c.ok && !c.inconclusive;
    const picks: Array<[CaseWithEvidence<C3Evidence> | undefined, string]> = [
      [firstCase(ctx.units, (c) => decided(c) && c.label === 'relu'), 'ReLU, P − Nh'],
      [firstCase(ctx.units, (c) => decided(c) && isAh(c.evidence)), 'AH exception'],
      [firstCase(ctx.units, (c) => decided(c) && (c.label ?? '').includes('+zero-a')), 'a_j = 0'],
    ];
    const scree = picks.flatMap(([c, what]) => (c ? [screeCase(c.evidence.rank, `${what}: ${netName(c.evidence)}`)] : []));
    if (scree.length) figures.push(screePlot(scree, { id: figureId(ctx.claim, 'scree'), title: 'C3: singular values of J/√N at the decided rank' }));
    return figures;
  },
};

/** C3 for the report: its metadata, evidence schema and hook. */
export const c3Claim = reportedClaim(C3_CLAIM, C3EvidenceSchema, c3Hook);
