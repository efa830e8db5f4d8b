/**
 * Singular values of an upper bidiagonal matrix B (diagonal d, superdiagonal e), values
 * only, by implicit QR with the Demmel–Kahan zero-shift sweep.
 *
 * Source: Demmel & Kahan, "Accurate singular values of bidiagonal matrices", SIAM J. Sci.
 * Stat. Comput. 11(5):873–912, 1990 — the algorithm of LAPACK dbdsqr (as in LAPACK 1.x,
 * before values-only calls went to dqds): split where |e_i| ≤ thresh; chase the bulge from
 * the larger end of the block to the smaller; the relative convergence tests of §4
 * (|e_i| ≤ tol·μ_i with μ the running lower bound of σ_min of the block); the shift is the
 * smaller singular value of the trailing 2×2 (dlas2), replaced by the zero-shift sweep of §3
 * whenever shifting could spoil relative accuracy (n·tol·σ_min/σ_max ≤ max(eps, tol/100)) or
 * the shift is negligible ((shift/d)² < eps). 2×2 blocks are finished by dlas2. Rotations as
 * dlartg.
 *
 * Accuracy: every singular value of B to high relative accuracy, |σ̂_i − σ_i| ≤
 * O(n²·tol)·σ_i with tol = TOL_MULTIPLIER·eps (Demmel–Kahan Thm 7 and §4) — so the SVD this
 * finishes (./svdValues.ts) is as accurate as its bidiagonalisation, which is normwise
 * (‖E‖ ≈ p(m,n)·eps·‖A‖).
 *
 * Cost: ≈ 2 sweeps per singular value of O(block) rotations each: O(n²) flops, negligible
 * next to the O(m·n²) bidiagonalisation. Capped at MAX_ITER_FACTOR·n² inner steps (LAPACK's
 * MAXITR = 6); past that it throws.
 */

const EPS = 2 ** -53; // LAPACK dlamch('Epsilon'): the unit roundoff
const SAFE_MIN = 2 ** -1022;
/** dbdsqr's tolmul = max(10, min(100, eps^(−1/8))) with eps = 2^−53: ≈ 98.7. */
const TOL_MULTIPLIER = Math.max(10, Math.min(100, EPS ** -0.125));
const TOL = TOL_MULTIPLIER * EPS;
/** dbdsqr's MAXITR: at most MAX_ITER_FACTOR·n² inner QR steps in all. */
const MAX_ITER_FACTOR = 6;
/** Range in which f² + g² can be summed directly (no overflow, no harmful underflow). */
const HYPOT_LO = 2 ** -500;
const HYPOT_HI = 2 ** 500;

// dlartg's outputs (module scratch: rotations are generated O(n²) times, no allocation).
let CS = 1;
let SN = 0;
let RR = 0;

/** Plane rotation [c s; −s c]·[f; g] = [r; 0] (LAPACK dlartg, r carrying the sign of f). */
function lartg(f: number, g: number): void {
  if (g === 0) {
    CS = 1;
    SN = 0;
    RR = f;
    return;
  }
  if (f === 0) {
    CS = 0;
    SN = 1;
    RR = g;
    return;
  }
  const af = Math.abs(f);
  const ag = Math.abs(g);
  const mx = af > ag ? af : ag;
  let r: number;
  if (mx > HYPOT_LO && mx < HYPOT_HI) {
    r = Math.sqrt(f * f + g * g);
  } else {
    const mn = af > ag ? ag : af;
    const q = mn / mx;
    r = mx * Math.sqrt(1 + q * q);
  }
  if (f < 0) r = -r;
  CS = f / r;
  SN = g / r;
  RR = r;
}

/** Fortran SIGN(1, x): +1 for x ≥ 0 (the shifted sweeps only run when the end entry is nonzero). */
function signOne(x: number): number {
  return x >= 0 ? 1 : -1;
}

// dlas2's outputs.
let SSMIN = 0;
let SSMAX = 0;

