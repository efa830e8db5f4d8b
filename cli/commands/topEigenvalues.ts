/**
 * `top-eigenvalues <config.json> --k K [--json] [--backend portable|native|auto]
 *  [--tolerance T] [--max-iterations M]`: the K largest eigenvalues of H at the
 * configuration's point, without a P×P matrix.
 *
 * Route: at the optimum of a two-layer network, the structured kernel
 * (src/spectrum/kernelSpectrum.ts: every nonzero eigenvalue, exact to rounding); anywhere
 * else, Lanczos with full reorthogonalisation on the exact matrix-free Hessian
 * (src/linalg/lanczos.ts, src/hessian/matrixFreeHvp.ts), with residuals and a converged flag.
 * The output says which route ran. Lanczos that does not converge within the cap is reported
 * (converged: false, with its residuals), not hidden. mlp configurations (a trained model and
 * its data) always take the matrix-free route: ./mlpTopEigenvalues.ts.
 */
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import { MATRIX_FREE_HINT, assertFits, lanczosBytes } from '../../src/config/memoryBudget.js';
import { problemShape } from '../../src/config/problemShape.js';
import { hessianOperator } from '../../src/hessian/matrixFreeHvp.js';
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { LANCZOS_DEFAULTS, lanczosEigenvalues } from '../../src/linalg/lanczos.js';
import { assertFiniteArray } from '../../src/linalg/nonFinite.js';
import type { SymmetricOperator } from '../../src/linalg/operator.js';
import { backendNote, describeBackend, getBackend } from '../../src/linalg/selectBackend.js';
import { kernelTopEigenvalues } from '../../src/spectrum/kernelSpectrum.js';
import { requiredValue, valueOf, type ParsedArgs } from '../args.js';
import { backendKind, BACKEND_OPTION } from '../backendOption.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { commandProgress } from '../commandProgress.js';
import { option, type CommandSpec } from '../commandSpec.js';
import { int, number } from '../flagTypes.js';
import type { CliIO } from '../io.js';
import { assertFiniteResult, reportingOverflow } from '../overflow.js';
import { planTopEigenvalues } from '../routePlan.js';
import type { RunContext } from '../runContext.js';
import { readConfigFile } from '../../src/formats/config/readConfigFile.js';
import { isMlpConfig, mlpModel, modelHeader, modelLines, progressFor, teacherStudentModel } from '../loadModel.js';
import { mlpTopEigenvalues } from './mlpTopEigenvalues.js';

const usage = 'top-eigenvalues <config.json> --k K [--json] [--backend portable|native|auto] [--tolerance T] [--max-iterations M]';

/** Largest --k and --max-iterations accepted by the flags (the budget and P bind first in practice). */
const MAX_COUNT = 1_000_000;

const K = option({ name: 'k', value: 'K', description: 'how many eigenvalues (at most P)', type: int({ min: 1, max: MAX_COUNT }), required: true });
const TOLERANCE = option({ name: 'tolerance', value: 'T', description: 'Lanczos residual target relative to ‖H‖', type: number({ gt: 0, lt: 1 }), default: LANCZOS_DEFAULTS.tolerance });
const MAX_ITERATIONS = option({ name: 'max-iterations', value: 'M', description: `Lanczos iteration cap (default max(${LANCZOS_DEFAULTS.minIterationCap}, 10·K), at most P)`, type: int({ min: 1, max: MAX_COUNT }) });

export const topEigenvaluesCommand: CommandSpec = {
  name: 'top-eigenvalues',
  summary: 'The K largest eigenvalues of the Hessian without forming it: the structured kernel at the optimum, matrix-free Lanczos on exact Hessian-vector products elsewhere.',
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (family, P, N, loss, reduction, k, route, eigenvalues descending, residuals, iterations, converged)' }],
  options: [K, BACKEND_OPTION, TOLERANCE, MAX_ITERATIONS],
  examples: ['npm run --silent cli -- top-eigenvalues examples/erf-small.json --k 5', 'npm run --silent cli -- top-eigenvalues examples/erf-small.json --k 5 --json', 'npm run --silent cli -- top-eigenvalues examples/own-network/config.json --k 10 --json'],
  details:
    'The route is chosen from the configuration before anything is built: the structured kernel when it fits the budgets (HC_MEMORY_BUDGET_MB, HC_TIME_BUDGET_S), matrix-free Lanczos otherwise; when neither fits, the message names an --max-iterations or N that does. Lanczos that does not converge is reported as a warning. On a terminal a progress line counts the H·v products of long runs. Every family: two-layer and deep-linear teacher–student configs, and "mlp" configs (a trained model with its data; README "Your own network"), which run Lanczos on the exact H·v of the MLP engine (one R-operator pass per product, about 3× a gradient; any P whose Lanczos basis of up to --max-iterations vectors fits the memory budget).',
  run,
};

