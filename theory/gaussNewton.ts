/**
 * C1 · the Hessian at the optimum is Gauss–Newton: the claim as the suite states it, and the
 * wrong-route rule its statement quotes.
 *
 * tfjs's own tanh and sigmoid ops (no custom gradient) have wrong second derivatives; the
 * error multiplies the residual, so it only shows off θ*, and only where the residual term is
 * large against the float32 tolerance: there the raw ops must fail the tolerance the custom
 * gradients pass (the wrong route "raw tfjs", docs/theory.md#c1).
 */
import { COUTO, SAGUN, type Claim } from './claim.js';

/** Activations whose raw tfjs ops give wrong second derivatives off θ*. */
export const RAW_TFJS_WRONG_ACTIVATIONS: readonly string[] = ['tanh', 'sigmoid'];

/**
 * The raw-tfjs route is owed a rejection where ‖R‖_F > RESIDUAL_VISIBLE_FACTOR · tol · ‖H‖_F
 * (R the residual term, tol the float32 relative tolerance): a factor 10 above the tolerance
 * leaves the wrong second derivative room to show.
 */
export const RESIDUAL_VISIBLE_FACTOR = 10;

/** The claim C1 as the suite states it (docs/theory.md#c1). */
export const C1_CLAIM: Claim = {
  id: 'C1',
  title: 'Hessian at the optimum is Gauss–Newton',
  statement:
    'H(θ*) = JᵀJ/N by independent routes (finite differences, tfjs autodiff); off θ*, H = Gauss–Newton + residual term. ' +
    `Wrong neighbours rejected: Gauss–Newton alone off θ*, and raw tfjs ${RAW_TFJS_WRONG_ACTIVATIONS.join('/')} ops off θ* wherever the residual term exceeds ${RESIDUAL_VISIBLE_FACTOR}× the float32 tolerance.`,
  source: `${COUTO}; ${SAGUN} Eq. 4`,
  kind: 'identity',
  testedIn: 'properties/C1.gaussNewton.test.ts',
};
