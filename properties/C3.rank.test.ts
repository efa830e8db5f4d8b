import { describe, it } from 'vitest';
import { RANK_PROPERTIES } from './definitions/rank.js';
import { assertProperty } from './support/assertProperty.js';

describe('C3 · rank as the effective number of parameters', () => {
  for (const def of RANK_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/C3.rank.test.ts', ctx));
});
