import { describe, it } from 'vitest';
import { DYNAMICS_PROPERTIES } from './definitions/C4/index.js';
import { assertProperty } from './support/assertProperty.js';
import type { PropertyDefinition } from '../src/harness/propertyDefinition.js';
import type { C4Evidence } from './evidence/C4.js';

describe('C4 · small eigenvalues control long-time learning', () => {
  for (const def of DYNAMICS_PROPERTIES as PropertyDefinition<unknown, C4Evidence>[]) it(def.name, (ctx) => assertProperty(def, 'properties/C4.longTimeLearning.test.ts', ctx));
});
