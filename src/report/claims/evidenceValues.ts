/** Reading evidence across a claim's cases: the helpers claim hooks share. */
import type { CaseRecord, PropertyRecord } from '../types.js';

/** A case whose check returned evidence (cases whose check threw carry none). */
export type CaseWithEvidence<E> = CaseRecord<E> & { readonly evidence: E };

export function hasEvidence<E>(c: CaseRecord<E>): c is CaseWithEvidence<E> {
  return c.evidence !== null && c.evidence !== undefined;
}

/** Every case with evidence, over the units in canonical order. */
export function allCases<E>(units: readonly PropertyRecord<E>[]): CaseWithEvidence<E>[] {
  return units.flatMap((u) => u.cases.filter(hasEvidence));
}

export function maxOf(values: readonly number[]): number | null {
  return values.length ? Math.max(...values) : null;
}

export function minOf(values: readonly number[]): number | null {
  return values.length ? Math.min(...values) : null;
}

/** The first case (in canonical order) with evidence satisfying pred, or undefined. */
export function firstCase<E>(units: readonly PropertyRecord<E>[], pred: (c: CaseWithEvidence<E>, u: PropertyRecord<E>) => boolean): CaseWithEvidence<E> | undefined {
  for (const u of units) for (const c of u.cases) if (hasEvidence(c) && pred(c, u)) return c;
  return undefined;
}
