/**
 * `density <config.json> [--json] [--svg out.svg] [--probes N] [--steps M] [--sigma S]
 *  [--seed S] [--backend …]`: the Hessian's spectral density by stochastic Lanczos quadrature
 * on the exact matrix-free H·v (src/spectrum/spectralDensity.ts), for every family. The JSON
 * holds the discrete SLQ measure ("nodes": Ritz values descending, "weights": summing to 1),
 * the smoothed curve ("grid", "density") with σ and the Wasserstein-1 error bound, and the
 * converged Ritz values as "eigenvalues"; --svg writes the log-density plot (PyHessian's view).
 */
import { writeFileSync } from 'node:fs';
import { getBackend, BACKEND_NAMES, type BackendName } from '../../src/linalg/selectBackend.js';
import { renderSvg } from '../../src/report/figures/render.js';
import { spectralDensityPlot } from '../../src/report/figures/spectralDensityPlot.js';
import { defaultProbes, spectralDensity, type DensityResult } from '../../src/spectrum/spectralDensity.js';
import { MIN_SIGMA, SLQ_DEFAULTS } from '../../src/spectrum/slqDensity.js';
import type { CurvatureModel } from '../../src/spectrum/curvatureModel.js';
import { assertWithinBudget, curvatureMatrixFreeCost } from '../../src/config/routeCost.js';
import { numberOption, type ParsedArgs } from '../args.js';
import type { RunContext } from '../runContext.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { loadModel, modelHeader, modelLines, progressFor } from '../loadModel.js';

const usage = 'density <config.json> [--json] [--svg out.svg] [--probes N] [--steps M] [--sigma S] [--seed S] [--backend portable|native|auto]';
const MAX_STEPS = 2000;
const MAX_PROBES = 1000;

