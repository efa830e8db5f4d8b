/**
 * C2e · small N/Ni: at N = ratio·Ni (ratio ∈ C2E_SMALL_RATIOS) the free multiplicative law must
 * be accepted by KS at KS_ALPHA and the classical χ² ⊛ MP law (the N → ∞ limit) rejected by the
 * same test on the same sample; the eigenvalue identity eig(MC) is cross-checked on real
 * Hessians. The experiment: lawExperiment.ts. Figure data (lawFigureData.ts) is recorded for
 * every case (≈ 3 KB each; the report draws the first).
 */
import { Rng } from '../../../src/rng/rng.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { C2E_SMALL_RATIOS } from '../../../theory/finiteDataLaw.js';
import { KS_ALPHA } from '../../../theory/spectralLaw.js';
import { C2E_BASE, C2E_SAMPLES, c2eCaseArb, type C2eCase } from '../../arbitraries/lawConfigs.js';
import type { C2eEvidence, C2eSmallDataEvidence } from '../../evidence/C2e.js';
import { CLASSICAL, c2eParams, crossCheckIdentity, freeLaw, ksEvidence, neighbourOf, rightLaw, round, runC2e } from '../lawExperiment.js';
import { lawFigureData } from '../lawFigureData.js';

export const c2eSmallDataProperty: PropertyDefinition<C2eCase, C2eEvidence> = {
  claim: 'C2e',
  name: `small N/Ni (${C2E_SMALL_RATIOS.join(', ')}): the free multiplicative law is accepted and the classical χ² ⊛ MP law rejected (Nh = ${C2E_BASE.Nh}, Ni = ${C2E_BASE.Ni}, n = ${C2E_SAMPLES})`,
  arbitrary: () => c2eCaseArb(C2E_SMALL_RATIOS),
  numRuns: 2,
  label: (c) => `N/Ni = ${c.ratio}`,
  check(c) {
    const p = c2eParams(c.sigma1);
    const r = runC2e(Rng.fromSeed(c.seed), c.ratio, c.sigma1, 'reject');
    const classical = neighbourOf(r, CLASSICAL);
    const law = freeLaw(p, r.N);
    const cross = crossCheckIdentity(c.seed, p, r.N);
    const evidence: C2eSmallDataEvidence = {
      kind: 'small-data',
      N: r.N,
      Ni: p.Ni,
      Nh: p.Nh,
      c: round(p.Ni / r.N),
      ks: ksEvidence(r),
      lawMassError: round(law.accuracy.maxMassError, 3),
      lawUnconverged: law.accuracy.unconverged,
      identityCrossCheckRatio: round(cross.worstRatio, 3),
      figure: lawFigureData(r.sample, [{ name: 'claimed', cdf: law.cdf }, { name: CLASSICAL, cdf: rightLaw(p).cdf }], KS_ALPHA),
    };
    return allOf(
      outcome(r.pValue >= KS_ALPHA, evidence, () => `KS rejects the free multiplicative law at N = ${r.N}: D = ${r.D.toFixed(5)}, p = ${r.pValue.toExponential(3)}`),
      outcome(classical.pValue < KS_ALPHA, {}, () => `the classical law is not rejected at N/Ni = ${c.ratio}: p = ${classical.pValue.toExponential(3)}`),
      outcome(cross.worstRatio <= 1, {}, () => `real Hessian spectrum differs from eig(MC) by ${cross.worstRatio.toFixed(2)}× the tolerance`),
    );
  },
};
