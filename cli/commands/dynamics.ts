/**
 * `dynamics <config.json> --eta E --steps T --epsilon EPS [--seed S] [--json]`: gradient
 * descent with step η on the real loss from θ* + ε·δ (δ a unit direction drawn from --seed,
 * default 0), against the eigenbasis prediction ½ Σ λ_i c_i² (1 − ηλ_i)^{2t} from the
 * spectrum of H(θ*) (docs/theory.md#c4). Prints both curves on a logarithmic grid of steps, the
 * regime of η, and the late slope of log L per step, measured vs predicted.
 *
 * The measured late slope is taken over the second half of the trusted run (steps whose
 * loss is above 1e6 × the rounding floor of src/dynamics/roundingFloor.ts, and before any
 * divergence); the predicted one is the asymptotic 2 log|1 − ηλ| of the slowest mode.
 * A divergent run stops when L_t > 1e3·L₀ or anything is non-finite: later measured values
 * are null. JSON has no NaN or Infinity: a prediction beyond the float range is null, with
 * its log10 given beside it.
 *
 * Regime: the prediction is first order in ε. The output states, and warns past 10 %, the
 * cubic share of the start loss and the shift of the slowest mode's curvature at the run's end
 * (src/dynamics/quadraticRegime.ts derives both), and warns when ε is so small that the start
 * loss is within float64 rounding.
 *
 * Cost: T steps of O(N·P) each (~25 µs at P ≈ 20, N ≈ 30), plus an O(P³) eigendecomposition;
 * T is capped at MAX_STEPS, and memory and time are estimated from the configuration before
 * anything is built (cli/routePlan.ts), so a typo cannot run for hours.
 */
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import { problemShape } from '../../src/config/problemShape.js';
import { displacedStart, seededUnitDirection } from '../../src/dynamics/direction.js';
import { NoCurvatureError, quadraticModelAtOptimum, type QuadraticModel } from '../../src/dynamics/eigenbasis.js';
import { DEFAULT_DIVERGENCE_FACTOR, gradientDescent } from '../../src/dynamics/gradientDescent.js';
import { secondHalfSlope, trustedEnd } from '../../src/dynamics/lateSlope.js';
import { logGrid } from '../../src/dynamics/logGrid.js';
import { dominanceStep, gradientDescentPrediction, logLossAt } from '../../src/dynamics/modeMixture.js';
import { classifyRegime } from '../../src/dynamics/regime.js';
import { lossAtPoint, QUADRATIC_REGIME_TOLERANCE, quadraticRegime, type QuadraticRegime } from '../../src/dynamics/quadraticRegime.js';
import { lossRoundingFloor, TRUST_FACTOR } from '../../src/dynamics/roundingFloor.js';
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { MAX_SEED } from '../../src/rng/rng.js';
import { requiredValue, type ParsedArgs } from '../args.js';
import { backendKind } from '../backendOption.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { commandProgress } from '../commandProgress.js';
import { option, type CommandSpec } from '../commandSpec.js';
import { int, positiveNumber } from '../flagTypes.js';
import type { CliIO } from '../io.js';
import { assertFiniteResult, reportingOverflow } from '../overflow.js';
import { planDynamics } from '../routePlan.js';
import type { RunContext } from '../runContext.js';
import { readConfigFile } from '../../src/formats/config/readConfigFile.js';

const usage = 'dynamics <config.json> --eta E --steps T --epsilon EPS [--seed S] [--json]';

/** Largest --steps: 1e6 steps are ~25 s at P ≈ 20 and 8 MB of curve. */
export const MAX_STEPS = 1_000_000;

const ETA = option({ name: 'eta', value: 'E', description: 'step size η', type: positiveNumber(), required: true });
const STEPS = option({ name: 'steps', value: 'T', description: 'number of steps (the cap bounds the run time)', type: int({ min: 1, max: MAX_STEPS }), required: true });
const EPSILON = option({ name: 'epsilon', value: 'EPS', description: 'distance ε of the start from θ* (the prediction is first order in ε)', type: positiveNumber(), required: true });
const SEED = option({ name: 'seed', value: 'S', description: 'seed of the unit direction δ', type: int({ min: 0, max: MAX_SEED }), default: 0 });

