/**
 * S2 · bulk and outliers — the report from the evidence of properties/definitions/bulkOutliers/
 * (properties/evidence/S2.ts), nothing else.
 * Key number: the share of draws whose outlier count is within ±tolerance of k (the rate the
 * binomial rule tests), over the GD k sweeps, the SGD draws and the width sweeps' (seed, width)
 * nets. Right-theory tests: each case's rate test (its `pValue`, required ≥ its `alpha`); the
 * bulk's decrease and the neighbours are tests that must reject, so not in the family.
 * Figures: the top of the spectrum per k with the counted outliers marked (first k-sweep case,
 * first seed); counted outliers against k for every draw; the width sweep's spectra (first
 * case, first seed); the bulk's RMS eigenvalue relative to the top outlier against width.
 */
import { allCases, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimContext, type ClaimReportHook, type RightTheoryTest } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { lossCurves, type LossCurve } from '../../src/report/figures/lossCurves.js';
import { outlierSpectrum, type OutlierSpectrumCase } from '../../src/report/figures/outlierSpectrum.js';
import { ALPHA, S2_CLAIM } from '../../theory/bulkOutliers.js';
import { S2EvidenceSchema, type S2Evidence, type S2KSweepEvidence, type S2Net, type S2SgdEvidence, type S2WidthSweepEvidence } from '../evidence/S2.js';

type Case<K extends S2Evidence['kind']> = CaseWithEvidence<Extract<S2Evidence, { kind: K }>>;

function ofKind<K extends S2Evidence['kind']>(ctx: ClaimContext<S2Evidence>, kind: K): Case<K>[] {
  return allCases(ctx.units).filter((c): c is Case<K> => c.evidence.kind === kind);
}

const minOrNull = (xs: readonly number[]) => (xs.length ? Math.min(...xs) : null);
const maxOrNull = (xs: readonly number[]) => (xs.length ? Math.max(...xs) : null);

/** One spectrum of the outlier figure per net (those with a positive top, which every counted net has). */
function spectrumOf(n: S2Net, label: string): OutlierSpectrumCase | null {
  return n.top[0] > 0 ? { label, eigenvalues: n.top, count: n.count, expected: n.k } : null;
}

function spectrumFigure(ctx: ClaimContext<S2Evidence>, c: S2KSweepEvidence): Figure | null {
  const seed = c.nets[0]?.seed;
  const spectra = c.nets
    .filter((n) => n.seed === seed)
    .slice(0, 6)
    .map((n) => spectrumOf(n, `k = ${n.k}`))
    .filter((s): s is OutlierSpectrumCase => s !== null);
  if (!spectra.length) return null;
  return outlierSpectrum(spectra, {
    id: figureId(ctx.claim, 'spectrum'),
    title: 'S2: top of the Hessian spectrum after training on k clusters, outliers marked',
    note: `Width ${c.width}, N = ${c.N}, d = ${c.d}; counted by the largest ratio gap among the top ${c.mTop} (gap ≥ ${c.minGap}).`,
  });
}

function countFigure(ctx: ClaimContext<S2Evidence>, sweeps: readonly S2KSweepEvidence[], sgd: readonly S2SgdEvidence[], widths: readonly S2WidthSweepEvidence[]): Figure | null {
  const points = [
    ...sweeps.flatMap((c) => c.nets.map((n) => ({ x: n.k, y: n.count, series: 'full-batch GD (k sweep)' }))),
    ...sgd.flatMap((c) => c.nets.map((n) => ({ x: n.k, y: n.count, series: 'small-batch SGD' }))),
    ...widths.flatMap((c) => c.nets.map((n) => ({ x: n.k, y: n.count, series: `width sweep (width ${n.width})` }))),
  ];
  if (!points.length) return null;
  const first = [...sweeps, ...sgd, ...widths][0];
  return diagonalScatter(points, {
    id: figureId(ctx.claim, 'count-vs-k'),
    title: 'S2: counted outliers against the number of classes k',
    xTitle: 'number of classes k',
    yTitle: 'counted outliers',
    diagonalLabel: 'count = k',
    note: `The claim allows ±${first.tolerance} (rate ≥ ${first.agreementRate}, binomial test at α = ${first.alpha}); overlapping points are drawn once.`,
  });
}

