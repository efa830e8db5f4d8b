/**
 * C2c · whitened linear nets: nonzero spectrum ‖a‖² + eig(WᵀW), Ni − Nh copies of ‖a‖². Key
 * number: worst eigenvalue error ÷ tolerance. Figures: the ratios per case (Ni > Nh vs
 * Ni ≤ Nh), and measured against predicted eigenvalues of one Ni > Nh case, recomputed.
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { ratioStrip } from '../../src/report/figures/ratioStrip.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { predictedWhitenedSpectrum } from '../../theory/linearNetwork.js';
import { allCases, firstCase, maxOf, num, ratios } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { caseName } from './caseName.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C2C_CLAIM } from '../../theory/linearNetwork.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

export const c2cHook: ClaimReportHook<LegacyEvidence> = {
  keyNumber: (ctx) => keyNumberOf('worst error ÷ tolerance', maxOf(ratios(allCases(ctx.units), 'maxEigenvalueError', 'tolerance'))),
  summary: (ctx) => {
    const cases = allCases(ctx.units);
    return {
      worstRatio: maxOf(ratios(cases, 'maxEigenvalueError', 'tolerance')),
      copiesMatched: cases.filter((c) => num(c, 'copiesOfA2') === num(c, 'expectedCopies')).length,
    };
  },
  figures(ctx) {
    const figures: Figure[] = [];
    const points = allCases(ctx.units).flatMap((c) => ratios([c], 'maxEigenvalueError', 'tolerance').map((ratio) => ({ group: c.label ?? 'cases', series: 'measured', ratio })));
    if (points.length) figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'ratios'), title: 'C2c: eigenvalue error ÷ tolerance per case', note: 'The tolerance adds the whitening error ‖M‖_F·‖C − I‖_F to the rounding bound.' }));
    const pick = firstCase(ctx.units, (c) => c.ok && (num(c, 'expectedCopies') ?? 0) > 0);
    if (pick) {
      const p = buildProblem(pick.config as Parameters<typeof buildProblem>[0]);
      const { W, a } = p.teacherWeights as { W: Matrix; a: Float64Array };
      const predicted = predictedWhitenedSpectrum(W, a);
      const measured = hessianSpectrum(p).eigenvalues;
      const k = p.Ni;
      const pts = Array.from({ length: k }, (_, i) => ({ x: predicted[predicted.length - 1 - i], y: measured[measured.length - 1 - i], series: caseName(pick.config) }));
      figures.push(
        diagonalScatter(pts, {
          id: figureId(ctx.claim, 'eigenvalues'),
          title: 'C2c: eigenvalues against ‖a‖² + eig(WᵀW), one Ni > Nh case',
          xTitle: 'predicted ‖a‖² + eig(WᵀW) (loss / parameter², log scale)',
          yTitle: 'measured eigenvalue of H(θ*) (loss / parameter², log scale)',
          scale: 'log',
          note: `${num(pick, 'expectedCopies')} of the ${k} points coincide at ‖a‖² (the Ni − Nh copies).`,
        }),
      );
    }
    return figures;
  },
};

/** C2c for the report: its metadata, evidence schema and hook. */
export const c2cClaim = reportedClaim(C2C_CLAIM, LegacyEvidenceSchema, c2cHook);
