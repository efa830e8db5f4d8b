/**
 * C3 · rank H(θ*) is the effective number of parameters (theory/rankTable.ts).
 *
 * Verdict per case: the rank decided from float64 singular values of J/√N equals the
 * prediction, with clear evidence (theory/rankDecision.ts: every kept singular value at least
 * KEPT_MARGIN_MIN × the tolerance max(N, P)·eps·σ_max, the rounding floor of a backward-stable
 * SVD; dropped values are below it by definition, so the gap σ_r/σ_{r+1} is ≥ KEPT_MARGIN_MIN
 * too; it is recorded, typically 1e11–1e15). A case whose smallest kept value is closer to the
 * floor is INCONCLUSIVE, not passed: float64 cannot tell it from noise. Generic claims should
 * be decidable on the drawn space, so at most MAX_INCONCLUSIVE of cases may be inconclusive
 * (theory/rankTableClaim.ts). A configuration the table has no prediction for is a generator
 * bug: the check throws (the case fails, with the message).
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { jacobianRank } from '../../src/spectrum/jacobianRank.js';
import { isClearRankDecision, KEPT_MARGIN_MIN } from '../../theory/rankDecision.js';
import { isAlexanderHirschowitzException, monomialRank, predictedRank } from '../../theory/rankTable.js';
import { MAX_INCONCLUSIVE } from '../../theory/rankTableClaim.js';
import { alexanderHirschowitzArb, rankConfigArb, rankRowLabel, type RankConfig } from '../arbitraries/rankConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { C3Evidence, C3TableEvidence } from '../evidence/C3.js';
import { rankDecisionEvidence } from './rankEvidence.js';

function checkRank(config: RankConfig): CaseOutcome<C3TableEvidence> {
  const p = buildProblem(config);
  const predicted = predictedRank(p);
  if (predicted === null) throw new Error('theory/rankTable.ts has no prediction for this configuration (generator bug)');
  const { rank, singularValues } = jacobianRank(p, p.theta);
  const evidence: C3TableEvidence = {
    kind: 'table',
    activation: typeof config.activation === 'string' ? config.activation : 'polynomial',
    Ni: p.Ni,
    Nh: p.Nh as number,
    N: p.N,
    P: p.model.P,
    basis: predicted.basis,
    rank: rankDecisionEvidence(rank, singularValues, predicted),
  };
  if (!isClearRankDecision(rank)) {
    // Weak evidence either way: the case is not decidable in float64 (not a pass, not a fail).
    return {
      ok: false,
      inconclusive: true,
      evidence,
      message: `smallest kept σ_r = ${rank.sigmaAtRank} is within ${KEPT_MARGIN_MIN}× of the tolerance ${rank.tolerance.toExponential(2)} (measured ${rank.rank}, predicted ${predicted.rank})`,
    };
  }
  return outcome(rank.rank === predicted.rank, evidence, () => `measured rank ${rank.rank} ≠ predicted ${predicted.rank} (${predicted.formula}); gap ${rank.gap.toExponential(2)}`);
}

export const rankTableProperty: PropertyDefinition<RankConfig, C3Evidence> = {
  claim: 'C3',
  name: 'rank H(θ*) equals the rank table (all rows, degenerate teachers, cap by N)',
  arbitrary: () => rankConfigArb,
  numRuns: 500,
  maxInconclusiveFraction: MAX_INCONCLUSIVE,
  label: rankRowLabel,
  check: checkRank,
};

/**
 * The Alexander–Hirschowitz cases, where the naive count min(Nh·Ni, C(Ni+k−1, k)) is one too
 * high: the measured rank must match the corrected table and must reject the naive one
 * (the wrong neighbour "AH exceptions ignored").
 */
export const alexanderHirschowitzProperty: PropertyDefinition<RankConfig, C3Evidence> = {
  claim: 'C3',
  name: 'Alexander–Hirschowitz exceptions: one less than the naive count',
  arbitrary: () => alexanderHirschowitzArb,
  numRuns: 16,
  label: (c) => `(Ni, k, Nh) = (${c.Ni}, ${String(c.activation).slice(2)}, ${c.Nh})`,
  check(config): CaseOutcome<C3Evidence> {
    const base = checkRank(config);
    const k = Number(String(config.activation).slice(2));
    const naive = monomialRank(config.Ni, config.Nh, k, true);
    const measured = base.evidence.rank.measured;
    const evidence: C3Evidence = { ...base.evidence, kind: 'alexander-hirschowitz', naiveRank: naive };
    return allOf(
      { ...base, evidence },
      outcome(isAlexanderHirschowitzException(config.Ni, k, config.Nh) && measured !== naive, evidence, () => `the naive count ${naive} was not rejected (measured ${measured})`),
    );
  },
};

export const RANK_PROPERTIES = [rankTableProperty, alexanderHirschowitzProperty];
