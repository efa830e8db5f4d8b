/**
 * `decompose <config.json> [--json] [--k K] [--route auto|dense|matrix-free] [--backend …]
 *  [--tolerance T] [--max-iterations M] [--trace-probes N] [--seed S]`: H = Gauss–Newton +
 * residual term at the configuration's point, for every family (src/spectrum/decomposition.ts):
 * the extreme eigenvalues and traces of H, GN and R, tr H = tr GN + tr R, GN ⪰ 0, the GN rank
 * against its bound, and how much of H's negative curvature the residual term explains.
 */
import { assertWithinBudget, curvatureDenseCost, curvatureMatrixFreeCost, fits } from '../../src/config/routeCost.js';
import { LANCZOS_DEFAULTS } from '../../src/linalg/lanczos.js';
import { getBackend, BACKEND_NAMES, type BackendName } from '../../src/linalg/selectBackend.js';
import type { CurvatureModel } from '../../src/spectrum/curvatureModel.js';
import { assertDenseCurvatureFits } from '../../src/spectrum/denseCurvatureSpectrum.js';
import { decompose, TRACE_PROBES, type Decomposition, type TermSummary } from '../../src/spectrum/decomposition.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { backendKind } from '../backendOption.js';
import type { RunContext } from '../runContext.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { loadModel, modelHeader, modelLines, progressFor } from '../loadModel.js';

const usage = 'decompose <config.json> [--json] [--k K] [--route auto|dense|matrix-free] [--backend portable|native|auto] [--tolerance T] [--max-iterations M] [--trace-probes N] [--seed S]';
const ROUTES = ['auto', 'dense', 'matrix-free'] as const;

