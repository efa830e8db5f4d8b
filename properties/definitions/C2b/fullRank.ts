/**
 * C2b · rank H(θ*) = min(Ni, N) when M ≻ 0 (theory/linearNetwork.ts predictedLinearRank),
 * decided from the singular values of J/√N (src/spectrum/jacobianRank.ts, the same decision
 * hessianSpectrum makes at θ*) with every kept value ≥ KEPT_MARGIN_MIN × the rounding floor
 * (theory/rankDecision.ts). Evidence: the rank decision and the singular values around it.
 */
import { buildProblem } from '../../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../../src/config/types.js';
import { jacobianRank } from '../../../src/spectrum/jacobianRank.js';
import { predictedLinearRank } from '../../../theory/linearNetwork.js';
import { isClearRankDecision, KEPT_MARGIN_MIN } from '../../../theory/rankDecision.js';
import { linearConfigArb, linearLabel } from '../../arbitraries/linearConfigs.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { C2bEvidence, C2bRegularEvidence } from '../../evidence/C2b.js';
import { linearNetEvidence } from '../linearNetworkChecks.js';
import { rankDecisionEvidence } from '../rankEvidence.js';

/** The formula predictedLinearRank gives when M ≻ 0 starts with this. */
const M_POSITIVE_DEFINITE = 'min(Ni, N)';

export const linearRankProperty: PropertyDefinition<GeneratedConfig, C2bEvidence> = {
  claim: 'C2b',
  name: 'rank H(θ*) = min(Ni, N) when M ≻ 0, with P − rank zero eigenvalues',
  arbitrary: () => linearConfigArb(),
  numRuns: 200,
  label: linearLabel,
  check(config) {
    const p = buildProblem(config);
    const { rank: r, singularValues } = jacobianRank(p, p.theta);
    const pred = predictedLinearRank(p);
    const ev: C2bRegularEvidence = { kind: 'regular', ...linearNetEvidence(config, p), rank: rankDecisionEvidence(r, singularValues, pred) };
    return allOf(
      outcome(pred.formula.startsWith(M_POSITIVE_DEFINITE), ev, () => `M is not positive definite for this draw (${pred.formula})`),
      outcome(r.rank === pred.rank, ev, () => `rank ${r.rank} ≠ ${pred.rank} (${pred.formula})`),
      outcome(isClearRankDecision(r), ev, () => `smallest kept σ within ${KEPT_MARGIN_MIN}× of the tolerance`),
    );
  },
};
