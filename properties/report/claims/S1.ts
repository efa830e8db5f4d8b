/**
 * S1 · Gauss–Newton decomposition. Key number: cases with real negative curvature (the
 * draws where the claim has content), all of which must be explained by the residual term.
 * Figures: |λ_min(R)| against |λ_min(H)| where H has negative curvature (the claim: every
 * point on or above y = x, up to rounding), and rank of Gauss–Newton against N (on or below).
 */
import { diagonalScatter } from '../../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../../src/report/figures/figure.js';
import type { CaseRecord } from '../../../src/report/types.js';
import { allCases, num } from '../evidenceValues.js';
import type { ClaimReportHook } from '../hook.js';
import { keyNumberOf } from './generic.js';

const where = (c: CaseRecord) => ((c.config as { studentOffset?: number })?.studentOffset ? 'off θ*' : 'at θ*');

export const s1Hook: ClaimReportHook = {
  keyNumber(ctx) {
    const cases = allCases(ctx.units);
    const negative = cases.filter((c) => c.evidence.negativeCurvature === true);
    return keyNumberOf('cases with negative curvature, all from the residual term', negative.length, `${negative.filter((c) => c.ok).length}/${negative.length} explained`);
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    return {
      negativeCurvatureCases: cases.filter((c) => c.evidence.negativeCurvature === true).length,
      minLambdaGN: Math.min(...cases.map((c) => num(c, 'lambdaMinGN') ?? Infinity)),
    };
  },
  figures(ctx) {
    const cases = allCases(ctx.units);
    const figures: Figure[] = [];
    // Cases with real negative curvature (λ_min(H) < −tol): there the claim says λ_min(R) ≤ λ_min(H) < 0,
    // i.e. |λ_min(R)| ≥ |λ_min(H)| — on a log-log plot, every point on or above y = x.
    const negative = cases.filter((c) => c.evidence.negativeCurvature === true && num(c, 'lambdaMinH') !== null && num(c, 'lambdaMinR') !== null);
    if (negative.length) {
      figures.push(
        diagonalScatter(
          negative.map((c) => ({ x: -num(c, 'lambdaMinH')!, y: -num(c, 'lambdaMinR')!, series: where(c) })),
          {
            id: figureId(ctx.claim, 'negative-curvature'),
            title: 'S1: negative curvature of H comes from the residual term',
            xTitle: '|λ_min(H)| (loss / parameter², log scale)',
            yTitle: '|λ_min(residual term R)| (loss / parameter², log scale)',
            scale: 'log',
            note: `The ${negative.length} of ${cases.length} cases where H has a negative eigenvalue beyond rounding. Weyl: λ_min(R) ≤ λ_min(H) − λ_min(GN) ≤ λ_min(H) < 0 when GN ⪰ 0, so every point lies on or above the line.`,
          },
        ),
      );
    }
    const rank = cases.filter((c) => num(c, 'gaussNewtonRank') !== null && num(c, 'N') !== null).map((c) => ({ x: num(c, 'N')!, y: num(c, 'gaussNewtonRank')!, series: where(c) }));
    if (rank.length) {
      figures.push(
        diagonalScatter(rank, {
          id: figureId(ctx.claim, 'rank'),
          title: 'S1: rank of Gauss–Newton vs number of samples N',
          xTitle: 'number of samples N',
          yTitle: 'rank of the Gauss–Newton term',
          diagonalLabel: 'rank = N',
          note: 'Scalar output: rank JᵀJ/N ≤ N, so every point lies on or below the line.',
        }),
      );
    }
    return figures;
  },
};
