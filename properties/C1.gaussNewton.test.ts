import { describe, it } from 'vitest';
import { GAUSS_NEWTON_PROPERTIES } from './definitions/gaussNewton.js';
import { assertProperty } from './support/assertProperty.js';

describe('C1 · Hessian at the optimum is Gauss–Newton', () => {
  for (const def of GAUSS_NEWTON_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/C1.gaussNewton.test.ts', ctx));
});
