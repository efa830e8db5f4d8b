/**
 * C1 · H(θ*) = JᵀJ/N by independent routes. Key number: the worst measured error ÷ its
 * tolerance over all routes (≤ 1 passes). Figure: every case's ratio on a log axis, with the
 * wrong neighbours (Gauss–Newton alone off θ*, raw tfjs tanh/sigmoid) that must exceed 1.
 */
import { figureId } from '../../../src/report/figures/figure.js';
import { ratioStrip, type RatioPoint } from '../../../src/report/figures/ratioStrip.js';
import type { CaseRecord } from '../../../src/report/types.js';
import { allCases, maxOf, minOf, num } from '../evidenceValues.js';
import type { ClaimContext, ClaimReportHook } from '../hook.js';
import { keyNumberOf } from './generic.js';

const MEASURED = 'measured route';
const NEIGHBOUR = 'wrong neighbour (must be > 1)';

/** Which route a case belongs to, from the evidence it records. */
function route(c: CaseRecord): 'tfjs' | 'off' | 'at' {
  if ('relError' in c.evidence) return 'tfjs';
  if ('gaussNewtonOnlyRatio' in c.evidence) return 'off';
  return 'at';
}

function measuredRatio(c: CaseRecord): number | null {
  if (route(c) === 'tfjs') {
    const e = num(c, 'relError');
    const t = num(c, 'tolerance');
    return e !== null && t ? e / t : null;
  }
  return num(c, 'fdRatio');
}

function neighbourRatio(c: CaseRecord): number | null {
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

export const c1Hook: ClaimReportHook = {
  keyNumber(ctx) {
    return keyNumberOf('worst error ÷ tolerance', maxOf(allCases(ctx.units).map(measuredRatio).filter((v): v is number => v !== null)));
  },
  summary(ctx: ClaimContext) {
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
