/**
 * pomeranzCdf(n, d) = P(D_n ≤ d), exact, by Pomeranz's (1974) recursion (CACM Algorithm 487),
 * in the form of Simard & L'Ecuyer (2011, §2.2) and scipy's _kolmogn_Pomeranz, of which this is
 * a port: 2n+1 rows, each the convolution of the previous row with one of three truncated
 * Poisson-like weight vectors ((g/n)^j/j!, (2g/n)^j/j!, ((1−2g)/n)^j/j!, g = min(f, 1−f),
 * f = frac(n d)); only a sliding window of ≤ 2(⌊nd⌋+1) entries is non-zero; rows are rescaled by
 * 2^128 when they underflow and the exponent is carried; the answer is n!·V[last].
 * Used by the dispatch for n ≤ 140 and 0.754693 < n d² ≤ 4. Accuracy ~1e-15 absolute
 * (Simard & L'Ecuyer: "13–15 digits"). Cost: O(n · (nd)²) ≤ O(n²).
 */
import { ldexp } from './durbinMatrix.js';

const SCALE_EXP = 128;
const SCALE_UP = 2 ** SCALE_EXP;
const SCALE_DOWN = 2 ** -SCALE_EXP;

function rowBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

export function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  const gn = g / n;
  const g2n = (2 * g) / n;
  const om2gn = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gn) / m;
    twogpower[m] = (twogpower[m - 1] * g2n) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * om2gn) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let expnt = 0;
  let [j1, j2] = rowBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = rowBounds(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 === 1 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // conv = convolve(V0[k1−V0s : k1−V0s+ln2], pwrs[:ln2]); take conv[j1−k1 : j1−k1+len]
      const off = k1 - V0s;
      const segLen = Math.min(ln2, V0.length - off); // numpy slicing truncates at the end
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let mx = 0;
      for (let r = 0; r < convLen; r++) {
        const idx = convStart + r; // index into the full convolution
        let s = 0;
        const lo = Math.max(0, idx - (ln2 - 1));
        const hi = Math.min(idx, segLen - 1);
        for (let a = lo; a <= hi; a++) s += V0[off + a] * pwrs[idx - a];
        V1[r] = s;
        if (s > mx) mx = s;
      }
      if (mx > 0 && mx < SCALE_DOWN) {
        for (let r = 0; r < convLen; r++) V1[r] *= SCALE_UP;
        expnt -= SCALE_EXP;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > SCALE_UP) {
      ans *= SCALE_DOWN;
      expnt += SCALE_EXP;
    }
    ans *= m;
  }
  return ldexp(ans, expnt);
}
