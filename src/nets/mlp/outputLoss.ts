/**
 * The per-sample loss ℓ(f) of the k outputs f, as the engine needs it:
 *   - value and ∂ℓ/∂f (valueAndGradient; also fills `aux`, e.g. softmax probabilities),
 *   - the curvature product ∇²ℓ·u (curvatureTimes), for the R-operator,
 *   - a factorisation ∇²ℓ = Σ_c w_c r_c r_cᵀ with w_c ≥ 0 (curvatureFactor), so the dense
 *     Gauss–Newton term is assembled as a sum of PSD rank-one terms (PSD by construction).
 * Every vector argument is a (buffer, offset) pair so the kernels can keep a block of
 * samples in one flat buffer. Implementations: softmaxCrossEntropy.ts, squaredError.ts.
 */
export interface OutputLoss {
  readonly k: number;
  /**
   * ℓ_n(f) for the logits f[fOff .. fOff + k) of sample n; writes ∂ℓ/∂f into g[gOff ..) and
   * the loss's auxiliary state (softmax: probabilities; squared error: residuals) into aux[auxOff ..).
   */
  valueAndGradient(f: Float64Array, fOff: number, n: number, g: Float64Array, gOff: number, aux: Float64Array, auxOff: number): number;
  /** out[outOff ..) = ∇²ℓ · u[uOff ..), from aux as left by valueAndGradient. */
  curvatureTimes(aux: Float64Array, auxOff: number, u: Float64Array, uOff: number, out: Float64Array, outOff: number): void;
  /** A bound on the row sums of |∇²ℓ| (softmax: 2p_c(1 − p_c) ≤ ½; squared error c·Σr²: 2c), for rounding bounds. */
  readonly curvatureRowSumBound: number;
  /** Number of terms in the factorisation (k for both losses). */
  readonly factorTerms: number;
  /** Writes r_c into row[0..k) and returns w_c ≥ 0, with ∇²ℓ = Σ_c w_c r_c r_cᵀ. */
  curvatureFactor(aux: Float64Array, auxOff: number, c: number, row: Float64Array): number;
}
