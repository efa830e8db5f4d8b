/**
 * C4 · small eigenvalues control long-time learning (docs/theory.md#c4) — drawn from the typed
 * evidence the C4 properties record (properties/evidence/C4.ts), nothing recomputed.
 *
 * Key number: the worst |measured − predicted| late slope ÷ its tolerance over the descent and
 * flow slope properties (lower is better; > 1 fails). No α and no right-theory tests: C4's
 * checks are decisions against derived tolerances, with no p-value (docs/theory.md#c4, "Kind").
 *
 * Figures: that ratio per case with the wrong neighbours' margins (which must exceed 1; the
 * time-scaling property's smallest margin per neighbour included); measured against predicted
 * late slopes; and, for the case of largest κ of the converging late-slope property and of the
 * top-mode property, the measured loss against the eigenbasis prediction
 * L_t = ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} on a log loss axis, as recorded by the property (a log grid
 * of steps over the slope window), where the late phase is a straight line of slope
 * 2 log|1 − ηλ_gov|.
 */
import { allCases, maxOf, minOf, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { genericHook, keyNumberOf } from '../../src/report/claims/genericHook.js';
import { shortNames } from '../../src/report/claims/shortNames.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { lossCurves } from '../../src/report/figures/lossCurves.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { PropertyRecord } from '../../src/report/types.js';
import { C4_CLAIM } from '../../theory/longTimeLearning.js';
import { C4EvidenceSchema, type C4Evidence, type C4EvidenceOf } from '../evidence/C4.js';
import { caseName } from './caseName.js';

type SlopeEvidence = C4EvidenceOf<'late-slope' | 'top-mode' | 'flow-slope'>;
type DescentSlopeEvidence = C4EvidenceOf<'late-slope' | 'top-mode'>;

const isSlope = (e: C4Evidence): e is SlopeEvidence => e.kind === 'late-slope' || e.kind === 'top-mode' || e.kind === 'flow-slope';

/** |measured − predicted| ÷ tolerance; null when the tolerance was unbounded. */
function slopeRatio(e: SlopeEvidence): number | null {
  return e.tolerance !== null && e.tolerance > 0 ? Math.abs(e.measuredSlope - e.predictedSlope) / e.tolerance : null;
}

function slopeRatios(units: readonly PropertyRecord<C4Evidence>[]): number[] {
  return allCases(units)
    .map((c) => (isSlope(c.evidence) ? slopeRatio(c.evidence) : null))
    .filter((v): v is number => v !== null);
}

/** Every wrong neighbour's rejection margin (slope properties: per case; time scaling: the batch's smallest). */
function neighbourMargins(e: C4Evidence): Array<{ id: string; margin: number }> {
  if (isSlope(e)) return e.neighbours.map((n) => ({ id: n.id, margin: n.margin }));
  if (e.kind === 'time-scaling') return e.neighbours.map((n) => ({ id: n.id, margin: n.minMargin }));
  return [];
}

/** The case of `kind` with the largest condition number κ (the longest transient: the most telling curve). */
function stiffestCase(units: readonly PropertyRecord<C4Evidence>[], kind: DescentSlopeEvidence['kind']): CaseWithEvidence<DescentSlopeEvidence> | undefined {
  let best: CaseWithEvidence<DescentSlopeEvidence> | undefined;
  for (const c of allCases(units)) {
    const e = c.evidence;
    if (e.kind === kind && (e.kind === 'late-slope' || e.kind === 'top-mode') && (!best || e.kappa > best.evidence.kappa)) best = { ...c, evidence: e };
  }
  return best;
}

function lossCurveFigure(claim: string, c: CaseWithEvidence<DescentSlopeEvidence>, what: string, property: string): Figure {
  const e = c.evidence;
  // The case's recorded configuration is a C4 case { family, config, η, ε, … }; its network is `config`.
  const network = (c.config as { config?: unknown } | null)?.config;
  const label = `${what}: ${caseName(network)}, η·λ_max = ${formatNumber(e.etaLambdaMax)}, κ = ${formatNumber(e.kappa)}`;
  return lossCurves(
    [
      { label, kind: 'measured', t: e.curve.t, loss: e.curve.measured },
      { label, kind: 'predicted', t: e.curve.t, loss: e.curve.predicted },
    ],
    {
      id: figureId(claim, 'loss-curves', what),
      title: `C4: real gradient descent against the eigenbasis prediction, ${what} case (log loss)`,
      logY: true,
      note: `Recorded by the “${property}” property for its case of largest κ: the real loss from θ* + εδ (solid) and ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} from the float64 spectrum of H(θ*) (dashed), at ${e.curve.t.length} steps on a log grid up to the end of the slope window [${e.from}, ${e.to}]; predicted late slope ${formatNumber(e.predictedSlope)} per step. Largest |log L_t − log L̂_t| over every step = ${formatNumber(e.maxLogError)}${e.maxLogError < 0.05 ? ' (the curves overlap at this scale)' : ''}.`,
    },
  );
}

export const c4Hook: ClaimReportHook<C4Evidence> = {
  keyNumber(ctx) {
    const r = slopeRatios(ctx.units);
    if (r.length === 0) return genericHook.keyNumber(ctx);
    return keyNumberOf('worst late-slope error ÷ tolerance', maxOf(r), undefined, 'lower');
  },
  summary: (ctx) => ({
    worstSlopeRatio: maxOf(slopeRatios(ctx.units)),
    smallestNeighbourMargin: minOf(allCases(ctx.units).flatMap((c) => neighbourMargins(c.evidence).map((n) => n.margin))),
  }),
  alpha: () => null,
  rightTheoryTests: () => [],
  figures(ctx) {
    const figures: Figure[] = [];
    const names = shortNames(ctx.units.map((u) => u.name));
    const points: RatioPoint[] = [];
    const slopes: Array<{ x: number; y: number; series: string }> = [];
    for (const u of ctx.units) {
      const short = names.get(u.name)!;
      for (const c of allCases([u])) {
        const e = c.evidence;
        if (isSlope(e)) {
          const r = slopeRatio(e);
          if (r !== null) points.push({ group: short, series: 'measured vs predicted slope', ratio: r });
          slopes.push({ x: e.predictedSlope, y: e.measuredSlope, series: short });
        }
        for (const n of neighbourMargins(e)) points.push({ group: `${short}: neighbours`, series: 'wrong neighbour (must be > 1)', ratio: n.margin });
      }
    }
    if (points.length) figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'slopes'), title: 'C4: late-slope error ÷ tolerance, and the wrong neighbours’ margins', xTitle: '|slope difference| ÷ tolerance (dimensionless, log scale)' }));
    if (slopes.length) {
      figures.push(
        diagonalScatter(slopes, {
          id: figureId(ctx.claim, 'slope-scatter'),
          title: 'C4: measured against predicted late slope of log L',
          xTitle: 'predicted slope d log L / dt (per step or unit time)',
          yTitle: 'measured slope d log L / dt',
          note: 'Predicted: 2 log|1 − ηλ| for gradient descent, −2λ for gradient flow, λ the governing eigenvalue.',
        }),
      );
    }
    // One figure per case: their step counts differ by orders of magnitude.
    const converging = stiffestCase(ctx.units, 'late-slope');
    if (converging) figures.push(lossCurveFigure(ctx.claim, converging, 'converging', 'late slope'));
    const topMode = stiffestCase(ctx.units, 'top-mode');
    if (topMode) figures.push(lossCurveFigure(ctx.claim, topMode, 'top mode slowest', 'top mode'));
    return figures;
  },
};

/** C4 for the report: its metadata, evidence schema and hook. */
export const c4Claim = reportedClaim(C4_CLAIM, C4EvidenceSchema, c4Hook);
