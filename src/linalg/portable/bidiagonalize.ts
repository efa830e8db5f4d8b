/**
 * Golub–Kahan Householder bidiagonalisation, values only: an L×k matrix T (L ≥ k) is
 * reduced to upper bidiagonal B = U₁ᵀ·T·V₁ (diagonal d, superdiagonal e) by alternating
 * left and right Householder reflectors; σ(B) = σ(T). The reflectors are not kept.
 *
 * Source: Golub & Kahan, "Calculating the singular values and pseudo-inverse of a matrix",
 * SIAM J. Numer. Anal. B 2(2):205–224, 1965; Golub & Van Loan, Matrix Computations (4th ed.),
 * Algorithm 5.4.2; reflectors as LAPACK dlarfg (β = −sign(α)·‖x‖, τ = (β − α)/β, v₀ = 1),
 * the unblocked dgebd2 order (left reflector of column j, then right reflector of row j).
 *
 * Layout: T is stored column-major — column j contiguous at w[j·L … j·L + L − 1] — so both
 * reflectors stream whole columns: the left one as a dot product and an axpy per column, the
 * right one as w = Σ_t u_t·T[:, t] followed by a rank-one update, column by column. The
 * rank-one update of step j is fused with the left reflector of step j + 1 (one pass over the
 * trailing columns instead of two), the trick tred2-style reductions use.
 *
 * Accuracy: backward stable — B is exactly the bidiagonal of U(T + E)V for orthogonal U, V
 * with ‖E‖_F ≤ c·k·L·eps·‖T‖_F in the worst case (Higham, Accuracy and Stability, §19.3,
 * Thm 19.4 for products of Householder reflectors), ≈ √(kL)·eps·‖T‖ in practice. The caller
 * scales T so its largest entry is in [0.5, 1): sums of squares then neither overflow nor
 * lose anything above ~1e-300 (columns whose tails underflow are left as they are, an error
 * of order 1e-154·‖T‖, far below eps·‖T‖).
 *
 * Cost: 4·L·k² − (4/3)·k³ flops (dgebd2's count); memory: T itself (overwritten) plus three
 * length-L vectors.
 */

/**
 * Reduces the L×k column-major T in `w` (overwritten; L ≥ k ≥ 1) and returns the diagonal
 * d (k) and superdiagonal e (k − 1) of B.
 */
export function bidiagonalize(w: Float64Array, L: number, k: number): { d: Float64Array; e: Float64Array } {
  if (!(L >= k && k >= 1) || w.length < L * k) throw new Error(`bidiagonalize: need L ≥ k ≥ 1 and ${L * k} entries, got L = ${L}, k = ${k}, ${w.length} entries`);
  const d = new Float64Array(k);
  const e = new Float64Array(k - 1);
  const u = new Float64Array(k); // right reflector, indexed by column
  const y = new Float64Array(L); // y = Σ_t u_t·T[:, t] over the active rows (0 when no right reflector)
  const v = new Float64Array(L); // copy of the current left reflector

  let tauL = leftReflector(w, L, 0, d);
  for (let t = 1; t < k; t++) applyLeft(w, L, 0, t, tauL);

  for (let j = 0; j + 1 < k; j++) {
    if (j + 2 >= k) {
      // Row j has a single entry right of the diagonal: e_j is it, no right reflector.
      e[j] = w[(j + 1) * L + j];
      leftReflector(w, L, j + 1, d);
      break;
    }
    const tauR = rightReflector(w, L, k, j, u, e);
    const r0 = j + 1; // first active row of the right update
    y.fill(0, r0, L);
    if (tauR !== 0) {
      let t = j + 1;
      for (; t + 1 < k; t += 2) {
        // two columns per pass share the loads of y
        const c0 = u[t];
        const c1 = u[t + 1];
        const b0 = t * L;
        const b1 = b0 + L;
        for (let i = r0; i < L; i++) y[i] += c0 * w[b0 + i] + c1 * w[b1 + i];
      }
      if (t < k) {
        const c = u[t];
        const b = t * L;
        for (let i = r0; i < L; i++) y[i] += c * w[b + i];
      }
      // Column j + 1 first: it defines the next left reflector.
      rankOneColumn(w, L, j + 1, r0, -tauR * u[j + 1], y);
    }
    tauL = leftReflector(w, L, j + 1, d);
    // A private copy of the left reflector (v_{j+1} = 1) so the loops below read an array
    // they do not write.
    const vb = (j + 1) * L;
    v[r0] = 1;
    for (let i = r0 + 1; i < L; i++) v[i] = w[vb + i];
    let t = j + 2;
    for (; t + 1 < k; t += 2) {
      // Two columns per pass: the right update and the left reflector's dot products in one
      // loop, then its axpy; the loads of y and v are shared.
      const b0 = t * L;
      const b1 = b0 + L;
      const c0 = tauR === 0 ? 0 : -tauR * u[t];
      const c1 = tauR === 0 ? 0 : -tauR * u[t + 1];
      let s0 = 0;
      let s1 = 0;
      for (let i = r0; i < L; i++) {
        const yi = y[i];
        const vi = v[i];
        const x0 = w[b0 + i] + c0 * yi;
        const x1 = w[b1 + i] + c1 * yi;
        w[b0 + i] = x0;
        w[b1 + i] = x1;
        s0 += vi * x0;
        s1 += vi * x1;
      }
      if (tauL === 0) continue;
      s0 *= tauL;
      s1 *= tauL;
      for (let i = r0; i < L; i++) {
        const vi = v[i];
        w[b0 + i] -= s0 * vi;
        w[b1 + i] -= s1 * vi;
      }
    }
    if (t < k) {
      const b = t * L;
      const c = tauR === 0 ? 0 : -tauR * u[t];
      let s = 0;
      for (let i = r0; i < L; i++) {
        const x = w[b + i] + c * y[i];
        w[b + i] = x;
        s += v[i] * x;
      }
      if (tauL !== 0) {
        s *= tauL;
        for (let i = r0; i < L; i++) w[b + i] -= s * v[i];
      }
    }
  }
  return { d, e };
}

