/**
 * C4 · small eigenvalues control long-time learning — from the slope evidence the C4
 * properties record (measuredSlope, predictedSlope, tolerance, margin:<neighbour>). Key
 * number: the worst |measured − predicted| late slope ÷ its tolerance. Figures: that ratio
 * per case with the wrong neighbours' margins (which must exceed 1), and measured against
 * predicted late slopes. Fields a property does not record are skipped, so the hook keeps
 * working while the C4 properties evolve; if none is present the generic figure is shown.
 *
 * Not drawn yet: the loss curves themselves (the evidence does not hold them). To add them,
 * recompute a few representative cases from their configurations and call
 * lossCurves([{ label, kind: 'measured', t, loss }, { label, kind: 'predicted', t, loss }], { logY: true }).
 */
import { diagonalScatter } from '../../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../../src/report/figures/figure.js';
import { ratioStrip, type RatioPoint } from '../../../src/report/figures/ratioStrip.js';
import type { CaseRecord, PropertyRecord } from '../../../src/report/types.js';
import { maxOf, num } from '../evidenceValues.js';
import type { ClaimReportHook } from '../hook.js';
import { shortNames } from '../shortNames.js';
import { keyNumberOf } from './generic.js';

function slopeRatio(c: CaseRecord): number | null {
  const m = num(c, 'measuredSlope');
  const p = num(c, 'predictedSlope');
  const t = num(c, 'tolerance');
  return m !== null && p !== null && t !== null && t > 0 ? Math.abs(m - p) / t : null;
}

function ratios(units: readonly PropertyRecord[]): number[] {
  return units.flatMap((u) => u.cases.map(slopeRatio)).filter((v): v is number => v !== null);
}

export const c4Hook: ClaimReportHook = {
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
    const shortName = (u: PropertyRecord) => names.get(u.name)!;
    const points: RatioPoint[] = [];
    const slopes: Array<{ x: number; y: number; series: string }> = [];
    for (const u of ctx.units) {
      for (const c of u.cases) {
        const r = slopeRatio(c);
        if (r === null) continue;
        points.push({ group: shortName(u), series: 'measured vs predicted slope', ratio: r });
        for (const [k, v] of Object.entries(c.evidence)) {
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
    return figures;
  },
};
