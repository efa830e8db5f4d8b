/**
 * C2d · companion: the KS machinery the C2d cases rely on has power against its own mutations
 * (./ksRoute.ts). A case draws KS_POWER_SAMPLES samples of size n — U(0, 1) draws tested against
 * the U(0, 1) cdf, which by the probability integral transform is the same test as n eigenvalues
 * against a continuous law — and runs the C2d route check on
 *   - the real component (src/stats ksOneSample): it must agree with the route on every sample;
 *   - each mutant (KS_MUTANTS): the route must catch it on at least one sample of the case.
 * A D⁺ mutant changes D only where D⁺ > D⁻ (about half the samples), the n ± 1 mutants are below the
 * route's tolerance only when p > 0.997 (√n·D < 0.4), the lower-tail one only when p ≈ ½: with 16
 * samples a mutant escapes a case with probability ≤ 2⁻¹⁶.
 * n ∈ [141, 600]: above the exact small-n branch (n ≤ 140), where the dispatch uses the Pelz–Good
 * series and Miller's tail like the C2d regimes (n = 500–4000), and cheap (Durbin ≤ 25 ms).
 */
import * as fc from 'fast-check';
import { Rng } from '../../../src/rng/rng.js';
import { ksOneSample } from '../../../src/stats/index.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { seedArb } from '../../arbitraries/common.js';
import type { C2dEvidence, C2dKsPowerEvidence } from '../../evidence/C2d.js';
import { KS_MUTANTS, ksRoute, type KsComponent } from './ksRoute.js';

export const KS_POWER_SAMPLES = 16;

export interface KsPowerCase {
  readonly seed: number;
  readonly n: number;
}

const uniformCdf = (x: number) => Math.min(1, Math.max(0, x));
const realKs: KsComponent = (s, F) => ksOneSample(s, F);

export const c2dKsPowerProperty: PropertyDefinition<KsPowerCase, C2dEvidence> = {
  claim: 'C2d',
  name: `companion: the KS p-value and D agree with an independent route (Durbin's exact law, a two-sample D), and the lower-tail, n ± 1 and D⁺ off-by-one mutants are caught (${KS_POWER_SAMPLES} samples per case)`,
  arbitrary: () => fc.record({ seed: seedArb, n: fc.integer({ min: 141, max: 600 }) }),
  numRuns: 6,
  label: (c) => (c.n <= 300 ? 'n ≤ 300' : 'n > 300'),
  check(c) {
    const rng = Rng.fromSeed(c.seed);
    const samples = Array.from({ length: KS_POWER_SAMPLES }, (_, k) => {
      const r = rng.split(`sample:${k}`);
      return Float64Array.from({ length: c.n }, () => r.uniform());
    });
    const real = samples.map((s) => ksRoute(s, uniformCdf, realKs(s, uniformCdf)));
    const mutants = KS_MUTANTS.map((m) => {
      let caught = 0;
      let wrong = 0;
      for (const s of samples) {
        const r = m.ks(s, uniformCdf);
        const truth = realKs(s, uniformCdf);
        if (r.D !== truth.D || r.pValue !== truth.pValue) wrong++;
        if (!ksRoute(s, uniformCdf, r).agrees) caught++;
      }
      return { id: m.id, wrong, caught };
    });
    const evidence: C2dKsPowerEvidence = {
      kind: 'ks-power',
      n: c.n,
      samples: KS_POWER_SAMPLES,
      realAgree: real.filter((r) => r.agrees).length,
      realWorstPRelError: Math.max(...real.map((r) => r.pRelError)),
      realWorstDError: Math.max(...real.map((r) => r.dError)),
      mutants,
    };
    return allOf(
      outcome(evidence.realAgree === KS_POWER_SAMPLES, evidence, () => `the real KS component disagrees with the route on ${KS_POWER_SAMPLES - evidence.realAgree} of ${KS_POWER_SAMPLES} samples (worst p relative error ${evidence.realWorstPRelError.toExponential(2)}, D error ${evidence.realWorstDError.toExponential(2)})`),
      ...mutants.map((m) => outcome(m.caught > 0, evidence, () => `mutant '${m.id}' was not caught on any of ${KS_POWER_SAMPLES} samples (wrong on ${m.wrong})`)),
    );
  },
};
