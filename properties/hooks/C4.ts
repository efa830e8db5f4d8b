import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * C4 · small eigenvalues control long-time learning — from the slope evidence the C4
 * properties record (measuredSlope, predictedSlope, tolerance, margin:<neighbour>). Key
 * number: the worst |measured − predicted| late slope ÷ its tolerance. Figures: that ratio
 * per case with the wrong neighbours' margins (which must exceed 1), and measured against
 * predicted late slopes. Fields a property does not record are skipped, so the hook keeps
 * working while the C4 properties evolve; if none is present the generic figure is shown.
 *
 * Loss curves: the evidence does not hold them, so two representative cases are recomputed from
 * their configurations — the first case of the converging late-slope property and the first of
 * the top-mode-slowest property — exactly as the property runs them (resolveCase, predictionFor,
 * the real gradient descent from θ* + εδ over [0, end of the slope window]), and drawn measured
 * (solid) against the eigenbasis prediction L_t = ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} (dashed) on a log
 * loss axis, where the late phase is a straight line of slope 2 log|1 − ηλ_gov|. Cost: one GD
 * run of ≤ STEP_CAP steps per case (≈ 0.3 s).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { gradientDescent } from '../../src/dynamics/gradientDescent.js';
import { displacedStart } from '../../src/dynamics/direction.js';
import { trustedEnd } from '../../src/dynamics/lateSlope.js';
import { lossAt } from '../../src/dynamics/modeMixture.js';
import { lossRoundingFloor } from '../../src/dynamics/roundingFloor.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { lossCurves, type LossCurve } from '../../src/report/figures/lossCurves.js';
import { c4LateSlope } from '../../theory/longTimeLearning.js';
import { predictionFor, resolveCase, slopeWindow, type DynamicsCase } from '../arbitraries/dynamicsConfigs.js';
import { lateSlopeProperty, topModeProperty } from '../definitions/dynamics.js';
import { caseName } from './caseName.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { CaseRecord, PropertyRecord } from '../../src/report/types.js';
import { maxOf, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { shortNames } from '../../src/report/claims/shortNames.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C4_CLAIM } from '../../theory/longTimeLearning.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

function slopeRatio(c: CaseWithEvidence<LegacyEvidence>): number | null {
  const m = num(c, 'measuredSlope');
  const p = num(c, 'predictedSlope');
  const t = num(c, 'tolerance');
  return m !== null && p !== null && t !== null && t > 0 ? Math.abs(m - p) / t : null;
}

function ratios(units: readonly PropertyRecord<LegacyEvidence>[]): number[] {
  return units.flatMap((u) => u.cases.filter(hasEvidence).map(slopeRatio)).filter((v): v is number => v !== null);
}

/**
 * Measured and predicted loss of one case over [0, end of its slope window], cut where the
 * measured loss leaves the trusted range (≥ TRUST_FACTOR × the rounding floor), as the
 * properties do.
 */
export function c4LossCurves(c: DynamicsCase, what: string): { curves: LossCurve[]; window: { from: number; to: number }; predictedSlope: number; label: string; maxLogError: number } {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon);
  const window = slopeWindow(mix);
  const run = gradientDescent(r.problem, displacedStart(r.problem.teacher, c.epsilon, r.delta), { eta: c.eta, steps: window.to });
  const m = r.model;
  const floor = lossRoundingFloor({ P: m.P, lambdaMax: m.lambdaMax, lambdaMinPositive: m.lambdaMinPositive, eta: c.eta, thetaStar: r.problem.teacher, targets: r.problem.targets });
  const end = Math.max(1, trustedEnd(run.losses, floor));
  const t = Float64Array.from({ length: end + 1 }, (_, i) => i);
  const label = `${what}: ${caseName(c.config)}, η·λ_max = ${formatNumber(c.eta * m.lambdaMax)}, κ = ${formatNumber(r.kappa)}`;
  const measured = run.losses.slice(0, end + 1);
  const predicted = t.map((s) => lossAt(mix, s));
  let maxLogError = 0;
  for (let i = 0; i <= end; i++) maxLogError = Math.max(maxLogError, Math.abs(Math.log(measured[i] / predicted[i])));
  return {
    curves: [
      { label, kind: 'measured', t, loss: measured },
      { label, kind: 'predicted', t, loss: predicted },
    ],
    maxLogError,
    window,
    predictedSlope: c4LateSlope(m, c.eta).slope,
    label,
  };
}

