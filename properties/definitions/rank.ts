/**
 * C3 · rank H(θ*) is the effective number of parameters (theory/rankTable.ts).
 *
 * Oracle: the rank decided from float64 singular values of J/√N. Per case the table either
 * predicts a rank — then the measured rank must equal it, with clear evidence
 * (theory/rankDecision.ts: every kept singular value at least KEPT_MARGIN_MIN × the tolerance
 * max(N, P)·eps·σ_max, the rounding floor of a backward-stable SVD; dropped values are below it
 * by definition, so the gap σ_r/σ_{r+1} is ≥ KEPT_MARGIN_MIN too; it is recorded, typically
 * 1e11–1e15) — or makes NO CLAIM (with its reason): the case is recorded with the measured rank,
 * asserted nothing, and reported as "no claim", never as a match. Where docs/theory.md#c3 says
 * the table has no rule — a polynomial that is not a monomial on a degenerate teacher, ReLU below
 * N = 8P + 40 — a prediction is a guess and fails the case (`documentedNoClaim`, stated here
 * from the configuration, not from the table's code).
 * A case whose smallest kept value is closer to the floor is INCONCLUSIVE, not passed: float64
 * cannot tell it from noise; at most MAX_INCONCLUSIVE of a property's cases may be.
 * The rank rule's tolerance itself is pinned by ./rankProbe.ts.
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { jacobianRank } from '../../src/spectrum/jacobianRank.js';
import { singularValueWindow } from '../../src/linalg/singularValueWindow.js';
import { isClearRankDecision, KEPT_MARGIN_MIN } from '../../theory/rankDecision.js';
import { reluSamplesNeeded } from '../../theory/rankGenericity.js';
import { rankClaim } from '../../theory/rankTable.js';
import { MAX_INCONCLUSIVE } from '../../theory/rankTableClaim.js';
import { monomialRank } from '../../theory/waringRank.js';
import { PUBLISHED_AH_EXCEPTIONS, activationName, alexanderHirschowitzArb, degeneracyOf, degenerateRankArb, rankConfigArb, rankRowLabel, type RankConfig } from '../arbitraries/rankConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { C3Evidence, C3TableEvidence } from '../evidence/C3.js';
import { rankDecisionEvidence, SCREE_DROPPED, SCREE_KEPT } from './rankEvidence.js';
import { rankProbeProperty } from './rankProbe.js';

/**
 * Where docs/theory.md#c3 lists no rule, read off the configuration: a polynomial activation that
 * is not a monomial (two or more nonzero coefficients) with any degenerate unit, and ReLU with
 * N < 8P + 40. Null elsewhere (the table may still decline, e.g. a polynomial below its width).
 */
export function documentedNoClaim(c: RankConfig): string | null {
  const a = c.activation;
  const degenerate = degeneracyOf(c) !== 'none';
  if (typeof a === 'object' && a.polynomial.filter((v) => v !== 0).length >= 2 && degenerate) return 'degenerate teacher with a polynomial that is not a monomial';
  if (a === 'relu' && c.N < reluSamplesNeeded(c.Nh * (c.Ni + 1))) return 'ReLU below N = 8P + 40';
  return null;
}

/** The σ_r/σ_{r+1} gap as text: infinite when every dropped singular value is exactly 0 (printed as words, never "Infinity"). */
function gapText(gap: number): string {
  return Number.isFinite(gap) ? gap.toExponential(2) : '∞ (every dropped singular value is exactly 0)';
}

