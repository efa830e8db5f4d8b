import { describe, it } from 'vitest';
import { DYNAMICS_PROPERTIES } from './definitions/dynamics.js';
import { assertProperty } from './support/assertProperty.js';
import type { PropertyDefinition } from './support/propertyDefinition.js';

describe('C4 · small eigenvalues control long-time learning', () => {
  for (const def of DYNAMICS_PROPERTIES as PropertyDefinition<unknown>[]) it(def.name, (ctx) => assertProperty(def, 'properties/C4.longTimeLearning.test.ts', ctx));
});
