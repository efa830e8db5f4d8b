/**
 * S3 · the BBP outlier — the report from the evidence of properties/definitions/spikedCovariance.ts
 * (properties/evidence/S3.ts), nothing else. Key number: the worst location error ÷ tolerance at
 * the larger size (must be ≤ 1), with the smallest wrong-neighbour margin. Right-theory tests:
 * each case's location test at the larger size (the neighbours' tests must reject: not in the
 * family). Figures:
 *  - the BBP transition at one γ (the first case with a recorded sweep and γ ≤ 1, else the first
 *    with one): the predicted curve, the wrong neighbours dashed, measured top eigenvalues
 *    (mean ± sd) at both sizes — the points close in on the curve as the size grows;
 *  - the error shrinkage of every case: mean |λ_max − prediction| at the larger size against the
 *    smaller, below the no-shrinkage diagonal;
 *  - the location error ÷ tolerance per case and the wrong neighbours' margins.
 */
import { allCases, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimContext, type ClaimReportHook, type RightTheoryTest } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { curveWithPoints, type CurveSeries, type MeasuredPoint } from '../../src/report/figures/curveWithPoints.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import { ALPHA, S3_CLAIM } from '../../theory/spikedCovariance.js';
import { S3EvidenceSchema, type S3BbpSweep, type S3Evidence } from '../evidence/S3.js';

type Case = CaseWithEvidence<S3Evidence>;

const locationRatio = (e: S3Evidence) => Math.abs(e.zMean - e.centre) / e.tolerance;

function worst(cases: readonly Case[]): { ratio: number | null; margin: number | null } {
  const r = cases.map((c) => locationRatio(c.evidence));
  const m = cases.flatMap((c) => c.evidence.neighbours.map((n) => n.margin));
  return { ratio: r.length ? Math.max(...r) : null, margin: m.length ? Math.min(...m) : null };
}

function sweepFigure(ctx: ClaimContext<S3Evidence>, e: S3Evidence, s: S3BbpSweep): Figure {
  const { gamma, ellFrom, ellTo } = s;
  const grid = Array.from({ length: s.points }, (_, i) => ellFrom + ((ellTo - ellFrom) * i) / (s.points - 1));
  const [nSmall, nLarge] = e.N;
  // Sizes side by side: a small x offset keeps the two bars apart.
  const points: MeasuredPoint[] = s.measured.map((p) => ({ series: `measured, N = ${p.N}, M = ${p.M} (mean ± sd of ${s.draws})`, x: p.ell + (p.N === nSmall ? -0.012 : 0.012) * (ellTo - 1), y: p.mean, lo: p.mean - p.sd, hi: p.mean + p.sd }));
  // 'threshold at 1' diverges as ℓ → 1⁺: clip the curves at 1.25 × the largest predicted/measured value.
  const yMax = 1.25 * Math.max(s.predicted[s.predicted.length - 1], ...points.map((p) => p.hi ?? p.y));
  const clip = (c: CurveSeries): CurveSeries => {
    const keep = Array.from(c.y, (_, i) => i).filter((i) => c.y[i] <= yMax);
    return { ...c, x: keep.map((i) => c.x[i]), y: keep.map((i) => c.y[i]) };
  };
  return curveWithPoints(
    [
      { label: 'BBP: ℓ(1 + γ/(ℓ − 1)) above ℓ_c, (1 + √γ)² below', x: grid, y: s.predicted },
      { label: 'wrong neighbour: λ_max = ℓ', x: grid, y: grid, dashed: true },
      { label: 'wrong neighbour: threshold at ℓ = 1', x: grid.slice(1), y: s.thresholdAt1, dashed: true },
    ].map(clip),
    points,
    {
      id: figureId(ctx.claim, 'bbp-curve'),
      title: `S3: top eigenvalue of XᵀX/N against the spike ℓ at γ = M/N = ${formatNumber(gamma)}`,
      xTitle: 'spike ℓ (population variance of the first coordinate)',
      yTitle: 'top eigenvalue λ_max of H = XᵀX/N',
      rule: { x: s.threshold, label: `ℓ_c = 1 + √γ = ${formatNumber(s.threshold)}` },
      note: `Recorded by a case of this report (its own seeded streams, N = ${nSmall} and ${nLarge}) at ${s.measured.length / 2} spikes ℓ = 1 + u√γ, u ∈ (0, 3); the two sizes are drawn slightly apart; curves are cut above the plotted range. Above ℓ_c the spread shrinks like N^{−1/2}, below like N^{−2/3}; near ℓ_c convergence is slowest (the N^{−1/3} critical window).`,
    },
  );
}

