import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * S4 · connected basins — from the evidence of properties/definitions/connectedBasins.ts.
 * Key number: the worst barrier ÷ τ on the line between the large-batch end and its
 * small-batch continuation (≤ 1 passes). Figures: the loss along each line, with the wrong
 * neighbours' lines (permuted twin, independent start) on the same axes; barrier ÷ τ for the
 * claim and for the neighbours (which must exceed 1).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { lossCurves, type LossCurve } from '../../src/report/figures/lossCurves.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { EvidenceValue } from '../../src/report/types.js';
import { allCases, maxOf, num } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { S4_CLAIM } from '../../theory/connectedBasins.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const nums = (v: EvidenceValue | undefined): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null);
const grid = (n: number) => Array.from({ length: n }, (_, i) => i / (n - 1));

export const s4Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const r = allCases(ctx.units).map((c) => num(c, 'barrierOverTolerance')).filter((v): v is number => v !== null);
    return r.length ? keyNumberOf('worst barrier ÷ τ (large → small batch)', maxOf(r)) : keyNumberOf('cases passed', null, '0/0');
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    const margins = cases.map((c) => num(c, 'margin:permuted-twin')).filter((v): v is number => v !== null);
    return { worstBarrierOverTolerance: maxOf(cases.map((c) => num(c, 'barrierOverTolerance')).filter((v): v is number => v !== null)), minNeighbourMargin: margins.length ? Math.min(...margins) : null };
  },
  figures(ctx) {
    const cases = allCases(ctx.units);
    const figures: Figure[] = [];
    const curves: LossCurve[] = [];
    const points: RatioPoint[] = [];
    cases.slice(0, 3).forEach((c, i) => {
      const tag = `case ${i + 1} (k = ${num(c, 'k')})`;
      const line = nums(c.evidence.lineLoss);
      if (line) curves.push({ label: `${tag}: large → small batch`, kind: 'measured', t: grid(line.length), loss: line });
      for (const id of ['permuted-twin', 'independent-start']) {
        const nl = nums(c.evidence[`neighbourLineLoss:${id}`]);
        if (nl) curves.push({ label: `${tag}: ${id} (neighbour)`, kind: 'predicted', t: grid(nl.length), loss: nl });
      }
    });
    for (const c of cases) {
      const r = num(c, 'barrierOverTolerance');
      if (r !== null) points.push({ group: 'large → small batch', series: 'barrier ÷ τ (must be ≤ 1)', ratio: Math.max(r, 1e-6) });
      for (const [k, v] of Object.entries(c.evidence ?? {})) if (k.startsWith('margin:') && typeof v === 'number') points.push({ group: k.slice(7), series: k === 'margin:permuted-twin' ? 'wrong neighbour (must be > 1)' : 'independent start (reported)', ratio: v });
    }
    if (curves.length) figures.push(lossCurves(curves, { id: figureId(ctx.claim, 'line'), title: 'S4: loss on the straight line between two end points', xTitle: 't along θ(t) = (1 − t)·θ_A + t·θ_B (θ_A: large-batch end)', yTitle: 'training loss (cross-entropy, log scale)', note: 'Solid: θ_B = small-batch SGD continuation of θ_A (no barrier). Dashed: the wrong neighbours — θ_B = θ_A with permuted hidden units, or an independent solution — whose lines rise far above the ends.' }));
    if (points.length) figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'barriers'), title: 'S4: barrier ÷ tolerance τ = ½·g·‖θ_B − θ_A‖', xTitle: 'barrier ÷ τ (dimensionless, log scale; a barrier of 0 is drawn at 1e-6)' }));
    return figures;
  },
};

/** S4 for the report: its metadata, evidence schema and hook. */
export const s4Claim = reportedClaim(S4_CLAIM, LegacyEvidenceSchema, s4Hook);
