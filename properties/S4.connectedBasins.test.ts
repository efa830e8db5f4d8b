import { describe, it } from 'vitest';
import { S4_PROPERTIES } from './definitions/connectedBasins.js';
import { assertProperty } from './support/assertProperty.js';
import type { PropertyDefinition } from '../src/harness/propertyDefinition.js';
import type { LegacyEvidence } from './evidence/legacy.js';

describe('S4 · connected basins', () => {
  for (const def of S4_PROPERTIES as PropertyDefinition<unknown, LegacyEvidence>[]) it(def.name, (ctx) => assertProperty(def, 'properties/S4.connectedBasins.test.ts', ctx));
});
