/**
 * `calibrate <claim> --runs R [--seed S] [--json]`: runs the claim's statistical test R times
 * under its own law with fresh seeds (run r: Rng.fromSeed(S).split(`run:${r}`)) and prints the
 * empirical false-positive rate at the test's α with an exact Clopper–Pearson 95% interval, and
 * the power against each wrong neighbour (src/calibration). Claims with an experiment: those of
 * properties/definitions/lawCalibration.ts (C2d, C2e). The experiments are imported lazily (they
 * pull in the property machinery).
 */
import { calibrate, type CalibrationResult } from '../../src/calibration/index.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';

const usage = 'calibrate <claim> --runs R [--seed S] [--json]';

export const calibrateCommand: CommandSpec = {
  name: 'calibrate',
  summary: "Runs a statistical claim's test R times under its own law (false-positive rate, Clopper–Pearson interval) and under each wrong neighbour (power).",
  args: '<claim>',
  flags: [{ name: 'json', description: 'print the calibration result as JSON' }],
  options: [
    { name: 'runs', value: 'R', description: 'repetitions, 1 ≤ R ≤ 100000 (required)' },
    { name: 'seed', value: 'S', description: 'root seed (default 20251216); run r uses Rng.fromSeed(S).split(`run:${r}`)' },
  ],
  examples: ['npm run --silent cli -- calibrate C2d --runs 20'],
  run,
};
/** Default root seed (the suite's HC_SEED default). */
export const DEFAULT_CALIBRATION_SEED = 20251216;

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

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`calibrate: expected one claim id, got ${args.positional.length}; usage: ${usage}`);
  const runs = numberOption(args, 'runs', 'calibrate', (v) => Number.isInteger(v) && v >= 1 && v <= 100000, 'an integer in [1, 100000]');
  const seed = numberOption(args, 'seed', 'calibrate', (v) => Number.isSafeInteger(v) && v >= 0, 'an integer ≥ 0', DEFAULT_CALIBRATION_SEED);
  const { CALIBRATION_EXPERIMENTS } = await import('../../properties/definitions/lawCalibration.js');
  const claim = args.positional[0];
  const exp = CALIBRATION_EXPERIMENTS[claim];
  if (!exp) throw new CliError(`calibrate: no calibration experiment for claim ${JSON.stringify(claim)}; claims with one: ${Object.keys(CALIBRATION_EXPERIMENTS).join(', ')}`);
  const result = await calibrate(exp, { runs, seed });
  io.out(args.flags.has('json') ? JSON.stringify(result) : formatCalibration(result));
  return EXIT_OK;
}
