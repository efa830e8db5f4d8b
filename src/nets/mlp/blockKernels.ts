/**
 * The three small matrix products every MLP pass is made of, over a block of `count` ≤ 16
 * samples whose unit vectors sit T apart in a flat buffer (workspace.ts). With M an
 * nout×nin row-major weight block (W_l or the direction's V_l), A and D per-sample vectors:
 *
 *   rowDots        C[s, i] (+)= b_i + Σ_j M[i, j]·A[s, j]     forward, R-forward        (C = A Mᵀ)
 *   columnDots     C[s, j] (+)=       Σ_i M[i, j]·D[s, i]     δ_{l−1} = W_lᵀ δ_l, …     (C = D M)
 *   outerAccumulate G[i, j] +=   w·Σ_s D[s, i]·A[s, j]       ∂/∂W_l, R{∂/∂W_l}, dense GN (G += w DᵀA)
 *
 * Why register tiles: the straightforward loops load two operands (or load and store the
 * output) per multiply-add, and V8 spends its time on those loads and their bounds checks.
 * Each kernel here keeps a tile of 8 accumulators in registers (4 rows × 2 samples, 2
 * samples × 4 columns, 2 rows × 4 columns) so a loaded operand serves 2–4 multiply-adds and
 * outputs are written once; remainders (odd counts, widths not divisible by 4) fall to
 * narrower loops. Measured on P = 108,610 (d = 50, hidden [300, 300], k = 10, N = 1000):
 * H·v 1.03 s → see mlpProblem.ts for the before/after. Summation order differs from a plain
 * loop (each sum is still a sum of the same terms): results agree to rounding, not bitwise.
 * No validation: the callers (forward.ts, backprop.ts, rOperator.ts) own the shapes.
 */

/** C[cOff + s·T + i] = (accumulate ? C : 0) + (bias ? bias[bOff + i] : 0) + Σ_j M[mOff + i·nin + j]·A[aOff + s·T + j]. */
export function rowDots(
  M: Float64Array,
  mOff: number,
  nout: number,
  nin: number,
  A: Float64Array,
  aOff: number,
  C: Float64Array,
  cOff: number,
  T: number,
  count: number,
  bias: Float64Array | null,
  bOff: number,
  accumulate: boolean,
): void {
  let i = 0;
  for (; i + 3 < nout; i += 4) {
    const r0 = mOff + i * nin;
    const r1 = r0 + nin;
    const r2 = r1 + nin;
    const r3 = r2 + nin;
    const b0 = bias ? bias[bOff + i] : 0;
    const b1 = bias ? bias[bOff + i + 1] : 0;
    const b2 = bias ? bias[bOff + i + 2] : 0;
    const b3 = bias ? bias[bOff + i + 3] : 0;
    let s = 0;
    for (; s + 1 < count; s += 2) {
      const x0 = aOff + s * T;
      const x1 = x0 + T;
      let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
      for (let j = 0; j < nin; j++) {
        const a0 = A[x0 + j];
        const a1 = A[x1 + j];
        const m0 = M[r0 + j];
        const m1 = M[r1 + j];
        const m2 = M[r2 + j];
        const m3 = M[r3 + j];
        c00 += m0 * a0;
        c01 += m0 * a1;
        c10 += m1 * a0;
        c11 += m1 * a1;
        c20 += m2 * a0;
        c21 += m2 * a1;
        c30 += m3 * a0;
        c31 += m3 * a1;
      }
      const o0 = cOff + s * T + i;
      const o1 = o0 + T;
      if (accumulate) {
        C[o0] += b0 + c00;
        C[o0 + 1] += b1 + c10;
        C[o0 + 2] += b2 + c20;
        C[o0 + 3] += b3 + c30;
        C[o1] += b0 + c01;
        C[o1 + 1] += b1 + c11;
        C[o1 + 2] += b2 + c21;
        C[o1 + 3] += b3 + c31;
      } else {
        C[o0] = b0 + c00;
        C[o0 + 1] = b1 + c10;
        C[o0 + 2] = b2 + c20;
        C[o0 + 3] = b3 + c30;
        C[o1] = b0 + c01;
        C[o1 + 1] = b1 + c11;
        C[o1 + 2] = b2 + c21;
        C[o1 + 3] = b3 + c31;
      }
    }
    if (s < count) {
      const x0 = aOff + s * T;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let j = 0; j < nin; j++) {
        const a0 = A[x0 + j];
        c0 += M[r0 + j] * a0;
        c1 += M[r1 + j] * a0;
        c2 += M[r2 + j] * a0;
        c3 += M[r3 + j] * a0;
      }
      const o0 = cOff + s * T + i;
      if (accumulate) {
        C[o0] += b0 + c0;
        C[o0 + 1] += b1 + c1;
        C[o0 + 2] += b2 + c2;
        C[o0 + 3] += b3 + c3;
      } else {
        C[o0] = b0 + c0;
        C[o0 + 1] = b1 + c1;
        C[o0 + 2] = b2 + c2;
        C[o0 + 3] = b3 + c3;
      }
    }
  }
  for (; i < nout; i++) {
    const r0 = mOff + i * nin;
    const b0 = bias ? bias[bOff + i] : 0;
    for (let s = 0; s < count; s++) {
      const x0 = aOff + s * T;
      // Two accumulators break the add-latency chain.
      let c0 = 0, c1 = 0;
      let j = 0;
      for (; j + 1 < nin; j += 2) {
        c0 += M[r0 + j] * A[x0 + j];
        c1 += M[r0 + j + 1] * A[x0 + j + 1];
      }
      if (j < nin) c0 += M[r0 + j] * A[x0 + j];
      const o = cOff + s * T + i;
      C[o] = (accumulate ? C[o] : 0) + (b0 + (c0 + c1));
    }
  }
}

