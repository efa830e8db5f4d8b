/**
 * S4 · connected basins — the report from the evidence of properties/definitions/connectedBasins.ts
 * (properties/evidence/S4.ts), nothing else. Key number: the worst barrier ÷ τ on the line
 * between the large-batch end and its small-batch continuation (≤ 1 passes). S4 is listed as
 * statistical but decides each case with a derived tolerance: no α and no p-values (so no
 * right-theory tests). Figures: the loss along each line, with the wrong neighbours' lines
 * (permuted twin, independent start) on the same axes; barrier ÷ τ for the claim and for the
 * neighbours (which must exceed 1).
 */
import { allCases, maxOf, minOf } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { lossCurves, type LossCurve } from '../../src/report/figures/lossCurves.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import { S4_CLAIM } from '../../theory/connectedBasins.js';
import { S4EvidenceSchema, type S4Evidence } from '../evidence/S4.js';

/** The line's t values: lineLoss[i] is at t = i/(n − 1) (properties/evidence/S4.ts). */
const grid = (n: number) => Array.from({ length: n }, (_, i) => i / (n - 1));

export const s4Hook: ClaimReportHook<S4Evidence> = {
  keyNumber(ctx) {
    const r = allCases(ctx.units).map((c) => c.evidence.barrierOverTolerance);
    return r.length ? keyNumberOf('worst barrier ÷ τ (large → small batch)', maxOf(r), undefined, 'lower') : keyNumberOf('cases passed', null, '0/0', 'higher');
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    return {
      worstBarrierOverTolerance: maxOf(cases.map((c) => c.evidence.barrierOverTolerance)),
      minNeighbourMargin: minOf(cases.flatMap((c) => c.evidence.neighbours.filter((n) => n.asserted).map((n) => n.margin))),
    };
  },
  alpha: () => null,
  rightTheoryTests: () => [],
  figures(ctx) {
    const cases = allCases(ctx.units);
    const figures: Figure[] = [];
    const curves: LossCurve[] = cases.slice(0, 3).flatMap(({ evidence: e }, i) => {
      const tag = `case ${i + 1} (k = ${e.k})`;
      return [{ label: `${tag}: large → small batch`, kind: 'measured' as const, t: grid(e.lineLoss.length), loss: e.lineLoss }, ...e.neighbours.map((n) => ({ label: `${tag}: ${n.id} (neighbour)`, kind: 'predicted' as const, t: grid(n.lineLoss.length), loss: n.lineLoss }))];
    });
    const points: RatioPoint[] = cases.flatMap(({ evidence: e }) => [
      // A barrier of 0 (the usual case) has no place on a log axis: drawn at 1e-6, as the axis title says.
      { group: 'large → small batch', series: 'barrier ÷ τ (must be ≤ 1)', ratio: Math.max(e.barrierOverTolerance, 1e-6) },
      ...e.neighbours.map((n) => ({ group: n.id, series: n.asserted ? 'wrong neighbour (must be > 1)' : 'independent start (reported)', ratio: n.margin })),
    ]);
    if (curves.length) figures.push(lossCurves(curves, { id: figureId(ctx.claim, 'line'), title: 'S4: loss on the straight line between two end points', xTitle: 't along θ(t) = (1 − t)·θ_A + t·θ_B (θ_A: large-batch end)', yTitle: 'training loss (cross-entropy, log scale)', note: 'Solid: θ_B = small-batch SGD continuation of θ_A (no barrier). Dashed: the wrong neighbours — θ_B = θ_A with permuted hidden units, or an independent solution — whose lines rise far above the ends.' }));
    if (points.length) figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'barriers'), title: 'S4: barrier ÷ tolerance τ = ½·g·‖θ_B − θ_A‖', xTitle: 'barrier ÷ τ (dimensionless, log scale; a barrier of 0 is drawn at 1e-6)' }));
    return figures;
  },
};

/** S4 for the report: its metadata, evidence schema and hook. */
export const s4Claim = reportedClaim(S4_CLAIM, S4EvidenceSchema, s4Hook);
