/**
 * C2e · finite un-whitened data: the free multiplicative law E_A[(A + Nh·σ1²·MP(Ni/Nh)) ⊠ MP(Ni/N)],
 * drawn from its typed evidence (properties/evidence/C2e.ts). Right-theory tests: the free law
 * in every case, and the classical law only where the property requires it to agree (recorded
 * as a neighbour with expect 'accept': the convergence property at the top of the N/Ni ladder);
 * at small N/Ni the classical law is a wrong neighbour. Key number: the smallest right-theory
 * p-value (must be ≥ α), with the largest p-value of the classical law where it must be rejected.
 * Figures: the first small-N/Ni case and the convergence case, each as a histogram against both
 * laws' densities and a P–P plot of the same sample against both (lawFigures.ts): at small N/Ni
 * the classical law's points leave the KS band, at large N/Ni both stay inside. Then the
 * calibration and p-value figures (ksHook.ts).
 */
import { reportedClaim, type ClaimContext } from '../../src/report/claims/claimHook.js';
import { allCases } from '../../src/report/claims/evidenceValues.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { C2E_CLAIM } from '../../theory/finiteDataLaw.js';
import { C2eEvidenceSchema, type C2eEvidence } from '../evidence/C2e.js';
import { ksHook, type KsTestNames } from './ksHook.js';
import { lawFigures } from './lawFigures.js';

/** Names of C2e's right-theory tests in the report. */
export const C2E_TEST_NAMES: KsTestNames = { claimed: 'free law', agreeing: (name) => `${name} law (large N/Ni)` };

function c2eFigures(ctx: ClaimContext<C2eEvidence>): Figure[] {
  const cases = allCases(ctx.units);
  const small = cases.find((c) => c.evidence.kind === 'small-data');
  const large = cases.find((c) => c.evidence.kind === 'convergence');
  return [small, large].flatMap((c) => {
    if (!c) return [];
    const e = c.evidence;
    const what = e.kind === 'small-data' ? 'small' : 'large';
    const ratio = e.N / e.Ni;
    return lawFigures({
      id: figureId(ctx.claim, `ratio-${ratio}`),
      title: `${ctx.claim}, ${what} N/Ni = ${ratio} (Nh = ${e.Nh}, Ni = ${e.Ni}, N = ${e.N})`,
      data: e.figure,
      ks: e.ks,
      claimedLabel: 'free law (A + s·MP(γ)) ⊠ MP(Ni/N)',
      labelOf: () => `classical χ² ⊛ MP law, which ${what === 'small' ? 'must be rejected' : 'must agree'}`,
      xTitle: 'nonzero eigenvalue λ of H(θ*) = eig(MC) (loss / parameter²)',
    });
  });
}

export const c2eHook = ksHook<C2eEvidence>({ ksOf: (e) => e.ks, names: C2E_TEST_NAMES, figures: c2eFigures });

/** C2e's right-theory tests (the free law everywhere, the classical law where it must agree). */
export const c2eRightTheoryTests = c2eHook.rightTheoryTests;

/** C2e for the report: its metadata, evidence schema and hook. */
export const c2eClaim = reportedClaim(C2E_CLAIM, C2eEvidenceSchema, c2eHook);
