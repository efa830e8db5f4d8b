import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * C2d · the law of the whitened linear spectrum (σ2²χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh)). Key number: the
 * smallest KS p-value under the right law (must be ≥ α), with the largest p-value of a wrong
 * neighbour (must be < α). Figures: for one γ < 1 and one γ > 1 case, the histogram of the
 * i.i.d. eigenvalues against the law's density and the P–P plot with the KS band, regenerated
 * from the case's configuration (lawFigures.ts); then the calibration and p-value figures of
 * the generic statistical hook (statistical.ts).
 *
 * Which cases are drawn: per side of γ = 1, the cheapest case to regenerate (cost ∝
 * n·Nh·Ni·min(Nh, Ni), the sampler's Gram products): with today's regimes pooled-gamma-1/2
 * (γ = 1/2, n = 500, ~1 s) and pooled-gamma-4 (γ = 4, n = 1000, ~0.1 s); the regimes with
 * n = 2000–4000 cost ~1–2 s each. Their wrong neighbour is the SAMPLING one ('pooled': all Ni
 * eigenvalues of one Hessian), whose p-value is in the p-value figure; the law-valued
 * neighbours are drawn only where they are tested (a regime whose `neighbours` lists them).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import type { Figure } from '../../src/report/figures/figure.js';
import { figureId } from '../../src/report/figures/figure.js';
import type { CaseRecord } from '../../src/report/types.js';
import { Rng } from '../../src/rng/rng.js';
import { c2dLaw, c2dWrongLaw, C2D_LAW_NEIGHBOURS, type C2dLawNeighbour } from '../../theory/spectralLaw.js';
import { c2dRegime, type C2dCase, type C2dRegime } from '../arbitraries/lawConfigs.js';
import { c2dIidSample, regimeParams } from '../definitions/spectralLaw.js';
import { allCases, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { lawFigures, lawKeyNumber } from './lawFigures.js';
import { statisticalHook } from './ksHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C2D_CLAIM } from '../../theory/spectralLaw.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

const NEIGHBOUR = /^pValue\[(.+)\]$/;

function regimeOf(c: CaseWithEvidence<LegacyEvidence>): C2dRegime | null {
  const id = (c.config as Partial<C2dCase>)?.regime;
  try {
    return typeof id === 'string' ? c2dRegime(id) : null;
  } catch {
    return null;
  }
}

/** Right-law p-values and wrong-neighbour p-values of the law properties' cases. */
export function c2dPValues(ctx: ClaimContext<LegacyEvidence>): { right: number[]; wrong: number[]; alpha: number } {
  const right: number[] = [];
  const wrong: number[] = [];
  let alpha = Infinity;
  for (const c of allCases(ctx.units)) {
    const p = num(c, 'pValue');
    const a = num(c, 'alpha');
    if (p === null || a === null) continue;
    right.push(p);
    alpha = Math.min(alpha, a);
    for (const [k, v] of Object.entries(c.evidence ?? {})) if (NEIGHBOUR.test(k) && typeof v === 'number') wrong.push(v);
  }
  return { right, wrong, alpha: Number.isFinite(alpha) ? alpha : 0.01 };
}

const cost = (r: C2dRegime) => r.n * r.Nh * r.Ni * Math.min(r.Nh, r.Ni);

/** The cheapest law case on each side of γ = 1 (see the header). */
export function c2dRepresentatives(ctx: ClaimContext<LegacyEvidence>): CaseWithEvidence<LegacyEvidence>[] {
  const out: CaseWithEvidence<LegacyEvidence>[] = [];
  for (const side of [(g: number) => g < 1, (g: number) => g > 1]) {
    const candidates = allCases(ctx.units).filter((c) => {
      const r = regimeOf(c);
      return r !== null && num(c, 'pValue') !== null && side(r.Ni / r.Nh);
    });
    candidates.sort((a, b) => cost(regimeOf(a)!) - cost(regimeOf(b)!));
    if (candidates.length) out.push(candidates[0]);
  }
  return out;
}

function caseFigures(c: CaseWithEvidence<LegacyEvidence>, claim: string, alpha: number): Figure[] {
  const cfg = c.config as C2dCase;
  const regime = regimeOf(c)!;
  const p = regimeParams(regime, cfg.sigma1);
  // runC2d's stream: Rng.fromSeed(seed).split('iid') → the property's exact sample.
  const sample = c2dIidSample(Rng.fromSeed(cfg.seed).split('iid'), p, regime.n);
  const lawNeighbours = regime.neighbours.filter((w): w is C2dLawNeighbour => (C2D_LAW_NEIGHBOURS as readonly string[]).includes(w));
  const gamma = p.Ni / p.Nh;
  const law = c2dLaw(p); // its cdf is a quadrature (≈ 0.3 ms a call): built once per case
  return lawFigures({
    id: figureId(claim, regime.id),
    title: `${claim}, γ = ${Number(gamma.toPrecision(3))} (Nh = ${p.Nh}, Ni = ${p.Ni}, σ1 = ${Number(cfg.sigma1.toPrecision(3))})`,
    sample,
    right: { label: 'σ2²χ²(Nh) ⊛ Nh·σ1²·MP(γ)', cdf: law.cdf },
    others: lawNeighbours.map((w) => ({ label: `wrong neighbour ${w}`, cdf: c2dWrongLaw(p, w).cdf })),
    alpha,
    recordedP: num(c, 'pValue'),
    xTitle: 'nonzero eigenvalue λ of H(θ*) (loss / parameter²)',
  });
}

export const c2dHook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const { right, wrong, alpha } = c2dPValues(ctx);
    return lawKeyNumber(right, wrong, alpha);
  },
  summary(ctx) {
    const { right, wrong } = c2dPValues(ctx);
    return { ...statisticalHook.summary!(ctx), minRightLawP: right.length ? Math.min(...right) : null, maxWrongNeighbourP: wrong.length ? Math.max(...wrong) : null };
  },
  async figures(ctx) {
    const { alpha } = c2dPValues(ctx);
    const figures: Figure[] = [];
    for (const c of c2dRepresentatives(ctx)) figures.push(...caseFigures(c, ctx.claim, alpha));
    return [...figures, ...(await statisticalHook.figures!(ctx))];
  },
};

/** C2d for the report: its metadata, evidence schema and hook. */
export const c2dClaim = reportedClaim(C2D_CLAIM, LegacyEvidenceSchema, c2dHook);
