/**
 * How an activation is named in configurations (JSON) and across modules.
 *
 *   "identity" (alias "linear"), "erf", "tanh", "relu", "sigmoid", "softplus",
 *   "z^k" for a monomial of degree k = 2..6, or { "polynomial": [c0, c1, ..., ck] }
 *   meaning g(z) = Σ_d c_d z^d.
 */
export type NamedActivation = 'identity' | 'linear' | 'erf' | 'tanh' | 'relu' | 'sigmoid' | 'softplus';
export type MonomialActivation = `z^${number}`;
export interface PolynomialActivation {
  readonly polynomial: readonly number[];
}
export type ActivationSpec = NamedActivation | MonomialActivation | PolynomialActivation;

export const NAMED_ACTIVATIONS: readonly NamedActivation[] = ['identity', 'linear', 'erf', 'tanh', 'relu', 'sigmoid', 'softplus'];
export const MONOMIAL_DEGREES = [2, 3, 4, 5, 6] as const;

/** A stable human/JSON label for an activation spec. */
export function activationLabel(spec: ActivationSpec): string {
  if (typeof spec === 'string') return spec === 'linear' ? 'identity' : spec;
  return `polynomial[${spec.polynomial.join(',')}]`;
}