export function checkRank(config: RankConfig): CaseOutcome<C3Evidence> {
  const p = buildProblem(config);
  const claim = rankClaim(p);
  const { rank, singularValues } = jacobianRank(p, p.theta);
  const sizes = { activation: activationName(config), Ni: p.Ni, Nh: p.Nh as number, N: p.N, P: p.model.P, degeneracy: degeneracyOf(config) };
  if (claim.kind === 'no-claim') {
    const evidence: C3Evidence = {
      kind: 'no-claim',
      ...sizes,
      reason: claim.reason,
      rank: { measured: rank.rank, gap: Number.isFinite(rank.gap) ? rank.gap : null, sigmaMax: rank.sigmaMax, tolerance: rank.tolerance, clear: isClearRankDecision(rank), singularValues: singularValueWindow(singularValues, rank.rank, SCREE_KEPT, SCREE_DROPPED) },
    };
    // Recorded, not asserted: the table said it cannot predict here.
    return { ok: true, evidence };
  }
  const evidence: C3TableEvidence = { kind: 'table', ...sizes, basis: claim.basis, rank: rankDecisionEvidence(rank, singularValues, claim) };
  const guess = documentedNoClaim(config);
  if (guess !== null) return { ok: false, evidence, message: `the table predicts rank ${claim.rank} (${claim.formula}) where docs/theory.md#c3 has no rule (${guess}): it must make no claim` };
  if (!isClearRankDecision(rank)) {
    // Weak evidence either way: the case is not decidable in float64 (not a pass, not a fail).
    return {
      ok: false,
      inconclusive: true,
      evidence,
      message: `smallest kept σ_r = ${rank.sigmaAtRank} is within ${KEPT_MARGIN_MIN}× of the tolerance ${rank.tolerance.toExponential(2)} (measured ${rank.rank}, predicted ${claim.rank})`,
    };
  }
  return outcome(rank.rank === claim.rank, evidence, () => `measured rank ${rank.rank} ≠ predicted ${claim.rank} (${claim.formula}); gap ${gapText(rank.gap)}`);
}

export const rankTableProperty: PropertyDefinition<RankConfig, C3Evidence> = {
  claim: 'C3',
  name: 'rank H(θ*) equals the rank table (all rows, polynomials on both sides of the large-width bound, cap by N); no-claim cases recorded',
  arbitrary: () => rankConfigArb,
  numRuns: 400,
  maxInconclusiveFraction: MAX_INCONCLUSIVE,
  label: rankRowLabel,
  check: checkRank,
};

/**
 * Degenerate teachers of every kind × every activation the table covers (rankConfigs.ts
 * degenerateRankArb), the measured rank as the oracle. Cost: one SVD of at most ~500 × 30 per case.
 */
export const degenerateRankProperty: PropertyDefinition<RankConfig, C3Evidence> = {
  claim: 'C3',
  name: 'degenerate teachers (duplicated, reflected, rescaled units, zero output weights, combined) for every activation: the table is right or makes no claim',
  arbitrary: () => degenerateRankArb,
  numRuns: 1200,
  maxInconclusiveFraction: MAX_INCONCLUSIVE,
  label: rankRowLabel,
  check: checkRank,
};

/**
 * The Alexander–Hirschowitz cases, from the published list (rankConfigs.ts
 * PUBLISHED_AH_EXCEPTIONS) with their neighbouring widths: the measured rank must match the
 * table; at an exception the naive count min(Nh·Ni, C(Ni+k−1, k)) must be rejected (the wrong
 * neighbour "AH exceptions ignored"), and one unit either side it must be right (the exceptions
 * are exactly there).
 */
export const alexanderHirschowitzProperty: PropertyDefinition<RankConfig, C3Evidence> = {
  claim: 'C3',
  name: 'Alexander–Hirschowitz exceptions (published list): one less than the naive count there, the naive count one unit either side',
  arbitrary: () => alexanderHirschowitzArb,
  numRuns: 24,
  label: (c) => `(Ni, k, Nh) = (${c.Ni}, ${String(c.activation).slice(2)}, ${c.Nh})`,
  check(config): CaseOutcome<C3Evidence> {
    const base = checkRank(config);
    if (base.evidence.kind !== 'table') return { ok: false, evidence: base.evidence, message: 'the table makes no claim at an Alexander–Hirschowitz width' };
    const k = Number(String(config.activation).slice(2));
    const naive = monomialRank(config.Ni, config.Nh, k, true);
    const measured = base.evidence.rank.measured;
    const published = PUBLISHED_AH_EXCEPTIONS.some(([n, d, s]) => n + 1 === config.Ni && d === k && s === config.Nh);
    const evidence: C3Evidence = { ...base.evidence, kind: 'alexander-hirschowitz', naiveRank: naive };
    return allOf(
      { ...base, evidence },
      published
        ? outcome(measured !== naive, evidence, () => `the naive count ${naive} was not rejected at a published exception (measured ${measured})`)
        : outcome(measured === naive, evidence, () => `one unit from an exception the naive count ${naive} should hold, measured ${measured}`),
    );
  },
};

export const RANK_PROPERTIES = [rankTableProperty, degenerateRankProperty, alexanderHirschowitzProperty, rankProbeProperty];
