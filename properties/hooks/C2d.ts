/**
 * C2d · the law of the whitened linear spectrum (σ2²χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh)), drawn from its
 * typed evidence (properties/evidence/C2d.ts). α: the recorded per-test level. Right-theory
 * tests: the claimed law of every law case (the trend's p-values are not: its smallest size must
 * be rejected). Key number: the smallest of them (must be ≥ α), with the largest wrong-neighbour
 * p-value (must be < α). Figures: for the first case on each side of γ = 1 that recorded figure
 * data (definitions/C2d/law.ts FIGURE_REGIMES: pooled-gamma-1/2 and pooled-gamma-4), the
 * histogram of its i.i.d. eigenvalues against the law's density and the P–P plot with the KS
 * band (lawFigures.ts), with the law-valued neighbours the regime tests drawn dashed; then the
 * calibration and p-value figures (ksHook.ts).
 */
import { reportedClaim, type ClaimContext } from '../../src/report/claims/claimHook.js';
import { allCases, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { C2D_CLAIM, C2D_NEIGHBOUR_LABELS } from '../../theory/spectralLaw.js';
import { C2dEvidenceSchema, type C2dEvidence, type C2dLawEvidence } from '../evidence/C2d.js';
import { ksHook } from './ksHook.js';
import { lawFigures } from './lawFigures.js';

const NEIGHBOUR_LABELS: Readonly<Record<string, string>> = C2D_NEIGHBOUR_LABELS;
const labelOf = (name: string) => `wrong neighbour ${NEIGHBOUR_LABELS[name] ?? name}`;

type LawCase = CaseWithEvidence<C2dEvidence> & { readonly evidence: C2dLawEvidence & { readonly figure: NonNullable<C2dLawEvidence['figure']> } };

/** The first case with figure data on each side of γ = 1 (γ < 1 first). */
export function c2dFigureCases(ctx: ClaimContext<C2dEvidence>): LawCase[] {
  const drawable = allCases(ctx.units).filter((c): c is LawCase => c.evidence.kind === 'law' && c.evidence.figure !== null);
  return [drawable.find((c) => c.evidence.gamma < 1), drawable.find((c) => c.evidence.gamma > 1)].filter((c): c is LawCase => c !== undefined);
}

function caseFigures(claim: string, c: LawCase): Figure[] {
  const e = c.evidence;
  return lawFigures({
    id: figureId(claim, e.regime),
    title: `${claim}, γ = ${Number(e.gamma.toPrecision(3))} (Nh = ${e.Nh}, Ni = ${e.Ni}, σ1 = ${Number(e.sigma1.toPrecision(3))})`,
    data: e.figure,
    ks: e.ks,
    claimedLabel: 'σ2²χ²(Nh) ⊛ Nh·σ1²·MP(γ)',
    labelOf,
    xTitle: 'nonzero eigenvalue λ of H(θ*) (loss / parameter²)',
  });
}

export const c2dHook = ksHook<C2dEvidence>({
  ksOf: (e) => (e.kind === 'law' ? e.ks : null),
  extraAlphas: (e) => (e.kind === 'trend' ? e.alpha : null),
  figures: (ctx) => c2dFigureCases(ctx).flatMap((c) => caseFigures(ctx.claim, c)),
});

/** C2d for the report: its metadata, evidence schema and hook. */
export const c2dClaim = reportedClaim(C2D_CLAIM, C2dEvidenceSchema, c2dHook);
