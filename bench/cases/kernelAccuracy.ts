/**
 * Accuracy of the structured kernel route against the dense route at P ≈ 2000:
 * (Ni, Nh, N) = (20, 95, 1000), P = 1995. Dense: H = JᵀJ/N + residual term (P×P), all P
 * eigenvalues; structured: the N eigenvalues of K. Target: every nonzero eigenvalue
 * within 1e-10 relative (normwise: |Δλ| / λ_max). Times both routes.
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessianWith } from '../../src/hessian/denseHessian.js';
import { describeBackend, getBackend, type BackendName } from '../../src/linalg/selectBackend.js';
import { kernelSpectrum } from '../../src/spectrum/kernelSpectrum.js';
import { caseArgs, emit, peakRssMiB, timeIt } from '../lib/measure.js';

const args = caseArgs();
const backendName = (args.get('backend') ?? 'native') as BackendName;
const reps = Number(args.get('reps') ?? 3);
const Ni = 20, Nh = 95, N = 1000;
const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni, Nh, N, seed: 3 });
const backend = getBackend(backendName);
const P = p.model.P;
const dense = timeIt(() => backend.symmetricEigenvalues(fullHessianWith(p, p.theta, backend)), 1);
const structured = timeIt(() => kernelSpectrum(p, backend), reps);
const ks = structured.result.eigenvalues;
const dv = dense.result;
const lmax = dv[P - 1];
let worst = 0;
for (let i = 0; i < ks.length; i++) worst = Math.max(worst, Math.abs(ks[i] - dv[P - ks.length + i]) / lmax);
let zeros = 0;
for (let i = 0; i < P - ks.length; i++) zeros = Math.max(zeros, Math.abs(dv[i]) / lmax);
emit({
  id: `kernel-accuracy-${backendName}`,
  operation: 'structured kernel vs dense route, all nonzero eigenvalues',
  size: `(Ni, Nh, N) = (${Ni}, ${Nh}, ${N}), P = ${P}`,
  backend: describeBackend(backend),
  ours: structured.timing,
  peakRssMiB: peakRssMiB(),
  checks: { denseRouteMs: dense.timing.medianMs, maxRelErrVsDense: worst, target: 1e-10, met: worst <= 1e-10, denseStructuralZerosMaxRel: zeros },
});
