/**
 * durbinMatrixCdf(n, d) = P(D_n < d), the exact two-sided one-sample KS distribution by
 * Durbin's (1968) matrix formula as organised by Marsaglia, Tsang & Wang (2003),
 * "Evaluating Kolmogorov's distribution", J. Stat. Softw. 8(18), 1–4:
 *   write n·d = k − h (k integer, 0 ≤ h < 1), m = 2k − 1; H is the m×m matrix with
 *   H[i][j] = 1/(i − j + 1)! for i − j + 1 ≥ 0, first column (1 − h^{i+1})/(i+1)!, last row
 *   its reverse, corner (1 − 2h^m + max(0, 2h − 1)^m)/m!; then P(D_n < d) = n!/n^n · (H^n)[k−1][k−1].
 * H^n by binary powering; MTW's exponent bookkeeping: whenever an entry of H or of the running
 * product exceeds 2^128 the matrix is divided by 2^128 and the power of two is carried in an
 * integer exponent; n!/n^n is applied factor by factor with the same rescaling (scipy's
 * _kolmogn_DMTW does the same), so nothing overflows for any n.
 * Used (Simard & L'Ecuyer 2011) for n ≤ 140 with n d² ≤ 0.754693 and for n ≤ 1e5 with
 * n d^{3/2} < 1.4, where m is small. Accuracy: ~1e-15 absolute on the cdf (MTW report 13–15
 * digits). Cost: O(m³ log n) + O(n). Input assumed valid (0 < d < 1, n ≥ 1 integer).
 */

/** Rescaling threshold and step, 2^128 (as MTW's 1e140 and scipy's _EP128). */
const SCALE_EXP = 128;
const SCALE_UP = 2 ** SCALE_EXP;
const SCALE_DOWN = 2 ** -SCALE_EXP;

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const ri = i * m;
    for (let l = 0; l < m; l++) {
      const ail = a[ri + l];
      if (ail === 0) continue;
      const rl = l * m;
      for (let j = 0; j < m; j++) c[ri + j] += ail * b[rl + j];
    }
  }
  return c;
}

function maxAbs(a: Float64Array): number {
  let mx = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > mx) mx = v;
  }
  return mx;
}

function scaleInPlace(a: Float64Array, s: number): void {
  for (let i = 0; i < a.length; i++) a[i] *= s;
}

/** x·2^e without intermediate overflow/underflow. */
export function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const H = new Float64Array(m * m);
  const w = new Float64Array(m + 1); // w[j] = 1/j!
  const v = new Float64Array(m); // first column
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j; // may underflow harmlessly
    v[j - 1] = (1 - Math.pow(h, j)) * fac;
  }
  w[m] = fac;
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  for (let i = 0; i < m; i++) {
    for (let j = 1; j < m; j++) {
      const idx = i - j + 1;
      if (idx >= 0) H[i * m + j] = w[idx];
    }
  }
  for (let i = 0; i < m; i++) H[i * m] = v[i];
  for (let j = 0; j < m; j++) H[(m - 1) * m + j] = v[m - 1 - j];

  let power: Float64Array | null = null;
  let powerExp = 0;
  let base: Float64Array = H;
  let baseExp = 0;
  let nn = n;
  while (nn > 0) {
    if (nn % 2 === 1) {
      if (power === null) {
        power = base.slice();
        powerExp = baseExp;
      } else {
        power = matmul(power, base, m);
        powerExp += baseExp;
      }
      if (maxAbs(power) > SCALE_UP) {
        scaleInPlace(power, SCALE_DOWN);
        powerExp += SCALE_EXP;
      }
    }
    nn = Math.floor(nn / 2);
    if (nn > 0) {
      base = matmul(base, base, m);
      baseExp *= 2;
      if (maxAbs(base) > SCALE_UP) {
        scaleInPlace(base, SCALE_DOWN);
        baseExp += SCALE_EXP;
      }
    }
  }
  let p = (power as Float64Array)[(k - 1) * m + (k - 1)];
  let e = powerExp;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      e -= SCALE_EXP;
    }
  }
  return ldexp(p, e);
}
