/**
 * `calibrate <claim> --runs R [--seed S] [--json]`: runs the claim's statistical test R times
 * under its own law with fresh seeds (run r: Rng.fromSeed(S).split(`run:${r}`)) and prints the
 * empirical false-positive rate at the test's α with an exact Clopper–Pearson 95% interval, and
 * the power against each wrong neighbour (src/calibration). Claims with an experiment: those of
 * properties/definitions/lawCalibration.ts (C2d, C2e). The experiments are imported lazily (they
 * pull in the property machinery).
 */
import { calibrate, type CalibrationResult } from '../../src/calibration/index.js';
import { secondsText } from '../../src/config/budget.js';
import { MAX_SEED } from '../../src/rng/rng.js';
import { requiredValue, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { commandProgress } from '../commandProgress.js';
import { option, type CommandSpec } from '../commandSpec.js';
import { int } from '../flagTypes.js';
import type { CliIO } from '../io.js';
import type { RunContext } from '../runContext.js';

const usage = 'calibrate <claim> --runs R [--seed S] [--json]';

/** Default root seed (the suite's HC_SEED default). */
export const DEFAULT_CALIBRATION_SEED = 20251216;
/** Largest --runs (the time budget binds first: C2d at 8 s per run fits ≈ 450 runs in an hour). */
export const MAX_RUNS = 100_000;

const RUNS = option({ name: 'runs', value: 'R', description: 'repetitions', type: int({ min: 1, max: MAX_RUNS }), required: true });
const SEED = option({ name: 'seed', value: 'S', description: 'root seed; run r uses Rng.fromSeed(S).split(`run:${r}`)', type: int({ min: 0, max: MAX_SEED }), default: DEFAULT_CALIBRATION_SEED });

export const calibrateCommand: CommandSpec = {
  name: 'calibrate',
  summary: "Runs a statistical claim's test R times under its own law (false-positive rate, Clopper–Pearson interval) and under each wrong neighbour (power).",
  args: '<claim>',
  flags: [{ name: 'json', description: 'print the calibration result as JSON' }],
  options: [RUNS, SEED],
  examples: ['npm run --silent cli -- calibrate C2d --runs 20'],
  details: 'Each claim declares its measured time per run; R runs are refused past the time budget (HC_TIME_BUDGET_S) with the R that fits. Progress (run r of R, time left) goes to stderr: a line redrawn on a terminal, plain lines otherwise, nothing with --json off a terminal.',
  run,
};

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export function formatCalibration(r: CalibrationResult): string {
  const fp = r.falsePositive;
  const lines = [
    `calibration of ${r.claim}: ${r.runs} runs, seed ${r.seed}, α = ${r.alpha} per test (${(r.milliseconds / 1000).toFixed(1)} s)`,
    `  ${r.description}`,
    `false-positive rate: ${fp.k}/${fp.n} = ${pct(fp.estimate)}, 95% CI [${pct(fp.lower)}, ${pct(fp.upper)}] (Clopper–Pearson); ${r.consistentWithAlpha ? 'consistent with' : 'NOT consistent with'} α = ${pct(r.alpha)}`,
    'power against wrong neighbours:',
    ...Object.entries(r.power).map(([name, p]) => `  ${name}: ${p.k}/${p.n} = ${pct(p.estimate)}, 95% CI [${pct(p.lower)}, ${pct(p.upper)}]`),
  ];
  return lines.join('\n');
}

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`calibrate: expected one claim id, got ${args.positional.length}; usage: ${usage}`);
  const runs = requiredValue(args, RUNS, 'calibrate');
  const seed = requiredValue(args, SEED, 'calibrate');
  const { CALIBRATION_EXPERIMENTS } = await import('../../properties/definitions/lawCalibration.js');
  const claim = args.positional[0];
  const exp = Object.hasOwn(CALIBRATION_EXPERIMENTS, claim) ? CALIBRATION_EXPERIMENTS[claim] : undefined;
  if (!exp) throw new CliError(`calibrate: no calibration experiment for claim ${JSON.stringify(claim.slice(0, 40))}; claims with one: ${Object.keys(CALIBRATION_EXPERIMENTS).join(', ')}`);
  const perRun = exp.secondsPerRun ?? null;
  if (perRun !== null && runs * perRun > ctx.budget.seconds) {
    const fits = Math.floor(ctx.budget.seconds / perRun);
    throw new CliError(`calibrate: --runs ${runs}: ${claim} takes about ${secondsText(perRun)} per run, so ${runs} runs need about ${secondsText(runs * perRun)}, over the ${secondsText(ctx.budget.seconds)} time budget (HC_TIME_BUDGET_S); ${fits >= 1 ? `give --runs ${fits} or fewer` : 'not even one run fits'}, or raise HC_TIME_BUDGET_S`);
  }
  const progress = commandProgress(io, { label: `calibrate ${claim}`, estimatedSeconds: perRun === null ? null : runs * perRun, json: args.flags.has('json') });
  progress.phase('runs', runs);
  const result = await calibrate(exp, { runs, seed, onRun: () => progress.tick() });
  progress.done();
  io.out(args.flags.has('json') ? JSON.stringify(result) : formatCalibration(result));
  return EXIT_OK;
}
