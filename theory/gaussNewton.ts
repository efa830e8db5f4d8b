/**
 * C1 · the Hessian at the optimum is Gauss–Newton: the claim as the suite states it.
 */
import { COUTO, SAGUN, type Claim } from './claim.js';

/** The claim C1 as the suite states it (docs/theory.md#c1). */
export const C1_CLAIM: Claim = {
    id: 'C1',
    title: 'Hessian at the optimum is Gauss–Newton',
    statement: 'H(θ*) = JᵀJ/N by independent routes (finite differences, tfjs autodiff); off θ*, H = Gauss–Newton + residual term.',
    source: `${COUTO}; ${SAGUN} Eq. 4`,
    kind: 'identity',
    testedIn: 'properties/C1.gaussNewton.test.ts',
};
