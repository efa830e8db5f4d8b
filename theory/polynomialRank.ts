/**
 * C3 · the rank table's rows for polynomial activations g(z) = Σ_{d∈D} c_d z^d (identity and
 * z^k included), as the dimension d of the function space spanned by the tangent vectors
 * (docs/theory.md#c3; each formula's derivation is there, under the name quoted in `formula`).
 * The caller caps d at N. Every row returns a number only where it is derived; elsewhere a
 * reason (no claim).
 *
 *  - monomials c·z^k (D = {k}), any teacher with nonzero rows: units on one line (duplicated,
 *    reflected, rescaled) compute the same form up to scale, so only the number of distinct
 *    lines matters: s_a lines with an active unit, s_0 lines with none:
 *      d = min(C(Ni+k−1, k), W(Ni, s_a, k) + s_0)      (W = monomialRank; k = 1: Ni or min(s_0, Ni));
 *  - c₀ + c_k z^k: 1 + W(Ni, Nh, k) (Euler puts (w·x)^k in the w-derivatives, so ∂/∂a adds the constant);
 *  - "full" polynomials, c_d ≠ 0 for every d = 0 … k: d = W(Ni + 1, Nh, k) at EVERY width
 *    (homogenise with x₀: Σ c_d (w·x)^d is, up to a fixed invertible rescaling of each degree,
 *    (x₀ + w·x)^k, so the tangent space is a Waring tangent space in Ni + 1 variables; AH
 *    exceptions included, e.g. Ni = 2, Nh = 5, quartic: 14 of 15);
 *  - c₁z + c₂z², Nh ≤ Ni: Nh(Ni+1) − Nh(Nh−1)/2;
 *  - any other support D with max degree k: the cap Σ_{d∈D} C(Ni+d−1, d) once
 *    Nh ≥ fillingWidth(Ni + 1, k) (its tangent space is the projection onto ⊕_{d∈D} of the full
 *    polynomial's, which is everything from that width on); below it, no claim.
 * No claim for a polynomial that is not a monomial with any degenerate unit (zero output weight,
 * parallel units; for Ni = 1, equal units): rescaling w by c multiplies degree d by c^d, so a
 * rescaled unit is a new, non-generic point, and no count was derived.
 */
import type { UnitClass } from './unitClasses.js';
import { isActive, isDegenerate, mergeScales } from './unitClasses.js';
import { fillingWidth, homogeneousDimension, isAlexanderHirschowitzException, monomialRank, waringSpanWithPoints } from './waringRank.js';

/** A derived dimension (before the cap at N), or a reason why none is claimed. */
export type DimensionClaim = { readonly d: number; readonly formula: string; readonly basis: 'theory.md' | 'derived' } | { readonly reason: string };

/** The support D = {d : c_d ≠ 0} of a coefficient list. */
export function support(coefficients: readonly number[]): number[] {
  return coefficients.flatMap((c, d) => (c !== 0 ? [d] : []));
}

/** Σ_{d∈D} dim Poly_d (a constant counts 1): the dimension of ⊕_{d∈D} Poly_d. */
export function polynomialCap(Ni: number, D: readonly number[]): number {
  return D.reduce((s, d) => s + homogeneousDimension(Ni, d), 0);
}

/** The width from which the table claims the cap for a general polynomial of degree k in Ni inputs. */
export function polynomialCapWidth(Ni: number, k: number): number {
  return fillingWidth(Ni + 1, k);
}

