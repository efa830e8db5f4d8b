/**
 * The per-claim hook of the report: how one claim's evidence is summarised and drawn.
 * Every field is optional; what a hook leaves out falls back to the generic version
 * (claims/generic.ts): key number "cases passed", the outcome-bar figure, α from evidence.
 * A statistical claim without a hook of its own gets claims/statistical.ts (KS evidence:
 * calibration bars and p-values) — see hookFor.ts.
 *
 * A statistical claim's tests under the right theory (`rightTheoryTests`, default: each case's
 * `pValue`) join the report's Holm family (multipleTesting.ts).
 *
 * To give a new claim its figures: write properties/report/claims/<id>.ts
 * exporting a ClaimReportHook, and add one line to CLAIM_HOOKS in claims/index.ts. Build
 * figures with the generic builders of src/report/figures/ (see README "Conformance report").
 */
import type { Figure } from '../../src/report/figures/figure.js';
import type { EvidenceRecord, KeyNumber, PropertyRecord } from '../../src/report/types.js';

export interface ClaimContext {
  readonly claim: string;
  /** The claim's units (property × seed), in canonical order; may be empty. */
  readonly units: readonly PropertyRecord[];
}

/**
 * One hypothesis test under the RIGHT theory: a p-value the property requires to be ≥ α (a
 * rejection fails the case). The report pools these across every statistical claim and applies
 * Holm at the family-wise level (multipleTesting.ts). Wrong-neighbour tests (which must reject)
 * and trend p-values are not in the family.
 */
export interface RightTheoryTest {
  readonly property: string;
  readonly seed: number;
  /** Index of the case in its unit's `cases`. */
  readonly caseIndex: number;
  /** Which test of the case, e.g. "claimed law", "classical law (large N/Ni)". */
  readonly test: string;
  readonly pValue: number;
  /** The per-test level the property used. */
  readonly alpha: number;
}

export interface ClaimReportHook {
  /** The one number of the summary table (e.g. worst error ÷ tolerance, min rank gap). */
  keyNumber?(ctx: ClaimContext): KeyNumber;
  /** Claim-level numbers for evidence.summary in conformance.json. */
  summary?(ctx: ClaimContext): EvidenceRecord;
  /** The significance level of a statistical claim's tests; null for non-statistical claims. */
  alpha?(ctx: ClaimContext): number | null;
  /**
   * The claim's tests under the right theory (statistical claims). Default: every case's
   * `pValue` evidence with its `alpha` (multipleTesting.ts, defaultRightTheoryTests).
   */
  rightTheoryTests?(ctx: ClaimContext): RightTheoryTest[];
  /** Figures of the claim's section; may recompute from case configs (deterministically). */
  figures?(ctx: ClaimContext): Figure[] | Promise<Figure[]>;
}
