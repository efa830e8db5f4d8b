/**
 * C2e · convergence: along N/Ni ∈ C2E_GROWING_RATIOS the sup-distance between the free and the
 * classical law (theory supDistance) must decrease, and end ≤ AGREEMENT_BOUND; at the top of the
 * ladder C2E_CONVERGENCE_SAMPLES eigenvalues of MC must be accepted by KS at KS_ALPHA under BOTH
 * laws (the classical law is then a right-theory test: neighbour expect 'accept'). Figure data
 * (lawFigureData.ts) is recorded for the top-of-ladder sample (≈ 3.5 KB).
 */
import { Rng } from '../../../src/rng/rng.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { AGREEMENT_BOUND, C2E_GROWING_RATIOS } from '../../../theory/finiteDataLaw.js';
import { KS_ALPHA, supDistance } from '../../../theory/spectralLaw.js';
import { C2E_CONVERGENCE_BASE, C2E_CONVERGENCE_SAMPLES, c2eCaseArb } from '../../arbitraries/lawConfigs.js';
import type { C2eConvergenceEvidence, C2eEvidence } from '../../evidence/C2e.js';
import { CLASSICAL, c2eParams, freeLaw, ksEvidence, neighbourOf, rightLaw, round, runC2e } from '../lawExperiment.js';
import { lawFigureData } from '../lawFigureData.js';

export const c2eConvergenceProperty: PropertyDefinition<{ seed: number; sigma1: number }, C2eEvidence> = {
  claim: 'C2e',
  name: `as N/Ni grows (${C2E_GROWING_RATIOS.join(' → ')}; Nh = ${C2E_CONVERGENCE_BASE.Nh}, Ni = ${C2E_CONVERGENCE_BASE.Ni}) the free and classical laws agree: sup-distance decreasing to ≤ ${AGREEMENT_BOUND}, and both accepted at the largest N/Ni`,
  arbitrary: () => c2eCaseArb([C2E_GROWING_RATIOS[C2E_GROWING_RATIOS.length - 1]]).map(({ seed, sigma1 }) => ({ seed, sigma1 })),
  numRuns: 1,
  check(c) {
    const p = c2eParams(c.sigma1, C2E_CONVERGENCE_BASE);
    const distances = C2E_GROWING_RATIOS.map((ratio) => supDistance(freeLaw(p, ratio * p.Ni), rightLaw(p)));
    const top = C2E_GROWING_RATIOS[C2E_GROWING_RATIOS.length - 1];
    const r = runC2e(Rng.fromSeed(c.seed), top, c.sigma1, 'accept', C2E_CONVERGENCE_SAMPLES, C2E_CONVERGENCE_BASE);
    const classical = neighbourOf(r, CLASSICAL);
    const evidence: C2eConvergenceEvidence = {
      kind: 'convergence',
      ratios: [...C2E_GROWING_RATIOS],
      lawDistance: distances.map((d) => round(d, 4)),
      Nh: p.Nh,
      Ni: p.Ni,
      N: r.N,
      ks: ksEvidence(r),
      figure: lawFigureData(r.sample, [{ name: 'claimed', cdf: freeLaw(p, r.N).cdf }, { name: CLASSICAL, cdf: rightLaw(p).cdf }], KS_ALPHA),
    };
    const decreasing = distances.every((d, i) => i === 0 || d < distances[i - 1]);
    return allOf(
      outcome(decreasing, evidence, () => `sup |F_free − F_classical| not decreasing in N/Ni: ${distances.map((d) => d.toFixed(4)).join(', ')}`),
      outcome(distances[distances.length - 1] <= AGREEMENT_BOUND, {}, () => `laws still differ by ${distances[distances.length - 1].toFixed(4)} > ${AGREEMENT_BOUND} at N/Ni = ${top}`),
      outcome(r.pValue >= KS_ALPHA && classical.pValue >= KS_ALPHA, {}, () => `at N/Ni = ${top} both laws should be accepted: p(free) = ${r.pValue.toExponential(3)}, p(classical) = ${classical.pValue.toExponential(3)}`),
    );
  },
};
