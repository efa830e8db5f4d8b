/**
 * The MLP family's reference (placeholder until its error bound lands; see docs/protocol.md).
 */
import type { MlpModelJson } from '../protocol/modelSchemas.js';
import type { FamilyCase } from './familyCase.js';

export function mlpCase(_model: MlpModelJson): FamilyCase {
  throw new Error('mlp references are not available yet');
}
