import { describe, it } from 'vitest';
import { DYNAMICS_PROPERTIES } from './definitions/dynamics.js';
import { assertProperty } from './support/assertProperty.js';
import type { PropertyDefinition } from '../src/harness/propertyDefinition.js';
import type { LegacyEvidence } from './evidence/legacy.js';

describe('C4 · small eigenvalues control long-time learning', () => {
  for (const def of DYNAMICS_PROPERTIES as PropertyDefinition<unknown, LegacyEvidence>[]) it(def.name, (ctx) => assertProperty(def, 'properties/C4.longTimeLearning.test.ts', ctx));
});
