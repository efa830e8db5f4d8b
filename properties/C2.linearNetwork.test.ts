import { describe, it } from 'vitest';
import { LINEAR_PROPERTIES } from './definitions/linearNetwork.js';
import { assertProperty } from './support/assertProperty.js';

describe('C2a–c · linear networks', () => {
  for (const def of LINEAR_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/C2.linearNetwork.test.ts', ctx));
});