export type TopRoute = 'structured-kernel' | 'matrix-free-lanczos';

export interface TopEigenvaluesResult {
  readonly P: number;
  readonly N: number;
  readonly k: number;
  readonly atOptimum: boolean;
  readonly route: TopRoute;
  readonly backend: string;
  /** The k largest eigenvalues of H, descending. */
  readonly eigenvalues: number[];
  /** Lanczos only: explicit residual norms ‖H y − θ y‖ (rigorous error bounds), iterations, converged. */
  readonly residuals?: number[];
  readonly iterations?: number;
  readonly converged?: boolean;
  readonly tolerance?: number;
  /** Why 'auto' fell back to the portable backend, when it did. */
  readonly backendNote?: string;
  /** Where the result should not be trusted as it stands (Lanczos not converged). */
  readonly warnings: string[];
}

export interface TopEigenvaluesExtra {
  /** The route to take (default: the structured kernel at θ* of a two-layer net, Lanczos elsewhere). */
  readonly route?: TopRoute;
  /** Called after every Hessian-vector product (progress). */
  readonly onProduct?: () => void;
}

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  const cmd = 'top-eigenvalues';
  if (args.positional.length !== 1) throw new CliError(`${cmd}: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const k = requiredValue(args, K, cmd);
  const tolerance = requiredValue(args, TOLERANCE, cmd);
  const maxRaw = valueOf(args, MAX_ITERATIONS);
  const backendName = requiredValue(args, BACKEND_OPTION, cmd);
  const backend = getBackend(backendName);
  const path = args.positional[0];
  const file = readConfigFile(path, ctx.budget.bytes);
  if (isMlpConfig(file.config)) {
    const loaded = mlpModel(file, file.config);
    const P = loaded.curvature.P;
    if (k > P) throw new CliError(`${cmd}: --k ${k} exceeds the number of parameters P = ${P}; give --k ≤ ${P}`);
    if (maxRaw !== undefined && maxRaw < k) throw new CliError(`${cmd}: --max-iterations ${maxRaw} is below --k ${k}; give at least ${k}`);
    return mlpTopEigenvalues(loaded, { k, tolerance, maxIterations: maxRaw, backend, note: backendNote(backendName), json: args.flags.has('json') }, io, progressFor(io));
  }
  const config = file.config;
  const shape = problemShape(config);
  const P = shape.P;
  if (k > P) throw new CliError(`${cmd}: --k ${k} exceeds the number of parameters P = ${P}; give --k ≤ ${P}`);
  if (maxRaw !== undefined && maxRaw < k) throw new CliError(`${cmd}: --max-iterations ${maxRaw} is below --k ${k}; give at least ${k}`);
  const plan = planTopEigenvalues(path, shape, k, maxRaw, backendKind(backend), ctx.budget);
  const note = backendNote(backendName);
  const progress = commandProgress(io, { label: cmd, estimatedSeconds: plan.cost.seconds, json: args.flags.has('json') });
  progress.phase('building the problem');
  const problem = reportingOverflow(cmd, path, config, () => buildProblem(config));
  progress.phase(plan.route === 'structured-kernel' ? 'structured kernel eigenvalues' : 'Lanczos H·v products', plan.route === 'structured-kernel' ? undefined : plan.cap + k);
  const result = reportingOverflow(cmd, path, config, () => topEigenvalues(problem, k, backend, tolerance, maxRaw, note, { route: plan.route, onProduct: () => progress.tick() }));
  progress.done();
  reportingOverflow(cmd, path, config, () => assertFiniteResult(result, 'the eigenvalues'));
  const curvature = teacherStudentModel(file, problem, backend).curvature;
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ ...modelHeader(curvature, result.route, backend.name), ...result }));
    return EXIT_OK;
  }
  const lines = [
    ...modelLines(curvature),
    `route: ${result.route === 'structured-kernel' ? 'structured kernel K = JJᵀ/N (two-layer factorisation, N×N; exact to rounding)' : 'matrix-free Lanczos on the exact Hessian-vector product (full reorthogonalisation)'}; linear algebra: ${describeBackend(backend)}${note ? ` — ${note}` : ''}`,
    `top ${k} eigenvalues (descending): ${result.eigenvalues.map((v) => v.toPrecision(10)).join(' ')}`,
  ];
  if (result.route === 'matrix-free-lanczos') {
    const worst = Math.max(...(result.residuals ?? [0]));
    lines.push(`lanczos: ${result.iterations} iterations, ${result.converged ? 'converged' : 'NOT converged (raise --max-iterations)'}; max residual ‖Hy − θy‖ = ${worst.toExponential(2)} (each eigenvalue is within its residual of a true one; target ${tolerance}·‖H‖)`);
  }
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  io.out(lines.join('\n'));
  return EXIT_OK;
}

/** The computation behind the command (exported for tests and the bench). */
export function topEigenvalues(
  problem: TeacherStudentProblem,
  k: number,
  backend: LinalgBackend,
  tolerance: number = LANCZOS_DEFAULTS.tolerance,
  maxIterations?: number,
  note: string | null = null,
  extra: TopEigenvaluesExtra = {},
): TopEigenvaluesResult {
  const P = problem.model.P;
  const base = { P, N: problem.N, k, atOptimum: problem.atOptimum, backend: backend.name, ...(note ? { backendNote: note } : {}) };
  const kernelApplies = problem.atOptimum && problem.family === 'two-layer';
  if ((extra.route ?? (kernelApplies ? 'structured-kernel' : 'matrix-free-lanczos')) === 'structured-kernel') {
    if (!kernelApplies) throw new Error('topEigenvalues: the structured kernel needs a two-layer problem at θ*');
    // The k largest of K (Lanczos to the dense solver's rounding level, or dense), zeros appended past rank.
    const eigenvalues = Array.from(kernelTopEigenvalues(problem, k, backend).eigenvalues);
    assertFiniteArray(eigenvalues, 'the kernel eigenvalues');
    return { ...base, route: 'structured-kernel', eigenvalues, warnings: [] };
  }
  const cap = Math.min(P, maxIterations ?? Math.max(LANCZOS_DEFAULTS.minIterationCap, 10 * k));
  const cache = problem.family === 'two-layer' && problem.Nh !== null ? 8 * 4 * problem.N * problem.Nh : problem.atOptimum ? 0 : 8 * P * P;
  assertFits(lanczosBytes(P, cap, cache), `matrix-free Lanczos with P = ${P} and up to ${cap} iterations`, 'max-iterations', `lower --max-iterations or --k (${MATRIX_FREE_HINT.replace(/^use /, 'see ')})`);
  const exact = hessianOperator(problem, backend);
  // Every product is checked: an overflow stops the run as a NonFiniteError naming H·v (cli/overflow.ts names the inputs).
  const op: SymmetricOperator = {
    size: exact.size,
    apply(v) {
      const hv = exact.apply(v);
      assertFiniteArray(hv, 'the Hessian-vector product H·v');
      extra.onProduct?.();
      return hv;
    },
  };
  const lz = lanczosEigenvalues(op, { k, which: 'largest', tolerance, maxIterations: cap, backend });
  const worst = Math.max(...lz.residuals);
  const warnings = lz.converged
    ? []
    : [`Lanczos did not converge in ${lz.iterations} iterations: the largest residual ‖Hy − θy‖ = ${worst.toExponential(2)} is above the target ${tolerance}·‖H‖ ≈ ${(tolerance * lz.normEstimate).toExponential(2)}, so an eigenvalue may be off by up to its residual; raise --max-iterations (cap ${cap}${cap === P ? ' = P, the most there is' : ''}) or the --tolerance`];
  return {
    ...base,
    route: 'matrix-free-lanczos',
    eigenvalues: Array.from(lz.values),
    residuals: Array.from(lz.residuals),
    iterations: lz.iterations,
    converged: lz.converged,
    tolerance,
    warnings,
  };
}
