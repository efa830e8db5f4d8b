/**
 * S2's statement quotes the constants of theory/bulkOutliers.ts and no other number: a prose
 * edit that restates a number (or a constant that changes without the statement) fails here.
 */
import { describe, expect, it } from 'vitest';
import { SIZES } from '../../properties/arbitraries/clusterConfigs.js';
import { AGREEMENT_RATE, ALPHA, BULK_ALPHA, M_TOP, MIN_GAP, OUTLIER_COUNT_TOLERANCE, S2_CLAIM, SGD_M_TOP, WIDTH_M_TOP } from '../../theory/bulkOutliers.js';

/** Every decimal number written in a text. */
const numbersIn = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

describe('S2 statement', () => {
  const s = S2_CLAIM.statement;
  it('names each constant where it applies', () => {
    expect(s).toContain(`largest ratio gap (at least ${MIN_GAP}) among the top ${M_TOP} eigenvalues`);
    expect(s).toContain(`${SGD_M_TOP} after small-batch SGD`);
    expect(s).toContain(`${WIDTH_M_TOP} in the width sweep`);
    expect(s).toContain(`within ±${OUTLIER_COUNT_TOLERANCE} of k at a rate of at least ${AGREEMENT_RATE} (exact binomial test, α = ${ALPHA})`);
    expect(s).toContain(`pooled over data seeds, α = ${BULK_ALPHA}`);
  });
  it('writes no number that is not one of them', () => {
    const allowed = new Set([MIN_GAP, M_TOP, SGD_M_TOP, WIDTH_M_TOP, OUTLIER_COUNT_TOLERANCE, AGREEMENT_RATE, ALPHA, BULK_ALPHA]);
    expect(numbersIn(s).filter((n) => !allowed.has(n))).toEqual([]);
  });
  it('the counts it quotes can be seen: each top-m leaves room for counts above the largest k it is used with', () => {
    // M_TOP: every k of the k sweep's tiers; SGD_M_TOP: k ≤ 5 and the class-pair level 6 at k = 3; WIDTH_M_TOP: k ≤ 4.
    const kMax = Math.max(...SIZES.ci.ks, ...SIZES.paper.ks);
    expect(M_TOP - 1).toBeGreaterThanOrEqual(kMax + OUTLIER_COUNT_TOLERANCE);
    expect(SGD_M_TOP - 1).toBeGreaterThanOrEqual(6 + OUTLIER_COUNT_TOLERANCE);
    expect(WIDTH_M_TOP - 1).toBeGreaterThanOrEqual(4 + OUTLIER_COUNT_TOLERANCE);
  });
});
