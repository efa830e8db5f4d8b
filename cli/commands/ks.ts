/**
 * `ks --law <law flags> --samples file.json [--json]`: one-sample Kolmogorov–Smirnov test of the
 * samples (a JSON array of finite numbers, non-empty) against a law of `law cdf` (same flags).
 * Prints n, D, the p-value and the method that computed it (src/stats ksOneSample: exact
 * Durbin/Pomeranz/Ruben–Gambino/Smirnov for small n, Simard–L'Ecuyer dispatch beyond);
 * `--json`: {"n", "D", "pValue", "method"}.
 */
import { readSamplesFile } from '../../src/formats/samplesFile.js';
import { ksOneSample } from '../../src/stats/index.js';
import { KS_ALPHA } from '../../theory/spectralLaw.js';
import { ksRangeWarning } from '../../theory/spectralLawRange.js';
import type { ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { commandProgress } from '../commandProgress.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { assertFiniteResult } from '../overflow.js';
import type { RunContext } from '../runContext.js';
import { assertCdfBudget, checkedCdf, LAW_OPTION_SPECS, lawFromArgs } from './law.js';

const usage = 'ks --law chi2-mp|mp|chi2 <law flags as for `law cdf`> --samples file.json [--json]';

export const ksCommand: CommandSpec = {
  name: 'ks',
  summary: 'One-sample Kolmogorov–Smirnov test (exact p-value) of samples from a JSON file against a law of `law cdf`.',
  flags: [{ name: 'json', description: 'print {"n", "D", "pValue", "method", "warnings"}' }],
  options: [...LAW_OPTION_SPECS, { name: 'samples', value: 'file.json', description: 'a JSON array of finite numbers (src/formats/samplesFile.ts)', required: true }],
  examples: ['npm run --silent cli -- ks --law mp --gamma 0.5 --samples eigenvalues.json'],
  details: `The samples file is read within the memory budget; an entry that is not a finite number is named by its index. The time of the n cdf evaluations is estimated first and refused past HC_TIME_BUDGET_S. Against chi2-mp (an asymptotic law) the output warns when its finite-size error is over half of what n samples resolve at α = ${KS_ALPHA} (theory/spectralLawRange.ts).`,
  run,
};

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length > 0) throw new CliError(`ks: unexpected argument ${JSON.stringify(args.positional[0].slice(0, 60))}; usage: ${usage}`);
  const law = lawFromArgs(args, 'ks');
  const path = args.options.get('samples');
  if (path === undefined) throw new CliError('ks: --samples is required (a JSON file holding an array of finite numbers)');
  const samples = readSamplesFile(path, ctx.budget.bytes);
  assertCdfBudget(law, samples.length, 'samples', `--samples ${path}`, 'ks', ctx.budget.seconds);
  const progress = commandProgress(io, { label: 'ks', estimatedSeconds: samples.length * law.secondsPerCdf, json: args.flags.has('json') });
  progress.phase('cdf at every sample', samples.length);
  const F = checkedCdf(law);
  const r = ksOneSample(samples, (x) => {
    progress.tick();
    return F(x);
  });
  progress.done();
  const warning = law.c2d ? ksRangeWarning(law.c2d, r.n, KS_ALPHA) : null;
  const result = { n: r.n, D: r.D, pValue: r.pValue, method: r.method, warnings: warning ? [warning] : [] };
  assertFiniteResult(result, 'ks: the test result');
  if (args.flags.has('json')) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const params = Object.entries(law.params).map(([k, v]) => `${k} = ${v}`).join(', ');
  io.out([`KS test of ${r.n} samples against ${law.law} (${params})`, `D = ${r.D.toPrecision(8)}`, `p-value = ${r.pValue.toPrecision(6)}`, `method: ${r.method}`, ...result.warnings.map((w) => `warning: ${w}`)].join('\n'));
  return EXIT_OK;
}
