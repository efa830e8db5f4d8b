/**
 * S1 · the Gauss–Newton decomposition (Sagun et al. 2018, Eq. 4; theory/gaussNewtonDecomposition.ts):
 * the properties, one per file — S1/twoLayerPsd.ts (scalar-output MSE nets), S1/mlpDecomposition.ts
 * and S1/mlpGaussNewtonRank.ts (MLPs, softmax cross-entropy and MSE, biases), with the MLP
 * rounding unit γ in S1/mlpRounding.ts.
 */
import type { PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { S1Evidence } from '../evidence/S1.js';
import type { MlpConfig } from '../arbitraries/mlpConfigs.js';
import { mlpDecompositionProperty } from './S1/mlpDecomposition.js';
import { mlpGaussNewtonRankProperty } from './S1/mlpGaussNewtonRank.js';
import { gaussNewtonPsdProperty } from './S1/twoLayerPsd.js';

export { gaussNewtonPsdProperty, mlpDecompositionProperty, mlpGaussNewtonRankProperty };

/** S1 on the two-layer teacher–student nets (MSE, scalar output): teacher configurations. */
export const S1_PROPERTIES = [gaussNewtonPsdProperty];

/** S1 on MLPs (softmax cross-entropy and MSE, biases): MLP configurations (registered beside S1_PROPERTIES). */
export const S1_MLP_PROPERTIES: ReadonlyArray<PropertyDefinition<MlpConfig, S1Evidence>> = [mlpDecompositionProperty, mlpGaussNewtonRankProperty];
