/**
 * `spectrum <config.json> [--json] [--backend portable|native|auto]`: the Hessian's
 * spectrum, rank (with its gap) and trace at the configuration's point, and the
 * predicted rank where the theory has one. Teacher–student configs take the routes of
 * src/spectrum/hessianSpectrum.ts; mlp configs (a trained model and its data) the dense
 * route of src/spectrum/denseCurvatureSpectrum.ts (./mlpSpectrum.ts).
 */
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { getBackend, type BackendName, BACKEND_NAMES } from '../../src/linalg/selectBackend.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { loadModel, modelHeader, modelLines, type LoadedModel } from '../loadModel.js';
import { mlpSpectrum } from './mlpSpectrum.js';
import { predictedLinearRank, isLinear } from '../../theory/linearNetwork.js';
import { predictedRank } from '../../theory/rankTable.js';
import type { ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';

export const spectrumCommand: CommandSpec = {
  name: 'spectrum',
  summary: "The Hessian's full spectrum, rank (with its gap) and trace at the configuration's point, with the predicted rank where the theory has one.",
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (family, P, N, loss, reduction, route, eigenvalues descending, rank, gap, trace, predictedRank)' }],
  options: [{ name: 'backend', value: 'name', description: 'float64 linear algebra: portable, native or auto (default auto: native when its addon loaded)' }],
  examples: ['npm run --silent cli -- spectrum examples/erf-small.json', 'npm run --silent cli -- spectrum examples/erf-small.json --json --backend portable', 'npm run --silent cli -- spectrum examples/own-network/config.json --json'],
  details: 'Dense route: refused past the memory budget (use top-eigenvalues or density for large P). Eigenvalues are listed in descending order. Works on every family: two-layer and deep-linear teacher–student configs, and "mlp" configs (a trained model with its data; README "Your own network").',
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`spectrum: expected one config file, got ${args.positional.length}; usage: spectrum <config.json> [--json] [--backend portable|native|auto]`);
  const backendName = (args.options.get('backend') ?? 'auto') as BackendName;
  if (!BACKEND_NAMES.includes(backendName)) throw new CliError(`spectrum: --backend must be one of ${BACKEND_NAMES.join(', ')}, got ${JSON.stringify(backendName)}`);
  const backend = getBackend(backendName);
  const loaded = loadModel(args.positional[0], backend);
  if (loaded.mlp) return mlpSpectrum(loaded, backend, args.flags.has('json'), io);
  return teacherStudentSpectrum(loaded, backend, args.flags.has('json'), io);
}

function teacherStudentSpectrum(loaded: LoadedModel, backend: LinalgBackend, json: boolean, io: CliIO): number {
  const problem = loaded.teacherStudent!;
  const spectrum = hessianSpectrum(problem, backend);
  const prediction = problem.atOptimum ? (isLinear(problem) && predictedRank(problem) === null ? predictedLinearRank(problem) : predictedRank(problem)) : null;
  const result = {
    ...modelHeader(loaded.curvature, spectrum.route, spectrum.backend),
    eigenvalues: Array.from(spectrum.eigenvalues).reverse(),
    rank: spectrum.rank.rank,
    gap: Number.isFinite(spectrum.rank.gap) ? spectrum.rank.gap : null,
    trace: spectrum.trace,
    ...(prediction ? { predictedRank: prediction.rank } : {}),
  };
  if (json) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const ev = spectrum.eigenvalues;
  const lines = [
    ...modelLines(loaded.curvature),
    `route: ${spectrum.route}; linear algebra: ${spectrum.backend}`,
    `rank ${spectrum.rank.rank}${prediction ? ` (predicted ${prediction.rank}: ${prediction.formula})` : ''}; gap σ_r/σ_r+1 = ${Number.isFinite(spectrum.rank.gap) ? spectrum.rank.gap.toExponential(3) : '∞ (nothing dropped)'}`,
    `trace ${spectrum.trace.toPrecision(10)}; λ_max ${ev[ev.length - 1].toPrecision(8)}; λ_min ${ev[0].toPrecision(8)}`,
    `eigenvalues (descending): ${Array.from(ev, (v) => v.toPrecision(6)).reverse().join(' ')}`,
  ];
  io.out(lines.join('\n'));
  return EXIT_OK;
}
