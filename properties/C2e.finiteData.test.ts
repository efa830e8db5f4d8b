import { describe, it } from 'vitest';
import { C2E_PROPERTIES } from './definitions/C2e/index.js';
import { assertProperty } from './support/assertProperty.js';

describe('C2e · finite un-whitened data: free multiplicative convolution with MP(Ni/N)', () => {
  for (const def of C2E_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/C2e.finiteData.test.ts', ctx));
});