function monomialDimension(Ni: number, Nh: number, k: number, classes: readonly UnitClass[]): DimensionClaim {
  // Parallel units compute the same form up to a factor c^k: one point of the Veronese per line.
  const lines = classes.map(mergeScales);
  const sA = lines.filter(isActive).length;
  const s0 = lines.length - sA;
  const plain = sA === Nh;
  if (k === 1) {
    return sA > 0
      ? { d: Ni, formula: 'Ni (linear, some a_j ≠ 0 so M ≻ 0)', basis: 'theory.md' }
      : { d: Math.min(s0, Ni), formula: 'min(#distinct lines of W, Ni) (linear, a = 0: rank W)', basis: 'derived' };
  }
  if (plain) {
    const ah = k >= 3 && isAlexanderHirschowitzException(Ni, k, Nh);
    const formula =
      k === 2 ? (Nh < Ni ? 'Nh·Ni − Nh(Nh−1)/2 (z², Nh < Ni)' : 'Ni(Ni+1)/2 (z², Nh ≥ Ni)') : `min(Nh·Ni, C(Ni+k−1, k))${ah ? ' − 1 (Alexander–Hirschowitz exception)' : ''} (z^${k})`;
    return { d: monomialRank(Ni, Nh, k), formula, basis: 'theory.md' };
  }
  return {
    d: waringSpanWithPoints(Ni, sA, s0, k),
    formula: `min(C(Ni+k−1, k), W(Ni, s_a, k) + s_0) with s_a = ${sA} active, s_0 = ${s0} inactive distinct lines (z^${k}, degenerate teacher)`,
    basis: 'derived',
  };
}

/**
 * The teacher is not generic for a polynomial that is not a monomial: some a_j = 0, or two units
 * on one line. With Ni = 1 every unit is on the one line, and the points [1 : w_j] of P¹ only
 * need to be distinct (double points on the rational normal curve impose independent conditions
 * — Hermite interpolation), so there only two EQUAL w's count (a reflection −w is a new point).
 */
function isNonGenericPolynomialTeacher(Ni: number, classes: readonly UnitClass[], a: ArrayLike<number>): boolean {
  if (Ni > 1) return isDegenerate(classes, a);
  return Array.from(a).some((v) => v === 0) || classes.some((c) => c.subclasses.some((s) => s.units.filter((u) => u.scale > 0).length > 1 || s.units.filter((u) => u.scale < 0).length > 1));
}

export function polynomialDimension(coefficients: readonly number[], Ni: number, Nh: number, classes: readonly UnitClass[], a: ArrayLike<number>): DimensionClaim {
  const D = support(coefficients);
  const k = D[D.length - 1];
  if (D.length === 1) return monomialDimension(Ni, Nh, k, classes);
  if (isNonGenericPolynomialTeacher(Ni, classes, a)) return { reason: 'polynomial activation (not a monomial) with a degenerate unit: rescaling w by c scales degree d by c^d, so parallel units are new non-generic points; no count derived' };
  if (D.length === k + 1) {
    const ah = isAlexanderHirschowitzException(Ni + 1, k, Nh);
    return { d: monomialRank(Ni + 1, Nh, k), formula: `W(Ni+1, Nh, ${k})${ah ? ' (Alexander–Hirschowitz exception in Ni+1 variables)' : ''} (full polynomial of degree ${k}: homogenised Waring count)`, basis: 'derived' };
  }
  if (D.length === 2 && D[0] === 0) return { d: 1 + monomialRank(Ni, Nh, k), formula: `1 + W(Ni, Nh, ${k}) (c₀ + c_k z^k)`, basis: 'derived' };
  if (D.length === 2 && D[0] === 1 && D[1] === 2 && Nh <= Ni) return { d: Nh * (Ni + 1) - (Nh * (Nh - 1)) / 2, formula: 'Nh(Ni+1) − Nh(Nh−1)/2 (c1·z + c2·z², Nh ≤ Ni)', basis: 'theory.md' };
  const width = polynomialCapWidth(Ni, k);
  if (Nh >= width) {
    return { d: polynomialCap(Ni, D), formula: `Σ_{d: c_d ≠ 0} C(Ni+d−1, d) (polynomial, Nh ≥ ${width}: the full degree-${k} polynomial in Ni+1 variables is filled)`, basis: 'theory.md' };
  }
  return { reason: `general polynomial (degrees ${D.join(', ')}) below the width Nh = ${width} from which the cap is proven: the rank may miss Σ C(Ni+d−1, d) there (e.g. z + z³ at Ni = 5, Nh = 7: 39 of 40)` };
}
