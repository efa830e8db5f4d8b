import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * The default hook of a statistical claim that records KS evidence per case — `pValue` and
 * `alpha` for the test against the claimed law, and `pValue[<neighbour>]` for each wrong
 * neighbour put through the same test (the C2d/C2e convention). Used for any claim of kind
 * 'statistical' without its own entry in CLAIM_HOOKS (assemble.ts).
 *
 * Key number: the smallest p-value under the claimed law. Figures: calibration (rejection
 * rate under the claimed law = false-positive rate; under each other law, per property =
 * power when that law is a wrong neighbour) and every p-value on a log axis against α.
 * Other laws are kept per property because a property may also test a law it expects to
 * agree (C2e's classical law at large N/Ni): the hook cannot tell which, the reader can.
 *
 * Not drawn here: the eigenvalue histogram against the law's density and the P–P plot with
 * the KS band need the samples, which the evidence does not hold; a claim hook regenerates
 * them from a case's configuration and calls histogramWithDensity(samples, law.pdf, …) and
 * ppPlotWithKsBand(samples, law.cdf, { alpha, … }).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { calibrationBars, type CalibrationRow } from '../../src/report/figures/calibrationBars.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { PropertyRecord } from '../../src/report/types.js';
import { num } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { shortNames } from '../../src/report/claims/shortNames.js';
import { genericHook, keyNumberOf } from '../../src/report/claims/genericHook.js';

interface KsCase {
  readonly property: string;
  readonly p: number;
  readonly alpha: number;
  readonly neighbours: ReadonlyArray<[string, number]>;
}

const NEIGHBOUR = /^pValue\[(.+)\]$/;

function ksCases(units: readonly PropertyRecord<LegacyEvidence>[]): KsCase[] {
  const out: KsCase[] = [];
  const names = shortNames(units.map((u) => u.name), 36);
  for (const u of units) {
    for (const c of u.cases.filter(hasEvidence)) {
      const p = num(c, 'pValue');
      const alpha = num(c, 'alpha');
      if (p === null || alpha === null) continue;
      const neighbours = Object.entries(c.evidence ?? {})
        .map(([k, v]) => [NEIGHBOUR.exec(k)?.[1], v] as const)
        .filter((e): e is [string, number] => e[0] !== undefined && typeof e[1] === 'number');
      out.push({ property: names.get(u.name)!, p, alpha, neighbours });
    }
  }
  return out;
}

export function hasKsEvidence(ctx: ClaimContext<LegacyEvidence>): boolean {
  return ksCases(ctx.units).length > 0;
}

export const statisticalHook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const cs = ksCases(ctx.units);
    if (cs.length === 0) return genericHook.keyNumber(ctx);
    const minP = Math.min(...cs.map((c) => c.p));
    return keyNumberOf(`smallest p-value under the claimed law (α = ${formatNumber(Math.min(...cs.map((c) => c.alpha)))})`, minP);
  },
  summary(ctx) {
    const cs = ksCases(ctx.units);
    const nb = cs.flatMap((c) => c.neighbours.map(([, p]) => p < c.alpha));
    return { ksTests: cs.length, claimedLawRejected: cs.filter((c) => c.p < c.alpha).length, otherLawTests: nb.length, otherLawRejected: nb.filter(Boolean).length };
  },
  figures(ctx) {
    const cs = ksCases(ctx.units);
    if (cs.length === 0) return [];
    const alpha = Math.min(...cs.map((c) => c.alpha));
    const rows: CalibrationRow[] = [{ label: 'claimed law', kind: 'false-positive rate', rejections: cs.filter((c) => c.p < c.alpha).length, trials: cs.length }];
    const byNeighbour = new Map<string, { k: number; n: number }>();
    for (const c of cs) {
      for (const [name, p] of c.neighbours) {
        const key = `${c.property}: ${name}`;
        const e = byNeighbour.get(key) ?? { k: 0, n: 0 };
        byNeighbour.set(key, { k: e.k + (p < c.alpha ? 1 : 0), n: e.n + 1 });
      }
    }
    for (const [label, e] of byNeighbour) rows.push({ label, kind: 'power', rejections: e.k, trials: e.n });
    const points: RatioPoint[] = cs.flatMap((c) => [{ group: c.property, series: 'claimed law', ratio: c.p }, ...c.neighbours.map(([, p]) => ({ group: c.property, series: 'other law (a wrong neighbour must be < α)', ratio: p }))]);
    const figures: Figure[] = [
      calibrationBars(rows, { id: figureId(ctx.claim, 'calibration'), title: `${ctx.claim}: false-positive rate and power of the KS tests`, alpha, note: `Over the ${cs.length} KS tests of this report (a quick run has few, so the intervals are wide). Other-law rows are per property: power where the law is a wrong neighbour.` }),
      ratioStrip(points, { id: figureId(ctx.claim, 'p-values'), title: `${ctx.claim}: KS p-values against α`, threshold: alpha, passSide: 'above', xTitle: 'KS p-value (probability, log scale)', note: 'p-values that underflow to 0 sit at the axis floor.' }),
    ];
    return figures;
  },
};
