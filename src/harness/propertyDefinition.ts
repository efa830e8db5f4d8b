/**
 * A property as data: the claim it checks, a fast-check arbitrary of configurations, and a
 * check that returns typed evidence for one configuration. vitest files and the report run the
 * same definitions (one source of truth). `E` is the claim's evidence type, declared once per
 * claim (properties/evidence/); the claim's report hook consumes the same type.
 */
import type * as fc from 'fast-check';
import type { SizeTier } from './runSettings.js';

export interface CaseOutcome<E> {
  readonly ok: boolean;
  /**
   * The case could not be decided in float64 (e.g. a kept singular value too close to the
   * rounding floor). Not a failure, but a property fails if more than its
   * `maxInconclusiveFraction` of cases are inconclusive.
   */
  readonly inconclusive?: boolean;
  readonly evidence: E;
  /** Why it failed, with the numbers: what was expected, what was measured, the bound. */
  readonly message?: string;
}

/** What an arbitrary may depend on: the size tier (the seed and runs are fast-check's business). */
export interface ArbitrarySettings {
  readonly sizeTier: SizeTier;
}

export interface PropertyDefinition<C, E> {
  /** Claim id from theory/claims.ts. */
  readonly claim: string;
  /** Short name, unique within the claim; used as the vitest test name. */
  readonly name: string;
  readonly arbitrary: (settings: ArbitrarySettings) => fc.Arbitrary<C>;
  /** Runs in the default (CI) mode. */
  readonly numRuns: number;
  /** Largest tolerated fraction of inconclusive cases (default 0). */
  readonly maxInconclusiveFraction?: number;
  /**
   * Shrinking budget in check calls after the first failure (default: fast-check's own, i.e.
   * unbounded). Expensive statistical units set it so a failure is reported within minutes,
   * shrunk as far as the budget allowed.
   */
  readonly maxShrinkChecks?: number;
  /** A label per case for coverage statistics (fc.statistics). */
  readonly label?: (config: C) => string;
  check(config: C): CaseOutcome<E> | Promise<CaseOutcome<E>>;
  /**
   * Wrong neighbours this property can check AS IF they were the claim, by id (e.g. C4's
   * 'lambda-max'): the same draws, the same check and tolerance, the neighbour's prediction in
   * place of the claim's. Run only when RunSettings.theoryMutant names this claim and id — a
   * demonstration that the suite catches a wrong theory and of how its failure reads.
   */
  readonly mutants?: Readonly<Record<string, TheoryMutant<C, E>>>;
}

/** A wrong neighbour run as the claim (see PropertyDefinition.mutants). */
export interface TheoryMutant<C, E> {
  /** What the mutated theory says, e.g. "λ_max in place of λ_min⁺". */
  readonly description: string;
  check(config: C): CaseOutcome<E> | Promise<CaseOutcome<E>>;
}

/** Any definition, whatever its configuration and evidence types (registries hold these). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPropertyDefinition = PropertyDefinition<any, any>;

/** Builds an outcome from a condition, so checks read as assertions. */
export function outcome<E>(ok: boolean, evidence: E, message: () => string): CaseOutcome<E> {
  return ok ? { ok, evidence } : { ok, evidence, message: message() };
}

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type EvidenceOf<P> = P extends CaseOutcome<infer E> ? E : never;

/**
 * Combines sub-checks: ok only if all are; inconclusive if some are and none failed outright.
 * The evidence is the union of the parts' fields (later parts win on a shared name).
 */
export function allOf<P extends ReadonlyArray<CaseOutcome<object>>>(...parts: P): CaseOutcome<Intersect<EvidenceOf<P[number]>>> {
  const ok = parts.every((p) => p.ok);
  const evidence = Object.assign({}, ...parts.map((p) => p.evidence)) as Intersect<EvidenceOf<P[number]>>;
  if (ok) return { ok, evidence };
  const failed = parts.filter((p) => !p.ok && !p.inconclusive);
  const inconclusive = failed.length === 0;
  const message = (inconclusive ? parts.filter((p) => !p.ok) : failed).map((p) => p.message).join('; ');
  return { ok, inconclusive, evidence, message };
}
