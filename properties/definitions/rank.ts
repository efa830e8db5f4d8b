/**
 * C3 · rank H(θ*) is the effective number of parameters (theory/rankTable.ts).
 *
 * Verdict: the rank decided from float64 singular values of J/√N equals the prediction,
 * AND every kept singular value is at least KEPT_MARGIN_MIN (1e3) × the tolerance
 * max(N, P)·eps·σ_max, the rounding floor of a backward-stable SVD: a kept value that
 * close to the floor could be rounding noise, so such a case is not evidence. Dropped
 * values are ≤ the tolerance by definition, so the evidence gap σ_r/σ_{r+1} is ≥ 1e3 too;
 * it is recorded (typically 1e11–1e15 here) but not asserted separately.
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { jacobianRank } from '../../src/spectrum/jacobianRank.js';
import { isAlexanderHirschowitzException, monomialRank, predictedRank } from '../../theory/rankTable.js';
import { alexanderHirschowitzArb, rankConfigArb, rankRowLabel, type RankConfig } from '../arbitraries/rankConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../support/propertyDefinition.js';

export const KEPT_MARGIN_MIN = 1e3;

function checkRank(config: RankConfig): CaseOutcome {
  const p = buildProblem(config);
  const predicted = predictedRank(p);
  if (predicted === null) return { ok: false, evidence: {}, message: 'theory/rankTable.ts has no prediction for this configuration (generator bug)' };
  const { rank } = jacobianRank(p, p.theta);
  const evidence = {
    P: p.model.P,
    N: p.N,
    predictedRank: predicted.rank,
    measuredRank: rank.rank,
    formula: predicted.formula,
    basis: predicted.basis,
    gap: Number.isFinite(rank.gap) ? rank.gap : null,
    toleranceMargin: Number.isFinite(rank.toleranceMargin) ? rank.toleranceMargin : null,
    sigmaMax: rank.sigmaMax,
    sigmaAtRank: rank.sigmaAtRank,
    sigmaBelowRank: rank.sigmaBelowRank,
  };
  return allOf(
    outcome(rank.rank === predicted.rank, evidence, () => `measured rank ${rank.rank} ≠ predicted ${predicted.rank} (${predicted.formula})`),
    outcome(
      rank.rank === 0 || (rank.sigmaAtRank as number) >= KEPT_MARGIN_MIN * rank.tolerance,
      evidence,
      () => `smallest kept σ_r = ${rank.sigmaAtRank} is within ${KEPT_MARGIN_MIN}× of the tolerance ${rank.tolerance.toExponential(2)}`,
    ),
  );
}

export const rankTableProperty: PropertyDefinition<RankConfig> = {
  claim: 'C3',
  name: 'rank H(θ*) equals the rank table (all rows, degenerate teachers, cap by N)',
  arbitrary: rankConfigArb,
  numRuns: 200,
  label: rankRowLabel,
  check: checkRank,
};

/**
 * The Alexander–Hirschowitz cases, where the naive count min(Nh·Ni, C(Ni+k−1, k)) is one too
 * high: the measured rank must match the corrected table and must reject the naive one
 * (the wrong neighbour "AH exceptions ignored").
 */
export const alexanderHirschowitzProperty: PropertyDefinition<RankConfig> = {
  claim: 'C3',
  name: 'Alexander–Hirschowitz exceptions: one less than the naive count',
  arbitrary: alexanderHirschowitzArb,
  numRuns: 8,
  label: (c) => `(Ni, k, Nh) = (${c.Ni}, ${String(c.activation).slice(2)}, ${c.Nh})`,
  check(config) {
    const base = checkRank(config);
    const k = Number(String(config.activation).slice(2));
    const naive = monomialRank(config.Ni, config.Nh, k, true);
    const measured = base.evidence.measuredRank as number;
    return allOf(
      base,
      outcome(isAlexanderHirschowitzException(config.Ni, k, config.Nh) && measured !== naive, { naiveRank: naive }, () => `the naive count ${naive} was not rejected (measured ${measured})`),
    );
  },
};

export const RANK_PROPERTIES = [rankTableProperty, alexanderHirschowitzProperty];