export const densityCommand: CommandSpec = {
  name: 'density',
  summary: "The Hessian's spectral density by stochastic Lanczos quadrature on exact Hessian-vector products, with its Wasserstein-1 error bound; optionally a log-density plot.",
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (family, P, N, loss, reduction, route, nodes and weights, grid and density, sigma, bounds, eigenvalues descending)' }],
  options: [
    { name: 'svg', value: 'file', description: 'write the log-density plot as a standalone SVG file' },
    { name: 'probes', value: 'N', description: `random probe vectors (default: enough for the sampling error not to exceed the quadrature error, at most ${SLQ_DEFAULTS.probes})` },
    { name: 'steps', value: 'M', description: `Lanczos steps per probe (default ${SLQ_DEFAULTS.steps}, at most P)` },
    { name: 'sigma', value: 'S', description: 'Gaussian smoothing standard deviation of the curve (default 1% of the Ritz range)' },
    { name: 'seed', value: 'S', description: 'seed of the probe vectors (default 0)' },
    { name: 'backend', value: 'name', description: 'portable, native or auto (default auto)' },
  ],
  examples: ['npm run --silent cli -- density examples/own-network/config.json --svg density.svg', 'npm run --silent cli -- density examples/erf-small.json --json --probes 4 --steps 15'],
  details:
    'Every family (two-layer, deep-linear, mlp). Cost: probes × steps Hessian-vector products (each about 3 gradients for an MLP) plus the reorthogonalisation; memory (steps + 1)·P doubles. Error bound on W₁(true spectrum, SLQ measure): π(b − a)/(4·steps) + 10·(b − a)/√(2·probes·(P + 2)) (probability ≥ 99%); the smoothed curve adds σ·√(2/π). The "eigenvalues" are the first probe\'s Ritz values with residual ≤ 1e-8·‖H‖ (the extremes converge first).',
  run,
};

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`density: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const cmd = 'density';
  const steps = numberOption(args, 'steps', cmd, (v) => Number.isInteger(v) && v >= 2 && v <= MAX_STEPS, `an integer in [2, ${MAX_STEPS}]`, SLQ_DEFAULTS.steps);
  const probesRaw = args.options.has('probes') ? numberOption(args, 'probes', cmd, (v) => Number.isInteger(v) && v >= 1 && v <= MAX_PROBES, `an integer in [1, ${MAX_PROBES}]`) : undefined;
  const sigma = args.options.has('sigma') ? numberOption(args, 'sigma', cmd, (v) => v >= MIN_SIGMA, `a number ≥ ${MIN_SIGMA} (a standard deviation, in eigenvalue units)`) : null;
  const seed = numberOption(args, 'seed', cmd, (v) => Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1, 'an integer in [0, 2^32 − 1]', 0);
  const backendName = (args.options.get('backend') ?? 'auto') as BackendName;
  if (!BACKEND_NAMES.includes(backendName)) throw new CliError(`density: --backend must be one of ${BACKEND_NAMES.join(', ')}, got ${JSON.stringify(backendName)}`);
  const svgPath = args.options.get('svg');
  if (svgPath !== undefined && svgPath.trim() === '') throw new CliError('density: --svg needs a file name');
  const backend = getBackend(backendName);
  const loaded = loadModel(args.positional[0], backend, ctx.budget);
  const m = loaded.curvature;
  const used = Math.min(steps, m.P);
  const probes = probesRaw ?? defaultProbes(m.P, used);
  assertWithinBudget(curvatureMatrixFreeCost(m.family, m.P, m.N, probes * used, used), ctx.budget, 'probes, steps', `density with P = ${m.P}, N = ${m.N}, ${probes} probe(s) × ${used} steps`, 'lower --probes or --steps');
  const progress = progressFor(io);
  progress.phase('density: stochastic Lanczos quadrature', probes * used);
  const started = Date.now();
  const d = spectralDensity(m.hessianOperator(), { probes, steps: used, sigma, seed, backend, operatorCacheBytes: m.operatorCacheBytes, onApply: () => progress.tick() });
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  if (svgPath !== undefined) writeFileSync(svgPath, `${await densitySvg(m, d)}\n`);
  const result = {
    ...modelHeader(m, 'stochastic-lanczos-quadrature', backend.name),
    probes: d.probes,
    steps: d.steps,
    seed: d.seed,
    sigma: d.sigma,
    range: d.range,
    bounds: d.bounds,
    eigenvalues: d.eigenvalues,
    eigenvalueResiduals: d.eigenvalueResiduals,
    nodes: d.nodes,
    weights: d.weights,
    grid: d.grid,
    density: d.density,
    hessianVectorProducts: d.applications,
    seconds,
    ...(svgPath !== undefined ? { svg: svgPath } : {}),
  };
  if (args.flags.has('json')) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const wsum = d.weights.reduce((s, w) => s + w, 0);
  io.out(
    [
      ...modelLines(m),
      `route: stochastic Lanczos quadrature on the exact Hessian-vector product; ${d.probes} probe(s) × ${d.steps} steps = ${d.applications} H·v products in ${seconds.toFixed(1)} s`,
      `Ritz range [${d.range[0].toPrecision(6)}, ${d.range[1].toPrecision(6)}]; ${d.nodes.length} nodes, weights sum to ${wsum.toFixed(12)}; smoothing σ = ${d.sigma.toPrecision(3)}`,
      `W₁ error bound: ${d.bounds.total.toPrecision(3)} (quadrature ${d.bounds.quadrature.toPrecision(3)} + sampling ${d.bounds.sampling.toPrecision(3)} at ${(d.bounds.confidence * 100).toFixed(0)}%); smoothed curve ${d.bounds.smoothedTotal.toPrecision(3)}`,
      `converged eigenvalues (descending): ${d.eigenvalues.length ? d.eigenvalues.map((v) => v.toPrecision(8)).join(' ') : 'none yet (raise --steps)'}`,
      ...(svgPath !== undefined ? [`wrote ${svgPath}`] : []),
    ].join('\n'),
  );
  return EXIT_OK;
}

/** The log-density plot of a density result (also used by `check`'s page). */
export async function densitySvg(m: CurvatureModel, d: DensityResult, embedTitle = true): Promise<string> {
  return renderSvg(densityFigure(m, d, embedTitle));
}

/** Eigenvalues worth marking on the plot: the largest few converged Ritz values and a negative smallest one. */
export function densityMarks(d: DensityResult, top = 8): number[] {
  const marks = d.eigenvalues.slice(0, top);
  const last = d.eigenvalues[d.eigenvalues.length - 1];
  if (last !== undefined && last < 0 && !marks.includes(last)) marks.push(last);
  return marks;
}

export function densityFigure(m: CurvatureModel, d: DensityResult, embedTitle: boolean) {
  return spectralDensityPlot(d.grid, d.density, {
    embedTitle,
    id: 'density',
    title: `Hessian spectral density (${m.family === 'mlp' ? m.architecture.split(',')[0] : m.family}, P = ${m.P})`,
    sigma: d.sigma,
    bound: d.bounds.smoothedTotal,
    marks: densityMarks(d),
    note: `P = ${m.P}, N = ${m.N}, ${m.loss} (${m.reduction}); ${d.probes} probe(s) × ${d.steps} Lanczos steps.`,
  });
}
