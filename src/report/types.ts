/**
 * The conformance report as data: what `conformance.json` holds and what the Markdown and
 * HTML renderers read, declared once as zod schemas from which the TypeScript types follow.
 * Generic: nothing here knows a claim or a paper. A claim's evidence (`E`) is declared by the
 * claim (properties/evidence/) and checked against its own schema whenever a report is read
 * back (render, merge, diff, from-vitest): see ./readReport.ts.
 *
 * Shape of conformance.json (REPORT_FORMAT_VERSION):
 *
 *   { format, generatedAt, seed, seeds, mode, runsScale, sizeTier, environment, selection,
 *     partition, multipleTesting: { method: 'holm', alpha, tests, claims, smallestP,
 *       smallestAdjustedP, smallestAdjustedPClaim, rejected: [FamilyTest] } | null,
 *     claims: [ { id, title, statement, source, kind, testedIn, verdict, verdictReason, cases,
 *                 alpha, keyNumber, evidence: { summary, properties: [PropertyRecord] },
 *                 replay, figures: [{ id, title }], multipleTesting } ] }
 *
 * Every case's configuration and evidence is kept (evidence.properties[].cases), and the
 * evidence holds everything a figure draws, so a report can be re-assembled, merged and
 * re-rendered from its JSON alone.
 */
import { z } from 'zod';
import { SIZE_TIERS } from '../harness/runSettings.js';

/** 2: typed evidence per claim, the shrunk counterexample's evidence, size tier. */
export const REPORT_FORMAT_VERSION = 2;

const count = z.number().int().nonnegative();

export const VerdictSchema = z.enum(['pass', 'fail', 'inconclusive']);
export type Verdict = z.infer<typeof VerdictSchema>;
export const ClaimKindSchema = z.enum(['identity', 'generic', 'statistical']);
export type ClaimKindName = z.infer<typeof ClaimKindSchema>;
export const SizeTierSchema = z.enum(SIZE_TIERS as ['ci', 'paper']);
export type { SizeTier } from '../harness/runSettings.js';

/** Claim-level numbers in evidence.summary: JSON scalars and flat arrays. */
export const SummaryValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number()), z.array(z.string())]);
export type EvidenceValue = z.infer<typeof SummaryValueSchema>;
export type EvidenceRecord = Record<string, EvidenceValue>;

export const CaseRecordSchema = z.strictObject({
  config: z.unknown(),
  label: z.string().nullable(),
  ok: z.boolean(),
  inconclusive: z.boolean(),
  evidence: z.unknown(),
  error: z.string().optional(),
});
export type CaseRecord<E = unknown> = Omit<z.infer<typeof CaseRecordSchema>, 'evidence'> & {
  /** The claim's evidence for this case; null when the check threw (`error` says why). */
  readonly evidence: E | null;
};

export const FailureRecordSchema = z.strictObject({
  seed: count,
  /** fast-check path of the (shrunk) counterexample. */
  path: z.string(),
  config: z.unknown(),
  message: z.string(),
  evidence: z.unknown(),
  shrinkChecks: count,
  shrinkBudgetExhausted: z.boolean(),
  /** The shell command that replays it. */
  replay: z.string(),
});
export type FailureRecord<E = unknown> = Omit<z.infer<typeof FailureRecordSchema>, 'evidence'> & { readonly evidence: E | null };

/**
 * One unit of work: one property definition run with one seed. A claim's evidence is the
 * list of its units; a partition runs a subset of the units; merging is their union.
 */
export const PropertyRecordSchema = z.strictObject({
  claim: z.string().min(1),
  /** The definition's name (unique within its claim). */
  name: z.string().min(1),
  /** Position of the definition in the property registry (orders units canonically). */
  index: z.number().int(),
  seed: count,
  numRuns: count,
  /** The multiplier numRuns was scaled by. */
  runsScale: z.number().positive(),
  /** The size tier the arbitraries drew from. */
  sizeTier: SizeTierSchema,
  testFile: z.string(),
  passed: count,
  failed: count,
  inconclusive: count,
  maxInconclusiveFraction: z.number().min(0).max(1),
  verdict: VerdictSchema,
  failure: FailureRecordSchema.nullable(),
  cases: z.array(CaseRecordSchema),
});
export type PropertyRecord<E = unknown> = Omit<z.infer<typeof PropertyRecordSchema>, 'cases' | 'failure'> & {
  readonly failure: FailureRecord<E> | null;
  readonly cases: readonly CaseRecord<E>[];
};

export const KeyNumberSchema = z.strictObject({
  /** What the number is, e.g. "worst error ÷ tolerance". */
  label: z.string(),
  value: z.number().nullable(),
  /** The number as printed in the summary, e.g. "0.071" or "1.2e11". */
  text: z.string(),
  /** Which way is good: 'lower' (an error ratio), 'higher' (a gap, a p-value), or null. */
  better: z.enum(['lower', 'higher']).nullable().optional(),
});
export type KeyNumber = z.infer<typeof KeyNumberSchema>;

export const ReplayRecordSchema = z.strictObject({
  seeds: z.array(count),
  /** The first failing unit, or null when none failed. */
  failing: FailureRecordSchema.extend({ property: z.string() }).nullable(),
  /** Re-runs this claim's section of the report. */
  report: z.string(),
  /** Re-runs the claim's vitest file (or replays the failure when there is one). */
  vitest: z.string(),
});
export type ReplayRecord = z.infer<typeof ReplayRecordSchema>;

export const FigureRefSchema = z.strictObject({ id: z.string(), title: z.string() });
export type FigureRef = z.infer<typeof FigureRefSchema>;

