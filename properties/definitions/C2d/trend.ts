/**
 * C2d · trend: along the ladder Nh ∈ TREND_LADDER_NH at fixed γ (Ni = γ·Nh), TREND_SAMPLES
 * i.i.d. eigenvalues per size against the asymptotic law. Asserted: (1) the smallest size is
 * rejected at KS_ALPHA (the asymptotic law is measurably wrong there, so the trend is not
 * noise); (2) D never grows by more than TREND_NOISE_SLACK/√n from one size to the next (once
 * the bias is below the KS noise, D is noise: √n·D has sd ≈ 0.26 under the null, so 1/√n is
 * ~4 sd of a difference of two); (3) the largest size's D is below half the smallest's. Strict
 * monotonicity is recorded, not asserted: between two sizes whose bias is already below the
 * noise it is a coin flip. Its p-values are not right-theory tests (the smallest size must be
 * rejected), so the report leaves them out of the Holm family.
 */
import { Rng } from '../../../src/rng/rng.js';
import { whitenedIidSample } from '../../../src/spectrum/linearEnsembleSample.js';
import { ksOneSample } from '../../../src/stats/index.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { KS_ALPHA } from '../../../theory/spectralLaw.js';
import { TREND_LADDER_NH, TREND_SAMPLES, TREND_SIGMA_RATIO, c2dTrendArb, type C2dTrendCase } from '../../arbitraries/lawConfigs.js';
import type { C2dEvidence, C2dTrendEvidence } from '../../evidence/C2d.js';
import { rightLaw, round } from '../lawExperiment.js';

/** Allowed growth of D between consecutive sizes, in units of 1/√n (see the header). */
export const TREND_NOISE_SLACK = 1;

export const c2dTrendProperty: PropertyDefinition<C2dTrendCase, C2dEvidence> = {
  claim: 'C2d',
  name: `the KS distance to the asymptotic law shrinks as Nh, Ni grow at fixed γ (Nh = ${TREND_LADDER_NH.join(' → ')}, n = ${TREND_SAMPLES})`,
  arbitrary: () => c2dTrendArb,
  numRuns: 2,
  label: (c) => `γ = ${c.gamma}`,
  check(c) {
    const rng = Rng.fromSeed(c.seed);
    const Ds: number[] = [];
    const ps: number[] = [];
    for (const Nh of TREND_LADDER_NH) {
      const p = { Nh, Ni: Math.round(c.gamma * Nh), sigma1: c.sigma1, sigma2: TREND_SIGMA_RATIO * c.sigma1 };
      const r = ksOneSample(whitenedIidSample(rng.split(`Nh:${Nh}`), p, TREND_SAMPLES), rightLaw(p).cdf);
      Ds.push(r.D);
      ps.push(r.pValue);
    }
    const slack = TREND_NOISE_SLACK / Math.sqrt(TREND_SAMPLES);
    const strictlyDecreasing = Ds.every((d, i) => i === 0 || d < Ds[i - 1]);
    const evidence: C2dTrendEvidence = { kind: 'trend', gamma: c.gamma, Nh: [...TREND_LADDER_NH], D: Ds.map((d) => round(d)), pValues: ps, n: TREND_SAMPLES, alpha: KS_ALPHA, strictlyDecreasing, slack: round(slack, 4) };
    const growth = Ds.findIndex((d, i) => i > 0 && d > Ds[i - 1] + slack);
    const last = Ds[Ds.length - 1];
    return allOf(
      outcome(ps[0] < KS_ALPHA, evidence, () => `the smallest size (Nh = ${TREND_LADDER_NH[0]}) is not rejected (p = ${ps[0].toExponential(3)}): the ladder does not start where the asymptotics fail`),
      outcome(growth < 0, {}, () => `KS distance grows beyond the noise slack ${slack.toFixed(4)} at Nh = ${TREND_LADDER_NH[growth]}: D = ${Ds.map((d) => d.toFixed(4)).join(', ')}`),
      outcome(last < Ds[0] / 2, {}, () => `KS distance at the largest size ${last.toFixed(4)} is not below half the smallest size's ${Ds[0].toFixed(4)}`),
    );
  },
};