/**
 * The left reflector of column j (rows j … L − 1): d_j = β, v stored in place below the
 * diagonal (v_j = 1 implicit); returns τ (0 when the column is already reduced).
 */
function leftReflector(w: Float64Array, L: number, j: number, d: Float64Array): number {
  const b = j * L;
  const alpha = w[b + j];
  let ss = 0;
  for (let i = j + 1; i < L; i++) ss += w[b + i] * w[b + i];
  if (ss === 0) {
    d[j] = alpha;
    return 0;
  }
  const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + ss) : Math.sqrt(alpha * alpha + ss);
  const inv = 1 / (alpha - beta);
  for (let i = j + 1; i < L; i++) w[b + i] *= inv;
  w[b + j] = beta;
  d[j] = beta;
  return (beta - alpha) / beta;
}

/** Applies the left reflector stored in column j (τ) to column t. */
function applyLeft(w: Float64Array, L: number, j: number, t: number, tau: number): void {
  if (tau === 0) return;
  const vb = j * L;
  const b = t * L;
  let s = w[b + j];
  for (let i = j + 1; i < L; i++) s += w[vb + i] * w[b + i];
  s *= tau;
  if (s === 0) return;
  w[b + j] -= s;
  for (let i = j + 1; i < L; i++) w[b + i] -= s * w[vb + i];
}

/**
 * The right reflector of row j over columns j + 1 … k − 1: e_j = β, u filled (u_{j+1} = 1);
 * returns τ (0 when the row is already reduced; u is then unused).
 */
function rightReflector(w: Float64Array, L: number, k: number, j: number, u: Float64Array, e: Float64Array): number {
  const alpha = w[(j + 1) * L + j];
  let ss = 0;
  for (let t = j + 2; t < k; t++) {
    const x = w[t * L + j];
    ss += x * x;
  }
  if (ss === 0) {
    e[j] = alpha;
    return 0;
  }
  const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + ss) : Math.sqrt(alpha * alpha + ss);
  const inv = 1 / (alpha - beta);
  u[j + 1] = 1;
  for (let t = j + 2; t < k; t++) u[t] = w[t * L + j] * inv;
  e[j] = beta;
  return (beta - alpha) / beta;
}

/** Column t, rows r0 … L − 1: += c·y. */
function rankOneColumn(w: Float64Array, L: number, t: number, r0: number, c: number, y: Float64Array): void {
  if (c === 0) return;
  const b = t * L;
  for (let i = r0; i < L; i++) w[b + i] += c * y[i];
}
