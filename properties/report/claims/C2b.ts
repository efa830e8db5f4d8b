/**
 * C2b · linear nets: rank H(θ*) = min(Ni, N) when M ≻ 0; a = 0 gives rank W. Key number: the
 * smallest gap σ_r/σ_{r+1} among cases that dropped singular values. Figures: the rank table
 * by configuration family, and the scree plot of a regular case next to an a = 0
 * counterexample whose rank falls below min(Ni, N).
 */
import { figureId, type Figure } from '../../../src/report/figures/figure.js';
import { rankTable, type RankCase } from '../../../src/report/figures/rankTable.js';
import { screePlot } from '../../../src/report/figures/screePlot.js';
import { allCases, firstCase, minOf, num } from '../evidenceValues.js';
import type { ClaimReportHook } from '../hook.js';
import { keyNumberOf } from './generic.js';
import { caseName } from './caseName.js';
import { rankCase, screeCase } from './rankFigures.js';

const isCounterexample = (name: string) => name.startsWith('counterexample');

export const c2bHook: ClaimReportHook = {
  keyNumber: (ctx) => keyNumberOf('smallest rank gap σ_r/σ_r+1', minOf(allCases(ctx.units).map((c) => num(c, 'gap')).filter((g): g is number => g !== null))),
  figures(ctx) {
    const rows: RankCase[] = [];
    for (const u of ctx.units) {
      for (const c of u.cases) {
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
