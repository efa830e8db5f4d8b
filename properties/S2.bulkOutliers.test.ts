import { describe, it } from 'vitest';
import { S2_PROPERTIES } from './definitions/bulkOutliers.js';
import { assertProperty } from './support/assertProperty.js';
import type { PropertyDefinition } from '../src/harness/propertyDefinition.js';
import type { LegacyEvidence } from './evidence/legacy.js';

describe('S2 · bulk and outliers', () => {
  for (const def of S2_PROPERTIES as PropertyDefinition<unknown, LegacyEvidence>[]) it(def.name, (ctx) => assertProperty(def, 'properties/S2.bulkOutliers.test.ts', ctx));
});
