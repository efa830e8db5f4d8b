/**
 * `dynamics <config.json> --eta E --steps T --epsilon EPS [--seed S] [--json]`: gradient
 * descent with step η on the real loss from θ* + ε·δ (δ a unit direction drawn from --seed,
 * default 0), against the eigenbasis prediction ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} from the
 * spectrum of H(θ*) (theory.md §C4). Prints both curves on a logarithmic grid of steps, the
 * regime of η, and the late slope of log L per step, measured vs predicted.
 *
 * The measured late slope is taken over the second half of the trusted run (steps whose
 * loss is above 1e6 × the rounding floor of src/dynamics/roundingFloor.ts, and before any
 * divergence); the predicted one is the asymptotic 2 log|1 − ηλ| of the slowest mode.
 * A divergent run stops when L_t > 1e3·L₀ or anything is non-finite: later measured values
 * are null. JSON has no NaN or Infinity: a prediction beyond the float range is null, with
 * its log10 given beside it.
 *
 * Cost: T steps of O(N·P) each (~25 µs at P ≈ 20, N ≈ 30), plus an O(P³) eigendecomposition;
 * T is capped at MAX_STEPS so a typo cannot run for hours.
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import { displacedStart, seededUnitDirection } from '../../src/dynamics/direction.js';
import { NoCurvatureError, quadraticModelAtOptimum, type QuadraticModel } from '../../src/dynamics/eigenbasis.js';
import { DEFAULT_DIVERGENCE_FACTOR, gradientDescent } from '../../src/dynamics/gradientDescent.js';
import { secondHalfSlope, trustedEnd } from '../../src/dynamics/lateSlope.js';
import { logGrid } from '../../src/dynamics/logGrid.js';
import { dominanceStep, gradientDescentPrediction, logLossAt } from '../../src/dynamics/modeMixture.js';
import { classifyRegime } from '../../src/dynamics/regime.js';
import { lossRoundingFloor } from '../../src/dynamics/roundingFloor.js';
import { MAX_SEED } from '../../src/rng/rng.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { readConfigFile } from '../../src/formats/config/readConfigFile.js';

const usage = 'dynamics <config.json> --eta E --steps T --epsilon EPS [--seed S] [--json]';

export const dynamicsCommand: CommandSpec = {
  name: 'dynamics',
  summary: 'Gradient descent with step η on the real loss from θ* + ε·δ against the eigenbasis prediction ½ Σ λ_i c_i² (1 − ηλ_i)^{2t}; the late slope of log L measured and predicted.',
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (curve, lateSlope, regime, λ_min⁺, λ_max, …)' }],
  options: [
    { name: 'eta', value: 'E', description: 'step size η > 0 (required)' },
    { name: 'steps', value: 'T', description: `number of steps, 1 ≤ T ≤ ${1_000_000} (required)` },
    { name: 'epsilon', value: 'EPS', description: 'distance ε of the start from θ* (required; the prediction is first order in ε)' },
    { name: 'seed', value: 'S', description: 'seed of the unit direction δ (default 0)' },
  ],
  examples: ['npm run --silent cli -- dynamics examples/erf-small.json --eta 0.1 --steps 2000 --epsilon 1e-3'],
  run,
};

/** Largest --steps: 1e6 steps are ~25 s at P ≈ 20 and 8 MB of curve. */
export const MAX_STEPS = 1_000_000;
/** Points of the printed log grid. */
const GRID_POINTS = 40;
/** "The slowest mode dominates" when the rest of the predicted loss is ≤ 1e-3 of it. */
const DOMINANCE_TARGET = 1e-3;

export interface DynamicsReport {
  curve: { t: number; measured: number | null; predicted: number | null; log10Predicted: number | null }[];
  lateSlope: { measured: number | null; predicted: number; from: number | null; to: number | null };
  lambdaMinPositive: number;
  lambdaMax: number;
  regime: 'converging' | 'top-mode-slowest' | 'divergent';
  eta: number;
  epsilon: number;
  seed: number;
  steps: number;
  rank: number;
  P: number;
  diverged: boolean;
  divergedAt: number | null;
  /** Last step whose measured loss is above the trusted threshold. */
  trustedUntil: number;
  /** Predicted first step from which the slowest mode carries ≥ 99.9% of the loss (null: never). */
  slowestModeDominatesFrom: number | null;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const cmd = 'dynamics';
  if (args.positional.length !== 1) throw new CliError(`${cmd}: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const eta = numberOption(args, 'eta', cmd, (v) => v > 0, 'a finite number > 0 (the step size η)');
  const steps = numberOption(args, 'steps', cmd, (v) => Number.isInteger(v) && v >= 1 && v <= MAX_STEPS, `an integer in [1, ${MAX_STEPS}] (the number of steps; the cap bounds the run time)`);
  const epsilon = numberOption(args, 'epsilon', cmd, (v) => v > 0, 'a finite number > 0 (the distance ε of the start from θ*)');
  const seed = numberOption(args, 'seed', cmd, (v) => Number.isSafeInteger(v) && v >= 0 && v <= MAX_SEED, `an integer in [0, ${MAX_SEED}] (the seed of the direction δ)`, 0);

  const file = readConfigFile(args.positional[0]);
  if (file.config.family === 'mlp') throw new CliError(`dynamics: ${file.path}: family "mlp" is not a teacher–student net; dynamics runs gradient descent from a teacher's optimum (two-layer or deep-linear configs); for a trained model use spectrum, top-eigenvalues, density, decompose or check`);
  const problem = buildProblem(file.config);
  if (!problem.atOptimum) {
    throw new CliError(`${cmd}: the config places the student away from the teacher ("student" or "studentOffset"); remove it — runs start at θ* + ε·δ`);
  }
  let model: QuadraticModel;
  try {
    model = quadraticModelAtOptimum(problem);
  } catch (e) {
    if (e instanceof NoCurvatureError) throw new CliError(`${cmd}: H(θ*) is numerically zero (rank 0), so there is nothing to predict; use a teacher with nonzero weights`);
    throw e;
  }
  const report = computeReport(problem, model, eta, steps, epsilon, seed);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(report));
    return EXIT_OK;
  }
  io.out(renderText(report, problem.family, problem.activation?.label ?? null));
  return EXIT_OK;
}

