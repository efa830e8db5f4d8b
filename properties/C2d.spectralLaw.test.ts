import { describe, it } from 'vitest';
import { C2D_PROPERTIES } from './definitions/C2d/index.js';
import { assertProperty } from './support/assertProperty.js';

describe('C2d · the law of the linear-network spectrum (whitened data)', () => {
  for (const def of C2D_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/C2d.spectralLaw.test.ts', ctx));
});
