/**
 * `spectrum <config.json> [--json] [--backend portable|native|auto]`: the Hessian's
 * spectrum, rank (with its gap) and trace at the configuration's point, and the
 * predicted rank where the theory has one. Teacher–student configs take the routes of
 * src/spectrum/hessianSpectrum.ts, planned within the budgets before anything is built;
 * mlp configs (a trained model and its data) the dense route of
 * src/spectrum/denseCurvatureSpectrum.ts (./mlpSpectrum.ts).
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { problemShape } from '../../src/config/problemShape.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { predictedLinearRank, isLinear } from '../../theory/linearNetwork.js';
import { predictedRank } from '../../theory/rankTable.js';
import { valueOf, type ParsedArgs } from '../args.js';
import { backendKind, BACKEND_OPTION } from '../backendOption.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { commandProgress } from '../commandProgress.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { isMlpConfig, mlpModel, modelHeader, modelLines, teacherStudentModel } from '../loadModel.js';
import { assertFiniteResult, reportingOverflow } from '../overflow.js';
import { planSpectrum } from '../routePlan.js';
import type { RunContext } from '../runContext.js';
import { readConfigFile } from '../../src/formats/config/readConfigFile.js';
import { mlpSpectrum } from './mlpSpectrum.js';

export const spectrumCommand: CommandSpec = {
  name: 'spectrum',
  summary: "The Hessian's full spectrum, rank (with its gap) and trace at the configuration's point, with the predicted rank where the theory has one.",
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (family, P, N, loss, reduction, route, eigenvalues descending, rank, gap, trace, predictedRank)' }],
  options: [BACKEND_OPTION],
  examples: ['npm run --silent cli -- spectrum examples/erf-small.json', 'npm run --silent cli -- spectrum examples/erf-small.json --json --backend portable', 'npm run --silent cli -- spectrum examples/own-network/config.json --json'],
  details:
    'Dense route: for teacher–student configs its memory and time are estimated from the configuration before anything is built, and refused past the budgets (HC_MEMORY_BUDGET_MB, HC_TIME_BUDGET_S) with a route that fits (top-eigenvalues for large P) or the largest N that does; mlp configs are refused past the memory budget (use top-eigenvalues or density for large P). Eigenvalues are listed in descending order. An overflow of float64 names the inputs that caused it. Works on every family: two-layer and deep-linear teacher–student configs, and "mlp" configs (a trained model with its data; README "Your own network").',
  run,
};

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`spectrum: expected one config file, got ${args.positional.length}; usage: spectrum <config.json> [--json] [--backend portable|native|auto]`);
  const backend = getBackend(valueOf(args, BACKEND_OPTION));
  const path = args.positional[0];
  const file = readConfigFile(path, ctx.budget.bytes);
  const json = args.flags.has('json');
  if (isMlpConfig(file.config)) return mlpSpectrum(mlpModel(file, file.config), backend, json, io);
  const config = file.config;
  const plan = planSpectrum(path, problemShape(config), backendKind(backend), ctx.budget);
  const progress = commandProgress(io, { label: 'spectrum', estimatedSeconds: plan.seconds, json });
  progress.phase('building the problem');
  const problem = reportingOverflow('spectrum', path, config, () => buildProblem(config));
  progress.phase('forming the Hessian and its eigenvalues (dense)');
  const spectrum = reportingOverflow('spectrum', path, config, () => hessianSpectrum(problem, backend));
  progress.done();
  const loaded = teacherStudentModel(file, problem, backend);
  const prediction = problem.atOptimum ? (isLinear(problem) && predictedRank(problem) === null ? predictedLinearRank(problem) : predictedRank(problem)) : null;
  const result = {
    ...modelHeader(loaded.curvature, spectrum.route, spectrum.backend),
    eigenvalues: Array.from(spectrum.eigenvalues).reverse(),
    rank: spectrum.rank.rank,
    gap: Number.isFinite(spectrum.rank.gap) ? spectrum.rank.gap : null,
    trace: spectrum.trace,
    ...(prediction ? { predictedRank: prediction.rank } : {}),
  };
  reportingOverflow('spectrum', path, config, () => assertFiniteResult(result, 'the spectrum'));
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
