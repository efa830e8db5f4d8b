/**
 * A model as the suite checks it: its float64 reference Hessian, H·v, and the unit error bound
 * the tolerances come from, whatever its family. The one switch on the family is here; a
 * family plugs in with a builder (two-layer now; mlp in ./mlpReference.ts).
 */
import type { ModelJson } from '../protocol/modelSchemas.js';
import { twoLayerErrorBound } from '../tolerance/twoLayerErrorBound.js';
import { mlpCase } from './mlpReference.js';
import { twoLayerCase, twoLayerHessian, twoLayerHvp } from './twoLayerReference.js';

import type { FamilyCase } from './familyCaseShape.js';

export type { FamilyCase } from './familyCaseShape.js';

export function familyCase(model: ModelJson): FamilyCase {
  if (model.family === 'two-layer') {
    const c = twoLayerCase(model);
    return { P: c.P, hessian: () => twoLayerHessian(c), hvp: (v) => twoLayerHvp(c, v), errorBound: () => twoLayerErrorBound(c) };
  }
  return mlpCase(model);
}
