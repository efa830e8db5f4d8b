/**
 * The rate rule of S2 (theory/bulkOutliers.ts agreementRateTest) applied to a case's nets, for
 * the claim and for its wrong neighbours, with the evidence both record; shared by the three
 * S2 properties.
 */
import { outcome, type CaseOutcome } from '../../../src/harness/propertyDefinition.js';
import { AGREEMENT_RATE, agreementRateTest, ALPHA, COUNT_NEIGHBOURS, countAgrees, MIN_GAP, OUTLIER_COUNT_TOLERANCE, s2PredictedCount, type CountNeighbour, type RateTest } from '../../../theory/bulkOutliers.js';
import type { S2Neighbour } from '../../evidence/S2.js';
import type { TrainedNet } from './trainedNet.js';

/**
 * A wrong neighbour that the rate rule fails to reject is a shortfall of POWER on that draw,
 * not evidence against the claim: the case is inconclusive (not failed), and the property
 * tolerates such cases up to this fraction. Measured: the k sweep's 'single' neighbour
 * (count = 1) escapes on ≈ 9% of data seeds at CI sizes (2 of 23: its ±1 window overlaps the
 * claim's at k = 2, and detached-top-eigenvalue misses count 1), so in --full (10 cases)
 * P(more than 3 of 10 inconclusive) ≈ 0.8%; in CI (1 case, the default seed, where it is
 * rejected) an escape makes the property fail as "inconclusive".
 */
export const NEIGHBOUR_POWER_SHORTFALL_ALLOWANCE = 0.3;

/** The claim's rate test over nets with the given predicted counts. */
export function claimRate(nets: readonly TrainedNet[]): { test: RateTest; agree: boolean[] } {
  const agree = nets.map((t) => countAgrees(t.outliers.count, s2PredictedCount(t.config.k)));
  return { test: agreementRateTest(agree.filter(Boolean).length, nets.length), agree };
}

/** Each neighbour through the SAME rate rule on the same nets (its own prediction per net). */
export function neighbourRates(nets: readonly TrainedNet[], neighbours: readonly CountNeighbour[] = COUNT_NEIGHBOURS): S2Neighbour[] {
  return neighbours.map((n) => {
    const t = agreementRateTest(nets.filter((net) => countAgrees(net.outliers.count, n.predict(net.config.k, net.config.width))).length, nets.length);
    return { id: n.id, agreements: t.agreements, draws: t.draws, pValue: t.pValue, rejected: t.accepted === false };
  });
}

/** An unrejected neighbour makes the case inconclusive (a power shortfall), never failed. */
export function neighbourOutcomes<E>(neighbours: readonly S2Neighbour[], evidence: E, prefix: string): CaseOutcome<E>[] {
  return neighbours.map((nb) => {
    if (nb.rejected) return { ok: true, evidence };
    const description = COUNT_NEIGHBOURS.find((n) => n.id === nb.id)?.description ?? nb.id;
    return { ok: false, inconclusive: true, evidence, message: `${prefix}wrong neighbour "${description}" NOT rejected: ${nb.agreements} of ${nb.draws} agree, p = ${nb.pValue} ≥ α = ${ALPHA} (power shortfall on this draw, not a failure of the claim)` };
  });
}

/** The counting rule and the rate test's parameters and result, as every S2 case records them. */
export function rateEvidence(test: RateTest, mTop: number, size: { N: number; d: number }, neighbours: S2Neighbour[]) {
  return {
    N: size.N,
    d: size.d,
    mTop,
    minGap: MIN_GAP,
    tolerance: OUTLIER_COUNT_TOLERANCE,
    agreementRate: AGREEMENT_RATE,
    alpha: ALPHA,
    agreements: test.agreements,
    draws: test.draws,
    pValue: test.pValue,
    neighbours,
  };
}

/** The claim's rate check as an outcome; `what` prefixes the message, `detail` says which draws missed. */
export function rateOutcome<E>(test: RateTest, evidence: E, what: string, detail: () => string): CaseOutcome<E> {
  return outcome(test.accepted, evidence, () => `${what}only ${test.agreements} of ${test.draws} counts within ±${OUTLIER_COUNT_TOLERANCE} of k: P(Bin(${test.draws}, ${AGREEMENT_RATE}) ≤ ${test.agreements}) = ${test.pValue} < α = ${ALPHA}; ${detail()}`);
}

/** The draws that missed, for a failure message. */
export function missesText(nets: readonly TrainedNet[], agree: readonly boolean[]): string {
  return `misses: ${nets
    .map((t, i) => (agree[i] ? null : `seed ${t.config.seed} k = ${t.config.k}: ${t.outliers.count} (gap ${Number(t.outliers.gap.toPrecision(4))})`))
    .filter((x) => x !== null)
    .join('; ')}`;
}
