/**
 * C3 · rank H(θ*) is the effective number of parameters: the claim as the suite states it and
 * the constants it quotes. The prediction (the rank table) is theory/rankTable.ts; this module
 * imports no engine code, so the report reads the claim without loading it.
 */
import { COUTO, type Claim } from './claim.js';
import { KEPT_MARGIN_MIN, PROBE_DROPPED_FACTOR, PROBE_KEPT_FACTOR, TOLERANCE_MUTANT_FACTOR } from './rankDecision.js';

/**
 * Largest fraction of a C3 property's cases that may be undecidable in float64 (smallest kept
 * σ within KEPT_MARGIN_MIN of the floor). Generic claims should be decidable on the drawn
 * space; measured 1 in 1,500 (HC_SEED = 13, a z⁵ teacher at the smallest scale).
 */
export const MAX_INCONCLUSIVE = 0.01;

/** The claim C3 as the suite states it (docs/theory.md#c3). */
export const C3_CLAIM: Claim = {
  id: 'C3',
  title: 'Rank is the effective number of parameters',
  statement:
    'rank H(θ*) equals the dimension of the tangent space of θ ↦ y_θ on the data: the rank table of docs/theory.md#c3 (monomials with Alexander–Hirschowitz exceptions, full and large-width polynomials, ReLU P − Nh, erf/tanh/sigmoid/softplus full rank, cap by N), degenerate teachers — duplicated, reflected and rescaled units, zero output weights — counted through each activation’s symmetries; where no rule is derived the table makes no claim, and those cases are recorded, not counted. ' +
    `A case is decided from the singular values of J/√N above max(N, P)·eps·σ_max only when every kept value is at least ${KEPT_MARGIN_MIN}× that floor, else it is undecidable; at most ${MAX_INCONCLUSIVE * 100} % of a property's cases may be. ` +
    `The floor is pinned: on each probed case a singular value ${PROBE_KEPT_FACTOR}× the floor is kept and one ${PROBE_DROPPED_FACTOR}× dropped, and floors ${TOLERANCE_MUTANT_FACTOR}× larger or smaller are caught.`,
  source: `${COUTO} (formulas derived)`,
  kind: 'generic',
  testedIn: 'properties/C3.rank.test.ts',
};
