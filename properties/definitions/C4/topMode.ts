/**
 * C4 · past the balanced step (2/(λ_min⁺ + λ_max) < η < 2/λ_max) the top mode is slowest: the
 * late slope is 2 log|1 − ηλ_max|, predicted and measured; "λ_min⁺ whatever η" (C4 read without
 * its condition on η) and the mean eigenvalue are rejected by the same check.
 */
import type { PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { TOP_MODE_NEIGHBOURS } from '../../../theory/longTimeLearning.js';
import { dynamicsLabel, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import { ALL_FAMILIES } from '../../arbitraries/C4/families.js';
import { topModeCaseArb } from '../../arbitraries/C4/regimeCases.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { descentSlopeVerdict } from './descentSlope.js';

export const topModeProperty: PropertyDefinition<DynamicsCase, C4Evidence> = {
  claim: 'C4',
  name: 'η > 2/(λ_min⁺+λ_max): the top mode is slowest (predicted and measured); "λ_min⁺ whatever η" rejected',
  arbitrary: () => topModeCaseArb(ALL_FAMILIES),
  numRuns: 60,
  label: dynamicsLabel,
  check: (c) => descentSlopeVerdict(c, 'top-mode', 'top-mode-slowest', TOP_MODE_NEIGHBOURS),
};
