/**
 * The run plan: which units (property definition × seed) a report runs, in canonical order
 * — registry order of the definitions, then ascending seed — and which of them a partition
 * takes. Partition i of n takes units k ≡ i − 1 (mod n), k the position in canonical order:
 * deterministic, needs no coordination between machines, and spreads the properties of one
 * claim (often of similar cost) across partitions. Units are never split, so merging the
 * partitions' units reproduces a single run exactly.
 */
import { CLAIMS } from '../../theory/claims.js';
import { PROPERTY_REGISTRY } from '../registry.js';
import type { PropertyDefinition } from '../support/propertyDefinition.js';

export interface WorkUnit {
  /** Position of the definition in PROPERTY_REGISTRY. */
  readonly index: number;
  readonly def: PropertyDefinition<any>;
  readonly seed: number;
}

/** Every claim id the suite knows: the claim registry first, then any id only the property registry names. */
export function knownClaimIds(registry: ReadonlyArray<PropertyDefinition<any>> = PROPERTY_REGISTRY): string[] {
  const ids = CLAIMS.map((c) => c.id);
  for (const d of registry) if (!ids.includes(d.claim)) ids.push(d.claim);
  return ids;
}

/** Checks a --claims list; throws naming the unknown ids and listing the known ones. */
export function validateClaimSelection(claims: readonly string[], registry: ReadonlyArray<PropertyDefinition<any>> = PROPERTY_REGISTRY): void {
  const known = knownClaimIds(registry);
  const unknown = claims.filter((c) => !known.includes(c));
  if (unknown.length > 0) throw new Error(`unknown claim id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known: ${known.join(', ')}`);
}

/** The claims a report covers, in report order. */
export function selectedClaimIds(claims: readonly string[] | null, registry: ReadonlyArray<PropertyDefinition<any>> = PROPERTY_REGISTRY): string[] {
  const known = knownClaimIds(registry);
  return claims ? known.filter((id) => claims.includes(id)) : known;
}

export function planUnits(claims: readonly string[] | null, seeds: readonly number[], registry: ReadonlyArray<PropertyDefinition<any>> = PROPERTY_REGISTRY): WorkUnit[] {
  const selected = new Set(selectedClaimIds(claims, registry));
  const units: WorkUnit[] = [];
  registry.forEach((def, index) => {
    if (!selected.has(def.claim)) return;
    for (const seed of [...seeds].sort((a, b) => a - b)) units.push({ index, def, seed });
  });
  return units;
}

export function partitionUnits<U>(units: readonly U[], partition: { index: number; count: number } | null): U[] {
  if (!partition) return [...units];
  return units.filter((_, k) => k % partition.count === partition.index - 1);
}
