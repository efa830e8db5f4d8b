import { describe, it } from 'vitest';
import { S4_PROPERTIES } from './definitions/connectedBasins.js';
import { assertProperty } from './support/assertProperty.js';

describe('S4 · connected basins', () => {
  for (const def of S4_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/S4.connectedBasins.test.ts', ctx));
});
