/**
 * Every property definition, by claim: the one list both vitest files and the conformance
 * report iterate, so a claim is checked the same way in both. Add new definitions here.
 * PROPERTY_SUITE is what the composition root hands the report layer (with this module's URL,
 * so --jobs workers load the same suite).
 */
import { DYNAMICS_PROPERTIES } from './definitions/dynamics.js';
import { GAUSS_NEWTON_PROPERTIES } from './definitions/gaussNewton.js';
import { S1_MLP_PROPERTIES, S1_PROPERTIES } from './definitions/gaussNewtonDecomposition.js';
import { LINEAR_PROPERTIES } from './definitions/linearNetwork.js';
import { RANK_PROPERTIES } from './definitions/rank.js';
import { C2D_PROPERTIES } from './definitions/C2d/index.js';
import { C2E_PROPERTIES } from './definitions/C2e/index.js';
import { S3_PROPERTIES } from './definitions/spikedCovariance.js';
import { S2_PROPERTIES } from './definitions/bulkOutliers.js';
import { S4_PROPERTIES } from './definitions/connectedBasins.js';
import type { AnyPropertyDefinition } from '../src/harness/propertyDefinition.js';
import type { PropertySuite } from '../src/report/run/suite.js';
import { CLAIM_CATALOGUE } from './catalogue.js';

export const PROPERTY_REGISTRY: readonly AnyPropertyDefinition[] = [
  ...GAUSS_NEWTON_PROPERTIES,
  ...LINEAR_PROPERTIES,
  ...C2D_PROPERTIES,
  ...C2E_PROPERTIES,
  ...RANK_PROPERTIES,
  ...DYNAMICS_PROPERTIES,
  ...S1_PROPERTIES,
  ...S1_MLP_PROPERTIES,
  ...S3_PROPERTIES,
  ...S2_PROPERTIES,
  ...S4_PROPERTIES,
];

export const PROPERTY_SUITE: PropertySuite = { catalogue: CLAIM_CATALOGUE, properties: PROPERTY_REGISTRY, moduleUrl: import.meta.url };

export function propertiesForClaim(claimId: string): readonly AnyPropertyDefinition[] {
  return PROPERTY_REGISTRY.filter((d) => d.claim === claimId);
}
