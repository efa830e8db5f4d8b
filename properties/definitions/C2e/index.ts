/** C2e's properties, in report order. */
import type { PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { C2eEvidence } from '../../evidence/C2e.js';
import { c2eConvergenceProperty } from './convergence.js';
import { c2eSmallDataProperty } from './smallData.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const C2E_PROPERTIES: PropertyDefinition<any, C2eEvidence>[] = [c2eSmallDataProperty, c2eConvergenceProperty];
