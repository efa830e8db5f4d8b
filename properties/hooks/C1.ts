/**
 * C1 · H(θ*) = JᵀJ/N by independent routes. Key number: the worst measured error ÷ its
 * tolerance over all routes (≤ 1 passes). Figure: every case's ratio on a log axis, with the
 * wrong neighbours (Gauss–Newton alone off θ*, raw tfjs tanh/sigmoid) that must exceed 1.
 */
import { figureId } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import { allCases, maxOf, minOf } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { C1_CLAIM, RAW_TFJS_WRONG_ACTIVATIONS } from '../../theory/gaussNewton.js';
import { C1EvidenceSchema, type C1Evidence } from '../evidence/C1.js';

const MEASURED = 'measured route';
const NEIGHBOUR = 'wrong neighbour (must be > 1)';

/** Error ÷ tolerance of the route the case checked; null where a finite-difference ratio was infinite. */
function measuredRatio(e: C1Evidence): number | null {
  return e.kind === 'autodiff' ? e.relError / e.tolerance : e.fdRatio;
}

/** The wrong neighbour's error ÷ the same tolerance, where it was owed. */
function neighbourRatio(e: C1Evidence): number | null {
  if (e.kind === 'off-optimum') return e.residualTermNorm === 0 ? null : e.gaussNewtonOnlyRatio;
  if (e.kind === 'autodiff') return e.naiveRelError === null ? null : e.naiveRelError / e.tolerance;
  return null;
}

const GROUPS: Record<C1Evidence['kind'], string> = {
  'at-optimum': 'at θ*: JᵀJ/N vs FD',
  'off-optimum': 'off θ*: GN + residual vs FD',
  autodiff: 'tfjs (float32) vs closed form',
};
const NEIGHBOUR_GROUPS: Partial<Record<C1Evidence['kind'], string>> = {
  'off-optimum': 'off θ*: GN alone vs FD',
  autodiff: `raw tfjs ${RAW_TFJS_WRONG_ACTIVATIONS.join('/')}`,
};

const values = (xs: Array<number | null>) => xs.filter((v): v is number => v !== null);

export const c1Hook: ClaimReportHook<C1Evidence> = {
  keyNumber(ctx) {
    const worst = maxOf(values(allCases(ctx.units).map((c) => measuredRatio(c.evidence))));
    return keyNumberOf('worst error ÷ tolerance', worst, formatNumber(worst), 'lower');
  },
  summary(ctx) {
    const cases = allCases(ctx.units).map((c) => c.evidence);
    return {
      worstRatio: maxOf(values(cases.map(measuredRatio))),
      weakestNeighbourRejection: minOf(values(cases.map(neighbourRatio))),
      neighbourCases: cases.filter((e) => neighbourRatio(e) !== null).length,
    };
  },
  figures(ctx) {
    const points: RatioPoint[] = [];
    for (const { evidence: e } of allCases(ctx.units)) {
      const m = measuredRatio(e);
      if (m !== null) points.push({ group: GROUPS[e.kind], series: MEASURED, ratio: m });
      const n = neighbourRatio(e);
      if (n !== null) points.push({ group: NEIGHBOUR_GROUPS[e.kind] as string, series: NEIGHBOUR, ratio: n });
    }
    if (points.length === 0) return [];
    return [
      ratioStrip(points, {
        id: figureId(ctx.claim, 'ratios'),
        title: 'C1: error ÷ tolerance per case, by route',
        note: 'FD = central finite differences; their rows divide by the route’s own Richardson error estimate, tfjs rows by 16·√K·2⁻²⁴·κ.',
      }),
    ];
  },
};

/** C1 for the report: its metadata, evidence schema and hook. */
export const c1Claim = reportedClaim(C1_CLAIM, C1EvidenceSchema, c1Hook);
