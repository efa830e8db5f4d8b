/**
 * `law cdf --law chi2-mp|mp|chi2 <law flags> --at x1,x2,... [--json]`: cdf values of the laws of
 * src/stats.
 *   --law chi2-mp --Nh H --Ni I [--sigma1 S1] [--sigma2 S2]   σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) (C2d;
 *                                                               σ's are standard deviations, default 1)
 *   --law mp --gamma G [--scale S]                             MP(γ, s) with its atom 1 − 1/γ at 0 (γ > 1)
 *   --law chi2 --k K [--scale S]                               s·χ²(k)
 * `--json` prints {"law", "params", "at": [...], "cdf": [...]}. The law flags are shared with `ks`.
 */
import { ChiSquared, MarchenkoPastur } from '../../src/stats/index.js';
import { c2dLaw } from '../../theory/spectralLaw.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec, OptionSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';

const usage = 'law cdf --law chi2-mp --Nh H --Ni I [--sigma1 S1] [--sigma2 S2] | --law mp --gamma G [--scale S] | --law chi2 --k K [--scale S]  --at x1,x2,... [--json]';

export const LAW_NAMES = ['chi2-mp', 'mp', 'chi2'] as const;
export type LawName = (typeof LAW_NAMES)[number];
/** Every law option; a law accepts only its own (others are errors, naming the flag). */
export const LAW_OPTIONS = ['law', 'Nh', 'Ni', 'sigma1', 'sigma2', 'gamma', 'scale', 'k'] as const;
const OWN_OPTIONS: Record<LawName, readonly string[]> = {
  'chi2-mp': ['Nh', 'Ni', 'sigma1', 'sigma2'],
  mp: ['gamma', 'scale'],
  chi2: ['k', 'scale'],
};

export interface CliLaw {
  readonly law: LawName;
  readonly params: Record<string, number>;
  cdf(x: number): number;
}

const positive = (v: number) => v > 0;
const positiveInteger = (v: number) => Number.isInteger(v) && v >= 1;

/** Builds the law named by --law from its flags; CliError naming the flag on bad input. */
export function lawFromArgs(args: ParsedArgs, command: string): CliLaw {
  const law = args.options.get('law');
  if (law === undefined) throw new CliError(`${command}: --law is required (one of ${LAW_NAMES.join(', ')})`);
  if (!(LAW_NAMES as readonly string[]).includes(law)) throw new CliError(`${command}: --law must be one of ${LAW_NAMES.join(', ')}, got ${JSON.stringify(law)}`);
  const name = law as LawName;
  for (const opt of LAW_OPTIONS) {
    if (opt !== 'law' && args.options.has(opt) && !OWN_OPTIONS[name].includes(opt)) {
      throw new CliError(`${command}: --${opt} does not apply to --law ${name}; its flags are ${OWN_OPTIONS[name].map((o) => `--${o}`).join(', ')}`);
    }
  }
  if (name === 'chi2-mp') {
    const Nh = numberOption(args, 'Nh', command, positiveInteger, 'an integer ≥ 1 (hidden units)');
    const Ni = numberOption(args, 'Ni', command, positiveInteger, 'an integer ≥ 1 (inputs)');
    const sigma1 = numberOption(args, 'sigma1', command, positive, 'a standard deviation > 0', 1);
    const sigma2 = numberOption(args, 'sigma2', command, positive, 'a standard deviation > 0', 1);
    const l = c2dLaw({ Nh, Ni, sigma1, sigma2 });
    return { law: name, params: { Nh, Ni, sigma1, sigma2 }, cdf: (x) => l.cdf(x) };
  }
  if (name === 'mp') {
    const gamma = numberOption(args, 'gamma', command, positive, 'a ratio > 0');
    const scale = numberOption(args, 'scale', command, positive, 'a number > 0', 1);
    const l = new MarchenkoPastur({ ratio: gamma, scale });
    return { law: name, params: { gamma, scale }, cdf: (x) => l.cdf(x) };
  }
  const k = numberOption(args, 'k', command, positive, 'degrees of freedom > 0');
  const scale = numberOption(args, 'scale', command, positive, 'a number > 0', 1);
  const l = new ChiSquared({ df: k, scale });
  return { law: name, params: { k, scale }, cdf: (x) => l.cdf(x) };
}

function parsePoints(raw: string | undefined): number[] {
  if (raw === undefined) throw new CliError('law: --at is required (comma-separated finite numbers, e.g. --at 1,2.5,10)');
  const parts = raw.split(',');
  const xs = parts.map((s) => (s.trim() === '' ? NaN : Number(s)));
  const bad = xs.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new CliError(`law: --at entry ${bad + 1} (${JSON.stringify(parts[bad])}) is not a finite number; pass comma-separated numbers, e.g. --at 1,2.5,10`);
  return xs;
}

/** The law flags `law` and `ks` share. */
export const LAW_OPTION_SPECS: readonly OptionSpec[] = [
  { name: 'law', value: 'name', description: 'chi2-mp (σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh), the C2d law), mp (Marchenko–Pastur with its atom), or chi2 (s·χ²(k))' },
  { name: 'Nh', value: 'H', description: 'chi2-mp: hidden units' },
  { name: 'Ni', value: 'I', description: 'chi2-mp: inputs' },
  { name: 'sigma1', value: 'S1', description: 'chi2-mp: standard deviation of W entries (default 1)' },
  { name: 'sigma2', value: 'S2', description: 'chi2-mp: standard deviation of a entries (default 1)' },
  { name: 'gamma', value: 'G', description: 'mp: ratio γ > 0' },
  { name: 'scale', value: 'S', description: 'mp or chi2: scale s > 0 (default 1)' },
  { name: 'k', value: 'K', description: 'chi2: degrees of freedom > 0' },
];

export const lawCommand: CommandSpec = {
  name: 'law',
  summary: 'cdf values of the laws of the spectral claims (C2d χ²⊛MP, Marchenko–Pastur, χ²).',
  args: 'cdf',
  flags: [{ name: 'json', description: 'print {"law", "params", "at", "cdf"}' }],
  options: [...LAW_OPTION_SPECS, { name: 'at', value: 'x1,x2,...', description: 'comma-separated points (required)' }],
  examples: ['npm run --silent cli -- law cdf --law chi2-mp --Nh 128 --Ni 32 --at 100,200,300', 'npm run --silent cli -- law cdf --law mp --gamma 0.5 --at 0.5,1,2 --json'],
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length !== 1 || args.positional[0] !== 'cdf') {
    throw new CliError(`law: expected the subcommand \`cdf\`, got ${args.positional.length ? JSON.stringify(args.positional.join(' ')) : 'none'}; usage: ${usage}`);
  }
  const law = lawFromArgs(args, 'law');
  const at = parsePoints(args.options.get('at'));
  const cdf = at.map((x) => law.cdf(x));
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ law: law.law, params: law.params, at, cdf }));
    return EXIT_OK;
  }
  const params = Object.entries(law.params).map(([k, v]) => `${k} = ${v}`).join(', ');
  io.out([`law ${law.law} (${params})`, ...at.map((x, i) => `F(${x}) = ${cdf[i].toPrecision(12)}`)].join('\n'));
  return EXIT_OK;
}
