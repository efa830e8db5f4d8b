/**
 * S1 · the Gauss–Newton decomposition of the Hessian: the claim as the suite states it, and
 * the tolerance constants its statement quotes (derivations: docs/theory.md#s1 and
 * properties/definitions/S1/).
 */
import { SAGUN, type Claim } from './claim.js';

/**
 * PSD and Weyl checks use PSD_SLACK·P·eps·‖A‖_F: a backward-stable symmetric eigensolver
 * returns eigenvalues of A + E with ‖E‖₂ ≲ c·n·eps·‖A‖₂ (Golub & Van Loan §8.1), ‖A‖₂ ≤ ‖A‖_F;
 * 8 covers c.
 */
export const PSD_SLACK = 8;

/**
 * Two routes to the same MLP matrix or product agree within ROUTE_SLACK·γ·(‖GN‖_F + ‖R‖_F),
 * γ = eps·(the longest chain of rounded operations): three routes' first-order errors of
 * γ·(scale) each, plus one γ for symmetrisation.
 */
export const ROUTE_SLACK = 4;

/**
 * "Gauss–Newton alone" is owed a rejection where the residual term is measurable: some
 * |R_ij| > RESIDUAL_VISIBLE_FACTOR × the finite-difference error estimate there.
 */
export const RESIDUAL_VISIBLE_FACTOR = 10;

/** The claim S1 as the suite states it (docs/theory.md#s1). */
export const S1_CLAIM: Claim = {
  id: 'S1',
  title: 'Gauss–Newton decomposition: MSE and softmax cross-entropy, biases included',
  statement:
    'H = (1/N) Σ J_nᵀ ∇²ℓ_n J_n + (1/N) Σ_n Σ_c ∂ℓ_n/∂f_c ∇²f_{n,c} at any θ (two-layer MSE nets; MLPs with biases, relu/tanh/identity, softmax cross-entropy with ∇²ℓ = diag(p) − ppᵀ or MSE), checked against finite differences of the gradient; Gauss–Newton is positive semi-definite with rank ≤ N (scalar output), ≤ N(k−1) (k-class softmax) or ≤ N·k (k-output MSE), so negative eigenvalues come only from the residual term. ' +
    `Tolerances: eigenvalues to ${PSD_SLACK}·P·eps·‖·‖_F; the MLP routes (forward-over-reverse H, Jacobian Gauss–Newton, R-operator residual) agree within ${ROUTE_SLACK}·γ·(‖GN‖_F + ‖R‖_F). ` +
    `Wrong neighbours rejected: Gauss–Newton alone off the optimum wherever some |R_ij| exceeds ${RESIDUAL_VISIBLE_FACTOR}× the finite-difference error estimate, and ∇²ℓ = diag(p) (rank above N(k−1)).`,
  source: `${SAGUN} Eq. 4`,
  kind: 'identity',
  testedIn: 'properties/S1.gaussNewtonDecomposition.test.ts',
};
