/**
 * C2a–c · linear networks (theory/linearNetwork.ts): the properties, one per file —
 * C2a/spectrum.ts, C2b/fullRank.ts, C2b/zeroOutput.ts, C2c/whitenedSpectrum.ts — in the
 * order the registry and properties/C2.linearNetwork.test.ts run them.
 */
import type { PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { GeneratedConfig } from '../../src/config/types.js';
import type { C2aEvidence } from '../evidence/C2a.js';
import type { C2bEvidence } from '../evidence/C2b.js';
import type { C2cEvidence } from '../evidence/C2c.js';
import { linearSpectrumProperty } from './C2a/spectrum.js';
import { linearRankProperty } from './C2b/fullRank.js';
import { zeroOutputCounterexampleProperty } from './C2b/zeroOutput.js';
import { whitenedSpectrumProperty } from './C2c/whitenedSpectrum.js';

export { linearRankProperty, linearSpectrumProperty, whitenedSpectrumProperty, zeroOutputCounterexampleProperty };

export const LINEAR_PROPERTIES: ReadonlyArray<PropertyDefinition<GeneratedConfig, C2aEvidence | C2bEvidence | C2cEvidence>> = [linearSpectrumProperty, linearRankProperty, zeroOutputCounterexampleProperty, whitenedSpectrumProperty];