/** The case of property `name` with the largest condition number κ (the longest transient: the most telling curve). */
function stiffestCaseOf(units: readonly PropertyRecord<LegacyEvidence>[], name: string): DynamicsCase | undefined {
  let best: CaseWithEvidence<LegacyEvidence> | undefined;
  for (const u of units) if (u.name === name) for (const c of u.cases.filter(hasEvidence)) if (num(c, 'kappa') !== null && (!best || num(c, 'kappa')! > num(best, 'kappa')!)) best = c;
  return best?.config as DynamicsCase | undefined;
}

export const c4Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const r = ratios(ctx.units);
    if (r.length === 0) {
      const cases = ctx.units.flatMap((u) => u.cases);
      return keyNumberOf('cases passed', null, `${cases.filter((c) => c.ok).length}/${cases.length}`);
    }
    return keyNumberOf('worst late-slope error ÷ tolerance', maxOf(r));
  },
  summary: (ctx) => ({ worstSlopeRatio: maxOf(ratios(ctx.units)) }),
  figures(ctx) {
    const figures: Figure[] = [];
    const names = shortNames(ctx.units.map((u) => u.name));
    const shortName = (u: PropertyRecord<LegacyEvidence>) => names.get(u.name)!;
    const points: RatioPoint[] = [];
    const slopes: Array<{ x: number; y: number; series: string }> = [];
    for (const u of ctx.units) {
      for (const c of u.cases.filter(hasEvidence)) {
        const r = slopeRatio(c);
        if (r === null) continue;
        points.push({ group: shortName(u), series: 'measured vs predicted slope', ratio: r });
        for (const [k, v] of Object.entries(c.evidence ?? {})) {
          if (/^(min)?[mM]argin:/.test(k) && typeof v === 'number') points.push({ group: `${shortName(u)}: neighbours`, series: 'wrong neighbour (must be > 1)', ratio: v });
        }
        slopes.push({ x: num(c, 'predictedSlope')!, y: num(c, 'measuredSlope')!, series: shortName(u) });
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
    const picks: Array<[DynamicsCase | undefined, string]> = [
      [stiffestCaseOf(ctx.units, lateSlopeProperty.name), 'converging'],
      [stiffestCaseOf(ctx.units, topModeProperty.name), 'top mode slowest'],
    ];
    const runs = picks.filter((p): p is [DynamicsCase, string] => p[0] !== undefined).map(([c, what]) => c4LossCurves(c, what));
    // One figure per case: their step counts differ by orders of magnitude.
    runs.forEach((r, i) => {
      const what = picks.filter((p) => p[0] !== undefined)[i][1];
      figures.push(
        lossCurves(r.curves, {
          id: figureId(ctx.claim, 'loss-curves', what),
          title: `C4: real gradient descent against the eigenbasis prediction, ${what} case (log loss)`,
          logY: true,
          note: `Recomputed from the case's configuration (the case of largest κ of the “${picks.filter((p) => p[0] !== undefined)[i][1] === 'converging' ? 'late slope' : 'top mode'}” property): the real loss from θ* + εδ (solid) and ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} from the float64 spectrum of H(θ*) (dashed), up to the end of the slope window [${r.window.from}, ${r.window.to}]; predicted late slope ${formatNumber(r.predictedSlope)} per step. Largest |log L_t − log L̂_t| = ${formatNumber(r.maxLogError)}${r.maxLogError < 0.05 ? ' (the curves overlap at this scale)' : ''}.`,
        }),
      );
    });
    return figures;
  },
};

/** C4 for the report: its metadata, evidence schema and hook. */
export const c4Claim = reportedClaim(C4_CLAIM, LegacyEvidenceSchema, c4Hook);