export const dynamicsCommand: CommandSpec = {
  name: 'dynamics',
  summary: 'Gradient descent with step η on the real loss from θ* + ε·δ against the eigenbasis prediction ½ Σ λ_i c_i² (1 − ηλ_i)^{2t}; the late slope of log L measured and predicted.',
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (curve, lateSlope, regime, λ_min⁺, λ_max, …)' }],
  options: [ETA, STEPS, EPSILON, SEED],
  examples: ['npm run --silent cli -- dynamics examples/erf-small.json --eta 0.1 --steps 2000 --epsilon 1e-3'],
  details: `The prediction is first order in ε: the output gives the cubic share of the start loss and the shift of the slowest mode's curvature at the run's end, and warns above ${100 * QUADRATIC_REGIME_TOLERANCE} % with an ε that is inside the regime.`,
  run,
};

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
  /** How far the run is from the quadratic regime (src/dynamics/quadraticRegime.ts). */
  quadraticRegime: QuadraticRegime;
  /** Where the comparison should not be read as a test of the theory. */
  warnings: string[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  const cmd = 'dynamics';
  if (args.positional.length !== 1) throw new CliError(`${cmd}: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const eta = requiredValue(args, ETA, cmd);
  const steps = requiredValue(args, STEPS, cmd);
  const epsilon = requiredValue(args, EPSILON, cmd);
  const seed = requiredValue(args, SEED, cmd);

  const path = args.positional[0];
  const file = readConfigFile(path, ctx.budget.bytes);
  if (file.config.family === 'mlp') throw new CliError(`dynamics: ${path}: family "mlp" is not a teacher–student net; dynamics runs gradient descent from a teacher's optimum (two-layer or deep-linear configs); for a trained model use spectrum, top-eigenvalues, density, decompose or check`);
  const config = file.config;
  const shape = problemShape(config);
  if (!shape.atOptimum) {
    throw new CliError(`${cmd}: ${path}: the config places the student away from the teacher ("student" or "studentOffset"); remove it — runs start at θ* + ε·δ`);
  }
  const backend = getBackend();
  const plan = planDynamics(path, shape, steps, backendKind(backend), ctx.budget);
  const progress = commandProgress(io, { label: cmd, estimatedSeconds: plan.seconds, json: args.flags.has('json') });
  progress.phase('building the problem');
  const problem = reportingOverflow(cmd, path, config, () => buildProblem(config));
  progress.phase('the quadratic model at θ* (dense eigendecomposition)');
  let model: QuadraticModel;
  try {
    model = reportingOverflow(cmd, path, config, () => quadraticModelAtOptimum(problem, backend));
  } catch (e) {
    if (e instanceof NoCurvatureError) throw new CliError(`${cmd}: ${path}: H(θ*) is numerically zero (rank 0, or every eigenvalue underflows to 0 in float64), so there is nothing to predict; use a teacher with nonzero weights of ordinary size`);
    throw e;
  }
  const report = reportingOverflow(cmd, path, config, () => computeReport(problem, model, eta, steps, epsilon, seed, backend, progress));
  progress.done();
  reportingOverflow(cmd, path, config, () => assertFiniteResult(report, 'the dynamics report'));
  if (args.flags.has('json')) {
    io.out(JSON.stringify(report));
    return EXIT_OK;
  }
  io.out(renderText(report, problem.family, problem.activation?.label ?? null));
  return EXIT_OK;
}

const sig = (x: number) => Number(x.toPrecision(2));

function regimeWarnings(q: QuadraticRegime, epsilon: number, eta: number, floor: number, floorWithoutStall: number): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${(100 * x).toPrecision(2)} %`;
  const fix = q.suggestedEpsilon !== null ? `; --epsilon ${sig(q.suggestedEpsilon)} is inside it (both shares ≤ 1 % there)` : '';
  if (q.cubicShare !== null && q.cubicShare > QUADRATIC_REGIME_TOLERANCE) {
    out.push(`ε = ${epsilon} is outside the quadratic regime: the loss at θ* + ε·δ is ${q.startLoss.toPrecision(4)} but ½ε²δᵀHδ = ${q.startLossQuadratic.toPrecision(4)} (terms beyond the quadratic model are ${pct(q.cubicShare)} of it, above ${pct(QUADRATIC_REGIME_TOLERANCE)}), so the predicted curve is not a test of the theory here${fix}`);
  }
  if (q.curvatureShift !== null && q.curvatureShift > QUADRATIC_REGIME_TOLERANCE) {
    out.push(`the slowest mode's curvature where the run ends differs from λ_min⁺ at θ* by ${pct(q.curvatureShift)} (above ${pct(QUADRATIC_REGIME_TOLERANCE)}), so the predicted late slope is off by about as much: the run left the quadratic regime${fix}`);
  }
  if (q.cubicShare === null) {
    const threshold = TRUST_FACTOR * floor;
    if (q.startLossQuadratic >= TRUST_FACTOR * floorWithoutStall || !Number.isFinite(threshold)) {
      // The stall term (1/η²) of the floor binds: steps below half an ulp of θ are lost.
      out.push(`η = ${eta} is too small for float64: steps η·∇L fall below the resolution of θ, so the run stalls at once and measures rounding, not dynamics; raise --eta (the converging regime is η < 2/(λ_min⁺ + λ_max))`);
    } else {
      out.push(`ε = ${epsilon} starts within float64 rounding of θ*: ½ε²δᵀHδ = ${q.startLossQuadratic.toExponential(2)} is below ${TRUST_FACTOR} × the loss rounding floor (${floor.toExponential(2)}), so the run measures rounding, not dynamics; ${q.smallestUsefulEpsilon !== null ? `use --epsilon ${sig(q.smallestUsefulEpsilon)} or larger` : 'raise --epsilon'}`);
    }
  }
  return out;
}

