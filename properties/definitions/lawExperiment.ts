/**
 * The experiment shared by C2d (law of the whitened linear spectrum) and C2e (finite,
 * un-whitened data), and by their calibration (lawCalibration.ts). A case is one whole
 * hypothesis test.
 *
 * MEASURED side: n i.i.d. eigenvalues of H(θ*), one per independent teacher, from the exact
 * identities of C2c (whitened: ‖a‖² + eig(WᵀW)) and C2a (un-whitened: eig(MC)) —
 * src/spectrum/linearEnsembleSample.ts, Ni×Ni work instead of a P×P Hessian. CROSS-CHECK: every
 * case also builds CROSS_CHECK_DRAWS real problems (buildProblem, identity activation) and
 * compares the nonzero spectrum of the real Hessian (src/spectrum hessianSpectrum) with the
 * identity, to EIG_TOL_FACTOR·(N + P)·eps·λ_max (backward-stable eigensolvers on Gram matrices
 * of J/√N; the kernel Gram has N + P terms per entry at most).
 *
 * PREDICTED side: the laws of theory/ (C2d: σ2²χ²(Nh) ⊛ Nh·σ1²·MP(γ) and its wrong neighbours,
 * tabulated; C2e: the free multiplicative law), built once per parameter set and cached.
 *
 * TEST: the one-sample KS test (src/stats ksOneSample, exact/Simard–L'Ecuyer p-values) at
 * KS_ALPHA per test (theory/spectralLaw.ts).
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { EPS, type Matrix } from '../../src/linalg/matrix.js';
import type { Rng } from '../../src/rng/rng.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { kernelSpectrum } from '../../src/spectrum/kernelSpectrum.js';
import { finiteDataIidSample, whitenedIidSample, whitenedPooledSpectrum } from '../../src/spectrum/linearEnsembleSample.js';
import { ksOneSample } from '../../src/stats/index.js';
import { c2eLaw, type FiniteDataLawAccuracy } from '../../theory/finiteDataLaw.js';
import { predictedLinearSpectrum, predictedWhitenedSpectrum } from '../../theory/linearNetwork.js';
import { KS_ALPHA, c2dLaw, c2dWrongLaw, tabulatedLaw, type C2dLawNeighbour, type SpectralLaw, type SpectralLawParams } from '../../theory/spectralLaw.js';
import { C2E_BASE, C2E_SAMPLES, type C2dRegime } from '../arbitraries/lawConfigs.js';
import type { KsNeighbour, KsTest } from '../evidence/ks.js';

/** Real Hessians built per case to cross-check the identity used for sampling. */
export const CROSS_CHECK_DRAWS = 2;
/** Slack on the backward-error bound (N + P)·eps·λ_max of the two eigen-routes. */
export const EIG_TOL_FACTOR = 16;
/** Largest P for the dense cross-check route (≈ 0.5 GiB of P×P work arrays). */
export const DENSE_CROSS_CHECK_MAX_P = 4000;

/** Display rounding of recorded numbers that decide nothing (D, z-scores, ratios). */
export const round = (v: number, d = 6): number => Number(v.toPrecision(d));

// ---------------------------------------------------------------- cross-check on real Hessians

/**
 * Cross-check of the sampling identity on real Hessians: builds `draws` problems and returns the
 * largest |λ_Hessian − λ_identity| / (tolerance) over their nonzero spectra (≤ 1 passes).
 * N = null: whitened data (C2d); otherwise N un-whitened Gaussian points (C2e).
 */
export function crossCheckIdentity(seed: number, p: SpectralLawParams, N: number | null, draws = CROSS_CHECK_DRAWS): { worstRatio: number; P: number } {
  let worst = 0;
  let P = 0;
  for (let d = 0; d < draws; d++) {
    const problem = buildProblem({
      family: 'two-layer',
      activation: 'identity',
      Ni: p.Ni,
      Nh: p.Nh,
      // whitened: N = 2·Ni, not Ni — a square Gaussian X is ill-conditioned and its whitening
      // XᵀX/N = I then only holds to κ(X)·eps (measured 532× the eigenvalue tolerance at N = Ni = 32)
      N: N ?? 2 * p.Ni,
      seed: (seed + d * 7919) % 2 ** 31,
      sigma1: p.sigma1,
      sigma2: p.sigma2,
      whiten: N === null,
    });
    // The dense route (P×P budget) where it fits; beyond DENSE_CROSS_CHECK_MAX_P the structured
    // kernel route (N×N, src/spectrum/kernelSpectrum.ts), still from the network's Jacobian blocks.
    const spec = problem.model.P <= DENSE_CROSS_CHECK_MAX_P ? hessianSpectrum(problem) : kernelSpectrum(problem);
    P = spec.P;
    const predicted = N === null ? (() => {
      const tw = problem.teacherWeights as { W: Matrix; a: Float64Array };
      return predictedWhitenedSpectrum(tw.W, tw.a);
    })() : predictedLinearSpectrum(problem);
    const top = spec.eigenvalues.slice(spec.eigenvalues.length - p.Ni);
    const lmax = top[top.length - 1];
    const tol = EIG_TOL_FACTOR * (problem.N + P) * EPS * lmax;
    for (let i = 0; i < p.Ni; i++) worst = Math.max(worst, Math.abs(top[i] - predicted[i]) / tol);
  }
  return { worstRatio: worst, P };
}

