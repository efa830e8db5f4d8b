import { describe, it } from 'vitest';
import { S2_PROPERTIES } from './definitions/bulkOutliers.js';
import { assertProperty } from './support/assertProperty.js';

describe('S2 · bulk and outliers', () => {
  for (const def of S2_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/S2.bulkOutliers.test.ts', ctx));
});