function computeReport(problem: TeacherStudentProblem, model: QuadraticModel, eta: number, steps: number, epsilon: number, seed: number, backend: LinalgBackend, progress: { phase(l: string, t?: number): void; tick(): void }): DynamicsReport {
  const regime = classifyRegime(model.lambdaMinPositive, model.lambdaMax, eta);
  const delta = seededUnitDirection(model.P, seed);
  const mix = gradientDescentPrediction(model, delta.map((v) => v * epsilon), eta);
  const start = displacedStart(problem.teacher, epsilon, delta);
  const startLoss = lossAtPoint(problem, start);
  if (!Number.isFinite(startLoss) || !start.every(Number.isFinite)) {
    throw new CliError(`dynamics: --epsilon ${epsilon}: the loss at θ* + ε·δ overflows float64 (${startLoss}); use a far smaller --epsilon — the prediction is first order in ε, so ε of order 1e-3 × the teacher's weights is typical`);
  }
  progress.phase('gradient descent', steps);
  const run = gradientDescent(problem, start, { eta, steps, onStep: () => progress.tick() });
  const floorInputs = { P: model.P, lambdaMax: model.lambdaMax, lambdaMinPositive: model.lambdaMinPositive, thetaStar: problem.teacher, targets: problem.targets };
  const floor = lossRoundingFloor({ ...floorInputs, eta });
  const quadratic = quadraticRegime({ problem, model, backend, delta, epsilon, floor, end: run.diverged ? null : run.theta });
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
    quadraticRegime: quadratic,
    warnings: regimeWarnings(quadratic, epsilon, eta, floor, lossRoundingFloor({ ...floorInputs, eta: null })),
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
  if (r.trustedUntil < r.steps && !r.diverged) {
    lines.push(r.trustedUntil < 0 ? 'note: every loss of the run is within 1e6 × the float64 rounding floor; none was used for the slope' : `note: losses after step ${r.trustedUntil} are within 1e6 × the float64 rounding floor and were not used for the slope`);
  }
  if (r.diverged) lines.push(`diverged at step ${r.divergedAt}: the loss exceeded ${DEFAULT_DIVERGENCE_FACTOR} × L_0 or became non-finite; later values omitted`);
  const q = r.quadraticRegime;
  lines.push(
    `quadratic regime: ${q.cubicShare === null ? 'start loss within rounding' : `terms beyond ½ε²δᵀHδ are ${(100 * q.cubicShare).toPrecision(2)} % of the start loss`}${q.curvatureShift === null ? '' : `; slowest-mode curvature at the end shifted by ${(100 * q.curvatureShift).toPrecision(2)} %`} (warned above ${100 * QUADRATIC_REGIME_TOLERANCE} %)`,
  );
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
