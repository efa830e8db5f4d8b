/**
 * C3 · the rank table's rows for the non-polynomial activations erf, tanh, sigmoid, softplus and
 * ReLU, degenerate teachers included, as the dimension d of the span of the tangent vectors
 * g(w_j·x), a_j g'(w_j·x) x_i (docs/theory.md#c3, "Degenerate teachers", where every step is
 * derived; the caller caps d at N).
 *
 * Per class of parallel units (theory/unitClasses.ts; t = u·x along the class's line, x⊥ the
 * other Ni − 1 coordinates) the tangent vectors are functions of t, and functions of t times a
 * linear form of x⊥. A subclass S (units with equal |c|; for ReLU the whole class, since
 * relu(c·z) = c·relu(z) for c > 0) contributes, apart from polynomials:
 *   smooth g:  1 + Ni·[S active]          (g(|c|t); t·g'(|c|t) and g'(|c|t)·x⊥ when some a ≠ 0)
 *   ReLU:      1 + (Ni − 1)·[S active]    (t·H(t) = relu(t): the scaling direction is lost)
 * Reflections (both orientations ± in S) add polynomials through the activation's symmetry:
 *   erf, tanh (odd):     g(−z) = −g(z), g' even: nothing new;
 *   sigmoid:             σ(−z) = 1 − σ(z): the constant 1;
 *   softplus, ReLU:      g(−z) = g(z) − z: the linear form t = u·x; when S has ACTIVE units of both
 *                        orientations also g'(−z) = 1 − g'(z), hence x⊥ itself: all Ni linear forms.
 * Polynomials of different classes coincide (one constant; linear forms live in an Ni-dimensional
 * space), so they are counted once over the whole net:
 *   d = Σ_S (non-polynomial part) + dim(span of the polynomial parts).
 * Non-polynomial parts of different lines, or of different |c| on one line, are independent
 * (no other symmetry relates g(c·u·x) for these g) — the generic rows of the table; checked by
 * brute force in test/theory/rankTable.test.ts and the C3 property.
 */
import type { Activation } from '../src/nets/activation.js';
import type { DimensionClaim } from './polynomialRank.js';
import { isActive, mergeScales, type Subclass, type UnitClass } from './unitClasses.js';

/** Activations this module has rules for, and the symmetry each rule uses. */
export const ACTIVATION_SYMMETRY = {
  erf: 'odd',
  tanh: 'odd',
  sigmoid: 'constant',
  softplus: 'linear',
  relu: 'linear',
} as const;
export type RankActivation = keyof typeof ACTIVATION_SYMMETRY;

export function isRankActivation(label: string): label is RankActivation {
  return label in ACTIVATION_SYMMETRY;
}

const both = (s: Subclass) => s.positive && s.negative;
const bothActive = (s: Subclass) => s.activePositive && s.activeNegative;

/**
 * d for activation `act` on Ni inputs with these unit classes; P = Nh(Ni + 1) names the
 * table's generic row when nothing is degenerate.
 */
export function activationDimension(act: Activation, Ni: number, P: number, classes: readonly UnitClass[]): DimensionClaim {
  const label = act.label;
  if (!isRankActivation(label)) return { reason: `no rank rule derived for ${label}` };
  const symmetry = ACTIVATION_SYMMETRY[label];
  const relu = label === 'relu';
  const groups = classes.map((c) => (relu ? [mergeScales(c)] : c.subclasses));
  let nonPolynomial = 0;
  for (const g of groups.flat()) nonPolynomial += 1 + (relu ? Ni - 1 : Ni) * (isActive(g) ? 1 : 0);
  let polynomial = 0;
  if (symmetry === 'constant') polynomial = groups.some((gs) => gs.some(both)) ? 1 : 0;
  if (symmetry === 'linear') {
    const lines = groups.filter((gs) => gs.some(both)).length;
    polynomial = groups.some((gs) => gs.some(bothActive)) ? Ni : Math.min(lines, Ni);
  }
  const d = nonPolynomial + polynomial;
  const Nh = classes.reduce((s, c) => s + c.subclasses.reduce((t, x) => t + x.units.length, 0), 0);
  const generic = relu ? P - Nh : P;
  if (d === generic && classes.length === Nh) {
    return relu ? { d, formula: 'P − Nh (ReLU: one scaling direction per hidden unit)', basis: 'theory.md' } : { d, formula: `P (${label}: no continuous symmetry)`, basis: label === 'erf' || label === 'tanh' ? 'theory.md' : 'derived' };
  }
  const perGroup = relu ? '1 + (Ni − 1)·[active]' : '1 + Ni·[active]';
  const extra = symmetry === 'odd' ? '' : symmetry === 'constant' ? ` + ${polynomial} (constant from σ(−z) = 1 − σ(z))` : ` + ${polynomial} (linear forms from g(−z) = g(z) − z)`;
  const grouping = relu ? 'lines (any c ≠ 0)' : 'equal |c| on a line';
  return { d, formula: `Σ over ${groups.flat().length} groups of units with ${grouping}: ${perGroup}${extra} (${label}, degenerate teacher)`, basis: 'derived' };
}
