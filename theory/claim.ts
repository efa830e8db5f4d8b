/**
 * A claim as the suite states it: id, title, statement, source, kind and the vitest file that
 * checks it. Each claim's entry lives in its theory module beside the prediction and the
 * constants its statement quotes (so the two cannot drift); claims.ts lists them in order.
 */
export type ClaimKind = 'identity' | 'generic' | 'statistical';

export interface Claim {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly kind: ClaimKind;
  /** Where the property lives, relative to the repository root. */
  readonly testedIn: string;
}

export const COUTO = 'Couto et al. 2025 (arXiv:2512.15606)';
export const SAGUN = 'Sagun et al. 2018 (arXiv:1706.04454)';
