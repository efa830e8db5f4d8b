/**
 * C2c · whitened linear nets: nonzero spectrum ‖a‖² + eig(WᵀW), Ni − Nh copies of ‖a‖². Key
 * number: worst eigenvalue error ÷ tolerance. Figures: the ratios per case (Ni > Nh vs
 * Ni ≤ Nh), and measured against predicted eigenvalues of one Ni > Nh case, as recorded.
 */
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip } from '../../src/report/figures/ratioStrip.js';
import { allCases, firstCase, maxOf, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { C2C_CLAIM } from '../../theory/linearNetworkClaims.js';
import { C2cEvidenceSchema, type C2cEvidence } from '../evidence/C2c.js';
import { linearNetName } from './caseName.js';

const ratio = (e: C2cEvidence) => (e.tolerance > 0 ? e.maxEigenvalueError / e.tolerance : null);
const worst = (cases: readonly CaseWithEvidence<C2cEvidence>[]) => maxOf(cases.flatMap((c) => ratio(c.evidence) ?? []));

export const c2cHook: ClaimReportHook<C2cEvidence> = {
  keyNumber(ctx) {
    const w = worst(allCases(ctx.units));
    return keyNumberOf('worst error ÷ tolerance', w, formatNumber(w), 'lower');
  },
  summary: (ctx) => {
    const cases = allCases(ctx.units);
    return { worstRatio: worst(cases), copiesMatched: cases.filter((c) => c.evidence.copiesOfA2 === c.evidence.expectedCopies).length };
  },
  figures(ctx) {
    const figures: Figure[] = [];
    const points = allCases(ctx.units).flatMap((c) => (ratio(c.evidence) === null ? [] : [{ group: c.label ?? 'cases', series: 'measured', ratio: ratio(c.evidence) as number }]));
    if (points.length) figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'ratios'), title: 'C2c: eigenvalue error ÷ tolerance per case', note: 'The tolerance adds the whitening error ‖M‖_F·‖C − I‖_F to the rounding bound.' }));
    const pick = firstCase(ctx.units, (c) => c.ok && c.evidence.expectedCopies > 0 && c.evidence.eigenvalues !== null);
    if (pick?.evidence.eigenvalues) {
      const e = pick.evidence;
      const { predicted, measured } = pick.evidence.eigenvalues;
      figures.push(
        diagonalScatter(
          predicted.map((x, i) => ({ x, y: measured[i], series: linearNetName(e) })),
          {
            id: figureId(ctx.claim, 'eigenvalues'),
            title: 'C2c: eigenvalues against ‖a‖² + eig(WᵀW), one Ni > Nh case',
            xTitle: 'predicted ‖a‖² + eig(WᵀW) (loss / parameter², log scale)',
            yTitle: 'measured eigenvalue of H(θ*) (loss / parameter², log scale)',
            scale: 'log',
            note: `${e.expectedCopies} of the ${predicted.length} points coincide at ‖a‖² (the Ni − Nh copies).`,
          },
        ),
      );
    }
    return figures;
  },
};

/** C2c for the report: its metadata, evidence schema and hook. */
export const c2cClaim = reportedClaim(C2C_CLAIM, C2cEvidenceSchema, c2cHook);