function computeReport(problem: ReturnType<typeof buildProblem>, model: QuadraticModel, eta: number, steps: number, epsilon: number, seed: number): DynamicsReport {
  const regime = classifyRegime(model.lambdaMinPositive, model.lambdaMax, eta);
  const delta = seededUnitDirection(model.P, seed);
  const mix = gradientDescentPrediction(model, delta.map((v) => v * epsilon), eta);
  const run = gradientDescent(problem, displacedStart(problem.teacher, epsilon, delta), { eta, steps });
  const floor = lossRoundingFloor({ P: model.P, lambdaMax: model.lambdaMax, lambdaMinPositive: model.lambdaMinPositive, eta, thetaStar: problem.teacher, targets: problem.targets });
  const end = trustedEnd(run.losses, floor);
  const slope = secondHalfSlope(run.losses, end);
  const curve = logGrid(steps, GRID_POINTS).map((t) => {
    const logPred = logLossAt(mix, t);
    return {
      t,
      measured: t <= run.stepsRun ? run.losses[t] : null,
      predicted: finiteOrNull(Math.exp(logPred)),
      log10Predicted: finiteOrNull(logPred / Math.LN10),
    };
  });
  const dominance = regime.regime === 'divergent' ? null : finiteOrNull(dominanceStep(mix, DOMINANCE_TARGET));
  return {
    curve,
    lateSlope: { measured: slope ? slope.slope : null, predicted: regime.asymptoticLogRate, from: slope ? slope.from : null, to: slope ? slope.to : null },
    lambdaMinPositive: model.lambdaMinPositive,
    lambdaMax: model.lambdaMax,
    regime: regime.regime,
    eta,
    epsilon,
    seed,
    steps,
    rank: model.rank,
    P: model.P,
    diverged: run.diverged,
    divergedAt: run.divergedAt,
    trustedUntil: end,
    slowestModeDominatesFrom: dominance,
  };
}

const fmt = (x: number | null) => (x === null ? '—' : x.toExponential(4));

function renderText(r: DynamicsReport, family: string, activation: string | null): string {
  const lines = [
    `family ${family}${activation ? `, activation ${activation}` : ''}; P = ${r.P}, rank ${r.rank} (${r.P - r.rank} flat); λ_min⁺ = ${r.lambdaMinPositive.toPrecision(6)}, λ_max = ${r.lambdaMax.toPrecision(6)}, κ = ${(r.lambdaMax / r.lambdaMinPositive).toPrecision(4)}`,
    `η = ${r.eta}: ${r.regime} (2/(λ_min⁺+λ_max) = ${(2 / (r.lambdaMinPositive + r.lambdaMax)).toPrecision(6)}, 2/λ_max = ${(2 / r.lambdaMax).toPrecision(6)}); start θ* + ε·δ, ε = ${r.epsilon}, δ from seed ${r.seed}; ${r.steps} steps`,
    '',
    `${'t'.padStart(9)}  ${'measured L_t'.padStart(12)}  ${'predicted L_t'.padStart(13)}`,
    ...r.curve.map((p) => `${String(p.t).padStart(9)}  ${fmt(p.measured).padStart(12)}  ${(p.predicted === null ? `1e${p.log10Predicted?.toFixed(1) ?? '-∞'}` : fmt(p.predicted)).padStart(13)}`),
    '',
    r.lateSlope.measured === null
      ? `late slope of log L per step: predicted ${r.lateSlope.predicted.toPrecision(6)}; not measured (fewer than 3 trusted steps)`
      : `late slope of log L per step (steps ${r.lateSlope.from}–${r.lateSlope.to}): measured ${r.lateSlope.measured.toPrecision(6)}, predicted ${r.lateSlope.predicted.toPrecision(6)} (relative difference ${(Math.abs(r.lateSlope.measured - r.lateSlope.predicted) / Math.abs(r.lateSlope.predicted)).toExponential(2)})`,
  ];
  if (r.slowestModeDominatesFrom !== null && r.slowestModeDominatesFrom > r.steps / 2) {
    lines.push(`note: the slowest mode dominates only from step ${r.slowestModeDominatesFrom} (predicted); run longer for the asymptotic slope`);
  }
  if (r.trustedUntil < r.steps && !r.diverged) lines.push(`note: losses after step ${r.trustedUntil} are within 1e6 × the float64 rounding floor and were not used for the slope`);
  if (r.diverged) lines.push(`diverged at step ${r.divergedAt}: the loss exceeded ${DEFAULT_DIVERGENCE_FACTOR} × L_0 or became non-finite; later values omitted`);
  return lines.join('\n');
}
