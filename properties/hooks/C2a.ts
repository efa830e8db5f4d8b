/**
 * C2a · linear nets: nonzero eigenvalues of H(θ*) are eig(MC). Key number: worst error ÷
 * tolerance over eigenvalues, trace and the structural zeros. Figures: the ratios per case,
 * and measured against predicted eigenvalues of up to three representative cases (the first
 * two-layer, deep and N < Ni cases), as their evidence records them.
 */
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import { allCases, firstCase, maxOf, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { C2A_CLAIM } from '../../theory/linearNetworkClaims.js';
import { C2aEvidenceSchema, type C2aEvidence } from '../evidence/C2a.js';
import { linearNetName } from './caseName.js';

const QUANTITIES: ReadonlyArray<readonly [(e: C2aEvidence) => number, string]> = [
  [(e) => e.maxEigenvalueError, 'top eigenvalues vs eig(MC)'],
  [(e) => e.traceError, 'tr H vs tr(MC)'],
  [(e) => e.otherEigenvaluesMax, 'other eigenvalues vs 0'],
];

/** Each quantity ÷ the case's tolerance (none when the tolerance is 0). */
function ratiosOf(e: C2aEvidence): Array<[number, string]> {
  return e.tolerance > 0 ? QUANTITIES.map(([f, group]) => [f(e) / e.tolerance, group]) : [];
}

function worst(cases: readonly CaseWithEvidence<C2aEvidence>[]): number | null {
  return maxOf(cases.flatMap((c) => ratiosOf(c.evidence).map(([r]) => r)));
}

const family = (e: C2aEvidence) => (e.family === 'deep-linear' ? 'deep linear' : 'two-layer');

export const c2aHook: ClaimReportHook<C2aEvidence> = {
  keyNumber(ctx) {
    const w = worst(allCases(ctx.units));
    return keyNumberOf('worst error ÷ tolerance', w, formatNumber(w), 'lower');
  },
  summary: (ctx) => ({ worstRatio: worst(allCases(ctx.units)) }),
  figures(ctx) {
    const figures: Figure[] = [];
    const points: RatioPoint[] = allCases(ctx.units).flatMap((c) => ratiosOf(c.evidence).map(([ratio, group]) => ({ group, series: family(c.evidence), ratio })));
    if (points.length) {
      figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'ratios'), title: 'C2a: |measured − predicted| ÷ tolerance per case', note: 'Tolerance 16·(N + P + Ni)·eps·(λ_max(H) + ‖M‖_F‖C‖_F); exact zeros sit at the axis floor.' }));
    }
    const capped = (e: C2aEvidence) => e.N < e.Ni;
    const picks = [
      firstCase(ctx.units, (c) => c.evidence.family === 'two-layer' && !capped(c.evidence)),
      firstCase(ctx.units, (c) => c.evidence.family === 'deep-linear'),
      firstCase(ctx.units, (c) => capped(c.evidence)),
    ].filter((c): c is CaseWithEvidence<C2aEvidence> => c !== undefined);
    const pairs = picks.flatMap(({ evidence: e }) => e.eigenvalues.predicted.map((x, i) => ({ x, y: e.eigenvalues.measured[i], series: linearNetName(e) })));
    if (pairs.length) {
      figures.push(
        diagonalScatter(pairs, {
          id: figureId(ctx.claim, 'eigenvalues'),
          title: 'C2a: eigenvalues of H(θ*) against eig(MC), representative cases',
          xTitle: 'predicted eigenvalue of MC (loss / parameter², log scale)',
          yTitle: 'measured eigenvalue of H(θ*) (loss / parameter², log scale)',
          scale: 'log',
          note: 'The top min(Ni, N) eigenvalues each case recorded, largest first.',
        }),
      );
    }
    return figures;
  },
};

/** C2a for the report: its metadata, evidence schema and hook. */
export const c2aClaim = reportedClaim(C2A_CLAIM, C2aEvidenceSchema, c2aHook);
