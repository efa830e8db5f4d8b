import { describe, it } from 'vitest';
import { S3_PROPERTIES } from './definitions/spikedCovariance.js';
import { assertProperty } from './support/assertProperty.js';

describe('S3 · spiked covariance: the BBP outlier', () => {
  for (const def of S3_PROPERTIES) it(def.name, (ctx) => assertProperty(def, 'properties/S3.spikedCovariance.test.ts', ctx));
});
