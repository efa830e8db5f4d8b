/** C2d's properties, in report order: one KS property per regime, then the size trend. */
import type { PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { C2dEvidence } from '../../evidence/C2d.js';
import { c2dLawProperties } from './law.js';
import { c2dTrendProperty } from './trend.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const C2D_PROPERTIES: PropertyDefinition<any, C2dEvidence>[] = [...c2dLawProperties, c2dTrendProperty];
