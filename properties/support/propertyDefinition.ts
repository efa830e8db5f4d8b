/**
 * A property as data: the claim it checks, a fast-check arbitrary of JSON configurations,
 * and a check that returns evidence for one configuration. vitest files and the report
 * run the same definitions (one source of truth).
 */
import type * as fc from 'fast-check';

export type EvidenceValue = number | string | boolean | null | number[] | string[];
export type Evidence = Record<string, EvidenceValue>;

export interface CaseOutcome {
  readonly ok: boolean;
  /**
   * The case could not be decided in float64 (e.g. a kept singular value too close to the
   * rounding floor). Not a failure, but a property fails if more than its
   * `maxInconclusiveFraction` of cases are inconclusive.
   */
  readonly inconclusive?: boolean;
  readonly evidence: Evidence;
  /** Why it failed, with the numbers: what was expected, what was measured, the bound. */
  readonly message?: string;
}

export interface PropertyDefinition<C> {
  /** Claim id from theory/claims.ts. */
  readonly claim: string;
  /** Short name, unique within the claim; used as the vitest test name. */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<C>;
  /** Runs in the default (CI) mode. */
  readonly numRuns: number;
  /** Largest tolerated fraction of inconclusive cases (default 0). */
  readonly maxInconclusiveFraction?: number;
  /** A label per case for coverage statistics (fc.statistics). */
  readonly label?: (config: C) => string;
  check(config: C): CaseOutcome | Promise<CaseOutcome>;
}

/** Builds an outcome from a condition, so checks read as assertions. */
export function outcome(ok: boolean, evidence: Evidence, message: () => string): CaseOutcome {
  return ok ? { ok, evidence } : { ok, evidence, message: message() };
}

/** Combines sub-checks: ok only if all are; inconclusive if some are and none failed outright. */
export function allOf(...parts: CaseOutcome[]): CaseOutcome {
  const ok = parts.every((p) => p.ok);
  const evidence = Object.assign({}, ...parts.map((p) => p.evidence)) as Evidence;
  if (ok) return { ok, evidence };
  const failed = parts.filter((p) => !p.ok && !p.inconclusive);
  const inconclusive = failed.length === 0;
  const message = (inconclusive ? parts.filter((p) => !p.ok) : failed).map((p) => p.message).join('; ');
  return { ok, inconclusive, evidence, message };
}
