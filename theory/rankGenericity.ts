/**
 * C3 · "generic" made decidable in float64: how far a teacher is from the degenerate ones the
 * rank table counts exactly. The table's rank is exact for the teacher as given (units exactly
 * parallel, or not at all); a teacher whose distinct units are merely CLOSE to parallel has that
 * rank in exact arithmetic, but singular values below eps·σ_max (seen: erf, Ni = 1,
 * w = −0.1388 vs −0.1402 gives σ₄ ≈ 1e-16·σ₁). The generators keep teachers separated by the
 * measures below; the table does not use them, except ReLU's data condition, which is part of
 * its claim (theory/rankTable.ts).
 *
 * Smooth activations (and polynomials that are not monomials): separation = the smallest, over
 * pairs of units in DIFFERENT subclasses (theory/unitClasses.ts: same line and same |c| are one
 * subclass), of min(‖w_j − w_l‖, ‖w_j + w_l‖)/max(‖w_j‖, ‖w_l‖) — the sign is ignored for every
 * smooth g, since g'(−z) is g'(z) (odd g, sigmoid) or 1 − g'(z) (softplus), so a near-reflection is
 * near-degenerate — and of every unit norm over the mean norm (a unit with tiny weights makes g
 * nearly linear). Monomials: the units of one line compute one form, so the pairs are lines and
 * their distance the sine of the angle between them. Sweep (seed 12, 1,500 generic draws): no
 * filter, 128 misses; separation ≥ 0.3, 4 misses, all with Ni = 1 (on scalar inputs the
 * g(w_j x), x g'(w_j x) are numerically dependent); none with Ni ≥ 2.
 *
 * ReLU: the count needs data in every wedge between two lines' half-spaces, and a wedge of
 * angle φ holds a fraction ~φ/2π of Gaussian inputs: the smallest angle between two different
 * lines (π for one line), and N ≥ RELU_SAMPLES_PER_PARAMETER·P + RELU_EXTRA_SAMPLES. Sweep
 * (seed 9): 1,238 such draws all matched, while N = 2P + 40 without the separation missed in 55
 * of 1,500.
 * Cost O(Nh²·Ni).
 */
import type { Matrix } from '../src/linalg/matrix.js';
import { unitClasses } from './unitClasses.js';

export const SMOOTH_MIN_SEPARATION = 0.3;
export const RELU_MIN_SEPARATION = 0.3;
export const RELU_SAMPLES_PER_PARAMETER = 8;
export const RELU_EXTRA_SAMPLES = 40;

const row = (W: Matrix, j: number) => W.data.subarray(j * W.cols, (j + 1) * W.cols);

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** Angle in [0, π/2] between the lines spanned by u and v. */
export function lineAngle(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < u.length; i++) d += u[i] * v[i];
  const c = Math.min(1, Math.abs(d) / (norm(u) * norm(v)));
  return Math.acos(c);
}

/** Group index per unit: its subclass (`lines` false) or its line (`lines` true). */
function groupOf(W: Matrix, lines: boolean): number[] {
  const g = new Array<number>(W.rows).fill(-1);
  let next = 0;
  for (const c of unitClasses(W, new Float64Array(W.rows).fill(1))) {
    if (lines) next++;
    for (const s of c.subclasses) {
      if (!lines) next++;
      for (const u of s.units) g[u.index] = next - 1;
    }
  }
  return g;
}

/** The separation of the header for smooth activations (`monomial` false) or monomials (true); 0 when a row is zero. */
export function unitSeparation(W: Matrix, monomial: boolean): number {
  const norms = Array.from({ length: W.rows }, (_, j) => norm(row(W, j)));
  if (norms.some((n) => n === 0)) return 0;
  const mean = norms.reduce((s, v) => s + v, 0) / norms.length;
  let sep = Math.min(...norms.map((n) => n / mean));
  const groups = groupOf(W, monomial);
  for (let j = 0; j < W.rows; j++) {
    for (let l = j + 1; l < W.rows; l++) {
      if (groups[j] === groups[l]) continue;
      const wj = row(W, j);
      const wl = row(W, l);
      let d: number;
      if (monomial) d = Math.sin(lineAngle(wj, wl));
      else {
        let minus = 0;
        let plus = 0;
        for (let i = 0; i < W.cols; i++) {
          minus += (wj[i] - wl[i]) ** 2;
          plus += (wj[i] + wl[i]) ** 2;
        }
        d = Math.sqrt(Math.min(minus, plus)) / Math.max(norms[j], norms[l]);
      }
      sep = Math.min(sep, d);
    }
  }
  return sep;
}

/** ReLU: the smallest angle between two different lines of W (π when there is one line; 0 when a row is zero). */
export function reluSeparation(W: Matrix): number {
  for (let j = 0; j < W.rows; j++) if (norm(row(W, j)) === 0) return 0;
  const groups = groupOf(W, true);
  let minAngle = Math.PI;
  for (let j = 0; j < W.rows; j++) for (let l = j + 1; l < W.rows; l++) if (groups[j] !== groups[l]) minAngle = Math.min(minAngle, lineAngle(row(W, j), row(W, l)));
  return minAngle;
}

/** ReLU's data condition: N ≥ RELU_SAMPLES_PER_PARAMETER·P + RELU_EXTRA_SAMPLES. */
export function reluSamplesNeeded(P: number): number {
  return RELU_SAMPLES_PER_PARAMETER * P + RELU_EXTRA_SAMPLES;
}
