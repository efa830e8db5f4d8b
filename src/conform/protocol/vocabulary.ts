/**
 * The words of the subject protocol (docs/protocol.md): operations, model families, dtypes,
 * and the limits every message is held to. One place, so the request builder, the answer
 * parser, the CLI's flag checks and the documentation agree.
 */

/** Operations a subject may declare, in the order a run checks them. */
export const OPS = ['hessian', 'hvp', 'top-eigenvalues'] as const;
export type Op = (typeof OPS)[number];

/** Model families the suite has references for. */
export const FAMILIES = ['two-layer', 'mlp'] as const;
export type FamilyName = (typeof FAMILIES)[number];

/** The arithmetic a subject computes in; sets the unit roundoff its tolerances are derived from. */
export const DTYPES = ['float64', 'float32'] as const;
export type Dtype = (typeof DTYPES)[number];

/** Unit roundoff u of each dtype (round to nearest): 2⁻⁵³ and 2⁻²⁴. */
export const UNIT_ROUNDOFF: Readonly<Record<Dtype, number>> = { float64: 2 ** -53, float32: 2 ** -24 };

export function isOp(s: string): s is Op {
  return (OPS as readonly string[]).includes(s);
}

export function isFamily(s: string): s is FamilyName {
  return (FAMILIES as readonly string[]).includes(s);
}

/** Longest name, error text or activation label kept from a subject (longer is cut). */
export const MAX_TEXT_CHARS = 200;
/** Most entries a describe answer may list in ops, families or activations. */
export const MAX_LIST_ENTRIES = 64;
