import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * S3 · the BBP outlier. Key number: the worst location error ÷ tolerance at N = N_LARGE (must be
 * ≤ 1), with the smallest wrong-neighbour margin (must be ≥ MARGIN_MIN). Figures:
 *  - the BBP transition: the predicted top eigenvalue against ℓ at one γ (the first case's γ
 *    ≤ 1, seeded by its seed), with the wrong neighbours dashed and measured top eigenvalues
 *    (mean ± sd over SWEEP_DRAWS matrices) at both sizes, recomputed with the property's own
 *    sampler over a sweep of ℓ — the points close in on the curve as the size grows, fastest
 *    away from ℓ_c;
 *  - the error shrinkage of every case: mean |λ_max − prediction| at N_LARGE against N_SMALL
 *    (from the evidence), below the no-shrinkage diagonal;
 *  - the location error ÷ tolerance per case and the wrong neighbours' margins.
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { curveWithPoints, type CurveSeries, type MeasuredPoint } from '../../src/report/figures/curveWithPoints.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { CaseRecord } from '../../src/report/types.js';
import { bbpThreshold, neighbourTopEigenvalue, predictedTopEigenvalue } from '../../theory/spikedCovariance.js';
import { N_LARGE, N_SMALL, type SpikedCase } from '../arbitraries/spikedConfigs.js';
import { MARGIN_MIN, spikedSample } from '../definitions/spikedCovariance.js';
import { allCases, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { S3_CLAIM } from '../../theory/spikedCovariance.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

/** ℓ values of the sweep, and matrices per (ℓ, size). */
export const SWEEP_POINTS = 9;
export const SWEEP_DRAWS = 8;

function locationRatio(c: CaseWithEvidence<LegacyEvidence>): number | null {
  const z = num(c, 'zMean');
  const centre = num(c, 'centre');
  const tol = num(c, 'tolerance');
  return z !== null && centre !== null && tol !== null && tol > 0 ? Math.abs(z - centre) / tol : null;
}

function margins(c: CaseWithEvidence<LegacyEvidence>): Array<[string, number]> {
  return Object.entries(c.evidence ?? {})
    .filter(([k, v]) => k.startsWith('margin:') && typeof v === 'number')
    .map(([k, v]) => [k.slice('margin:'.length), v as number]);
}

function worst(ctx: ClaimContext<LegacyEvidence>): { ratio: number | null; margin: number | null } {
  const cases = allCases(ctx.units);
  const r = cases.map(locationRatio).filter((v): v is number => v !== null);
  const m = cases.flatMap((c) => margins(c).map(([, v]) => v));
  return { ratio: r.length ? Math.max(...r) : null, margin: m.length ? Math.min(...m) : null };
}

function sweepFigure(ctx: ClaimContext<LegacyEvidence>, c: SpikedCase): Figure {
  const gamma = c.gamma;
  const lc = bbpThreshold(gamma);
  const ellMax = 1 + 3 * Math.sqrt(gamma);
  const fine = Array.from({ length: 121 }, (_, i) => 1 + ((ellMax - 1) * i) / 120);
  const points: MeasuredPoint[] = [];
  for (let k = 0; k < SWEEP_POINTS; k++) {
    const u = Number(((3 * (k + 0.5)) / SWEEP_POINTS).toFixed(4));
    const ell = 1 + u * Math.sqrt(gamma);
    for (const N of [N_SMALL, N_LARGE]) {
      const xs = spikedSample({ regime: u > 1 ? 'above' : 'below', gamma, u, seed: (c.seed + 7919 * (k + 1)) % 2 ** 31 }, N, SWEEP_DRAWS);
      const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
      // sizes side by side: a small x offset keeps the two bars apart
      points.push({ series: `measured, N = ${N}, M = ${Math.round(gamma * N)} (mean ± sd of ${SWEEP_DRAWS})`, x: ell + (N === N_SMALL ? -0.012 : 0.012) * (ellMax - 1), y: mean, lo: mean - sd, hi: mean + sd });
    }
  }
  // 'threshold at 1' diverges as ℓ → 1⁺: clip the curves at 1.25 × the largest predicted/measured value.
  const yMax = 1.25 * Math.max(predictedTopEigenvalue({ ell: ellMax, gamma }), ...points.map((p) => p.hi ?? p.y));
  const clip = (c: CurveSeries): CurveSeries => {
    const keep = Array.from(c.y, (v, i) => i).filter((i) => c.y[i] <= yMax);
    return { ...c, x: keep.map((i) => c.x[i]), y: keep.map((i) => c.y[i]) };
  };
  return curveWithPoints(
    [
      { label: 'BBP: ℓ(1 + γ/(ℓ − 1)) above ℓ_c, (1 + √γ)² below', x: fine, y: fine.map((ell) => predictedTopEigenvalue({ ell, gamma })) },
      { label: 'wrong neighbour: λ_max = ℓ', x: fine, y: fine, dashed: true },
      { label: 'wrong neighbour: threshold at ℓ = 1', x: fine.slice(1), y: fine.slice(1).map((ell) => neighbourTopEigenvalue({ ell, gamma }, 'threshold-at-1')), dashed: true },
    ].map(clip),
    points,
    {
      id: figureId(ctx.claim, 'bbp-curve'),
      title: `S3: top eigenvalue of XᵀX/N against the spike ℓ at γ = M/N = ${formatNumber(gamma)}`,
      xTitle: 'spike ℓ (population variance of the first coordinate)',
      yTitle: 'top eigenvalue λ_max of H = XᵀX/N',
      rule: { x: lc, label: `ℓ_c = 1 + √γ = ${formatNumber(lc)}` },
      note: `Recomputed with the property's sampler (seeded from a case of this report) at ${SWEEP_POINTS} spikes ℓ = 1 + u√γ, u ∈ (0, 3); the two sizes are drawn slightly apart; curves are cut above the plotted range. Above ℓ_c the spread shrinks like N^{−1/2}, below like N^{−2/3}; near ℓ_c convergence is slowest (the N^{−1/3} critical window).`,
    },
  );
}

export const s3Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const w = worst(ctx);
    if (w.ratio === null) return keyNumberOf('cases passed', null, `${allCases(ctx.units).filter((c) => c.ok).length}/${allCases(ctx.units).length}`);
    return keyNumberOf(`worst location error ÷ tolerance at N = ${N_LARGE} (≤ 1)`, w.ratio, `${formatNumber(w.ratio)}; smallest wrong-neighbour margin ${formatNumber(w.margin)} (≥ ${MARGIN_MIN})`);
  },
  summary(ctx) {
    const w = worst(ctx);
    const shrink = allCases(ctx.units).map((c) => num(c, 'shrinkRatio')).filter((v): v is number => v !== null);
    return { worstLocationRatio: w.ratio, minNeighbourMargin: w.margin, worstShrinkRatio: shrink.length ? Math.max(...shrink) : null };
  },
  figures(ctx) {
    const cases = allCases(ctx.units);
    const figures: Figure[] = [];
    const pick = cases.find((c) => typeof (c.config as SpikedCase)?.gamma === 'number' && (c.config as SpikedCase).gamma <= 1);
    if (pick) figures.push(sweepFigure(ctx, pick.config as SpikedCase));
    const shrink = cases
      .map((c) => {
        const e = c.evidence.meanAbsError;
        return Array.isArray(e) && e.length === 2 ? { x: e[0] as number, y: e[1] as number, series: `${(c.config as SpikedCase).regime} ℓ_c${(c.config as SpikedCase).regime === 'above' ? ' (predicted y = x/2)' : ' (predicted y ≈ 0.40·x)'}` } : null;
      })
      .filter((p): p is { x: number; y: number; series: string } => p !== null);
    if (shrink.length) {
      figures.push(
        diagonalScatter(shrink, {
          id: figureId(ctx.claim, 'shrinkage'),
          title: `S3: mean |λ_max − prediction| at N = ${N_LARGE} against N = ${N_SMALL} (fixed γ)`,
          xTitle: `mean |error| at N = ${N_SMALL} (eigenvalue units, log scale)`,
          yTitle: `mean |error| at N = ${N_LARGE} (log scale)`,
          scale: 'log',
          diagonalLabel: 'no shrinkage (y = x)',
          note: 'One point per case (32 matrices per size). Every point must lie below the line: by the fluctuation scales the error falls by 2 above the threshold (N^{−1/2}) and by 4^{2/3} ≈ 2.5 below it (N^{−2/3}).',
        }),
      );
    }
    const points: RatioPoint[] = [];
    for (const c of cases) {
      const r = locationRatio(c);
      const regime = (c.config as SpikedCase).regime;
      if (r !== null) points.push({ group: `${regime} ℓ_c`, series: 'right theory: |z̄ − centre| ÷ tolerance', ratio: r });
      for (const [w, m] of margins(c)) points.push({ group: `${regime} ℓ_c: neighbours`, series: `wrong neighbour ${w} (must be ≥ ${MARGIN_MIN})`, ratio: m });
    }
    if (points.length) {
      figures.push(ratioStrip(points, { id: figureId(ctx.claim, 'location'), title: `S3: location error ÷ tolerance at N = ${N_LARGE}, and the wrong neighbours' margins`, xTitle: '|mean normalised error − centre| ÷ tolerance (log scale)', note: 'The tolerance is the allowance for finite-size bias plus 3.29 sd of a mean of 32 draws (α = 0.001).' }));
    }
    return figures;
  },
};

/** S3 for the report: its metadata, evidence schema and hook. */
export const s3Claim = reportedClaim(S3_CLAIM, LegacyEvidenceSchema, s3Hook);