function widthFigures(ctx: ClaimContext<S2Evidence>, ws: readonly S2WidthSweepEvidence[]): Figure[] {
  if (!ws.length) return [];
  const figures: Figure[] = [];
  const c = ws[0];
  const spectra = c.nets
    .filter((n) => n.seed === c.seeds[0])
    .map((n) => spectrumOf(n, `width ${n.width}`))
    .filter((s): s is OutlierSpectrumCase => s !== null);
  if (spectra.length) figures.push(outlierSpectrum(spectra, { id: figureId(ctx.claim, 'width-spectra'), title: `S2: fixed data (k = ${c.k}), growing width — the outliers stay, the bulk falls`, note: 'Same data, one network per width.' }));
  const curves: LossCurve[] = ws.map((w, i) => ({ label: `k = ${w.k} (case ${i + 1}, geometric mean over seeds)`, kind: 'measured' as const, t: w.widths, loss: w.bulkRmsOverTop }));
  figures.push(
    lossCurves(curves, {
      id: figureId(ctx.claim, 'bulk-vs-width'),
      title: 'S2: bulk RMS eigenvalue ÷ top outlier against width',
      xTitle: 'hidden width (both layers)',
      yTitle: 'RMS of the deflated spectrum ÷ λ_1 (log scale)',
      logX: true,
      note: `Deflated Hutchinson estimate (${c.bulkProbes} probes per net), k predicted outliers removed; geometric mean over the sweep's data seeds. The property asserts the decrease at each width step by a one-sided z test pooled over the seeds (α = ${c.bulkAlpha}).`,
    }),
  );
  return figures;
}

export const s2Hook: ClaimReportHook<S2Evidence> = {
  keyNumber(ctx) {
    const s = allCases(ctx.units);
    const agree = s.reduce((a, c) => a + c.evidence.agreements, 0);
    const draws = s.reduce((a, c) => a + c.evidence.draws, 0);
    return draws ? keyNumberOf(`draws with count within ±${s[0].evidence.tolerance} of k`, agree / draws, `${agree}/${draws}`, 'higher') : keyNumberOf('cases passed', null, '0/0', 'higher');
  },
  summary(ctx) {
    const s = allCases(ctx.units);
    return {
      agreements: s.reduce((a, c) => a + c.evidence.agreements, 0),
      draws: s.reduce((a, c) => a + c.evidence.draws, 0),
      minPValue: minOrNull(s.map((c) => c.evidence.pValue)),
      minBulkZ: minOrNull(ofKind(ctx, 'width-sweep').flatMap((c) => c.evidence.bulkSteps.map((b) => b.z ?? Infinity)).filter(Number.isFinite)),
      maxNeighbourPValue: maxOrNull(s.flatMap((c) => c.evidence.neighbours.map((n) => n.pValue))),
    };
  },
  /** The level of the rate tests (the bulk test's level is recorded beside it; both are the claim's ALPHA today). */
  alpha(ctx) {
    return minOrNull(allCases(ctx.units).map((c) => c.evidence.alpha)) ?? ALPHA;
  },
  rightTheoryTests(ctx) {
    const out: RightTheoryTest[] = [];
    for (const u of ctx.units)
      u.cases.forEach((c, i) => {
        if (c.evidence) out.push({ property: u.name, seed: u.seed, caseIndex: i, test: `count within ±${c.evidence.tolerance} of k at rate ≥ ${c.evidence.agreementRate} (${c.evidence.kind})`, pValue: c.evidence.pValue, alpha: c.evidence.alpha });
      });
    return out;
  },
  figures(ctx) {
    const sweeps = ofKind(ctx, 'k-sweep').map((c) => c.evidence);
    const sgd = ofKind(ctx, 'sgd-draws').map((c) => c.evidence);
    const widths = ofKind(ctx, 'width-sweep').map((c) => c.evidence);
    return [sweeps.length ? spectrumFigure(ctx, sweeps[0]) : null, countFigure(ctx, sweeps, sgd, widths), ...widthFigures(ctx, widths)].filter((f): f is Figure => f !== null);
  },
};

/** S2 for the report: its metadata, evidence schema and hook. */
export const s2Claim = reportedClaim(S2_CLAIM, S2EvidenceSchema, s2Hook);