/** C[cOff + s·T + j] = (accumulate ? C : 0) + Σ_i M[mOff + i·nin + j]·D[dOff + s·T + i]. */
export function columnDots(
  M: Float64Array,
  mOff: number,
  nout: number,
  nin: number,
  D: Float64Array,
  dOff: number,
  C: Float64Array,
  cOff: number,
  T: number,
  count: number,
  accumulate: boolean,
): void {
  let j = 0;
  for (; j + 3 < nin; j += 4) {
    const m0 = mOff + j;
    let s = 0;
    for (; s + 1 < count; s += 2) {
      const y0 = dOff + s * T;
      const y1 = y0 + T;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      for (let i = 0, m = m0; i < nout; i++, m += nin) {
        const d0 = D[y0 + i];
        const d1 = D[y1 + i];
        const w0 = M[m];
        const w1 = M[m + 1];
        const w2 = M[m + 2];
        const w3 = M[m + 3];
        c00 += w0 * d0;
        c01 += w1 * d0;
        c02 += w2 * d0;
        c03 += w3 * d0;
        c10 += w0 * d1;
        c11 += w1 * d1;
        c12 += w2 * d1;
        c13 += w3 * d1;
      }
      const o0 = cOff + s * T + j;
      const o1 = o0 + T;
      if (accumulate) {
        C[o0] += c00;
        C[o0 + 1] += c01;
        C[o0 + 2] += c02;
        C[o0 + 3] += c03;
        C[o1] += c10;
        C[o1 + 1] += c11;
        C[o1 + 2] += c12;
        C[o1 + 3] += c13;
      } else {
        C[o0] = c00;
        C[o0 + 1] = c01;
        C[o0 + 2] = c02;
        C[o0 + 3] = c03;
        C[o1] = c10;
        C[o1 + 1] = c11;
        C[o1 + 2] = c12;
        C[o1 + 3] = c13;
      }
    }
    if (s < count) {
      const y0 = dOff + s * T;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let i = 0, m = m0; i < nout; i++, m += nin) {
        const d0 = D[y0 + i];
        c0 += M[m] * d0;
        c1 += M[m + 1] * d0;
        c2 += M[m + 2] * d0;
        c3 += M[m + 3] * d0;
      }
      const o0 = cOff + s * T + j;
      if (accumulate) {
        C[o0] += c0;
        C[o0 + 1] += c1;
        C[o0 + 2] += c2;
        C[o0 + 3] += c3;
      } else {
        C[o0] = c0;
        C[o0 + 1] = c1;
        C[o0 + 2] = c2;
        C[o0 + 3] = c3;
      }
    }
  }
  for (; j < nin; j++) {
    for (let s = 0; s < count; s++) {
      const y0 = dOff + s * T;
      let c0 = 0;
      for (let i = 0, m = mOff + j; i < nout; i++, m += nin) c0 += M[m] * D[y0 + i];
      const o = cOff + s * T + j;
      C[o] = (accumulate ? C[o] : 0) + c0;
    }
  }
}

