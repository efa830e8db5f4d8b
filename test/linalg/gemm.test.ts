/**
 * The portable blocked products (src/linalg/portable/gemm.ts) against naive triple loops
 * and ml-matrix.
 *
 * Tolerance, per entry: both the blocked kernel and the naive loop are float64 sums of the
 * same k products in different orders, each within γ_k·Σ_r|a_r·b_r| of the exact value
 * (Higham, Accuracy and Stability of Numerical Algorithms, §3.1; γ_k = k·eps/(1 − k·eps)),
 * so they differ by at most 2·γ_k·Σ_r|a_r·b_r|. The shapes straddle every edge of the
 * blocking: m mod 4 ≠ 0, odd n, k and n across the KC = 256 and NB = 128 block sizes, and
 * empty dimensions.
 */
import { describe, expect, it } from 'vitest';
import { Matrix as MlMatrix } from 'ml-matrix';
import { EPS, gramAAt, gramAtA, matmul, toRows, transpose, type Matrix } from '../../src/linalg/matrix.js';
import { multiply, gram } from '../../src/linalg/backendOps.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { gemmNT, portableGemm, portableSyrk, syrkRows, transposeData } from '../../src/linalg/portable/gemm.js';
import { Rng } from '../../src/rng/rng.js';
import { randomMatrix } from '../support/randomMatrices.js';

const gamma = (k: number) => (k * EPS) / (1 - k * EPS);

/** Naive op(A)·op(B) and, entrywise, Σ|op(A)_ir·op(B)_rj| (the scale of the rounding bound). */
function naive(a: Matrix, b: Matrix, ta: boolean, tb: boolean, alpha = 1): { c: Float64Array; abs: Float64Array; m: number; n: number; k: number } {
  const m = ta ? a.cols : a.rows;
  const k = ta ? a.rows : a.cols;
  const n = tb ? b.rows : b.cols;
  const A = (i: number, r: number) => (ta ? a.data[r * a.cols + i] : a.data[i * a.cols + r]);
  const B = (r: number, j: number) => (tb ? b.data[j * b.cols + r] : b.data[r * b.cols + j]);
  const c = new Float64Array(m * n);
  const abs = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let t = 0;
      for (let r = 0; r < k; r++) {
        const p = A(i, r) * B(r, j);
        s += p;
        t += Math.abs(p);
      }
      c[i * n + j] = alpha * s;
      abs[i * n + j] = Math.abs(alpha) * t;
    }
  }
  return { c, abs, m, n, k };
}

/** Largest |ours − ref| / (2·γ_k·Σ|ab|) over the entries: ≤ 1 passes. */
function worstRatio(ours: Float64Array, ref: { c: Float64Array; abs: Float64Array; k: number }): number {
  expect(ours.length).toBe(ref.c.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++) {
    const err = Math.abs(ours[i] - ref.c[i]);
    const bound = 2 * gamma(ref.k) * ref.abs[i];
    if (err === 0) continue;
    worst = Math.max(worst, bound === 0 ? Infinity : err / bound);
  }
  return worst;
}

const SHAPES: [number, number, number][] = [
  [0, 3, 4],
  [3, 0, 4],
  [3, 4, 0],
  [1, 1, 1],
  [5, 3, 7],
  [4, 2, 9],
  [7, 131, 5],
  [13, 9, 300],
  [33, 257, 40],
  [130, 67, 513],
  [9, 1, 37], // matrix-vector shapes (Aᵀx has its own path)
  [1, 5, 6],
];

