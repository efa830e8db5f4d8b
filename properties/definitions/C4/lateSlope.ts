/**
 * C4 · late slope, converging regime (η < 2/(λ_min⁺ + λ_max)): the late slope of log L is
 * 2 log(1 − ηλ_min⁺); the λ_max and mean-eigenvalue neighbours are rejected by the same check.
 */
import type { PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { CONVERGING_NEIGHBOURS } from '../../../theory/longTimeLearning.js';
import { dynamicsLabel, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import { ALL_FAMILIES } from '../../arbitraries/C4/families.js';
import { convergingCaseArb } from '../../arbitraries/C4/regimeCases.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { descentSlopeVerdict } from './descentSlope.js';

export const lateSlopeProperty: PropertyDefinition<DynamicsCase, C4Evidence> = {
  claim: 'C4',
  name: 'late slope of log L is 2 log(1 − ηλ_min⁺) (converging); λ_max and mean-eigenvalue neighbours rejected',
  arbitrary: () => convergingCaseArb(ALL_FAMILIES),
  numRuns: 100,
  label: dynamicsLabel,
  check: (c) => descentSlopeVerdict(c, 'late-slope', 'converging', CONVERGING_NEIGHBOURS),
};
