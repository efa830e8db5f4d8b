/**
 * The conformance report as data: what `conformance.json` holds and what the Markdown and
 * HTML renderers read. Generic: nothing here knows a claim or a paper. The claim-aware
 * assembly (properties/report/) fills these records from the property registry.
 *
 * Shape of conformance.json (REPORT_FORMAT_VERSION 1):
 *
 *   { format, generatedAt, seed, seeds, mode, runsScale, environment, selection, partition,
 *     multipleTesting: { method: 'holm', alpha, tests, claims, smallestP, smallestAdjustedP,
 *                        smallestAdjustedPClaim, rejected: [FamilyTest] } | null,
 *     claims: [ { id, title, statement, source, kind, testedIn, verdict, cases, alpha,
 *                 keyNumber, evidence: { summary, properties: [PropertyRecord] },
 *                 replay, figures: [{ id, title }],
 *                 multipleTesting: { tests, minP, adjustedMinP, rejected } | null } ] }
 *
 * Every case's configuration and evidence is kept (evidence.properties[].cases), so a
 * report can be re-assembled from its JSON alone: that is how partitions are merged.
 */

export const REPORT_FORMAT_VERSION = 1;

export type Verdict = 'pass' | 'fail' | 'inconclusive';
export type ClaimKindName = 'identity' | 'generic' | 'statistical';

/** One evidence value: the JSON-safe values a property check records. */
export type EvidenceValue = number | string | boolean | null | number[] | string[];
export type EvidenceRecord = Record<string, EvidenceValue>;

export interface CaseRecord {
  /** The generated configuration, as JSON (a valid CLI config for single-problem claims). */
  readonly config: unknown;
  /** The definition's coverage label for this case (e.g. "relu", "two-layer, N < Ni"), or null. */
  readonly label: string | null;
  readonly ok: boolean;
  readonly inconclusive: boolean;
  readonly evidence: EvidenceRecord;
}

export interface FailureRecord {
  readonly seed: number;
  /** fast-check path of the (shrunk) counterexample. */
  readonly path: string;
  readonly config: unknown;
  readonly message: string;
  /** The shell command that replays it. */
  readonly replay: string;
}

/**
 * One unit of work: one property definition run with one seed. A claim's evidence is the
 * list of its units; a partition runs a subset of the units; merging is their union.
 */
export interface PropertyRecord {
  readonly claim: string;
  /** The definition's name (unique within its claim). */
  readonly name: string;
  /** Position of the definition in the property registry (orders units canonically). */
  readonly index: number;
  readonly seed: number;
  readonly numRuns: number;
  /** The multiplier numRuns was scaled by (HC_RUNS_SCALE, or the report mode's). */
  readonly runsScale: number;
  readonly testFile: string;
  readonly passed: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly maxInconclusiveFraction: number;
  readonly verdict: Verdict;
  readonly failure: FailureRecord | null;
  readonly cases: readonly CaseRecord[];
}

export interface KeyNumber {
  /** What the number is, e.g. "worst error ÷ tolerance". */
  readonly label: string;
  readonly value: number | null;
  /** The number as printed in the summary, e.g. "0.071" or "1.2e11". */
  readonly text: string;
}

export interface ReplayRecord {
  readonly seeds: readonly number[];
  /** The first failing unit, or null when none failed. */
  readonly failing: (FailureRecord & { readonly property: string }) | null;
  /** Re-runs this claim's section of the report. */
  readonly report: string;
  /** Re-runs the claim's vitest file (or replays the failure when there is one). */
  readonly vitest: string;
}

export interface FigureRef {
  readonly id: string;
  readonly title: string;
}

export interface ClaimEntry {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly kind: ClaimKindName;
  readonly testedIn: string;
  readonly verdict: Verdict;
  /** Why the verdict is what it is, in one sentence. */
  readonly verdictReason: string;
  /** Cases run over all the claim's units. */
  readonly cases: number;
  /** Significance level of the claim's tests; null for identity and generic claims. */
  readonly alpha: number | null;
  readonly keyNumber: KeyNumber;
  readonly evidence: {
    /** Claim-level numbers (e.g. worst ratio, min gap, p-values); claim-specific. */
    readonly summary: EvidenceRecord;
    readonly properties: readonly PropertyRecord[];
  };
  readonly replay: ReplayRecord;
  readonly figures: readonly FigureRef[];
  /**
   * This claim's share of the report's Holm family (statistical claims with at least one
   * right-theory test); absent or null otherwise.
   */
  readonly multipleTesting?: ClaimMultipleTesting | null;
}

/** One test under the right theory, as pooled for Holm across the report. */
export interface FamilyTest {
  readonly claim: string;
  readonly property: string;
  readonly seed: number;
  /** Index of the case in its unit's `cases`. */
  readonly caseIndex: number;
  /** Which test of the case, e.g. "claimed law". */
  readonly test: string;
  readonly pValue: number;
  /** The per-test level the property held it to. */
  readonly alpha: number;
  /** Holm-adjusted p-value within the report's family. */
  readonly adjustedP: number;
}

/** A claim's tests within the report's Holm family. */
export interface ClaimMultipleTesting {
  readonly tests: number;
  readonly minP: number;
  /** Holm-adjusted p-value of the claim's smallest p (within the whole family). */
  readonly adjustedMinP: number;
  /** Of its tests, how many Holm rejects at the family-wise α. */
  readonly rejected: number;
}

/**
 * Holm's step-down procedure across every right-theory test of every statistical claim in the
 * report (theory.md §4), at family-wise level `alpha`. See reports/README.md for how it
 * interacts with each property's per-test α.
 */
export interface MultipleTestingRecord {
  readonly method: 'holm';
  /** Family-wise error rate controlled. */
  readonly alpha: number;
  /** Number of tests m in the family. */
  readonly tests: number;
  /** Statistical claims contributing at least one test. */
  readonly claims: readonly string[];
  readonly smallestP: number | null;
  readonly smallestAdjustedP: number | null;
  /** Claim holding the smallest adjusted p-value. */
  readonly smallestAdjustedPClaim: string | null;
  /** The tests Holm rejects at `alpha` (flagged): each fails its claim in the report. */
  readonly rejected: readonly FamilyTest[];
}

export interface EnvironmentInfo {
  readonly node: string;
  /** float64 linear-algebra backend that decided the verdicts. */
  readonly backend: string;
  /** TensorFlow.js backend of the float32 cross-check ('tensorflow' | 'wasm' | 'cpu'), or 'not loaded'. */
  readonly tfjsBackend: string;
  readonly platform: string;
}

export type ReportMode = 'quick' | 'full' | 'custom' | 'vitest';

export interface PartitionInfo {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface ConformanceReport {
  readonly format: number;
  readonly generatedAt: string;
  /** The first (usually only) seed. */
  readonly seed: number;
  readonly seeds: readonly number[];
  readonly mode: ReportMode;
  /** Multiplier on every property's numRuns. */
  readonly runsScale: number;
  readonly environment: EnvironmentInfo;
  /** The claim filter the report was run with (null: every implemented claim). */
  readonly selection: { readonly claims: readonly string[] | null };
  /** Set on a partial report (one partition); null on a whole or merged report. */
  readonly partition: PartitionInfo | null;
  /** Holm across the statistical claims' right-theory tests; null when the report has none. Absent in reports written before it existed. */
  readonly multipleTesting?: MultipleTestingRecord | null;
  readonly claims: readonly ClaimEntry[];
}
