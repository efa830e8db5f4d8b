import { hasEvidence } from '../../src/report/claims/evidenceValues.js';
/**
 * C2e · finite un-whitened data: the free multiplicative law E_A[(A + Nh·σ1²·MP(Ni/Nh)) ⊠ MP(Ni/N)].
 * Key number: the smallest p-value of a test the properties require to ACCEPT (the free law
 * everywhere, and the classical law at the top of the N/Ni ladder, where the two must agree),
 * with the largest p-value of the classical law where it must be REJECTED (small N/Ni).
 * Figures: one small-N/Ni case and the large-N/Ni case, each as a histogram against both laws'
 * densities and a P–P plot of the same sample against both (lawFigures.ts): at small N/Ni the
 * classical law's points leave the KS band, at large N/Ni both stay inside. Then the generic
 * calibration and p-value figures (statistical.ts).
 *
 * Recomputation: runC2e's stream, Rng.fromSeed(seed).split('iid'), regenerates the property's
 * sample; both laws come from the property's own cache (spectralLaw.ts: freeLaw, rightLaw — the classical cdf tabulated to ≤ 1e-5), so nothing is computed twice. The
 * large-N/Ni case draws only the first LARGE_FIGURE_SAMPLES of its 1000 eigenvalues (the sampler
 * is sequential, so they are exactly the property's first draws): each draw there is a 2048×16
 * Gaussian data matrix, and the whole sample costs ~3 s.
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import type { Figure } from '../../src/report/figures/figure.js';
import { figureId } from '../../src/report/figures/figure.js';
import type { CaseRecord } from '../../src/report/types.js';
import { Rng } from '../../src/rng/rng.js';
import type { SpectralLawParams } from '../../theory/spectralLaw.js';
import { C2E_BASE, C2E_CONVERGENCE_BASE, C2E_GROWING_RATIOS, C2E_SAMPLES, type C2eCase } from '../arbitraries/lawConfigs.js';
import { c2eConvergenceProperty, c2eIidSample, c2eSmallDataProperty, freeLaw, rightLaw } from '../definitions/spectralLaw.js';
import { num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook, RightTheoryTest } from '../../src/report/claims/claimHook.js';
import { lawFigures, lawKeyNumber } from './lawFigures.js';
import { statisticalHook } from './ksHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { C2E_CLAIM } from '../../theory/finiteDataLaw.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

/**
 * The tests a C2e property requires to accept: `pValue` (free law) in every case, and
 * `pValue[classical]` in the convergence property (the classical law must agree at large N/Ni).
 */
export function c2eRightTheoryTests(ctx: ClaimContext<LegacyEvidence>): RightTheoryTest[] {
  const out: RightTheoryTest[] = [];
  for (const u of ctx.units) {
    u.cases.forEach((c, i) => {
      const alpha = num(c, 'alpha');
      const p = num(c, 'pValue');
      if (alpha === null || p === null) return;
      out.push({ property: u.name, seed: u.seed, caseIndex: i, test: 'free law', pValue: p, alpha });
      const classical = num(c, 'pValue[classical]');
      if (u.name === c2eConvergenceProperty.name && classical !== null) out.push({ property: u.name, seed: u.seed, caseIndex: i, test: 'classical law (large N/Ni)', pValue: classical, alpha });
    });
  }
  return out;
}

function wrongP(ctx: ClaimContext<LegacyEvidence>): number[] {
  return ctx.units.filter((u) => u.name === c2eSmallDataProperty.name).flatMap((u) => u.cases.filter(hasEvidence).map((c) => num(c, 'pValue[classical]')).filter((p): p is number => p !== null));
}

/** Draws regenerated for the large-N/Ni figure (a prefix of the property's sample). */
export const LARGE_FIGURE_SAMPLES = 300;

function params(sigma1: number, base: { Nh: number; Ni: number; sigmaRatio: number }): SpectralLawParams {
  return { Nh: base.Nh, Ni: base.Ni, sigma1, sigma2: base.sigmaRatio * sigma1 };
}

function caseFigures(claim: string, c: CaseWithEvidence<LegacyEvidence>, ratio: number, n: number, base: { Nh: number; Ni: number; sigmaRatio: number }, alpha: number, what: string, drawn = n): Figure[] {
  const cfg = c.config as Partial<C2eCase>;
  const p = params(cfg.sigma1!, base);
  const N = ratio * p.Ni;
  const sample = c2eIidSample(Rng.fromSeed(cfg.seed!).split('iid'), p, N, Math.min(n, drawn));
  const free = freeLaw(p, N);
  const classical = rightLaw(p);
  return lawFigures({
    id: figureId(claim, `ratio-${ratio}`),
    title: `${claim}, ${what} N/Ni = ${ratio} (Nh = ${p.Nh}, Ni = ${p.Ni}, N = ${N}${drawn < n ? `; first ${drawn} of the ${n} draws` : ''})`,
    sample,
    right: { label: 'free law (A + s·MP(γ)) ⊠ MP(Ni/N)', cdf: free.cdf },
    others: [{ label: `classical χ² ⊛ MP law, which ${what === 'small' ? 'must be rejected' : 'must agree'}`, cdf: classical.cdf }],
    alpha,
    recordedP: drawn >= n ? num(c, 'pValue') : null,
    xTitle: 'nonzero eigenvalue λ of H(θ*) = eig(MC) (loss / parameter²)',
  });
}

export const c2eHook: ClaimReportHook<LegacyEvidence> = {
  rightTheoryTests: c2eRightTheoryTests,
  keyNumber(ctx) {
    const tests = c2eRightTheoryTests(ctx);
    return lawKeyNumber(tests.map((t) => t.pValue), wrongP(ctx), tests.length ? Math.min(...tests.map((t) => t.alpha)) : 0.01);
  },
  summary(ctx) {
    const tests = c2eRightTheoryTests(ctx);
    const wrong = wrongP(ctx);
    return { ...statisticalHook.summary!(ctx), minRightLawP: tests.length ? Math.min(...tests.map((t) => t.pValue)) : null, maxWrongNeighbourP: wrong.length ? Math.max(...wrong) : null };
  },
  async figures(ctx) {
    const tests = c2eRightTheoryTests(ctx);
    const alpha = tests.length ? Math.min(...tests.map((t) => t.alpha)) : 0.01;
    const figures: Figure[] = [];
    const small = ctx.units.find((u) => u.name === c2eSmallDataProperty.name && u.cases.some(hasEvidence))?.cases.find(hasEvidence);
    if (small) figures.push(...caseFigures(ctx.claim, small, (small.config as C2eCase).ratio, C2E_SAMPLES, C2E_BASE, alpha, 'small'));
    const large = ctx.units.find((u) => u.name === c2eConvergenceProperty.name && u.cases.some(hasEvidence))?.cases.find(hasEvidence);
    if (large) figures.push(...caseFigures(ctx.claim, large, C2E_GROWING_RATIOS[C2E_GROWING_RATIOS.length - 1], num(large, 'n') ?? 1000, C2E_CONVERGENCE_BASE, alpha, 'large', LARGE_FIGURE_SAMPLES));
    return [...figures, ...(await statisticalHook.figures!(ctx))];
  },
};

/** C2e for the report: its metadata, evidence schema and hook. */
export const c2eClaim = reportedClaim(C2E_CLAIM, LegacyEvidenceSchema, c2eHook);