/** Singular values of [f g; 0 h] to a few ulps (LAPACK dlas2). */
function las2(f: number, g: number, h: number): void {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmn = Math.min(fa, ha);
  const fhmx = Math.max(fa, ha);
  if (fhmn === 0) {
    SSMIN = 0;
    if (fhmx === 0) SSMAX = ga;
    else {
      const mx = Math.max(fhmx, ga);
      const q = Math.min(fhmx, ga) / mx;
      SSMAX = mx * Math.sqrt(1 + q * q);
    }
  } else if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    SSMIN = fhmn * c;
    SSMAX = fhmx / c;
  } else {
    const au = fhmx / ga;
    if (au === 0) {
      SSMIN = (fhmn * fhmx) / ga;
      SSMAX = ga;
    } else {
      const as = 1 + fhmn / fhmx;
      const at = (fhmx - fhmn) / fhmx;
      const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
      SSMIN = 2 * (fhmn * c) * au;
      SSMAX = ga / (c + c);
    }
  }
}

/**
 * Singular values of the n×n upper bidiagonal with diagonal `diag` (n) and superdiagonal
 * `sup` (n − 1), descending. Inputs are not modified; they must be finite.
 */
export function bidiagonalSingularValues(diag: Float64Array, sup: Float64Array): Float64Array {
  const n = diag.length;
  if (sup.length !== Math.max(0, n - 1)) throw new Error(`bidiagonalSingularValues: superdiagonal has ${sup.length} entries, expected ${Math.max(0, n - 1)}`);
  // 1-based working copies, as in the Fortran: d(1..n), e(1..n−1).
  const d = new Float64Array(n + 1);
  const e = new Float64Array(n + 1);
  d.set(diag, 1);
  e.set(sup, 1);
  if (n > 1) iterate(d, e, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.abs(d[i + 1]);
  out.sort().reverse();
  return out;
}

function iterate(d: Float64Array, e: Float64Array, n: number): void {
  const tol = TOL;
  let smax = 0;
  for (let i = 1; i <= n; i++) smax = Math.max(smax, Math.abs(d[i]));
  for (let i = 1; i < n; i++) smax = Math.max(smax, Math.abs(e[i]));
  // Lower bound on σ_min (Demmel–Kahan §4) for the splitting threshold.
  let sminoa = Math.abs(d[1]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 2; i <= n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  const thresh = Math.max(tol * sminoa, MAX_ITER_FACTOR * n * n * SAFE_MIN);
  const maxIter = MAX_ITER_FACTOR * n * n;
  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n;
  let sminl = 0;

  outer: while (m > 1) {
    if (iter > maxIter) {
      let unconverged = 0;
      for (let i = 1; i < m; i++) if (e[i] !== 0) unconverged++;
      throw new Error(`bidiagonalSingularValues: QR did not converge in ${maxIter} steps (${unconverged} superdiagonal entries left)`);
    }
    // Find the bottom unreduced block ll..m.
    smax = Math.abs(d[m]);
    let ll = 0;
    let split = false;
    for (let lll = 1; lll <= m - 1; lll++) {
      ll = m - lll;
      const abss = Math.abs(d[ll]);
      const abse = Math.abs(e[ll]);
      if (abse <= thresh) {
        split = true;
        break;
      }
      smax = Math.max(smax, abss, abse);
    }
    if (split) {
      e[ll] = 0;
      if (ll === m - 1) {
        m -= 1; // bottom singular value converged
        continue;
      }
    } else {
      ll = 0;
    }
    ll += 1;
    // e(ll) … e(m−1) nonzero, e(ll−1) zero.
    if (ll === m - 1) {
      las2(d[m - 1], e[m - 1], d[m]);
      d[m - 1] = SSMAX;
      e[m - 1] = 0;
      d[m] = SSMIN;
      m -= 2;
      continue;
    }
    // New block: chase from the larger end towards the smaller.
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
    // Convergence tests.
    if (idir === 1) {
      if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[ll]);
      sminl = mu;
      for (let lll = ll; lll <= m - 1; lll++) {
        if (Math.abs(e[lll]) <= tol * mu) {
          e[lll] = 0;
          continue outer;
        }
        mu = Math.abs(d[lll + 1]) * (mu / (mu + Math.abs(e[lll])));
        sminl = Math.min(sminl, mu);
      }
    } else {
      if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      let mu = Math.abs(d[m]);
      sminl = mu;
      for (let lll = m - 1; lll >= ll; lll--) {
        if (Math.abs(e[lll]) <= tol * mu) {
          e[lll] = 0;
          continue outer;
        }
        mu = Math.abs(d[lll]) * (mu / (mu + Math.abs(e[lll])));
        sminl = Math.min(sminl, mu);
      }
    }
    oldll = ll;
    oldm = m;
    // Shift: zero when shifting could spoil relative accuracy or is negligible.
    let shift: number;
    if (n * tol * (sminl / smax) <= Math.max(EPS, 0.01 * tol)) {
      shift = 0;
    } else {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll]);
        las2(d[m - 1], e[m - 1], d[m]);
      } else {
        sll = Math.abs(d[m]);
        las2(d[ll], e[ll], d[ll + 1]);
      }
      shift = SSMIN;
      if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
    }
    iter += m - ll;
    if (shift === 0) {
      if (idir === 1) zeroShiftDown(d, e, ll, m, thresh);
      else zeroShiftUp(d, e, ll, m, thresh);
    } else if (idir === 1) {
      shiftedDown(d, e, ll, m, shift, thresh);
    } else {
      shiftedUp(d, e, ll, m, shift, thresh);
    }
  }
}