describe('gemmNT and portableGemm vs naive loops', () => {
  SHAPES.forEach(([m, n, k], s) => {
    for (const [ta, tb] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const) {
      it(`${m}×${n}×${k}, transA ${ta}, transB ${tb}: every entry within 2·γ_k·Σ|ab| of the naive sum`, () => {
        const rng = Rng.fromSeed(100 + s).split(`${ta}${tb}`);
        const a = ta ? randomMatrix(rng, k, m) : randomMatrix(rng, m, k);
        const b = tb ? randomMatrix(rng, n, k) : randomMatrix(rng, k, n);
        const alpha = -0.75;
        const ours = portableGemm(a, b, ta, tb, alpha);
        expect([ours.rows, ours.cols]).toEqual([m, n]);
        expect(worstRatio(ours.data, naive(a, b, ta, tb, alpha))).toBeLessThanOrEqual(1);
      });
    }
  });

  it('gemmNT on raw rows equals portableGemm(a, b, false, true) bit for bit', () => {
    const rng = Rng.fromSeed(7);
    const a = randomMatrix(rng, 9, 20);
    const b = randomMatrix(rng, 6, 20);
    expect(Array.from(gemmNT(a.data, b.data, 9, 6, 20, 2))).toEqual(Array.from(portableGemm(a, b, false, true, 2).data));
  });

  it('matmul and backendOps.multiply (portable) agree with ml-matrix mmul (independent reference)', () => {
    const rng = Rng.fromSeed(8);
    const a = randomMatrix(rng, 37, 290);
    const b = randomMatrix(rng, 290, 45);
    const ref = new MlMatrix(toRows(a)).mmul(new MlMatrix(toRows(b))).to1DArray();
    const bound = naive(a, b, false, false);
    expect(worstRatio(matmul(a, b).data, { c: Float64Array.from(ref), abs: bound.abs, k: 290 })).toBeLessThanOrEqual(1);
    expect(Array.from(multiply(portableBackend, a, b).data)).toEqual(Array.from(matmul(a, b).data));
  });

  it('inner-dimension mismatch names both shapes', () => {
    expect(() => portableGemm(randomMatrix(Rng.fromSeed(1), 2, 3), randomMatrix(Rng.fromSeed(2), 4, 5), false, false, 1)).toThrow(
      /inner dimensions differ: op\(A\) is 2x3, op\(B\) is 4x5/,
    );
    expect(() => matmul(randomMatrix(Rng.fromSeed(1), 2, 3), randomMatrix(Rng.fromSeed(2), 4, 5))).toThrow(/matmul: inner dimensions 2x3 · 4x5/);
  });
});

describe('Gram matrices (syrk) vs naive loops', () => {
  for (const [m, k] of [
    [0, 5],
    [5, 0],
    [1, 1],
    [6, 3],
    [131, 17],
    [261, 300],
  ] as const) {
    it(`${m}×${k}: AAᵀ and AᵀA symmetric to the bit and within 2·γ_k·Σ|ab| of the naive sums`, () => {
      const a = randomMatrix(Rng.fromSeed(m * 1000 + k), m, k);
      const scale = 1 / 3;
      const aat = gramAAt(a, scale);
      const ata = gramAtA(a, scale);
      expect([aat.rows, aat.cols, ata.rows, ata.cols]).toEqual([m, m, k, k]);
      for (const g of [aat, ata]) {
        const n = g.rows;
        let asymmetric = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (g.data[i * n + j] !== g.data[j * n + i]) asymmetric++;
        expect(asymmetric).toBe(0);
      }
      expect(worstRatio(aat.data, naive(a, a, false, true, scale))).toBeLessThanOrEqual(1);
      expect(worstRatio(ata.data, naive(a, a, true, false, scale))).toBeLessThanOrEqual(1);
      // the backendOps route on the portable backend is the same kernel
      expect(Array.from(gram(portableBackend, a, scale, 'AAt').data)).toEqual(Array.from(aat.data));
      expect(Array.from(portableSyrk(a, scale, 'AtA').data)).toEqual(Array.from(ata.data));
    });
  }

  it('syrkRows is gemmNT(A, A) on the upper triangle, bit for bit', () => {
    const a = randomMatrix(Rng.fromSeed(11), 70, 260);
    const full = gemmNT(a.data, a.data, 70, 70, 260);
    const sym = syrkRows(a.data, 70, 260);
    let differ = 0;
    for (let i = 0; i < 70; i++) for (let j = i; j < 70; j++) if (sym[i * 70 + j] !== full[i * 70 + j]) differ++;
    expect(differ).toBe(0);
  });
});

describe('transposeData', () => {
  it('matches the element-wise transpose across tile edges', () => {
    const a = randomMatrix(Rng.fromSeed(12), 45, 70);
    expect(Array.from(transposeData(a.data, 45, 70))).toEqual(Array.from(transpose(a).data));
  });
});
