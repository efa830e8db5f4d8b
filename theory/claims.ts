/**
 * The claim registry: every claim id of ../shared/docs/theory.md that the suite
 * implements, with its statement, source and kind. README tables, property names and
 * the report all read from here, so a claim is described once.
 */
export type ClaimKind = 'identity' | 'generic' | 'statistical';
export type ClaimSource = 'Couto et al. 2025 (arXiv:2512.15606)' | 'Sagun et al. 2018 (arXiv:1706.04454)' | 'derived';

export interface Claim {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly kind: ClaimKind;
  /** Where the property lives, relative to the repository root. */
  readonly testedIn: string;
}

const C = 'Couto et al. 2025 (arXiv:2512.15606)';
const S = 'Sagun et al. 2018 (arXiv:1706.04454)';

export const CLAIMS: readonly Claim[] = [
  {
    id: 'C1',
    title: 'Hessian at the optimum is Gauss–Newton',
    statement: 'H(θ*) = JᵀJ/N by independent routes (finite differences, tfjs autodiff); off θ*, H = Gauss–Newton + residual term.',
    source: `${C}; ${S} Eq. 4`,
    kind: 'identity',
    testedIn: 'properties/C1.gaussNewton.test.ts',
  },
  {
    id: 'C2a',
    title: 'Linear network: nonzero spectrum is eig(MC)',
    statement: 'For g(z) = z, the nonzero eigenvalues of H(θ*) are the eigenvalues of MC, M = ‖a‖²I + WᵀW, C = XᵀX/N; tr H = tr(MC). Deep linear: M = Σ_l ‖w_Lᵀ⋯W_{l+1}‖² (W_{l−1}⋯W_1)ᵀ(W_{l−1}⋯W_1).',
    source: `${C} (exact form derived)`,
    kind: 'identity',
    testedIn: 'properties/C2.linearNetwork.test.ts',
  },
  {
    id: 'C2b',
    title: 'Linear network: rank min(Ni, N)',
    statement: 'rank H(θ*) = min(Ni, N) when M ≻ 0, with P − rank zero eigenvalues; a = 0 gives rank(W) instead.',
    source: `${C} (exact form derived)`,
    kind: 'generic',
    testedIn: 'properties/C2.linearNetwork.test.ts',
  },
  {
    id: 'C2c',
    title: 'Linear network, whitened data: ‖a‖² + eig(WᵀW)',
    statement: 'With XᵀX/N = I the nonzero eigenvalues are ‖a‖² + eig(WᵀW); when Ni > Nh exactly Ni − Nh of them equal ‖a‖².',
    source: `${C} (exact form derived)`,
    kind: 'identity',
    testedIn: 'properties/C2.linearNetwork.test.ts',
  },
  {
    id: 'C3',
    title: 'Rank is the effective number of parameters',
    statement: 'rank H(θ*) equals the dimension of the tangent space of θ ↦ y_θ on the data: the rank table of theory.md §C3 (monomials with Alexander–Hirschowitz exceptions, polynomials, ReLU P − Nh, erf/tanh full rank, degenerate teachers, cap by N).',
    source: `${C} (formulas derived)`,
    kind: 'generic',
    testedIn: 'properties/C3.rank.test.ts',
  },
  {
    id: 'C4',
    title: 'Small eigenvalues control long-time learning',
    statement:
      'Near θ*, gradient descent follows L_t ≈ ½ Σ λ_i c_i² (1 − ηλ_i)^{2t}: the late slope of log L is 2 log(1 − ηλ_min⁺) for η < 2/(λ_min⁺ + λ_max) (2 log|1 − ηλ_max| above it), the time to a loss fraction scales as 1/λ_min⁺, flat directions neither decay nor add loss (to first order), and the real-loss run approaches the prediction as ε → 0.',
    source: `${C} (form derived)`,
    kind: 'statistical',
    testedIn: 'properties/C4.longTimeLearning.test.ts',
  },
  {
    id: 'S1',
    title: 'Gauss–Newton decomposition: MSE and softmax cross-entropy, biases included',
    statement: 'H = (1/N) Σ J_nᵀ ∇²ℓ_n J_n + (1/N) Σ_n Σ_c ∂ℓ_n/∂f_c ∇²f_{n,c} at any θ (two-layer MSE nets; MLPs with biases, relu/tanh/identity, softmax cross-entropy with ∇²ℓ = diag(p) − ppᵀ or MSE), checked against finite differences of the gradient; Gauss–Newton is positive semi-definite with rank ≤ N (scalar output), ≤ N(k−1) (k-class softmax) or ≤ N·k (k-output MSE), so negative eigenvalues come only from the residual term. Wrong neighbours rejected: Gauss–Newton alone off the optimum, and ∇²ℓ = diag(p) (rank above N(k−1)).',
    source: `${S} Eq. 4`,
    kind: 'identity',
    testedIn: 'properties/S1.gaussNewtonDecomposition.test.ts',
  },
  {
    id: 'C2d',
    title: 'Linear network, whitened data: the law of the spectrum',
    statement: 'Over the teacher ensemble (C = I), a uniformly chosen nonzero eigenvalue of H(θ*) follows σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) (MP with its atom at 0 for γ > 1), asymptotically in Nh, Ni at fixed γ; mean Nh(σ1² + σ2²), variance 2Nh·σ2⁴ + Nh(Ni + 1)·σ1⁴ at finite size (theory.md: Nh·Ni·σ1⁴ in the limit). KS at α = 0.01 per test; wrong neighbours γ → 1/γ, χ² shift removed, MP scale +10%, pooled eigenvalues of one Hessian rejected.',
    source: `${C} (law as stated; finite-size variance derived)`,
    kind: 'statistical',
    testedIn: 'properties/C2d.spectralLaw.test.ts',
  },
  {
    id: 'C2e',
    title: 'Linear network, finite un-whitened data: free multiplicative convolution',
    statement: 'With Gaussian data at finite N the law of a uniformly chosen nonzero eigenvalue of H(θ*) = eig(MC) is E_A[(A + Nh·σ1²·MP(Ni/Nh)) ⊠ MP(Ni/N)], A ~ σ2²χ²(Nh) (Silverstein equation); the classical law is rejected at small N/Ni and the two agree as N/Ni grows.',
    source: 'derived (beyond Couto et al. 2025; Silverstein & Bai 1995)',
    kind: 'statistical',
    testedIn: 'properties/C2e.finiteData.test.ts',
  },
  {
    id: 'S2',
    title: 'Bulk and outliers after training on k clusters',
    statement: 'A ReLU MLP with k-way softmax trained near a minimum on k Gaussian clusters has a Hessian spectrum of a bulk near zero plus about k outliers: counted by the largest ratio gap among the top 12 eigenvalues, the count is within ±1 of k in at least 80% of draws (exact binomial test, α = 0.01); growing the width at fixed data leaves the count unchanged (±1) while the bulk\'s RMS eigenvalue relative to the top outlier decreases.',
    source: `${S} §3.1, §3.2`,
    kind: 'statistical',
    testedIn: 'properties/S2.bulkOutliers.test.ts',
  },
  {
    id: 'S3',
    title: 'Spiked covariance: the BBP outlier',
    statement: 'Per-sample gradients with population covariance diag(ℓ, 1, …, 1) and ratio α = M/N (the Hessian XᵀX/N of least squares on x ~ N(0, Σ)): for ℓ > 1 + √α the top eigenvalue sits at ℓ(1 + α/(ℓ − 1)) with Gaussian O(N^{−1/2}) fluctuations; below, at the bulk edge (1 + √α)² with Tracy–Widom O(N^{−2/3}) fluctuations; its error shrinks from N = 50 to N = 200 at fixed α (α ∈ [0.1, 1] and 2). Mean of 32 independent top eigenvalues per size, z-test at α = 0.001 per case; wrong neighbours "λ_max = ℓ" and "threshold at ℓ > 1" rejected by the same test.',
    source: `${S} appendix (Baik–Ben Arous–Péché 2005; Paul 2007; Johnstone 2001)`,
    kind: 'statistical',
    testedIn: 'properties/S3.spikedCovariance.test.ts',
  },
  {
    id: 'S4',
    title: 'Connected basins: no barrier between large- and small-batch solutions',
    statement: 'From one start, a large-batch (full-batch) run and its small-batch SGD continuation end at points joined by a straight line along which the loss has no barrier above the end points\' level beyond τ = ½·g·‖θ_B − θ_A‖ (g the larger end-point gradient norm); two unrelated minima (a hidden-unit-permuted twin, an independent start) show a barrier above the same τ.',
    source: `${S} §4`,
    kind: 'statistical',
    testedIn: 'properties/S4.connectedBasins.test.ts',
  },
];

export function claimById(id: string): Claim {
  const c = CLAIMS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown claim id ${JSON.stringify(id)}; known: ${CLAIMS.map((x) => x.id).join(', ')}`);
  return c;
}