export const decomposeCommand: CommandSpec = {
  name: 'decompose',
  summary: 'H = Gauss–Newton + residual term: extreme eigenvalues and traces of each, tr H = tr GN + tr R, GN ⪰ 0 with its rank bound, and how much negative curvature the residual term explains.',
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (family, P, N, loss, reduction, route, eigenvalues of H descending, hessian / gaussNewton / residual summaries, traces, gaussNewtonPsd, gaussNewtonRank, negativeCurvature)' }],
  options: [
    { name: 'k', value: 'K', description: 'how many eigenvalues at each end of each term (default 5)' },
    { name: 'route', value: 'name', description: 'dense (every eigenvalue, exact traces), matrix-free (Lanczos ends, Hutchinson traces) or auto (default: dense when it fits the memory budget)' },
    { name: 'backend', value: 'name', description: 'portable, native or auto (default auto)' },
    { name: 'tolerance', value: 'T', description: 'matrix-free: Lanczos residual target relative to ‖A‖ (default 1e-10)' },
    { name: 'max-iterations', value: 'M', description: 'matrix-free: Lanczos iteration cap per end (default max(300, 10·K), at most P)' },
    { name: 'trace-probes', value: 'N', description: `matrix-free: Rademacher probes for the traces (default ${TRACE_PROBES})` },
    { name: 'seed', value: 'S', description: 'seed of the Lanczos starts and trace probes (default 0)' },
  ],
  examples: ['npm run --silent cli -- decompose examples/own-network/config.json', 'npm run --silent cli -- decompose examples/erf-small.json --json'],
  details:
    'GN = Σ_n w J_nᵀ ∇²ℓ_n J_n (PSD), R = Σ_n w Σ_c ∂ℓ_n/∂f_c ∇²f_{n,c} (Sagun et al. 2018 Eq. 4). Since GN ⪰ 0, λ_min(R) ≤ λ_min(H) (Weyl), and along H\'s bottom eigenvector u, uᵀRu = λ_min(H) − uᵀGNu ≤ λ_min(H): "residualShare" = uᵀRu/λ_min(H) ≥ 1 says the residual supplies all of the negative curvature there. Dense route: "negativeMass.coverage" = (Σ negative λ of H)/(Σ negative λ of R) ∈ [0, 1] (Ky Fan). Works for every family; rank bound of GN: N(k−1) for cross-entropy, N·k for squared errors.',
  run,
};

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`decompose: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const cmd = 'decompose';
  const k = numberOption(args, 'k', cmd, (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1', 5);
  const route = (args.options.get('route') ?? 'auto') as (typeof ROUTES)[number];
  if (!ROUTES.includes(route)) throw new CliError(`decompose: --route must be one of ${ROUTES.join(', ')}, got ${JSON.stringify(route)}`);
  const tolerance = numberOption(args, 'tolerance', cmd, (v) => v > 0 && v < 1, 'a number in (0, 1)', LANCZOS_DEFAULTS.tolerance);
  const maxIterations = args.options.has('max-iterations') ? numberOption(args, 'max-iterations', cmd, (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1') : undefined;
  const traceProbes = numberOption(args, 'trace-probes', cmd, (v) => Number.isInteger(v) && v >= 2 && v <= 10_000, 'an integer in [2, 10000]', TRACE_PROBES);
  const seed = numberOption(args, 'seed', cmd, (v) => Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1, 'an integer in [0, 2^32 − 1]', 0);
  const backendName = (args.options.get('backend') ?? 'auto') as BackendName;
  if (!BACKEND_NAMES.includes(backendName)) throw new CliError(`decompose: --backend must be one of ${BACKEND_NAMES.join(', ')}, got ${JSON.stringify(backendName)}`);
  const backend = getBackend(backendName);
  const loaded = loadModel(args.positional[0], backend, ctx.budget);
  const m = loaded.curvature;
  if (k > m.P) throw new CliError(`decompose: --k ${k} exceeds the number of parameters P = ${m.P}; give --k ≤ ${m.P}`);
  if (maxIterations !== undefined && maxIterations < k) throw new CliError(`decompose: --max-iterations ${maxIterations} is below --k ${k}; give at least ${k}`);
  const iterations = Math.min(m.P, maxIterations ?? Math.max(300, 10 * k));
  const denseCost = curvatureDenseCost(m.P, m.N, backendKind(backend));
  const freeCost = curvatureMatrixFreeCost(m.family, m.P, m.N, 6 * iterations + 3 * traceProbes + 2, iterations);
  const chosen = route === 'auto' ? (fits(denseCost, ctx.budget) ? 'dense' : 'matrix-free') : route;
  const what = `decompose --route ${chosen} with P = ${m.P}, N = ${m.N}`;
  if (chosen === 'dense') assertWithinBudget(denseCost, ctx.budget, 'route', what, 'use --route matrix-free (Lanczos ends, Hutchinson traces)');
  else assertWithinBudget(freeCost, ctx.budget, 'max-iterations', what, 'lower --max-iterations, --k or --trace-probes, or use `density` for the shape of the spectrum');
  if (chosen === 'dense') assertDenseCurvatureFits(m, ctx.budget.bytes);
  const progress = progressFor(io);
  if (chosen === 'matrix-free') progress.phase('decompose: Lanczos on H, GN and R', 6 * (maxIterations ?? Math.min(m.P, Math.max(300, 10 * k))) + 3 * traceProbes, true);
  const d = decompose(m, { k, backend, route: chosen, tolerance, maxIterations, traceProbes, seed, onApply: () => progress.tick() });
  progress.done();
  const result = decompositionJson(m, d, backend.name);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  io.out([...modelLines(m), ...decompositionLines(m, d, backend.name)].join('\n'));
  return EXIT_OK;
}

/** GN's rank bound: each sample adds at most k − 1 (softmax: ∇²ℓ annihilates the all-ones logit shift) or k. */
export function gaussNewtonRankBound(m: Pick<CurvatureModel, 'loss' | 'N' | 'outputs'>): number {
  return m.loss === 'cross-entropy' ? m.N * (m.outputs - 1) : m.N * m.outputs;
}

export function decompositionJson(m: CurvatureModel, d: Decomposition, backend: string): Record<string, unknown> {
  return {
    ...modelHeader(m, d.route === 'dense' ? 'dense (H by R-operator columns, GN by Jacobian outer products, R by the residual half)' : 'matrix-free (Lanczos on exact H·v, GN·v, R·v; Hutchinson traces)', backend),
    k: d.k,
    eigenvalues: d.hessian.eigenvalues ?? d.hessian.top,
    hessian: d.hessian,
    gaussNewton: d.gaussNewton,
    residual: d.residual,
    traces: d.traces,
    gaussNewtonPsd: d.gaussNewtonPsd,
    gaussNewtonRank: d.gaussNewton.rank !== undefined ? { rank: d.gaussNewton.rank, bound: gaussNewtonRankBound(m), formula: m.loss === 'cross-entropy' ? 'N(k − 1)' : 'N·k', holds: d.gaussNewton.rank <= gaussNewtonRankBound(m) } : null,
    negativeCurvature: d.negativeCurvature,
    operatorProducts: d.applications,
  };
}

const f = (v: number | null | undefined, p = 6) => (v === null || v === undefined ? '—' : v.toPrecision(p));

export function decompositionLines(m: CurvatureModel, d: Decomposition, backend: string): string[] {
  const term = (name: string, t: TermSummary) =>
    `${name.padEnd(13)} λ_max ${f(t.lambdaMax).padStart(13)}  λ_min ${f(t.lambdaMin).padStart(13)}  trace ${f(t.trace, 8)}${t.traceStandardError !== null ? ` ± ${f(t.traceStandardError, 2)}` : ''}${t.rank !== undefined ? `  rank ${t.rank}` : ''}`;
  const nc = d.negativeCurvature;
  const bd = nc.bottomDirection;
  const lines = [
    `route: ${d.route === 'dense' ? 'dense (every eigenvalue, exact traces)' : `matrix-free (Lanczos ends, Hutchinson traces; ${d.applications} operator products)`}; linear algebra: ${backend}`,
    term('H', d.hessian),
    term('Gauss–Newton', d.gaussNewton),
    term('residual R', d.residual),
    `tr H = ${f(d.traces.hessian, 10)}, tr GN + tr R = ${f(d.traces.gaussNewtonPlusResidual, 10)} (relative difference ${d.traces.relativeDifference.toExponential(2)}${d.traces.maxProbeRelativeDifference !== undefined ? `; per probe ≤ ${d.traces.maxProbeRelativeDifference.toExponential(2)}` : ''})`,
    `Gauss–Newton PSD: λ_min = ${f(d.gaussNewtonPsd.lambdaMin)} ${d.gaussNewtonPsd.holds ? '≥' : '<'} −${d.gaussNewtonPsd.tolerance.toExponential(2)} (${d.gaussNewtonPsd.holds ? 'holds' : 'FAILS'})${d.gaussNewton.rank !== undefined ? `; rank ${d.gaussNewton.rank} ≤ ${m.loss === 'cross-entropy' ? 'N(k − 1)' : 'N·k'} = ${gaussNewtonRankBound(m)}` : ''}`,
    nc.present
      ? `negative curvature: λ_min(H) = ${f(nc.lambdaMinHessian)}; λ_min(R) = ${f(nc.lambdaMinResidual)} (${nc.residualReachesBelow ? 'reaches below, as Weyl requires' : 'does NOT reach below: inconsistent'}); along H's bottom eigenvector uᵀGNu = ${f(bd.gaussNewton)}, uᵀRu = ${f(bd.residual)}: the residual supplies ${bd.residualShare !== null ? `${(bd.residualShare * 100).toFixed(1)}%` : '—'} of it${nc.negativeMass ? `; negative mass of H ${f(nc.negativeMass.hessian)} = ${nc.negativeMass.coverage !== null ? (nc.negativeMass.coverage * 100).toFixed(1) : '—'}% of R's ${f(nc.negativeMass.residual)}` : ''}`
      : `no negative curvature beyond rounding: λ_min(H) = ${f(nc.lambdaMinHessian)} ≥ −${nc.tolerance.toExponential(2)}`,
  ];
  return lines;
}
