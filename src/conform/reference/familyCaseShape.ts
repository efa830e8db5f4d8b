/** What the checks need of a model, whatever its family (./familyCase.ts builds one). */
import type { Matrix } from '../../linalg/matrix.js';
import type { UnitErrorBound } from '../tolerance/unitErrorBound.js';

export interface FamilyCase {
  readonly P: number;
  hessian(): Matrix;
  hvp(v: Float64Array): Float64Array;
  errorBound(): UnitErrorBound;
}
