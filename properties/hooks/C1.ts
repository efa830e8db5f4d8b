/**
 * C1 · H(θ*) = JᵀJ/N by independent routes. Key number: the worst measured error ÷ its
 * tolerance over all routes (≤ 1 passes). Figure: every case's ratio on a log axis, with the
 * wrong neighbours (Gauss–Newton alone off θ*, raw tfjs tanh/sigmoid) that must exceed 1.
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { figureId } from '../../src/report/figures/figure.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { CaseRecord } from '../../src/report/types.js';
import { allCases, maxOf, minOf, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C1_CLAIM } from '../../theory/gaussNewton.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const MEASURED = 'measured route';
const NEIGHBOUR = 'wrong neighbour (must be > 1)';

/** Which route a case belongs to, from the evidence it records. */
function route(c: CaseWithEvidence<LegacyEvidence>): 'tfjs' | 'off' | 'at' {
  if ('relError' in c.evidence) return 'tfjs';
  if ('gaussNewtonOnlyRatio' in c.evidence) return 'off';
  return 'at';
}

function measuredRatio(c: CaseWithEvidence<LegacyEvidence>): number | null {
  if (route(c) === 'tfjs') {
    const e = num(c, 'relError');
    const t = num(c, 'tolerance');
    return e !== null && t ? e / t : null;
  }
  return num(c, 'fdRatio');
}

function neighbourRatio(c: CaseWithEvidence<LegacyEvidence>): number | null {
  if (route(c) === 'off') return num(c, 'residualTermNorm') === 0 ? null : num(c, 'gaussNewtonOnlyRatio');
  if (route(c) === 'tfjs') {
    const e = num(c, 'naiveRelError');
    const t = num(c, 'tolerance');
    return e !== null && t ? e / t : null;
  }
  return null;
}

const GROUPS = {
  at: 'at θ*: JᵀJ/N vs FD',
  off: 'off θ*: GN + residual vs FD',
  tfjs: 'tfjs (float32) vs closed form',
} as const;

export const c1Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    return keyNumberOf('worst error ÷ tolerance', maxOf(allCases(ctx.units).map(measuredRatio).filter((v): v is number => v !== null)));
  },
  summary(ctx: ClaimContext<LegacyEvidence>) {
    const cases = allCases(ctx.units);
    return {
      worstRatio: maxOf(cases.map(measuredRatio).filter((v): v is number => v !== null)),
      weakestNeighbourRejection: minOf(cases.map(neighbourRatio).filter((v): v is number => v !== null)),
      neighbourCases: cases.filter((c) => neighbourRatio(c) !== null).length,
    };
  },
  figures(ctx) {
    const points: RatioPoint[] = [];
    for (const c of allCases(ctx.units)) {
      const m = measuredRatio(c);
      if (m !== null) points.push({ group: GROUPS[route(c)], series: MEASURED, ratio: m });
      const n = neighbourRatio(c);
      if (n !== null) points.push({ group: route(c) === 'off' ? 'off θ*: GN alone vs FD' : 'raw tfjs tanh/sigmoid', series: NEIGHBOUR, ratio: n });
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
export const c1Claim = reportedClaim(C1_CLAIM, LegacyEvidenceSchema, c1Hook);
