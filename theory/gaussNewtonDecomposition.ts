/**
 * S1 · the Gauss–Newton decomposition of the Hessian: the claim as the suite states it.
 */
import { SAGUN, type Claim } from './claim.js';

/** The claim S1 as the suite states it (docs/theory.md#s1). */
export const S1_CLAIM: Claim = {
    id: 'S1',
    title: 'Gauss–Newton decomposition: MSE and softmax cross-entropy, biases included',
    statement: 'H = (1/N) Σ J_nᵀ ∇²ℓ_n J_n + (1/N) Σ_n Σ_c ∂ℓ_n/∂f_c ∇²f_{n,c} at any θ (two-layer MSE nets; MLPs with biases, relu/tanh/identity, softmax cross-entropy with ∇²ℓ = diag(p) − ppᵀ or MSE), checked against finite differences of the gradient; Gauss–Newton is positive semi-definite with rank ≤ N (scalar output), ≤ N(k−1) (k-class softmax) or ≤ N·k (k-output MSE), so negative eigenvalues come only from the residual term. Wrong neighbours rejected: Gauss–Newton alone off the optimum, and ∇²ℓ = diag(p) (rank above N(k−1)).',
    source: `${SAGUN} Eq. 4`,
    kind: 'identity',
    testedIn: 'properties/S1.gaussNewtonDecomposition.test.ts',
};
