/**
 * Brute-force route for the rank table's polynomial rows, with no floating point: the dimension
 * of the span of a polynomial two-layer net's tangent vectors
 *   ∂/∂a_j:  Σ_d c_d (w_j·x)^d,        ∂/∂w_j (when a_j ≠ 0):  Σ_d d·c_d (w_j·x)^{d−1} x_i,
 * as polynomials in x (coefficients in the monomial basis), computed EXACTLY over the prime field
 * F_p from integer weights. The rank of a matrix of polynomials in the weights at a random point
 * of F_p equals its generic rank unless the point is a root of a nonzero minor (Schwartz–Zippel:
 * probability ≤ degree/p ≈ 1e-6 here), and can only be lower; `genericTangentRank` takes the
 * largest of several draws. Independent of theory/ (no formula), of float64 and of the SVD.
 * Cost: O(dim² · columns) per draw; dim = C(Ni+k, k) ≤ 210 in the tests.
 */

/** A prime below 2^24: products of two residues stay below 2^48, exact in float64. */
export const P_MOD = 16777213;

const mod = (v: number) => ((v % P_MOD) + P_MOD) % P_MOD;
const mul = (a: number, b: number) => (a * b) % P_MOD;

function inverse(a: number): number {
  let r = 1;
  let b = mod(a);
  let e = P_MOD - 2;
  while (e > 0) {
    if (e & 1) r = mul(r, b);
    b = mul(b, b);
    e = Math.floor(e / 2);
  }
  return r;
}

/** A residue for a rational p/q. */
export function rational(p: number, q = 1): number {
  return mul(mod(p), inverse(q));
}

/**
 * Monomials of degree ≤ k in n variables, indexed; times[m·n + i] is the index of monomial m
 * times x_i (−1 past degree k). Polynomials are dense residue vectors over this index.
 */
interface MonomialIndex {
  readonly size: number;
  readonly n: number;
  readonly times: Int32Array;
}

const indexCache = new Map<string, MonomialIndex>();

function monomialIndex(n: number, k: number): MonomialIndex {
  const key = `${n},${k}`;
  const hit = indexCache.get(key);
  if (hit) return hit;
  const ids = new Map<string, number>();
  const exps: number[][] = [];
  const visit = (e: number[]) => {
    const id = e.join(',');
    if (ids.has(id)) return;
    ids.set(id, exps.length);
    exps.push(e);
  };
  visit(new Array<number>(n).fill(0));
  for (let m = 0; m < exps.length; m++) {
    const e = exps[m];
    if (e.reduce((s, v) => s + v, 0) === k) continue;
    for (let i = 0; i < n; i++) visit(e.map((v, j) => (j === i ? v + 1 : v)));
  }
  const times = new Int32Array(exps.length * n).fill(-1);
  exps.forEach((e, m) => {
    for (let i = 0; i < n; i++) {
      const id = ids.get(e.map((v, j) => (j === i ? v + 1 : v)).join(','));
      if (id !== undefined) times[m * n + i] = id;
    }
  });
  const index = { size: exps.length, n, times };
  indexCache.set(key, index);
  return index;
}

function linearTimes(ix: MonomialIndex, poly: Float64Array, w: readonly number[]): Float64Array {
  const out = new Float64Array(ix.size);
  for (let m = 0; m < ix.size; m++) {
    const c = poly[m];
    if (c === 0) continue;
    for (let i = 0; i < ix.n; i++) {
      if (w[i] === 0) continue;
      const t = ix.times[m * ix.n + i];
      out[t] = (out[t] + mul(c, w[i])) % P_MOD;
    }
  }
  return out;
}

function addScaled(into: Float64Array, p: Float64Array, scale: number): void {
  for (let m = 0; m < p.length; m++) if (p[m] !== 0) into[m] = (into[m] + mul(p[m], scale)) % P_MOD;
}

/** Rank over F_p of residue vectors (Gaussian elimination). */
export function rankModP(rows: Float64Array[]): number {
  const cols = rows.length ? rows[0].length : 0;
  let rank = 0;
  for (let col = 0; col < cols && rank < rows.length; col++) {
    let piv = -1;
    for (let i = rank; i < rows.length; i++) {
      if (rows[i][col] !== 0) {
        piv = i;
        break;
      }
    }
    if (piv < 0) continue;
    [rows[rank], rows[piv]] = [rows[piv], rows[rank]];
    const pr = rows[rank];
    const inv = inverse(pr[col]);
    for (let i = rank + 1; i < rows.length; i++) {
      const r = rows[i];
      const f = mul(r[col], inv);
      if (f === 0) continue;
      for (let j = col; j < cols; j++) if (pr[j] !== 0) r[j] = mod(r[j] - mul(f, pr[j]));
    }
    rank++;
  }
  return rank;
}

export interface ModPUnit {
  /** w_j as residues (integers, or rational() for rescaled copies). */
  readonly w: readonly number[];
  readonly active: boolean;
}

/** The tangent vectors of the net (coefficients c_d as residues) and their rank over F_p. */
export function tangentRank(coefficients: readonly number[], units: readonly ModPUnit[]): number {
  const n = units[0].w.length;
  const k = coefficients.length - 1;
  const ix = monomialIndex(n, k);
  const one = new Float64Array(ix.size);
  one[0] = 1;
  const rows: Float64Array[] = [];
  for (const u of units) {
    const powers: Float64Array[] = [one];
    for (let d = 1; d <= k; d++) powers.push(linearTimes(ix, powers[d - 1], u.w));
    const value = new Float64Array(ix.size);
    for (let d = 0; d <= k; d++) if (coefficients[d] !== 0) addScaled(value, powers[d], mod(coefficients[d]));
    rows.push(value);
    if (!u.active) continue;
    const deriv = new Float64Array(ix.size);
    for (let d = 1; d <= k; d++) if (coefficients[d] !== 0) addScaled(deriv, powers[d - 1], mul(d, mod(coefficients[d])));
    for (let i = 0; i < n; i++) rows.push(linearTimes(ix, deriv, Array.from({ length: n }, (_, j) => (j === i ? 1 : 0))));
  }
  return rankModP(rows);
}

/** A small deterministic generator of residues (xorshift), so the brute force needs no engine code. */
export function residueStream(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % P_MOD;
  };
}

/**
 * Generic rank of the tangent space for units built by `make` from a residue stream: a draw can
 * only fall BELOW the generic rank, so draws stop as soon as one reaches `expected` (or exceeds it,
 * which no formula can excuse), and the largest of up to `draws` is returned otherwise.
 */
export function genericTangentRank(coefficients: readonly number[], make: (next: () => number) => ModPUnit[], expected: number, seed = 1, draws = 3): number {
  let best = 0;
  for (let t = 0; t < draws && best < expected; t++) best = Math.max(best, tangentRank(coefficients, make(residueStream(seed * 7919 + t))));
  return best;
}

/** Nh generic active units in n variables. */
export function genericUnits(n: number, Nh: number): (next: () => number) => ModPUnit[] {
  return (next) => Array.from({ length: Nh }, () => ({ w: Array.from({ length: n }, next), active: true }));
}