/** Demmel–Kahan zero-shift QR sweep, top to bottom. */
function zeroShiftDown(d: Float64Array, e: Float64Array, ll: number, m: number, thresh: number): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  for (let i = ll; i <= m - 1; i++) {
    lartg(d[i] * cs, e[i]);
    cs = CS;
    const sn = SN;
    const r = RR;
    if (i > ll) e[i - 1] = oldsn * r;
    lartg(oldcs * r, d[i + 1] * sn);
    oldcs = CS;
    oldsn = SN;
    d[i] = RR;
  }
  const h = d[m] * cs;
  d[m] = h * oldcs;
  e[m - 1] = h * oldsn;
  if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
}

/** Demmel–Kahan zero-shift QR sweep, bottom to top. */
function zeroShiftUp(d: Float64Array, e: Float64Array, ll: number, m: number, thresh: number): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  for (let i = m; i >= ll + 1; i--) {
    lartg(d[i] * cs, e[i - 1]);
    cs = CS;
    const sn = SN;
    const r = RR;
    if (i < m) e[i] = oldsn * r;
    lartg(oldcs * r, d[i - 1] * sn);
    oldcs = CS;
    oldsn = SN;
    d[i] = RR;
  }
  const h = d[ll] * cs;
  d[ll] = h * oldcs;
  e[ll] = h * oldsn;
  if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
}

/** Shifted implicit QR sweep (Golub–Kahan), top to bottom. */
function shiftedDown(d: Float64Array, e: Float64Array, ll: number, m: number, shift: number, thresh: number): void {
  let f = (Math.abs(d[ll]) - shift) * (signOne(d[ll]) + shift / d[ll]);
  let g = e[ll];
  for (let i = ll; i <= m - 1; i++) {
    lartg(f, g);
    const cosr = CS;
    const sinr = SN;
    if (i > ll) e[i - 1] = RR;
    f = cosr * d[i] + sinr * e[i];
    e[i] = cosr * e[i] - sinr * d[i];
    g = sinr * d[i + 1];
    d[i + 1] = cosr * d[i + 1];
    lartg(f, g);
    const cosl = CS;
    const sinl = SN;
    d[i] = RR;
    f = cosl * e[i] + sinl * d[i + 1];
    d[i + 1] = cosl * d[i + 1] - sinl * e[i];
    if (i < m - 1) {
      g = sinl * e[i + 1];
      e[i + 1] = cosl * e[i + 1];
    }
  }
  e[m - 1] = f;
  if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
}

/** Shifted implicit QR sweep (Golub–Kahan), bottom to top. */
function shiftedUp(d: Float64Array, e: Float64Array, ll: number, m: number, shift: number, thresh: number): void {
  let f = (Math.abs(d[m]) - shift) * (signOne(d[m]) + shift / d[m]);
  let g = e[m - 1];
  for (let i = m; i >= ll + 1; i--) {
    lartg(f, g);
    const cosr = CS;
    const sinr = SN;
    if (i < m) e[i] = RR;
    f = cosr * d[i] + sinr * e[i - 1];
    e[i - 1] = cosr * e[i - 1] - sinr * d[i];
    g = sinr * d[i - 1];
    d[i - 1] = cosr * d[i - 1];
    lartg(f, g);
    const cosl = CS;
    const sinl = SN;
    d[i] = RR;
    f = cosl * e[i - 1] + sinl * d[i - 1];
    d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
    if (i > ll + 1) {
      g = sinl * e[i - 2];
      e[i - 2] = cosl * e[i - 2];
    }
  }
  e[ll] = f;
  if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
}
