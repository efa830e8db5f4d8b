/**
 * How the report treats one claim: its metadata, the schema of its evidence, and its hook —
 * how its evidence is summarised and drawn. All claim-specific knowledge reaches the report
 * layer through these values (a catalogue passed in by the composition root); nothing here
 * imports a claim.
 *
 * Every hook field is optional; what a hook leaves out falls back to the generic version
 * (genericHook.ts): key number "cases passed", the outcome-bar figure, no α.
 *
 * A hook is a pure function of the units' evidence: figures draw only what the evidence
 * records, never recompute from a configuration, so a report can be re-rendered from
 * conformance.json alone (`report render`).
 */
import type { z } from 'zod';
import type { Figure } from '../figures/figure.js';
import type { ClaimKindName, EvidenceRecord, KeyNumber, PropertyRecord } from '../types.js';

export interface ClaimContext<E = unknown> {
  readonly claim: string;
  /** The claim's units (property × seed), in canonical order; may be empty. */
  readonly units: readonly PropertyRecord<E>[];
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

export interface ClaimReportHook<E = unknown> {
  /** The one number of the summary table (e.g. worst error ÷ tolerance, min rank gap). */
  keyNumber?(ctx: ClaimContext<E>): KeyNumber;
  /** Claim-level numbers for evidence.summary in conformance.json. */
  summary?(ctx: ClaimContext<E>): EvidenceRecord;
  /** The significance level of a statistical claim's tests; null for non-statistical claims. */
  alpha?(ctx: ClaimContext<E>): number | null;
  /** The claim's tests under the right theory (statistical claims; default none). */
  rightTheoryTests?(ctx: ClaimContext<E>): RightTheoryTest[];
  /**
   * Which way is good for evidence.summary fields, for `report diff` (e.g. { minGap: 'higher' }).
   * Fields not named here follow the naming convention of src/report/diff/directions.ts.
   */
  summaryBetter?: Readonly<Record<string, 'lower' | 'higher'>>;
  /** Figures of the claim's section, from the evidence alone. */
  figures?(ctx: ClaimContext<E>): Figure[];
}

export interface ClaimMeta {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly kind: ClaimKindName;
  /** Where the claim's vitest file lives, relative to the repository root. */
  readonly testedIn: string;
}

/** A claim as the report knows it. `E` ties the schema, the definitions and the hook together. */
export interface ReportedClaim<E> {
  readonly meta: ClaimMeta;
  /** Schema of one case's evidence; checked on every case recorded and every report read back. */
  readonly evidence: z.ZodType<E>;
  readonly hook: ClaimReportHook<E>;
}

/** Declares a claim for the report; the type parameter makes the compiler check hook against schema. */
export function reportedClaim<E>(meta: ClaimMeta, evidence: z.ZodType<E>, hook: ClaimReportHook<E>): ReportedClaim<E> {
  return { meta, evidence, hook };
}

/** Every claim the report knows, in report order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClaimCatalogue = readonly ReportedClaim<any>[];

export function claimIn(catalogue: ClaimCatalogue, id: string): ReportedClaim<unknown> | undefined {
  return catalogue.find((c) => c.meta.id === id);
}
