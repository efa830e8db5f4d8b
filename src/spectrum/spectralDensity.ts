/**
 * The Hessian's spectral density as the `density` command reports it: stochastic Lanczos
 * quadrature (./slqDensity.ts; Lin, Saad & Yang 2016; the method PyHessian's density uses) on
 * an exact matrix-free operator, with
 *   - the discrete SLQ measure: Ritz values ("nodes", descending) and their Gauss-quadrature
 *     weights pooled over the probes (each probe's weights sum to 1; pooled, divided by the
 *     number of probes, they sum to 1);
 *   - the smoothed density Σ_k w_k·N(t; θ_k, σ²) on a grid covering [a − 4σ, b + 4σ];
 *   - its Wasserstein-1 error bound (slqDensity.ts: quadrature π(b − a)/(4m) + sampling
 *     c(b − a)/√(2·n_v·(P + 2)) with probability ≥ 1 − 1/c², c = 10; the smoothed curve adds
 *     σ√(2/π));
 *   - the converged Ritz values of the first probe as eigenvalues (the extremes converge first):
 *     those whose residual estimate |β_m s_{m,k}| ≤ EIGENVALUE_TOLERANCE·max|θ|.
 *
 * Default probes: enough for the sampling term not to exceed the quadrature term,
 * n_v = ⌈(4mc/π)²/(2(P + 2))⌉, clamped to [1, SLQ_DEFAULTS.probes] (P ≈ 100,000, m = 80: 6
 * probes; small P: 10). Cost: n_v·m operator applications (each one H·v) plus
 * n_v·2m²·P reorthogonalisation flops; memory (m + 1)·P doubles.
 */
import { assertFits, lanczosBytes } from '../config/memoryBudget.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { countingOperator, type SymmetricOperator } from '../linalg/operator.js';
import { Rng } from '../rng/rng.js';
import { SLQ_DEFAULTS, slqDensity, type SlqBounds } from './slqDensity.js';

/** A Ritz value of the first probe counts as an eigenvalue when its residual estimate is below this fraction of max|θ|. */
export const EIGENVALUE_TOLERANCE = 1e-8;
/** Grid points of the smoothed curve. */
export const DENSITY_GRID_POINTS = 801;
/** The grid extends this many σ beyond the extreme Ritz values (the Gaussian's mass beyond is < 1e-4). */
const GRID_MARGIN_SIGMAS = 4;

export interface DensityOptions {
  readonly probes?: number;
  /** Lanczos steps per probe m (capped at P). @defaultValue 80 */
  readonly steps?: number;
  /** Smoothing standard deviation; null: 1% of the Ritz range. */
  readonly sigma?: number | null;
  readonly seed?: number;
  readonly gridPoints?: number;
  readonly backend?: LinalgBackend | null;
  /** Bytes the operator keeps, for the memory check. */
  readonly operatorCacheBytes?: number;
  readonly onApply?: () => void;
}

export interface DensityResult {
  readonly probes: number;
  readonly steps: number;
  readonly seed: number;
  readonly sigma: number;
  /** Ritz values pooled over the probes, descending. */
  readonly nodes: number[];
  /** Their weights (aligned with nodes), summing to 1. */
  readonly weights: number[];
  readonly range: readonly [number, number];
  readonly bounds: SlqBounds & { readonly confidence: number; readonly smoothedTotal: number };
  readonly grid: number[];
  readonly density: number[];
  /** Converged Ritz values of the first probe, descending, and their residual estimates. */
  readonly eigenvalues: number[];
  readonly eigenvalueResiduals: number[];
  readonly applications: number;
}

/** The default number of probes for P parameters and m steps (header). */
export function defaultProbes(P: number, steps: number): number {
  const m = Math.min(steps, P);
  const c = SLQ_DEFAULTS.confidenceFactor;
  const balance = ((4 * m * c) / Math.PI) ** 2 / (2 * (P + 2));
  return Math.max(1, Math.min(SLQ_DEFAULTS.probes, Math.ceil(balance)));
}

export function spectralDensity(op: SymmetricOperator, opts: DensityOptions = {}): DensityResult {
  const P = op.size;
  const steps = Math.min(opts.steps ?? SLQ_DEFAULTS.steps, P);
  const probes = opts.probes ?? defaultProbes(P, steps);
  const seed = opts.seed ?? 0;
  assertFits(lanczosBytes(P, steps, opts.operatorCacheBytes ?? 0), `stochastic Lanczos quadrature with P = ${P} and ${steps} steps per probe`, 'steps', 'lower --steps');
  const counted = countingOperator(P, 'spectralDensity', (v) => {
    const out = op.apply(v);
    opts.onApply?.();
    return out;
  });
  const slq = slqDensity(counted, { probes, steps, sigma: opts.sigma ?? null, rng: Rng.fromSeed(seed).split('slq'), backend: opts.backend ?? null });
  const order = Array.from(slq.nodes.keys()).sort((i, j) => slq.nodes[j] - slq.nodes[i]);
  const [a, b] = slq.range;
  const G = opts.gridPoints ?? DENSITY_GRID_POINTS;
  const lo = a - GRID_MARGIN_SIGMAS * slq.sigma;
  const hi = b + GRID_MARGIN_SIGMAS * slq.sigma;
  const grid = Array.from({ length: G }, (_, i) => lo + ((hi - lo) * i) / (G - 1));
  const scale = Math.max(Math.abs(a), Math.abs(b));
  const eig: { v: number; r: number }[] = [];
  for (let i = 0; i < slq.nodes.length; i++) {
    if (slq.nodeProbe[i] === 0 && slq.nodeResiduals[i] <= EIGENVALUE_TOLERANCE * scale) eig.push({ v: slq.nodes[i], r: slq.nodeResiduals[i] });
  }
  eig.sort((x, y) => y.v - x.v);
  return {
    probes,
    steps: slq.steps,
    seed,
    sigma: slq.sigma,
    nodes: order.map((i) => slq.nodes[i]),
    weights: order.map((i) => slq.weights[i]),
    range: [a, b],
    bounds: { ...slq.bounds, confidence: 1 - 1 / SLQ_DEFAULTS.confidenceFactor ** 2, smoothedTotal: slq.bounds.total + slq.bounds.smoothing },
    grid,
    density: grid.map((t) => slq.density(t)),
    eigenvalues: eig.map((e) => e.v),
    eigenvalueResiduals: eig.map((e) => e.r),
    applications: counted.applications,
  };
}