function shrinkFigure(ctx: ClaimContext<S3Evidence>, cases: readonly Case[]): Figure | null {
  if (!cases.length) return null;
  const [nSmall, nLarge] = cases[0].evidence.N;
  const q = nLarge / nSmall;
  // One series per regime, named by the predicted ratio the cases recorded (2 digits: 0.5 above, 0.4 below).
  const points = cases.map(({ evidence: e }) => ({ x: e.meanAbsError[0], y: e.meanAbsError[1], series: `${e.regime} ℓ_c (predicted y ≈ ${Number(e.shrinkRatioPredicted.toPrecision(2))}·x)` }));
  return diagonalScatter(points, {
    id: figureId(ctx.claim, 'shrinkage'),
    title: `S3: mean |λ_max − prediction| at N = ${nLarge} against N = ${nSmall} (fixed γ)`,
    xTitle: `mean |error| at N = ${nSmall} (eigenvalue units, log scale)`,
    yTitle: `mean |error| at N = ${nLarge} (log scale)`,
    scale: 'log',
    diagonalLabel: 'no shrinkage (y = x)',
    note: `One point per case (${cases[0].evidence.R} matrices per size). Every point must lie below the line: by the fluctuation scales the error falls by ${formatNumber(Math.sqrt(q))} above the threshold (N^{−1/2}) and by ${formatNumber(q)}^{2/3} ≈ ${formatNumber(q ** (2 / 3), 2)} below it (N^{−2/3}).`,
  });
}

function locationFigure(ctx: ClaimContext<S3Evidence>, cases: readonly Case[]): Figure | null {
  const points: RatioPoint[] = cases.flatMap(({ evidence: e }) => [
    { group: `${e.regime} ℓ_c`, series: 'right theory: |z̄ − centre| ÷ tolerance', ratio: locationRatio(e) },
    ...e.neighbours.map((n) => ({ group: `${e.regime} ℓ_c: neighbours`, series: `wrong neighbour ${n.id} (must be ≥ ${e.marginMin})`, ratio: n.margin })),
  ]);
  if (!points.length) return null;
  const e = cases[0].evidence;
  return ratioStrip(points, {
    id: figureId(ctx.claim, 'location'),
    title: `S3: location error ÷ tolerance at N = ${e.N[1]}, and the wrong neighbours' margins`,
    xTitle: '|mean normalised error − centre| ÷ tolerance (log scale)',
    note: `The tolerance is the allowance for finite-size bias plus the two-sided normal quantile at α = ${e.alpha} times the sd of a mean of ${e.R} draws.`,
  });
}

export const s3Hook: ClaimReportHook<S3Evidence> = {
  keyNumber(ctx) {
    const cases = allCases(ctx.units);
    const w = worst(cases);
    if (w.ratio === null) return keyNumberOf('cases passed', null, '0/0', 'higher');
    const e = cases[0].evidence;
    return keyNumberOf(`worst location error ÷ tolerance at N = ${e.N[1]} (≤ 1)`, w.ratio, `${formatNumber(w.ratio)}; smallest wrong-neighbour margin ${formatNumber(w.margin)} (≥ ${e.marginMin})`, 'lower');
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    const w = worst(cases);
    const shrink = cases.map((c) => c.evidence.shrinkRatio);
    return { worstLocationRatio: w.ratio, minNeighbourMargin: w.margin, worstShrinkRatio: shrink.length ? Math.max(...shrink) : null };
  },
  alpha(ctx) {
    const a = allCases(ctx.units).map((c) => c.evidence.alpha);
    return a.length ? Math.min(...a) : ALPHA;
  },
  rightTheoryTests(ctx) {
    const out: RightTheoryTest[] = [];
    for (const u of ctx.units)
      u.cases.forEach((c, i) => {
        if (c.evidence) out.push({ property: u.name, seed: u.seed, caseIndex: i, test: `λ_max location at N = ${c.evidence.N[1]} (${c.evidence.regime} ℓ_c)`, pValue: c.evidence.pValue, alpha: c.evidence.alpha });
      });
    return out;
  },
  figures(ctx) {
    const cases = allCases(ctx.units);
    const withSweep = cases.filter((c) => c.evidence.bbpSweep !== null);
    const pick = withSweep.find((c) => c.evidence.gamma <= 1) ?? withSweep[0];
    return [pick ? sweepFigure(ctx, pick.evidence, pick.evidence.bbpSweep!) : null, shrinkFigure(ctx, cases), locationFigure(ctx, cases)].filter((f): f is Figure => f !== null);
  },
};

/** S3 for the report: its metadata, evidence schema and hook. */
export const s3Claim = reportedClaim(S3_CLAIM, S3EvidenceSchema, s3Hook);
