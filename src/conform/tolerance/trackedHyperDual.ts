/**
 * Running-error analysis of second derivatives, automated: numbers that carry, next to their
 * value, the first derivatives along two directions p and q and the mixed second derivative
 * (a hyper-dual number x + x_p ε₁ + x_q ε₂ + x_pq ε₁ε₂, Fike & Alonso, AIAA 2011-886), and for
 * each of those four components a MAGNITUDE (the sum of |monomials| the component expands to —
 * what rounding errors are proportional to) and an ERROR BOUND in units of roundoff u. Evaluating
 * a loss on such numbers from θ_p, θ_q seeds gives H_pq, Σ|terms| of H_pq, and a first-order
 * bound on the rounding error of any evaluation of H_pq that forms the same products (Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1–3.3: a sum's error ≤ γ·Σ|terms|,
 * a product's relative errors add). Reverse-mode autodiff forms the same products in another
 * order, so the same bound applies up to the count of roundings per product, which the rules
 * below overstate:
 *
 *   inputs            value rounded to the subject's precision: error = |x|
 *   a + b             errors add; + |a| + |b| (the sum's rounding)
 *   a · b             per component, Σ over its Leibniz terms of (e_a m_b + m_a e_b) + (terms + 1)·Σ m_a m_b
 *   f(a)              f⁽ⁱ⁾ evaluated to C_F ulp of its magnitude M_i, and moved by the error of a through
 *                     M_{i+1}: f(a)_pq = f''·a_p a_q + f'·a_pq, each product as above
 *
 * First order (terms in u² dropped), like ./twoLayerErrorBound.ts, whose hand derivation these
 * rules reproduce (test/conform/mlpBound.test.ts compares them).
 */
import { C_F } from './twoLayerErrorBound.js';

/** Components 0, p, q, pq; v value, m magnitude, e error bound ÷ u. */
export interface Tracked {
  readonly v: readonly [number, number, number, number];
  readonly m: readonly [number, number, number, number];
  readonly e: readonly [number, number, number, number];
}

type Quad = [number, number, number, number];

/** A constant read from outside (data, targets): exact derivatives (zero), value rounded once. */
export function constant(x: number): Tracked {
  const a = Math.abs(x);
  return { v: [x, 0, 0, 0], m: [a, 0, 0, 0], e: [a, 0, 0, 0] };
}

/** Parameter θ_i seeded for the pair (p, q). */
export function parameter(x: number, isP: boolean, isQ: boolean): Tracked {
  const a = Math.abs(x);
  return { v: [x, isP ? 1 : 0, isQ ? 1 : 0, 0], m: [a, isP ? 1 : 0, isQ ? 1 : 0, 0], e: [a, 0, 0, 0] };
}

export const ZERO: Tracked = { v: [0, 0, 0, 0], m: [0, 0, 0, 0], e: [0, 0, 0, 0] };

export function add(a: Tracked, b: Tracked): Tracked {
  const v: Quad = [0, 0, 0, 0];
  const m: Quad = [0, 0, 0, 0];
  const e: Quad = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    v[i] = a.v[i] + b.v[i];
    m[i] = a.m[i] + b.m[i];
    e[i] = a.e[i] + b.e[i] + (a.m[i] !== 0 && b.m[i] !== 0 ? m[i] : 0);
  }
  return { v, m, e };
}

export function neg(a: Tracked): Tracked {
  return { v: [-a.v[0], -a.v[1], -a.v[2], -a.v[3]], m: a.m, e: a.e };
}

export function sub(a: Tracked, b: Tracked): Tracked {
  return add(a, neg(b));
}

/** One Leibniz term x·y of a product component: [value, magnitude, error]. */
function term(av: number, am: number, ae: number, bv: number, bm: number, be: number): [number, number, number] {
  return [av * bv, am * bm, ae * bm + am * be];
}

function combine(terms: ReadonlyArray<[number, number, number]>): [number, number, number] {
  let v = 0;
  let m = 0;
  let e = 0;
  let n = 0;
  for (const [tv, tm, te] of terms) {
    if (tm === 0 && te === 0) continue;
    v += tv;
    m += tm;
    e += te;
    n++;
  }
  return [v, m, e + (n + 1) * m];
}

export function mul(a: Tracked, b: Tracked): Tracked {
  const T = (i: number, j: number) => term(a.v[i], a.m[i], a.e[i], b.v[j], b.m[j], b.e[j]);
  const c0 = combine([T(0, 0)]);
  const cp = combine([T(1, 0), T(0, 1)]);
  const cq = combine([T(2, 0), T(0, 2)]);
  const cpq = combine([T(3, 0), T(1, 2), T(2, 1), T(0, 3)]);
  return { v: [c0[0], cp[0], cq[0], cpq[0]], m: [c0[1], cp[1], cq[1], cpq[1]], e: [c0[2], cp[2], cq[2], cpq[2]] };
}

/** Multiplication by an exact constant (a reduction weight such as 1/N): one more rounding. */
export function scale(a: Tracked, s: number): Tracked {
  const as = Math.abs(s);
  const v: Quad = [a.v[0] * s, a.v[1] * s, a.v[2] * s, a.v[3] * s];
  const m: Quad = [a.m[0] * as, a.m[1] * as, a.m[2] * as, a.m[3] * as];
  const e: Quad = [(a.e[0] + a.m[0]) * as, (a.e[1] + a.m[1]) * as, (a.e[2] + a.m[2]) * as, (a.e[3] + a.m[3]) * as];
  return { v, m, e };
}

/** A scalar function with its derivatives f, f', f'' and magnitudes M_0..M_3 at a point. */
export interface ScalarFunction {
  (z: number): { readonly d: readonly [number, number, number]; readonly M: readonly [number, number, number, number] };
}

export function apply(f: ScalarFunction, a: Tracked): Tracked {
  const { d, M } = f(a.v[0]);
  const dz = a.e[0];
  // Each derivative as computed: evaluation error C_F·M_i, plus the error of a moved through M_{i+1}.
  const dErr = [C_F * M[0] + M[1] * dz, C_F * M[1] + M[2] * dz, C_F * M[2] + M[3] * dz];
  const c0: [number, number, number] = [d[0], M[0], dErr[0]];
  const first = (i: 1 | 2) => combine([term(d[1], M[1], dErr[1], a.v[i], a.m[i], a.e[i])]);
  const cp = first(1);
  const cq = first(2);
  // f''·a_p·a_q + f'·a_pq
  const apq = combine([term(a.v[1], a.m[1], a.e[1], a.v[2], a.m[2], a.e[2])]);
  const cpq = combine([term(d[2], M[2], dErr[2], apq[0], apq[1], apq[2]), term(d[1], M[1], dErr[1], a.v[3], a.m[3], a.e[3])]);
  return { v: [c0[0], cp[0], cq[0], cpq[0]], m: [c0[1], cp[1], cq[1], cpq[1]], e: [c0[2], cp[2], cq[2], cpq[2]] };
}

/** exp, relatively accurate: every M_i = e^z. */
export const expFn: ScalarFunction = (z) => {
  const x = Math.exp(z);
  return { d: [x, x, x], M: [x, x, x, x] };
};

/** log on z > 0: (log z, 1/z, −1/z²), M_3 = 2/z³. */
export const logFn: ScalarFunction = (z) => ({ d: [Math.log(z), 1 / z, -1 / (z * z)], M: [Math.abs(Math.log(z)), 1 / z, 1 / (z * z), 2 / (z * z * z)] });
