/**
 * What a report run is given by its composition root: the claim catalogue (metadata, evidence
 * schemas, hooks) and the property definitions, plus the URL of the module that exports them
 * (as PROPERTY_SUITE), so --jobs worker processes load the same suite. Nothing in the report
 * layer imports a claim or a property.
 */
import type { AnyPropertyDefinition } from '../../harness/propertyDefinition.js';
import type { ClaimCatalogue } from '../claims/claimHook.js';

export interface PropertySuite {
  readonly catalogue: ClaimCatalogue;
  readonly properties: readonly AnyPropertyDefinition[];
  /** URL of the module exporting this suite as `PROPERTY_SUITE`. */
  readonly moduleUrl: string;
}

/** The export name worker processes read from `moduleUrl`. */
export const SUITE_EXPORT = 'PROPERTY_SUITE';

/** Claim ids with at least one registered property. */
export function claimsWithProperties(suite: Pick<PropertySuite, 'properties'>): Set<string> {
  return new Set(suite.properties.map((d) => d.claim));
}

/** The vitest file a claim's replay command names. */
export function testFileOf(suite: Pick<PropertySuite, 'catalogue'>, claim: string): string {
  return suite.catalogue.find((c) => c.meta.id === claim)?.meta.testedIn ?? 'properties';
}
