/**
 * The run plan: which units (property definition × seed) a report runs, in canonical order
 * — registry order of the definitions, then ascending seed — and which of them a partition
 * takes. Partition i of n takes units k ≡ i − 1 (mod n), k the position in canonical order:
 * deterministic, needs no coordination between machines, and spreads the properties of one
 * claim (often of similar cost) across partitions. Units are never split, so merging the
 * partitions' units reproduces a single run exactly.
 */
import type { AnyPropertyDefinition } from '../../harness/propertyDefinition.js';
import type { PropertySuite } from './suite.js';

export interface WorkUnit {
  /** Position of the definition in the suite's properties. */
  readonly index: number;
  readonly def: AnyPropertyDefinition;
  readonly seed: number;
}

/** Every claim id the suite knows: the catalogue first, then any id only a property names. */
export function knownClaimIds(suite: Pick<PropertySuite, 'catalogue' | 'properties'>): string[] {
  const ids = suite.catalogue.map((c) => c.meta.id);
  for (const d of suite.properties) if (!ids.includes(d.claim)) ids.push(d.claim);
  return ids;
}

/** Checks a --claims list; throws naming the unknown ids and listing the known ones. */
export function validateClaimSelection(suite: Pick<PropertySuite, 'catalogue' | 'properties'>, claims: readonly string[]): void {
  const known = knownClaimIds(suite);
  const unknown = claims.filter((c) => !known.includes(c));
  if (unknown.length > 0) throw new Error(`unknown claim id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known: ${known.join(', ')}`);
}

export function planUnits(suite: Pick<PropertySuite, 'catalogue' | 'properties'>, claims: readonly string[] | null, seeds: readonly number[]): WorkUnit[] {
  const selected = new Set(claims ? knownClaimIds(suite).filter((id) => claims.includes(id)) : knownClaimIds(suite));
  const units: WorkUnit[] = [];
  suite.properties.forEach((def, index) => {
    if (!selected.has(def.claim)) return;
    for (const seed of [...seeds].sort((a, b) => a - b)) units.push({ index, def, seed });
  });
  return units;
}

export function partitionUnits<U>(units: readonly U[], partition: { index: number; count: number } | null): U[] {
  if (!partition) return [...units];
  return units.filter((_, k) => k % partition.count === partition.index - 1);
}
