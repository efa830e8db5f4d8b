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
import type { TeacherStudentProblem } from '../../src/config/buildProblem.js';
import { MATRIX_FREE_HINT, assertFits, lanczosBytes } from '../../src/config/memoryBudget.js';
import { hessianOperator } from '../../src/hessian/matrixFreeHvp.js';
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { LANCZOS_DEFAULTS, lanczosEigenvalues } from '../../src/linalg/lanczos.js';
import { BACKEND_NAMES, backendNote, describeBackend, getBackend, type BackendName } from '../../src/linalg/selectBackend.js';
import { kernelTopEigenvalues } from '../../src/spectrum/kernelSpectrum.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { loadModel, modelHeader, modelLines, progressFor } from '../loadModel.js';
import { mlpTopEigenvalues } from './mlpTopEigenvalues.js';

const usage = 'top-eigenvalues <config.json> --k K [--json] [--backend portable|native|auto] [--tolerance T] [--max-iterations M]';

export const topEigenvaluesCommand: CommandSpec = {
  name: 'top-eigenvalues',
  summary: 'The K largest eigenvalues of the Hessian without forming it: the structured kernel at the optimum, matrix-free Lanczos on exact Hessian-vector products elsewhere.',
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (family, P, N, loss, reduction, k, route, eigenvalues descending, residuals, iterations, converged)' }],
  options: [
    { name: 'k', value: 'K', description: 'how many eigenvalues (required, 1 ≤ K ≤ P)' },
    { name: 'backend', value: 'name', description: 'portable, native or auto (default auto)' },
    { name: 'tolerance', value: 'T', description: 'Lanczos residual target relative to ‖H‖, in (0, 1) (default 1e-10)' },
    { name: 'max-iterations', value: 'M', description: 'Lanczos iteration cap (default max(…, 10·K), at most P)' },
  ],
  examples: ['npm run --silent cli -- top-eigenvalues examples/erf-small.json --k 5', 'npm run --silent cli -- top-eigenvalues examples/erf-small.json --k 5 --json', 'npm run --silent cli -- top-eigenvalues examples/own-network/config.json --k 10 --json'],
  details:
    'Every family: two-layer and deep-linear teacher–student configs, and "mlp" configs (a trained model with its data; README "Your own network"), which run Lanczos on the exact H·v of the MLP engine (one R-operator pass per product, about 3× a gradient; any P whose Lanczos basis of up to --max-iterations vectors fits the memory budget). On a terminal a progress line counts the H·v products.',
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
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`top-eigenvalues: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const k = numberOption(args, 'k', 'top-eigenvalues', (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1');
  const tolerance = numberOption(args, 'tolerance', 'top-eigenvalues', (v) => v > 0 && v < 1, 'a number in (0, 1)', LANCZOS_DEFAULTS.tolerance);
  const maxRaw = args.options.has('max-iterations')
    ? numberOption(args, 'max-iterations', 'top-eigenvalues', (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1')
    : undefined;
  const backendName = (args.options.get('backend') ?? 'auto') as BackendName;
  if (!BACKEND_NAMES.includes(backendName)) throw new CliError(`top-eigenvalues: --backend must be one of ${BACKEND_NAMES.join(', ')}, got ${JSON.stringify(backendName)}`);
  const backend = getBackend(backendName);
  const loaded = loadModel(args.positional[0], backend);
  const P = loaded.curvature.P;
  if (k > P) throw new CliError(`top-eigenvalues: --k ${k} exceeds the number of parameters P = ${P}; give --k ≤ ${P}`);
  if (maxRaw !== undefined && maxRaw < k) throw new CliError(`top-eigenvalues: --max-iterations ${maxRaw} is below --k ${k}; give at least ${k}`);
  const note = backendNote(backendName);
  if (loaded.mlp) return mlpTopEigenvalues(loaded, { k, tolerance, maxIterations: maxRaw, backend, note, json: args.flags.has('json') }, io, progressFor(io));
  const problem = loaded.teacherStudent!;
  const result = { ...modelHeader(loaded.curvature, '', backend.name), ...topEigenvalues(problem, k, backend, tolerance, maxRaw, note) };
  if (args.flags.has('json')) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const lines = [
    ...modelLines(loaded.curvature),
    `route: ${result.route === 'structured-kernel' ? 'structured kernel K = JJᵀ/N (two-layer factorisation, N×N; exact to rounding)' : 'matrix-free Lanczos on the exact Hessian-vector product (full reorthogonalisation)'}; linear algebra: ${describeBackend(backend)}${note ? ` — ${note}` : ''}`,
    `top ${k} eigenvalues (descending): ${result.eigenvalues.map((v) => v.toPrecision(10)).join(' ')}`,
  ];
  if (result.route === 'matrix-free-lanczos') {
    const worst = Math.max(...(result.residuals ?? [0]));
    lines.push(`lanczos: ${result.iterations} iterations, ${result.converged ? 'converged' : 'NOT converged (raise --max-iterations)'}; max residual ‖Hy − θy‖ = ${worst.toExponential(2)} (each eigenvalue is within its residual of a true one; target ${tolerance}·‖H‖)`);
  }
  io.out(lines.join('\n'));
  return EXIT_OK;
}

/** The computation behind the command (exported for tests and the bench). */
export function topEigenvalues(problem: TeacherStudentProblem, k: number, backend: LinalgBackend, tolerance: number = LANCZOS_DEFAULTS.tolerance, maxIterations?: number, note: string | null = null): TopEigenvaluesResult {
  const P = problem.model.P;
  const base = { P, N: problem.N, k, atOptimum: problem.atOptimum, backend: backend.name, ...(note ? { backendNote: note } : {}) };
  if (problem.atOptimum && problem.family === 'two-layer') {
    // The k largest of K (Lanczos to the dense solver's rounding level, or dense), zeros appended past rank.
    return { ...base, route: 'structured-kernel', eigenvalues: Array.from(kernelTopEigenvalues(problem, k, backend).eigenvalues) };
  }
  const cap = Math.min(P, maxIterations ?? Math.max(LANCZOS_DEFAULTS.minIterationCap, 10 * k));
  const cache = problem.family === 'two-layer' && problem.Nh !== null ? 8 * 4 * problem.N * problem.Nh : problem.atOptimum ? 0 : 8 * P * P;
  assertFits(lanczosBytes(P, cap, cache), `matrix-free Lanczos with P = ${P} and up to ${cap} iterations`, 'max-iterations', `lower --max-iterations or --k (${MATRIX_FREE_HINT.replace(/^use /, 'see ')})`);
  const op = hessianOperator(problem, backend);
  const lz = lanczosEigenvalues(op, { k, which: 'largest', tolerance, maxIterations: cap, backend });
  return {
    ...base,
    route: 'matrix-free-lanczos',
    eigenvalues: Array.from(lz.values),
    residuals: Array.from(lz.residuals),
    iterations: lz.iterations,
    converged: lz.converged,
    tolerance,
  };
}