// ---------------------------------------------------------------- laws (predicted side)

const lawCache = new Map<string, SpectralLaw>();
/** Tabulated laws (2049 nodes over mean ± 12 sd; linear-interpolation error ≤ 1e-5, test/theory). */
function cachedLaw<L extends SpectralLaw>(key: string, make: () => L): L {
  let law = lawCache.get(key) as L | undefined;
  if (!law) {
    law = make();
    lawCache.set(key, law);
  }
  return law;
}

export function regimeParams(regime: C2dRegime, sigma1: number): SpectralLawParams {
  return { Nh: regime.Nh, Ni: regime.Ni, sigma1, sigma2: regime.sigmaRatio * sigma1 };
}

/** Sizes and σ2/σ1 of a C2e experiment. */
export interface C2eBase {
  readonly Nh: number;
  readonly Ni: number;
  readonly sigmaRatio: number;
}

export function c2eParams(sigma1: number, base: C2eBase = C2E_BASE): SpectralLawParams {
  return { Nh: base.Nh, Ni: base.Ni, sigma1, sigma2: base.sigmaRatio * sigma1 };
}

/** The C2d law, tabulated and cached. */
export function rightLaw(p: SpectralLawParams): SpectralLaw {
  return cachedLaw(`c2d:${JSON.stringify(p)}`, () => tabulatedLaw(c2dLaw(p)));
}
/** A law-valued wrong neighbour of C2d, tabulated and cached. */
export function wrongLaw(p: SpectralLawParams, which: C2dLawNeighbour): SpectralLaw {
  return cachedLaw(`${which}:${JSON.stringify(p)}`, () => tabulatedLaw(c2dWrongLaw(p, which)));
}
/** The C2e free law, cached (with its numerical accuracy). */
export function freeLaw(p: SpectralLawParams, N: number): SpectralLaw & { readonly accuracy: FiniteDataLawAccuracy } {
  return cachedLaw(`c2e:${N}:${JSON.stringify(p)}`, () => c2eLaw({ ...p, N }));
}

// ---------------------------------------------------------------- one KS run

/** One KS test at full precision (what decides the case), with the sample it ran on. */
export interface KsRun {
  readonly n: number;
  readonly pValue: number;
  readonly D: number;
  readonly method: string;
  readonly neighbours: readonly KsNeighbour[];
  readonly sample: Float64Array;
}

/** The run as evidence: α added, D's rounded for display (p-values kept whole). */
export function ksEvidence(run: KsRun): KsTest {
  return {
    n: run.n,
    alpha: KS_ALPHA,
    pValue: run.pValue,
    D: round(run.D),
    method: run.method,
    neighbours: run.neighbours.map((w) => ({ ...w, D: round(w.D) })),
  };
}

/** The neighbour of a run by name (throws if the run has none: a programming error). */
export function neighbourOf(run: KsRun, name: string): KsNeighbour {
  const w = run.neighbours.find((x) => x.name === name);
  if (!w) throw new Error(`internal: KS run has no neighbour ${JSON.stringify(name)} (has ${run.neighbours.map((x) => x.name).join(', ')})`);
  return w;
}

/** C2d: draws the regime's i.i.d. sample and runs the KS test against the right law and its neighbours. */
export function runC2d(rng: Rng, regime: C2dRegime, sigma1: number): KsRun {
  const p = regimeParams(regime, sigma1);
  const sample = whitenedIidSample(rng.split('iid'), p, regime.n);
  const ks = ksOneSample(sample, rightLaw(p).cdf);
  const neighbours = regime.neighbours.map((w): KsNeighbour => {
    const r = w === 'pooled' ? ksOneSample(whitenedPooledSpectrum(rng.split('pooled'), p), rightLaw(p).cdf) : ksOneSample(sample, wrongLaw(p, w).cdf);
    return { name: w, expect: 'reject', pValue: r.pValue, D: r.D };
  });
  return { n: regime.n, pValue: ks.pValue, D: ks.D, method: ks.method, neighbours, sample };
}

/** The classical law's name as a C2e neighbour. */
export const CLASSICAL = 'classical';

/**
 * C2e: n eigenvalues of MC at N = ratio·Ni, tested against the free law, and against the
 * classical law with `classical` saying what the property requires of it.
 */
export function runC2e(rng: Rng, ratio: number, sigma1: number, classical: KsNeighbour['expect'], n = C2E_SAMPLES, base: C2eBase = C2E_BASE): KsRun & { readonly N: number } {
  const p = c2eParams(sigma1, base);
  const N = ratio * p.Ni;
  const sample = finiteDataIidSample(rng.split('iid'), p, N, n);
  const free = ksOneSample(sample, freeLaw(p, N).cdf);
  const cl = ksOneSample(sample, rightLaw(p).cdf);
  return { N, n, pValue: free.pValue, D: free.D, method: free.method, neighbours: [{ name: CLASSICAL, expect: classical, pValue: cl.pValue, D: cl.D }], sample };
}
