/**
 * Holm across the report (docs/theory.md#statistics: "controls the suite-wide rate (Holm across all
 * statistical claims in a report)"). The family: every test under the RIGHT theory — a p-value
 * the property requires to be ≥ its per-test α — of every statistical claim of the report, as
 * each claim's hook lists them (ClaimReportHook.rightTheoryTests; default: each case's
 * `pValue`). Wrong-neighbour tests (which must reject) and trend p-values are not in it.
 * Holm's step-down procedure (src/stats/holm.ts) at FAMILY_WISE_ALPHA then bounds by that α the
 * probability that the report flags ANY right-theory test while every right theory holds.
 *
 * Interaction with the per-test α (documented in reports/README.md): a property's verdict is
 * its own test at its own α (0.01 for C2d/C2e, 0.001 for S3), unchanged — vitest and the
 * report's units agree case for case. The report's claim verdict is 'fail' if a unit failed OR
 * if Holm rejects one of the claim's right-theory tests (claimVerdict.ts). Because Holm's i-th
 * threshold is α_F/(m − i + 1), a Holm rejection is also a per-test rejection whenever
 * α_F/(m − i + 1) ≤ α_test, i.e. unless at least m − α_F/α_test + 1 tests are already rejected;
 * so in practice Holm adds no failure, and its role is to say whether a per-test failure
 * survives the multiplicity of the run (adjusted p < α_F: a real discrepancy at the suite's
 * level) or is what m tests at α_test produce by chance (adjusted p ≥ α_F).
 */
import { holm } from '../../stats/holm.js';
import type { ClaimMultipleTesting, FamilyTest, MultipleTestingRecord } from '../types.js';
import type { RightTheoryTest } from "../claims/claimHook.js";

/** The family-wise error rate the report controls across its statistical claims. */
export const FAMILY_WISE_ALPHA = 0.05;

export interface HolmOutcome {
  readonly record: MultipleTestingRecord | null;
  readonly perClaim: ReadonlyMap<string, ClaimMultipleTesting>;
  /** Every test with its adjusted p, by claim. */
  readonly tests: ReadonlyMap<string, readonly FamilyTest[]>;
}

/** Holm at `alpha` over the tests of each claim, pooled. Claims with no test are left out. */
export function holmAcrossClaims(byClaim: ReadonlyMap<string, readonly RightTheoryTest[]>, alpha = FAMILY_WISE_ALPHA): HolmOutcome {
  const flat: Array<RightTheoryTest & { claim: string }> = [];
  for (const [claim, tests] of byClaim) for (const t of tests) flat.push({ ...t, claim });
  if (flat.length === 0) return { record: null, perClaim: new Map(), tests: new Map() };
  // A p-value a hair outside [0, 1] (rounding in a tail formula) is clamped, not fatal.
  const h = holm(flat.map((t) => Math.min(1, Math.max(0, t.pValue))), alpha);
  const all: FamilyTest[] = flat.map((t, i) => ({ claim: t.claim, property: t.property, seed: t.seed, caseIndex: t.caseIndex, test: t.test, pValue: t.pValue, alpha: t.alpha, adjustedP: h.adjusted[i] }));
  const tests = new Map<string, FamilyTest[]>();
  for (const t of all) tests.set(t.claim, [...(tests.get(t.claim) ?? []), t]);
  const perClaim = new Map<string, ClaimMultipleTesting>();
  for (const [claim, ts] of tests) {
    const min = ts.reduce((a, b) => (b.adjustedP < a.adjustedP || (b.adjustedP === a.adjustedP && b.pValue < a.pValue) ? b : a));
    perClaim.set(claim, { tests: ts.length, minP: Math.min(...ts.map((t) => t.pValue)), adjustedMinP: min.adjustedP, rejected: ts.filter((t) => t.adjustedP <= alpha).length });
  }
  const best = all.reduce((a, b) => (b.adjustedP < a.adjustedP || (b.adjustedP === a.adjustedP && b.pValue < a.pValue) ? b : a));
  return {
    record: {
      method: 'holm',
      alpha,
      tests: all.length,
      claims: [...tests.keys()],
      smallestP: Math.min(...all.map((t) => t.pValue)),
      smallestAdjustedP: best.adjustedP,
      smallestAdjustedPClaim: best.claim,
      rejected: all.filter((t) => t.adjustedP <= alpha),
    },
    perClaim,
    tests,
  };
}