/** One test under the right theory, as pooled for Holm across the report. */
export const FamilyTestSchema = z.strictObject({
  claim: z.string(),
  property: z.string(),
  seed: count,
  /** Index of the case in its unit's `cases`. */
  caseIndex: count,
  /** Which test of the case, e.g. "claimed law". */
  test: z.string(),
  pValue: z.number(),
  /** The per-test level the property held it to. */
  alpha: z.number(),
  /** Holm-adjusted p-value within the report's family. */
  adjustedP: z.number(),
});
export type FamilyTest = z.infer<typeof FamilyTestSchema>;

/** A claim's tests within the report's Holm family. */
export const ClaimMultipleTestingSchema = z.strictObject({
  tests: count,
  minP: z.number(),
  /** Holm-adjusted p-value of the claim's smallest p (within the whole family). */
  adjustedMinP: z.number(),
  /** Of its tests, how many Holm rejects at the family-wise α. */
  rejected: count,
});
export type ClaimMultipleTesting = z.infer<typeof ClaimMultipleTestingSchema>;

export const ClaimEntrySchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  statement: z.string(),
  source: z.string(),
  kind: ClaimKindSchema,
  testedIn: z.string(),
  verdict: VerdictSchema,
  /** Why the verdict is what it is, in one sentence. */
  verdictReason: z.string(),
  /** Cases run over all the claim's units. */
  cases: count,
  /** Significance level of the claim's tests; null for identity and generic claims. */
  alpha: z.number().nullable(),
  keyNumber: KeyNumberSchema,
  evidence: z.strictObject({
    /** Claim-level numbers (e.g. worst ratio, min gap, p-values); claim-specific. */
    summary: z.record(z.string(), SummaryValueSchema),
    properties: z.array(PropertyRecordSchema),
  }),
  replay: ReplayRecordSchema,
  figures: z.array(FigureRefSchema),
  /** This claim's share of the report's Holm family (statistical claims with tests); null otherwise. */
  multipleTesting: ClaimMultipleTestingSchema.nullable(),
});
export type ClaimEntry = Omit<z.infer<typeof ClaimEntrySchema>, 'evidence'> & {
  readonly evidence: { readonly summary: EvidenceRecord; readonly properties: readonly PropertyRecord[] };
};

/**
 * Holm's step-down procedure across every right-theory test of every statistical claim in the
 * report (docs/theory.md#statistics), at family-wise level `alpha`.
 */
export const MultipleTestingRecordSchema = z.strictObject({
  method: z.literal('holm'),
  /** Family-wise error rate controlled. */
  alpha: z.number(),
  /** Number of tests m in the family. */
  tests: count,
  /** Statistical claims contributing at least one test. */
  claims: z.array(z.string()),
  smallestP: z.number().nullable(),
  smallestAdjustedP: z.number().nullable(),
  /** Claim holding the smallest adjusted p-value. */
  smallestAdjustedPClaim: z.string().nullable(),
  /** The tests Holm rejects at `alpha` (flagged): each fails its claim in the report. */
  rejected: z.array(FamilyTestSchema),
});
export type MultipleTestingRecord = z.infer<typeof MultipleTestingRecordSchema>;

export const EnvironmentInfoSchema = z.strictObject({
  node: z.string(),
  /** float64 linear-algebra backend that decided the verdicts. */
  backend: z.string(),
  /** TensorFlow.js backend of the float32 cross-check ('tensorflow' | 'wasm' | 'cpu'), or why not loaded. */
  tfjsBackend: z.string(),
  platform: z.string(),
});
export type EnvironmentInfo = z.infer<typeof EnvironmentInfoSchema>;

export const ReportModeSchema = z.enum(['quick', 'full', 'custom', 'vitest']);
export type ReportMode = z.infer<typeof ReportModeSchema>;

export const PartitionInfoSchema = z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) });
export type PartitionInfo = z.infer<typeof PartitionInfoSchema>;

/**
 * A report run with a deliberately wrong theory (`report --theory-mutant <claim>:<neighbour>`):
 * the named properties of `claim` checked the wrong neighbour as if it were the claim, so their
 * failures are the suite's power made visible, not a finding about the theory. Absent on every
 * ordinary report.
 */
export const TheoryMutantRecordSchema = z.strictObject({
  claim: z.string(),
  neighbour: z.string(),
  /** What the mutated theory says, e.g. "λ_max in place of λ_min⁺". */
  description: z.string(),
  /** The properties that ran the mutant (the claim's others ran the right theory). */
  properties: z.array(z.string()),
});
export type TheoryMutantRecord = z.infer<typeof TheoryMutantRecordSchema>;

export const ConformanceReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT_VERSION),
  generatedAt: z.string(),
  /** The first (usually only) seed. */
  seed: count,
  seeds: z.array(count).min(1),
  mode: ReportModeSchema,
  /** Multiplier on every property's numRuns. */
  runsScale: z.number().positive(),
  /** Size tier of the expensive properties ('paper' for --full). */
  sizeTier: SizeTierSchema,
  environment: EnvironmentInfoSchema,
  /** The claim filter the report was run with (null: every implemented claim). */
  selection: z.strictObject({ claims: z.array(z.string()).nullable() }),
  /** Set on a partial report (one partition); null on a whole or merged report. */
  partition: PartitionInfoSchema.nullable(),
  /** Holm across the statistical claims' right-theory tests; null when the report has none. */
  multipleTesting: MultipleTestingRecordSchema.nullable(),
  /** Present only when the run checked a wrong neighbour as the claim (a demonstration of a failure). */
  theoryMutant: TheoryMutantRecordSchema.optional(),
  claims: z.array(ClaimEntrySchema),
});
export type ConformanceReport = Omit<z.infer<typeof ConformanceReportSchema>, 'claims'> & { readonly claims: readonly ClaimEntry[] };
