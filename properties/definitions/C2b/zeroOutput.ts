/**
 * C2b's counterexample · a = 0: M = WᵀW is singular and rank H(θ*) = min(rank W, N)
 * (theory/linearNetwork.ts predictedLinearRank). The wrong neighbour "rank = min(Ni, N) whatever
 * a" must be rejected by the measured rank wherever rank W < min(Ni, N). Rank decided from the
 * singular values of J/√N (src/spectrum/jacobianRank.ts), recorded with the values around it.
 */
import { buildProblem } from '../../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../../src/config/types.js';
import { jacobianRank } from '../../../src/spectrum/jacobianRank.js';
import { predictedLinearRank } from '../../../theory/linearNetwork.js';
import { linearConfigArb, linearLabel } from '../../arbitraries/linearConfigs.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { C2bEvidence, C2bZeroOutputEvidence } from '../../evidence/C2b.js';
import { linearNetEvidence } from '../linearNetworkChecks.js';
import { rankDecisionEvidence } from '../rankEvidence.js';

export const zeroOutputCounterexampleProperty: PropertyDefinition<GeneratedConfig, C2bEvidence> = {
  claim: 'C2b',
  name: 'counterexample a = 0: rank H(θ*) = rank(W), and min(Ni, N) is rejected when Nh < min(Ni, N)',
  arbitrary: () => linearConfigArb({ zeroOutput: true }),
  numRuns: 150,
  label: linearLabel,
  check(config) {
    const p = buildProblem(config);
    const { rank, singularValues } = jacobianRank(p, p.theta);
    const pred = predictedLinearRank(p);
    const naive = Math.min(p.Ni, p.N);
    const ev: C2bZeroOutputEvidence = { kind: 'zero-output', ...linearNetEvidence(config, p), rank: rankDecisionEvidence(rank, singularValues, pred), naiveRank: naive };
    return allOf(
      outcome(rank.rank === pred.rank, ev, () => `rank ${rank.rank} ≠ min(rank W, N) = ${pred.rank}`),
      outcome(pred.rank === naive || rank.rank !== naive, ev, () => `min(Ni, N) = ${naive} not rejected`),
    );
  },
};
