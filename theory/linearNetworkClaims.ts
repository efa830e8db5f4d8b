/**
 * C2a–c · linear networks: the claims as the suite states them, and the tolerance constant
 * their statements quote. The predictions themselves (M, eig(MC), the rank, the whitened
 * spectrum) are in theory/linearNetwork.ts; this module imports no engine code, so the report
 * reads the claims without loading linear algebra.
 */
import { COUTO, type Claim } from './claim.js';
import { KEPT_MARGIN_MIN } from './rankDecision.js';

/**
 * Multiplier of the eigenvalue tolerance EIG_SLACK·(N + P + Ni)·eps·(λ_max(H) + ‖M‖_F‖C‖_F):
 * both sides are eigenvalues of matrices formed in float64 by sums of ≤ max(N, P) terms
 * (Higham §3.5) and a backward-stable eigensolver (Weyl), each error c·(N + P)·eps·‖·‖₂ with a
 * small c; ‖M‖₂‖C‖₂ ≤ ‖M‖_F‖C‖_F. 16 covers the constants of both routes.
 */
export const EIG_SLACK = 16;

/** The tolerance of C2a (and, with ‖C‖ = 1 plus the whitening error, C2c) as printed. */
const EIG_TOLERANCE = `${EIG_SLACK}·(N + P + Ni)·eps`;

/** The claim C2a as the suite states it (docs/theory.md#c2a). */
export const C2A_CLAIM: Claim = {
  id: 'C2a',
  title: 'Linear network: nonzero spectrum is eig(MC)',
  statement:
    'For g(z) = z, the nonzero eigenvalues of H(θ*) are the eigenvalues of MC, M = ‖a‖²I + WᵀW, C = XᵀX/N; tr H = tr(MC). Deep linear: M = Σ_l ‖w_Lᵀ⋯W_{l+1}‖² (W_{l−1}⋯W_1)ᵀ(W_{l−1}⋯W_1). ' +
    `Asserted to rounding: every eigenvalue, the other eigenvalues' zeros and the trace within ${EIG_TOLERANCE}·(λ_max(H) + ‖M‖_F‖C‖_F).`,
  source: `${COUTO} (exact form derived)`,
  kind: 'identity',
  testedIn: 'properties/C2.linearNetwork.test.ts',
};

/** The claim C2b as the suite states it (docs/theory.md#c2b). */
export const C2B_CLAIM: Claim = {
  id: 'C2b',
  title: 'Linear network: rank min(Ni, N)',
  statement:
    'rank H(θ*) = min(Ni, N) when M ≻ 0, with P − rank zero eigenvalues; a = 0 gives rank(W) instead. ' +
    `The rank is decided from the singular values of J/√N above max(N, P)·eps·σ_max, with every kept value at least ${KEPT_MARGIN_MIN}× that floor.`,
  source: `${COUTO} (exact form derived)`,
  kind: 'generic',
  testedIn: 'properties/C2.linearNetwork.test.ts',
};

/** The claim C2c as the suite states it (docs/theory.md#c2c). */
export const C2C_CLAIM: Claim = {
  id: 'C2c',
  title: 'Linear network, whitened data: ‖a‖² + eig(WᵀW)',
  statement:
    'With XᵀX/N = I the nonzero eigenvalues are ‖a‖² + eig(WᵀW); when Ni > Nh exactly Ni − Nh of them equal ‖a‖². ' +
    `Asserted within ${EIG_TOLERANCE}·(λ_max(H) + ‖M‖_F) plus the whitening error ‖M‖_F‖C − I‖_F; copies of ‖a‖² are eigenvalues within that tolerance of it.`,
  source: `${COUTO} (exact form derived)`,
  kind: 'identity',
  testedIn: 'properties/C2.linearNetwork.test.ts',
};
