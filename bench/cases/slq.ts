/**
 * Stochastic Lanczos quadrature density of H off θ* at P ≈ 2000, (Ni, Nh, N) = (20, 95, 1000),
 * P = 1995, against the dense spectrum: the measured Wasserstein-1 distance and the derived
 * bound of src/spectrum/slqDensity.ts (quadrature + sampling at 99%), with the stated
 * smoothing σ = 1% of the spectral range (which adds ≤ σ·√(2/π) for the smoothed density).
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessianWith } from '../../src/hessian/denseHessian.js';
import { hessianOperator } from '../../src/hessian/matrixFreeHvp.js';
import { describeBackend, getBackend, type BackendName } from '../../src/linalg/selectBackend.js';
import { Rng } from '../../src/rng/rng.js';
import { slqDensity } from '../../src/spectrum/slqDensity.js';
import { empiricalMeasure, wasserstein1 } from '../../src/spectrum/wasserstein.js';
import { caseArgs, emit, peakRssMiB, timeIt } from '../lib/measure.js';

const args = caseArgs();
const backendName = (args.get('backend') ?? 'native') as BackendName;
const reps = Number(args.get('reps') ?? 3);
const Ni = 20, Nh = 95, N = 1000;
const probes = 20, steps = 80;
const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni, Nh, N, seed: 3, studentOffset: 3 });
const backend = getBackend(backendName);
const dense = timeIt(() => backend.symmetricEigenvalues(fullHessianWith(p, p.theta, backend)), 1);
const slq = timeIt(() => slqDensity(hessianOperator(p, backend), { probes, steps, backend, rng: Rng.fromSeed(4).split('bench') }), reps);
const s = slq.result;
const w1 = wasserstein1(s, empiricalMeasure(dense.result));
const span = s.range[1] - s.range[0];
emit({
  id: `slq-density-${backendName}`,
  operation: `SLQ spectral density off θ* (${probes} probes × ${steps} steps, σ = 1% of range)`,
  size: `(Ni, Nh, N) = (${Ni}, ${Nh}, ${N}), P = ${p.model.P}`,
  backend: describeBackend(backend),
  ours: slq.timing,
  peakRssMiB: peakRssMiB(),
  checks: {
    denseRouteMs: dense.timing.medianMs,
    wasserstein1: w1,
    wasserstein1OverRange: w1 / span,
    bound: s.bounds.total,
    boundOverRange: s.bounds.total / span,
    boundHolds: w1 <= s.bounds.total,
    sigma: s.sigma,
    smoothingAdds: s.bounds.smoothing,
    negativeEigenvalues: dense.result.filter((v) => v < 0).length,
  },
});
