/**
 * C2a · linear nets: nonzero eigenvalues of H(θ*) are eig(MC). Key number: worst error ÷
 * tolerance over eigenvalues, trace and the structural zeros. Figures: the ratios per case,
 * and measured against predicted eigenvalues of up to three representative cases,
 * recomputed from their configurations (the first two-layer, deep and N < Ni cases).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import { diagonalScatter, type DiagonalPoint } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { CaseRecord } from '../../src/report/types.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { predictedLinearSpectrum } from '../../theory/linearNetwork.js';
import { allCases, firstCase, maxOf, ratios } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { caseName } from './caseName.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C2A_CLAIM } from '../../theory/linearNetwork.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const QUANTITIES = [
  ['maxEigenvalueError', 'top eigenvalues vs eig(MC)'],
  ['traceError', 'tr H vs tr(MC)'],
  ['otherEigenvaluesMax', 'other eigenvalues vs 0'],
] as const;

function worst(cases: readonly CaseWithEvidence<LegacyEvidence>[]): number | null {
  return maxOf(QUANTITIES.flatMap(([f]) => ratios(cases, f, 'tolerance')));
}

function family(c: CaseWithEvidence<LegacyEvidence>): string {
  return (c.config as { family?: string })?.family === 'deep-linear' ? 'deep linear' : 'two-layer';
}

/** Top min(Ni, N) measured and predicted eigenvalues of one case. */
export function eigenvaluePairs(config: unknown): DiagonalPoint[] {
  const p = buildProblem(config as Parameters<typeof buildProblem>[0]);
  const measured = hessianSpectrum(p).eigenvalues;
  const predicted = predictedLinearSpectrum(p);
  const k = Math.min(p.Ni, p.N);
  const series = caseName(config);
  return Array.from({ length: k }, (_, i) => ({ x: predicted[predicted.length - 1 - i], y: measured[measured.length - 1 - i], series }));
}

export const c2aHook: ClaimReportHook<LegacyEvidence> = {
  keyNumber: (ctx) => keyNumberOf('worst error ÷ tolerance', worst(allCases(ctx.units))),
  summary: (ctx: ClaimContext<LegacyEvidence>) => ({ worstRatio: worst(allCases(ctx.units)) }),
  figures(ctx) {
    const figures: Figure[] = [];
    const points: RatioPoint[] = [];
    for (const c of allCases(ctx.units)) {
      for (const [field, group] of QUANTITIES) {
        const r = ratios([c], field, 'tolerance');
        if (r.length) points.push({ group, series: family(c), ratio: r[0] });
      }
    }
    if (points.length) {
      figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'ratios'), title: 'C2a: |measured − predicted| ÷ tolerance per case', note: 'Tolerance 16·(N + P + Ni)·eps·(λ_max(H) + ‖M‖_F‖C‖_F); exact zeros sit at the axis floor.' }));
    }
    const picks = [
      firstCase(ctx.units, (c) => family(c) === 'two-layer' && !(c.label ?? '').includes('N < Ni')),
      firstCase(ctx.units, (c) => family(c) === 'deep linear'),
      firstCase(ctx.units, (c) => (c.label ?? '').includes('N < Ni')),
    ].filter((c): c is CaseWithEvidence<LegacyEvidence> => c !== undefined);
    const pairs = picks.flatMap((c) => eigenvaluePairs(c.config));
    if (pairs.length) {
      figures.push(
        diagonalScatter(pairs, {
          id: figureId(ctx.claim, 'eigenvalues'),
          title: 'C2a: eigenvalues of H(θ*) against eig(MC), representative cases',
          xTitle: 'predicted eigenvalue of MC (loss / parameter², log scale)',
          yTitle: 'measured eigenvalue of H(θ*) (loss / parameter², log scale)',
          scale: 'log',
          note: 'Recomputed from each case’s configuration; the nonzero eigenvalues, largest first.',
        }),
      );
    }
    return figures;
  },
};

/** C2a for the report: its metadata, evidence schema and hook. */
export const c2aClaim = reportedClaim(C2A_CLAIM, LegacyEvidenceSchema, c2aHook);
