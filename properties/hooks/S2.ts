import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * S2 · bulk and outliers — from the evidence of properties/definitions/bulkOutliers.ts.
 * Key number: the share of draws whose outlier count is within ±1 of k (the rate the binomial
 * rule tests against 0.8 at α = 0.01), over the GD k sweeps, the SGD draws and the width sweeps'
 * (seed, width) nets. Figures: the top of the spectrum per k with the
 * counted outliers marked (first k-sweep case, first seed); counted outliers against k for
 * every draw (GD sweep, SGD, width sweep); the width sweep's spectra; the bulk's RMS
 * eigenvalue relative to the top outlier against width.
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { lossCurves, type LossCurve } from '../../src/report/figures/lossCurves.js';
import { outlierSpectrum, type OutlierSpectrumCase } from '../../src/report/figures/outlierSpectrum.js';
import type { CaseRecord, EvidenceValue } from '../../src/report/types.js';
import { allCases, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { S2_CLAIM } from '../../theory/bulkOutliers.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const nums = (v: EvidenceValue | undefined): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null);

/** Every case that ran the binomial rate rule (GD k sweep, SGD draws, width sweep). */
function rateCases(cases: readonly CaseWithEvidence<LegacyEvidence>[]): CaseWithEvidence<LegacyEvidence>[] {
  return cases.filter((c) => nums(c.evidence.counts) !== null && num(c, 'agreements') !== null && num(c, 'draws') !== null);
}

/** The k sweeps (full-batch GD: no batch size) and the SGD draws (a batch size). */
function sweeps(cases: readonly CaseWithEvidence<LegacyEvidence>[]): CaseWithEvidence<LegacyEvidence>[] {
  return rateCases(cases).filter((c) => nums(c.evidence.ks) !== null && num(c, 'batchSize') === null);
}
function sgdCases(cases: readonly CaseWithEvidence<LegacyEvidence>[]): CaseWithEvidence<LegacyEvidence>[] {
  return rateCases(cases).filter((c) => nums(c.evidence.ks) !== null && num(c, 'batchSize') !== null);
}

function widthSweeps(cases: readonly CaseWithEvidence<LegacyEvidence>[]): CaseWithEvidence<LegacyEvidence>[] {
  return cases.filter((c) => nums(c.evidence.widths) !== null && nums(c.evidence.counts) !== null);
}

export const s2Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const s = rateCases(allCases(ctx.units));
    const agree = s.reduce((a, c) => a + num(c, 'agreements')!, 0);
    const draws = s.reduce((a, c) => a + num(c, 'draws')!, 0);
    return draws ? keyNumberOf('draws with count within ±1 of k', agree / draws, `${agree}/${draws}`) : keyNumberOf('cases passed', null, '0/0');
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    const s = rateCases(cases);
    return {
      agreements: s.reduce((a, c) => a + num(c, 'agreements')!, 0),
      draws: s.reduce((a, c) => a + num(c, 'draws')!, 0),
      minPValue: s.length ? Math.min(...s.map((c) => num(c, 'pValue') ?? num(c, 'countPValue') ?? 1)) : null,
      minBulkZ: ((z: number[]) => (z.length ? Math.min(...z) : null))(cases.flatMap((c) => Object.entries(c.evidence ?? {}).filter(([k]) => k.startsWith('bulkZ:') && typeof c.evidence[k] === 'number').map(([, v]) => v as number))),
      maxNeighbourPValue: Math.max(-Infinity, ...s.flatMap((c) => Object.entries(c.evidence ?? {}).filter(([k]) => k.startsWith('neighbourPValue:')).map(([, v]) => v as number))),
    };
  },
  alpha: () => 0.01,
  figures(ctx) {
    const cases = allCases(ctx.units);
    const figures: Figure[] = [];
    const s = sweeps(cases);
    if (s.length) {
      const c = s[0];
      const seeds = nums(c.evidence.seeds) ?? [];
      const spectra: OutlierSpectrumCase[] = [];
      for (const k of nums(c.evidence.ks)!.slice(0, 6)) {
        const top = nums(c.evidence[`top:s${seeds[0]}:k=${k}`]);
        const count = num(c, `count:s${seeds[0]}:k=${k}`);
        if (top && count !== null && top[0] > 0) spectra.push({ label: `k = ${k}`, eigenvalues: top, count, expected: k });
      }
      if (spectra.length) figures.push(outlierSpectrum(spectra, { id: figureId(ctx.claim, 'spectrum'), title: 'S2: top of the Hessian spectrum after training on k clusters, outliers marked', note: `Width ${num(c, 'width')}, N = ${num(c, 'N')}, d = ${num(c, 'd')}; counted by the largest ratio gap among the top 12 (gap ≥ 1.5).` }));
    }
    const points: Array<{ x: number; y: number; series: string }> = [];
    for (const c of s) nums(c.evidence.ks)!.forEach((k, i) => points.push({ x: k, y: nums(c.evidence.counts)![i], series: 'full-batch GD (k sweep)' }));
    for (const c of sgdCases(cases)) nums(c.evidence.ks)!.forEach((k, i) => points.push({ x: k, y: nums(c.evidence.counts)![i], series: 'small-batch SGD' }));
    for (const c of widthSweeps(cases)) {
      const k = num(c, 'k')!;
      const cw = nums(c.evidence.countWidths) ?? nums(c.evidence.widths)!;
      nums(c.evidence.counts)!.forEach((n, i) => points.push({ x: k, y: n, series: `width sweep (width ${cw[i]})` }));
    }
    if (points.some((p) => Number.isFinite(p.y))) {
      figures.push(diagonalScatter(points, { id: figureId(ctx.claim, 'count-vs-k'), title: 'S2: counted outliers against the number of classes k', xTitle: 'number of classes k', yTitle: 'counted outliers', diagonalLabel: 'count = k', note: 'The claim allows ±1 (rate ≥ 0.8, binomial test at α = 0.01); overlapping points are drawn once.' }));
    }
    const ws = widthSweeps(cases);
    if (ws.length) {
      const c = ws[0];
      const widths = nums(c.evidence.widths)!;
      // First seed of the first sweep (older evidence: no seed in the tag).
      const seed = nums(c.evidence.seeds)?.[0];
      const tag = (w: number) => (seed !== undefined ? `:s${seed}:w=${w}` : `:w=${w}`);
      const spectra = widths
        .map((w) => ({ w, top: nums(c.evidence[`top${tag(w)}`]), count: num(c, `count${tag(w)}`) }))
        .filter((x) => x.top && x.count !== null && x.top[0] > 0)
        .map((x) => ({ label: `width ${x.w}`, eigenvalues: x.top!, count: x.count!, expected: num(c, 'k') ?? undefined }));
      if (spectra.length) figures.push(outlierSpectrum(spectra, { id: figureId(ctx.claim, 'width-spectra'), title: `S2: fixed data (k = ${num(c, 'k')}), growing width — the outliers stay, the bulk falls`, note: 'Same data, one network per width.' }));
      const curves: LossCurve[] = ws.map((w, i) => ({ label: `k = ${num(w, 'k')} (case ${i + 1}, geometric mean over seeds)`, kind: 'measured' as const, t: nums(w.evidence.widths)!, loss: nums(w.evidence.bulkRmsOverTop) ?? [] })).filter((cv) => cv.loss.length === cv.t.length);
      if (curves.length) figures.push(lossCurves(curves, { id: figureId(ctx.claim, 'bulk-vs-width'), title: 'S2: bulk RMS eigenvalue ÷ top outlier against width', xTitle: 'hidden width (both layers)', yTitle: 'RMS of the deflated spectrum ÷ λ_1 (log scale)', logX: true, note: 'Deflated Hutchinson estimate (24 probes per net), k predicted outliers removed; geometric mean over the sweep\'s data seeds. The property asserts the decrease at each width step by a one-sided z test pooled over the seeds (α = 0.01).' }));
    }
    return figures;
  },
};

/** S2 for the report: its metadata, evidence schema and hook. */
export const s2Claim = reportedClaim(S2_CLAIM, LegacyEvidenceSchema, s2Hook);