/** G[gOff + i·gStride + j] += w·Σ_s D[dOff + s·T + i]·A[aOff + s·T + j], i < nout, j < nin (gStride defaults to nin). */
export function outerAccumulate(
  G: Float64Array,
  gOff: number,
  nout: number,
  nin: number,
  D: Float64Array,
  dOff: number,
  A: Float64Array,
  aOff: number,
  T: number,
  count: number,
  w: number,
  gStride = nin,
): void {
  let i = 0;
  for (; i + 1 < nout; i += 2) {
    const g0 = gOff + i * gStride;
    const g1 = g0 + gStride;
    const di = dOff + i;
    let j = 0;
    for (; j + 3 < nin; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      for (let s = 0, ds = di, as = aOff + j; s < count; s++, ds += T, as += T) {
        const d0 = D[ds];
        const d1 = D[ds + 1];
        const a0 = A[as];
        const a1 = A[as + 1];
        const a2 = A[as + 2];
        const a3 = A[as + 3];
        c00 += d0 * a0;
        c01 += d0 * a1;
        c02 += d0 * a2;
        c03 += d0 * a3;
        c10 += d1 * a0;
        c11 += d1 * a1;
        c12 += d1 * a2;
        c13 += d1 * a3;
      }
      G[g0 + j] += w * c00;
      G[g0 + j + 1] += w * c01;
      G[g0 + j + 2] += w * c02;
      G[g0 + j + 3] += w * c03;
      G[g1 + j] += w * c10;
      G[g1 + j + 1] += w * c11;
      G[g1 + j + 2] += w * c12;
      G[g1 + j + 3] += w * c13;
    }
    for (; j < nin; j++) {
      let c0 = 0, c1 = 0;
      for (let s = 0, ds = di, as = aOff + j; s < count; s++, ds += T, as += T) {
        const a0 = A[as];
        c0 += D[ds] * a0;
        c1 += D[ds + 1] * a0;
      }
      G[g0 + j] += w * c0;
      G[g1 + j] += w * c1;
    }
  }
  if (i < nout) {
    const g0 = gOff + i * gStride;
    const di = dOff + i;
    let j = 0;
    for (; j + 3 < nin; j += 4) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let s = 0, ds = di, as = aOff + j; s < count; s++, ds += T, as += T) {
        const d0 = D[ds];
        c0 += d0 * A[as];
        c1 += d0 * A[as + 1];
        c2 += d0 * A[as + 2];
        c3 += d0 * A[as + 3];
      }
      G[g0 + j] += w * c0;
      G[g0 + j + 1] += w * c1;
      G[g0 + j + 2] += w * c2;
      G[g0 + j + 3] += w * c3;
    }
    for (; j < nin; j++) {
      let c0 = 0;
      for (let s = 0, ds = di, as = aOff + j; s < count; s++, ds += T, as += T) c0 += D[ds] * A[as];
      G[g0 + j] += w * c0;
    }
  }
}

/** G[gOff + i] += w·Σ_s D[dOff + s·T + i], i < n: the bias part of outerAccumulate. */
export function sumAccumulate(G: Float64Array, gOff: number, n: number, D: Float64Array, dOff: number, T: number, count: number, w: number): void {
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let s = 0, ds = dOff + i; s < count; s++, ds += T) c += D[ds];
    G[gOff + i] += w * c;
  }
}
