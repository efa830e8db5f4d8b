/**
 * Each op's answer against the float64 reference, as error ÷ tolerance (≤ 1 conforms), with
 * tolerances built from the family's unit error bound (./unitErrorBound.ts: |Ĥ − H| ≤ u·E₁):
 *
 *   hessian, entry (p, q):   T_pq = S·(u_s + u₆₄)·E₁,pq + τ·max|H|
 *   hvp, entry i:            T_i  = S·(u_s + u₆₄)·Σ_q (E₁ + (P + 3)·Habs)_iq |v_q| + τ·‖Hv‖_∞
 *                            (a matrix-free H·v sums P more products per entry, and rounds v)
 *   top-eigenvalues, each i: T    = S·(u_s + u₆₄)·‖E₁ + (P + 3)·Habs‖₂ + C_EIG·P·(u_s + u₆₄)·‖H‖₂ + τ·‖H‖₂
 *                            by Weyl's inequality |λ_i(H + ΔH) − λ_i(H)| ≤ ‖ΔH‖₂ ≤ ‖ |ΔH| ‖₂, for
 *                            the Hessian the subject's eigensolver saw (dense or matrix-free), plus
 *                            that solver's backward error (LAPACK Users' Guide §4.7.1: computed
 *                            eigenvalues are exact for H + E, ‖E‖₂ ≤ p(n)·u·‖H‖₂, p(n) modest;
 *                            p(n) = C_EIG·n here; Lanczos with full reorthogonalisation is as
 *                            stable, Paige 1976)
 *
 * u_s is the unit roundoff of the dtype the subject declares, u₆₄ = 2⁻⁵³ covers the reference's
 * own rounding (it is one more implementation under the same bound), τ the subject's declared
 * relativeTolerance (0 when it claims rounding accuracy). S = SAFETY covers what the first-order
 * bound drops (terms in u², and the few extra roundings of an unusual evaluation order).
 *
 * Near wrong neighbours that must break these tolerances (test/conform): a residual term off by
 * 10⁻³ at float64; float32 arithmetic declared as float64; a wrong g''; the residual term dropped.
 */
import type { LinalgBackend } from '../../linalg/backend.js';
import type { Matrix } from '../../linalg/matrix.js';
import { UNIT_ROUNDOFF } from '../protocol/vocabulary.js';
import type { UnitErrorBound } from './unitErrorBound.js';

/** Margin over the first-order bound (second-order terms, evaluation-order slack). */
export const SAFETY = 2;
/** p(n) = C_EIG·n for a backward-stable symmetric eigensolver. */
export const C_EIG = 4;

export interface ToleranceInputs {
  /** Unit roundoff of the subject's declared dtype. */
  readonly uSubject: number;
  /** The subject's declared relativeTolerance (0 if none). */
  readonly relativeTolerance: number;
}

/** The worst entry of one answer. */
export interface OpComparison {
  /** max over entries of |answer − reference| ÷ tolerance (Infinity when a nonzero error meets a zero tolerance). */
  readonly ratio: number;
  /** |answer − reference| at the worst entry. */
  readonly error: number;
  /** The tolerance at the worst entry. */
  readonly tolerance: number;
  /** Which entry, e.g. "H[3][5]", "Hv[2]", "λ[0]". */
  readonly at: string;
  readonly expected: number;
  readonly got: number;
}

function uSum(t: ToleranceInputs): number {
  return SAFETY * (t.uSubject + UNIT_ROUNDOFF.float64);
}

function ratioOf(err: number, tol: number): number {
  if (err === 0) return 0;
  return tol > 0 ? err / tol : Infinity;
}

function worst(n: number, entry: (i: number) => { err: number; tol: number; expected: number; got: number }, name: (i: number) => string): OpComparison {
  let best: OpComparison = { ratio: -1, error: 0, tolerance: 0, at: name(0), expected: 0, got: 0 };
  for (let i = 0; i < n; i++) {
    const e = entry(i);
    const r = ratioOf(e.err, e.tol);
    if (r > best.ratio) best = { ratio: r, error: e.err, tolerance: e.tol, at: name(i), expected: e.expected, got: e.got };
  }
  return best;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export function compareHessian(H: Matrix, got: Float64Array, bound: UnitErrorBound, t: ToleranceInputs): OpComparison {
  const P = H.rows;
  const s = uSum(t);
  const floor = t.relativeTolerance * maxAbs(H.data);
  return worst(
    P * P,
    (i) => ({ err: Math.abs(got[i] - H.data[i]), tol: s * bound.E1.data[i] + floor, expected: H.data[i], got: got[i] }),
    (i) => `H[${Math.floor(i / P)}][${i % P}]`,
  );
}

export function compareHvp(Hv: Float64Array, got: Float64Array, v: Float64Array, bound: UnitErrorBound, t: ToleranceInputs): OpComparison {
  const P = Hv.length;
  const s = uSum(t);
  const extra = P + 3;
  const tol = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    let acc = 0;
    for (let q = 0; q < P; q++) acc += (bound.E1.data[i * P + q] + extra * bound.Habs.data[i * P + q]) * Math.abs(v[q]);
    tol[i] = s * acc;
  }
  const floor = t.relativeTolerance * maxAbs(Hv);
  return worst(P, (i) => ({ err: Math.abs(got[i] - Hv[i]), tol: tol[i] + floor, expected: Hv[i], got: got[i] }), (i) => `Hv[${i}]`);
}

/** ‖A‖₂ of a symmetric matrix: its largest |eigenvalue|. */
function spectralNorm(A: Matrix, backend: LinalgBackend): number {
  const ev = backend.symmetricEigenvalues(A);
  return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
}

/** The tolerance every top eigenvalue is held to (one number: Weyl bounds all of them alike). */
export function eigenvalueTolerance(H: Matrix, bound: UnitErrorBound, t: ToleranceInputs, backend: LinalgBackend): number {
  const P = H.rows;
  const extra = P + 3;
  const A = { rows: P, cols: P, data: new Float64Array(P * P) };
  for (let i = 0; i < P * P; i++) A.data[i] = bound.E1.data[i] + extra * bound.Habs.data[i];
  // Symmetrise: E₁ is symmetric by construction up to rounding; the eigensolver reads both halves.
  for (let i = 0; i < P; i++) for (let j = i + 1; j < P; j++) A.data[i * P + j] = A.data[j * P + i] = Math.max(A.data[i * P + j], A.data[j * P + i]);
  const normH = spectralNorm(H, backend);
  const s = uSum(t);
  return s * spectralNorm(A, backend) + C_EIG * P * (t.uSubject + 2 ** -53) * normH + t.relativeTolerance * normH;
}

/** Subject's k eigenvalues (descending) against the reference's top k (descending). */
export function compareEigenvalues(top: Float64Array, got: Float64Array, tolerance: number): OpComparison {
  return worst(top.length, (i) => ({ err: Math.abs(got[i] - top[i]), tol: tolerance, expected: top[i], got: got[i] }), (i) => `λ[${i}]`);
}
