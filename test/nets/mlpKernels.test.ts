/**
 * The register-tiled block kernels (src/nets/mlp/blockKernels.ts) against plain triple loops,
 * on shapes that exercise every remainder path (widths not divisible by 4, odd and single
 * sample counts, one-row and one-column blocks), with accumulate on and off. Both sides sum
 * the same n products in different orders: |difference| ≤ 2·n·EPS·Σ|products| (Higham §3.1).
 */
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/matrix.js';
import { columnDots, outerAccumulate, rowDots, sumAccumulate } from '../../src/nets/mlp/blockKernels.js';
import { Rng } from '../../src/rng/index.js';

const SHAPES: Array<[number, number, number]> = [
  // nout, nin, count
  [1, 1, 1],
  [4, 4, 2],
  [5, 7, 3],
  [9, 2, 16],
  [3, 13, 5],
  [8, 9, 1],
  [6, 1, 7],
];

describe('MLP · block kernels = plain loops', () => {
  const rng = Rng.fromSeed(17);
  for (const [nout, nin, count] of SHAPES) {
    it(`nout ${nout}, nin ${nin}, count ${count}`, () => {
      const T = nin + nout + 3; // per-sample stride with a gap, inputs at 1, outputs after
      const aOff = 1;
      const cOff = 1 + nin;
      const M = rng.normals(2 + nout * nin);
      const mOff = 2;
      const bias = rng.normals(nout + 1);
      const A = rng.normals(T * count);
      const C0 = rng.normals(T * count);
      for (const accumulate of [false, true]) {
        // rowDots: C[s, i] (+)= b_i + Σ_j M[i, j] A[s, j].
        const C = Float64Array.from(C0);
        rowDots(M, mOff, nout, nin, A, aOff, C, cOff, T, count, bias, 1, accumulate);
        for (let s = 0; s < count; s++) {
          for (let i = 0; i < nout; i++) {
            let want = (accumulate ? C0[cOff + s * T + i] : 0) + bias[1 + i];
            let abs = Math.abs(want);
            for (let j = 0; j < nin; j++) {
              const t = M[mOff + i * nin + j] * A[aOff + s * T + j];
              want += t;
              abs += Math.abs(t);
            }
            expect(Math.abs(C[cOff + s * T + i] - want)).toBeLessThanOrEqual(2 * (nin + 2) * EPS * abs);
          }
        }
        // columnDots: C[s, j] (+)= Σ_i M[i, j] D[s, i], D at the output slots.
        const C2 = Float64Array.from(C0);
        columnDots(M, mOff, nout, nin, A, cOff, C2, aOff, T, count, accumulate);
        for (let s = 0; s < count; s++) {
          for (let j = 0; j < nin; j++) {
            let want = accumulate ? C0[aOff + s * T + j] : 0;
            let abs = Math.abs(want);
            for (let i = 0; i < nout; i++) {
              const t = M[mOff + i * nin + j] * A[cOff + s * T + i];
              want += t;
              abs += Math.abs(t);
            }
            expect(Math.abs(C2[aOff + s * T + j] - want)).toBeLessThanOrEqual(2 * (nout + 2) * EPS * abs);
          }
        }
      }
      // outerAccumulate / sumAccumulate: G[i, j] += w Σ_s D[s, i] A[s, j],  g[i] += w Σ_s D[s, i].
      const w = 0.37;
      const G0 = rng.normals(3 + nout * nin + nout);
      const G = Float64Array.from(G0);
      outerAccumulate(G, 3, nout, nin, A, cOff, A, aOff, T, count, w);
      sumAccumulate(G, 3 + nout * nin, nout, A, cOff, T, count, w);
      for (let i = 0; i < nout; i++) {
        let bwant = G0[3 + nout * nin + i];
        let babs = Math.abs(bwant);
        for (let s = 0; s < count; s++) {
          bwant += w * A[cOff + s * T + i];
          babs += Math.abs(w * A[cOff + s * T + i]);
        }
        expect(Math.abs(G[3 + nout * nin + i] - bwant)).toBeLessThanOrEqual(2 * (count + 2) * EPS * babs);
        for (let j = 0; j < nin; j++) {
          let want = G0[3 + i * nin + j];
          let abs = Math.abs(want);
          for (let s = 0; s < count; s++) {
            const t = w * A[cOff + s * T + i] * A[aOff + s * T + j];
            want += t;
            abs += Math.abs(t);
          }
          expect(Math.abs(G[3 + i * nin + j] - want)).toBeLessThanOrEqual(2 * (count + 3) * EPS * abs);
        }
      }
      expect(G[0]).toBe(G0[0]); // nothing written before gOff
    });
  }
});
