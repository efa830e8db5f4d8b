/**
 * C3 · hidden units grouped by the direction of their weight vectors (docs/theory.md#c3,
 * "Degenerate teachers"): the degenerate-teacher rules of the rank table count per group.
 *
 *  - A CLASS is a maximal set of units whose w's are parallel: w_k = c_k·u (c_k ≠ 0 real, u the
 *    first unit's w, c = 1 for it). Units of different classes have non-parallel w's.
 *  - Within a class, a SUBCLASS is the units with the same |c_k| (duplicates c = 1, reflections
 *    c = −1, and rescaled copies ±c). Each unit has an orientation sign(c_k) and is ACTIVE when
 *    a_k ≠ 0.
 *
 * Decided in float64 with a relative tolerance PARALLEL_RTOL: the configurations that make
 * degenerate units (src/config/buildProblem.ts) copy, negate or multiply a row, so parallel rows
 * agree to a few ulps and equal |c| to one rounding; two Gaussian rows are this close to
 * parallel with probability ~PARALLEL_RTOL^{(Ni−1)/2}. Rows that are merely NEAR each other
 * (between 1e-12 and ~0.3 apart) are distinct in exact arithmetic but not resolvable in float64:
 * the rank claims say nothing about them; the generators keep units separated
 * (theory/rankGenericity.ts).
 * Cost O(Nh²·Ni).
 */
import type { Matrix } from '../src/linalg/matrix.js';

/** Relative tolerance for "parallel" (Cauchy–Schwarz defect) and for "equal |c|". */
export const PARALLEL_RTOL = 1e-12;

export interface HiddenUnit {
  readonly index: number;
  /** c_k with w_k = c_k·u (u the class's first unit's w). */
  readonly scale: number;
  readonly active: boolean;
}

export interface Subclass {
  /** |c| shared by the subclass's units. */
  readonly absScale: number;
  readonly units: readonly HiddenUnit[];
  /** Some unit has c > 0 / c < 0. */
  readonly positive: boolean;
  readonly negative: boolean;
  /** Some ACTIVE unit has c > 0 / c < 0. */
  readonly activePositive: boolean;
  readonly activeNegative: boolean;
}

export interface UnitClass {
  /** Index of the class's first unit (its w is u). */
  readonly first: number;
  readonly subclasses: readonly Subclass[];
}

const row = (W: Matrix, j: number) => W.data.subarray(j * W.cols, (j + 1) * W.cols);

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

/** True when some row of W is exactly zero (no class: the rules do not cover it). */
export function hasZeroRow(W: Matrix): boolean {
  for (let j = 0; j < W.rows; j++) if (row(W, j).every((v) => v === 0)) return true;
  return false;
}

/** c with v = c·u when u, v are parallel to PARALLEL_RTOL (both nonzero), else null. */
export function parallelScale(u: ArrayLike<number>, v: ArrayLike<number>): number | null {
  const uu = dot(u, u);
  const vv = dot(v, v);
  const uv = dot(u, v);
  if (uu === 0 || vv === 0) return null;
  return uu * vv - uv * uv <= PARALLEL_RTOL * uu * vv ? uv / uu : null;
}

/** The classes of W's rows (every row nonzero) with their subclasses; a: output weights. */
export function unitClasses(W: Matrix, a: ArrayLike<number>): UnitClass[] {
  if (hasZeroRow(W)) throw new Error('unitClasses: W has a zero row; classes need nonzero weight vectors (check hasZeroRow first)');
  const assigned = new Array<boolean>(W.rows).fill(false);
  const classes: UnitClass[] = [];
  for (let j = 0; j < W.rows; j++) {
    if (assigned[j]) continue;
    const u = row(W, j);
    const members: HiddenUnit[] = [];
    for (let l = j; l < W.rows; l++) {
      if (assigned[l]) continue;
      const c = l === j ? 1 : parallelScale(u, row(W, l));
      if (c === null) continue;
      assigned[l] = true;
      members.push({ index: l, scale: c, active: a[l] !== 0 });
    }
    const subs: HiddenUnit[][] = [];
    for (const m of members) {
      const s = subs.find((g) => Math.abs(Math.abs(g[0].scale) - Math.abs(m.scale)) <= PARALLEL_RTOL * Math.abs(m.scale));
      if (s) s.push(m);
      else subs.push([m]);
    }
    classes.push({
      first: j,
      subclasses: subs.map((units) => ({
        absScale: Math.abs(units[0].scale),
        units,
        positive: units.some((m) => m.scale > 0),
        negative: units.some((m) => m.scale < 0),
        activePositive: units.some((m) => m.active && m.scale > 0),
        activeNegative: units.some((m) => m.active && m.scale < 0),
      })),
    });
  }
  return classes;
}

/** A class as one group regardless of |c| (positively homogeneous activations: relu(c·z) = c·relu(z), c > 0). */
export function mergeScales(c: UnitClass): Subclass {
  const all = c.subclasses.flatMap((s) => s.units);
  return {
    absScale: 1,
    units: all,
    positive: c.subclasses.some((s) => s.positive),
    negative: c.subclasses.some((s) => s.negative),
    activePositive: c.subclasses.some((s) => s.activePositive),
    activeNegative: c.subclasses.some((s) => s.activeNegative),
  };
}

/** A group is active when some unit in it has a_j ≠ 0. */
export const isActive = (s: Subclass): boolean => s.activePositive || s.activeNegative;

/** Is any unit degenerate: a zero output weight, or two units with parallel w's? */
export function isDegenerate(classes: readonly UnitClass[], a: ArrayLike<number>): boolean {
  return Array.from(a).some((v) => v === 0) || classes.some((c) => c.subclasses.length > 1 || c.subclasses[0].units.length > 1);
}
