import { describe, expect, it } from 'vitest';
import { S1_PROPERTIES } from './definitions/gaussNewtonDecomposition.js';
import { assertProperty } from './support/assertProperty.js';

describe('S1 · Gauss–Newton decomposition (MSE)', () => {
  for (const def of S1_PROPERTIES) {
    it(def.name, async (ctx) => {
      const r = await assertProperty(def, 'properties/S1.gaussNewtonDecomposition.test.ts', ctx);
      // Coverage: the draw must contain cases with real negative curvature, or the third check is vacuous.
      expect(r.cases.filter((c) => c.evidence.negativeCurvature === true).length).toBeGreaterThan(5);
    });
  }
});
