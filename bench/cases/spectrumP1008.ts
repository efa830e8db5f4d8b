/**
 * `spectrum` at (Ni, Nh, N) = (20, 48, 1000), tanh, P = 1008 — the "fast by default"
 * case — computed in-process (hessianSpectrum, the function the CLI calls): all P
 * eigenvalues of H(θ*) and rank H = rank J with its gap. The whole-process time adds Node
 * and tsx start-up (≈ 0.6–0.9 s); the torch peer (autograd.functional.hessian + eigvalsh)
 * took ≈ 4.7 s as a process.
 * Checks: the rank route (gram-certified or svd), rank and σ_r against an SVD of J/√N on the
 * same backend, and the eigenvalues against the other backend when both exist.
 *
 *   node --import tsx bench/cases/spectrumP1008.ts --backend portable|native [--reps 3]
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { scale } from '../../src/linalg/matrix.js';
import { numericalRank } from '../../src/linalg/numericalRank.js';
import { describeBackend, getBackend, nativeAvailable, type BackendName } from '../../src/linalg/selectBackend.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { caseArgs, emit, peakRssMiB, timeIt } from '../lib/measure.js';

const args = caseArgs();
const backendName = (args.get('backend') ?? 'portable') as BackendName;
const reps = Number(args.get('reps') ?? 3);
const cfg = { family: 'two-layer', activation: 'tanh', Ni: 20, Nh: 48, N: 1000, seed: 1 };
const p = buildProblem(cfg);
const backend = getBackend(backendName);
const { result: s, timing } = timeIt(() => hessianSpectrum(p, backend), reps);
const Js = scale(p.model.jacobian(p.theta, p.X), 1 / Math.sqrt(p.N));
const svdRank = numericalRank(backend.singularValues(Js), Js.rows, Js.cols);
const checks: Record<string, number | string | boolean> = {
  rankRoute: s.rankRoute,
  rank: s.rank.rank,
  rankBySvd: svdRank.rank,
  gap: Number.isFinite(s.rank.gap) ? s.rank.gap : 'infinite (nothing dropped)',
  gapBySvd: Number.isFinite(svdRank.gap) ? svdRank.gap : 'infinite (nothing dropped)',
  sigmaAtRankRelDiffVsSvd: Math.abs((s.rank.sigmaAtRank as number) - (svdRank.sigmaAtRank as number)) / (svdRank.sigmaAtRank as number),
  lambdaMax: s.eigenvalues[s.P - 1],
  trace: s.trace,
};
const other = backendName === 'native' ? 'portable' : nativeAvailable() ? 'native' : null;
if (other !== null) {
  const o = hessianSpectrum(p, getBackend(other));
  let d = 0;
  for (let i = 0; i < s.P; i++) d = Math.max(d, Math.abs(s.eigenvalues[i] - o.eigenvalues[i]));
  checks[`maxAbsDiffVs${other}OverLambdaMax`] = d / s.eigenvalues[s.P - 1];
}
emit({
  id: `spectrum-p1008-${backendName}`,
  operation: 'all eigenvalues + rank of H(θ*) (hessianSpectrum)',
  size: `(Ni, Nh, N) = (20, 48, 1000), P = ${p.model.P}`,
  backend: describeBackend(backend),
  ours: timing,
  peakRssMiB: peakRssMiB(),
  checks,
});
