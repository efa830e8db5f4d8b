/**
 * `ks --law <law flags> --samples file.json [--json]`: one-sample Kolmogorov–Smirnov test of the
 * samples (a JSON array of finite numbers, non-empty) against a law of `law cdf` (same flags).
 * Prints n, D, the p-value and the method that computed it (src/stats ksOneSample: exact
 * Durbin/Pomeranz/Ruben–Gambino/Smirnov for small n, Simard–L'Ecuyer dispatch beyond);
 * `--json`: {"n", "D", "pValue", "method"}.
 */
import { ksOneSample } from '../../src/stats/index.js';
import type { ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { memoryBudgetBytes } from '../../src/config/memoryBudget.js';
import { readJsonFile } from '../../src/formats/jsonFile.js';
import { LAW_OPTION_SPECS, lawFromArgs } from './law.js';

const usage = 'ks --law chi2-mp|mp|chi2 <law flags as for `law cdf`> --samples file.json [--json]';

export const ksCommand: CommandSpec = {
  name: 'ks',
  summary: 'One-sample Kolmogorov–Smirnov test (exact p-value) of samples from a JSON file against a law of `law cdf`.',
  flags: [{ name: 'json', description: 'print {"n", "D", "pValue", "method"}' }],
  options: [...LAW_OPTION_SPECS, { name: 'samples', value: 'file.json', description: 'a JSON array of finite numbers (required)' }],
  examples: ['npm run --silent cli -- ks --law mp --gamma 0.5 --samples eigenvalues.json'],
  run,
};

/** Validates a samples file's content: a non-empty array of finite numbers. */
export function validateSamples(raw: unknown, path: string): number[] {
  if (!Array.isArray(raw)) throw new CliError(`ks: ${path}: samples must be a JSON array of numbers, got ${raw === null ? 'null' : typeof raw}; write e.g. [1.5, 2, 3.25]`);
  if (raw.length === 0) throw new CliError(`ks: ${path}: samples array is empty; the test needs at least one number`);
  const bad = raw.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new CliError(`ks: ${path}: samples[${bad}] is ${JSON.stringify(raw[bad])}, not a finite number; write finite numbers only`);
  return raw as number[];
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length > 0) throw new CliError(`ks: unexpected argument ${JSON.stringify(args.positional[0])}; usage: ${usage}`);
  const law = lawFromArgs(args, 'ks');
  const path = args.options.get('samples');
  if (path === undefined) throw new CliError('ks: --samples is required (a JSON file holding an array of finite numbers)');
  const samples = validateSamples(readJsonFile(path, 'samples', memoryBudgetBytes()), path);
  const r = ksOneSample(samples, law.cdf);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ n: r.n, D: r.D, pValue: r.pValue, method: r.method }));
    return EXIT_OK;
  }
  const params = Object.entries(law.params).map(([k, v]) => `${k} = ${v}`).join(', ');
  io.out([`KS test of ${r.n} samples against ${law.law} (${params})`, `D = ${r.D.toPrecision(8)}`, `p-value = ${r.pValue.toPrecision(6)}`, `method: ${r.method}`].join('\n'));
  return EXIT_OK;
}
