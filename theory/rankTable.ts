/**
 * C3 · the predicted rank of H(θ*) = JᵀJ/N: the dimension of the tangent space of
 * θ ↦ y_θ restricted to the data (docs/theory.md#c3, after Couto et al. 2025; formulas derived).
 *
 * rank J = dim span{∂y/∂θ_i} evaluated on N points. For linearly independent analytic functions
 * f_1..f_d and N generic points the evaluation matrix has rank min(N, d), so every prediction
 * is min(N, d) with d the dimension of the function space spanned by
 *   two-layer unit j:  g(w_j·x)  and  a_j g'(w_j·x) x_i  (i = 1..Ni).
 * d comes from theory/polynomialRank.ts (identity, z^k, polynomials) and
 * theory/activationRank.ts (erf, tanh, sigmoid, softplus, ReLU), degenerate teachers
 * (duplicated, reflected, rescaled units, zero output weights, and their combinations) included.
 *
 * NO CLAIM (`rankClaim` returns a reason; `predictedRank` null) wherever no count is derived:
 * a zero weight row; a polynomial that is not a monomial with a degenerate unit; a general
 * polynomial below its proven large width; ReLU (not analytic) without its data condition —
 * N ≥ 8P + 40 and lines at least RELU_MIN_SEPARATION apart (theory/rankGenericity.ts);
 * activations without a rule. The suite asserts only what the table claims, and counts the
 * rest as "no claim".
 *
 * The claim C3 as the suite states it, and the constants it quotes, are in
 * theory/rankTableClaim.ts (free of engine imports, for the report).
 */
import type { TeacherStudentProblem } from '../src/config/buildProblem.js';
import { activationDimension } from './activationRank.js';
import { polynomialDimension, type DimensionClaim } from './polynomialRank.js';
import { RELU_MIN_SEPARATION, reluSamplesNeeded, reluSeparation } from './rankGenericity.js';
import { hasZeroRow, unitClasses } from './unitClasses.js';

export interface RankPrediction {
  readonly rank: number;
  /** The formula that produced it, in words a reader can check against docs/theory.md. */
  readonly formula: string;
  /** 'theory.md' for the table's generic rows, 'derived' for extensions (degenerate teachers, sigmoid, softplus, full polynomials). */
  readonly basis: 'theory.md' | 'derived';
}

/** What the table says about one problem: a rank, or no claim with the reason. */
export type RankClaim = ({ readonly kind: 'prediction' } & RankPrediction) | { readonly kind: 'no-claim'; readonly reason: string };

function capped(c: DimensionClaim, N: number): RankClaim {
  if ('reason' in c) return { kind: 'no-claim', reason: c.reason };
  return c.d <= N ? { kind: 'prediction', rank: c.d, formula: c.formula, basis: c.basis } : { kind: 'prediction', rank: N, formula: `min(N, ${c.formula}) = N`, basis: c.basis };
}

export function rankClaim(p: TeacherStudentProblem): RankClaim {
  const N = p.N;
  if (p.family === 'deep-linear') {
    // M contains ‖w_Lᵀ⋯W_2‖²·I from the first layer; when that vector is nonzero, M ≻ 0 and rank = rank(C).
    return capped({ d: p.Ni, formula: 'Ni (deep linear, M ≻ 0)', basis: 'theory.md' }, N);
  }
  if (!('W' in p.teacherWeights) || p.activation === null || p.Nh === null) return { kind: 'no-claim', reason: 'not a two-layer teacher' };
  const { W, a } = p.teacherWeights;
  if (hasZeroRow(W)) return { kind: 'no-claim', reason: 'a hidden unit has w_j = 0: no rule derived' };
  const classes = unitClasses(W, a);
  const act = p.activation;
  if (act.polynomial !== null) return capped(polynomialDimension(act.polynomial, p.Ni, p.Nh, classes, a), N);
  if (act.label === 'relu') {
    const needed = reluSamplesNeeded(p.model.P);
    if (N < needed) return { kind: 'no-claim', reason: `ReLU with N = ${N} < 8P + 40 = ${needed}: the count needs data in every wedge between units` };
    const sep = reluSeparation(W);
    if (p.Ni > 1 && sep < RELU_MIN_SEPARATION) return { kind: 'no-claim', reason: `ReLU with two lines of units ${sep.toFixed(3)} rad apart (< ${RELU_MIN_SEPARATION}): their wedge may hold no data` };
  }
  return capped(activationDimension(act, p.Ni, p.model.P, classes), N);
}

/** The predicted rank, or null where the table makes no claim (rankClaim gives the reason). */
export function predictedRank(p: TeacherStudentProblem): RankPrediction | null {
  const c = rankClaim(p);
  return c.kind === 'prediction' ? { rank: c.rank, formula: c.formula, basis: c.basis } : null;
}
