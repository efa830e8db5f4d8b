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
import { secondsText } from '../../src/config/budget.js';
import { c2dLaw } from '../../theory/spectralLaw.js';
import { lawRangeWarning } from '../../theory/spectralLawRange.js';
import { requiredValue, valueOf, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { option, type CommandSpec, type OptionSpec, type TypedOptionSpec } from '../commandSpec.js';
import { int, list, number, oneOf } from '../flagTypes.js';
import type { CliIO } from '../io.js';
import { assertFiniteResult } from '../overflow.js';
import type { RunContext } from '../runContext.js';

const usage = 'law cdf --law chi2-mp --Nh H --Ni I [--sigma1 S1] [--sigma2 S2] | --law mp --gamma G [--scale S] | --law chi2 --k K [--scale S]  --at x1,x2,... [--json]';

export const LAW_NAMES = ['chi2-mp', 'mp', 'chi2'] as const;
export type LawName = (typeof LAW_NAMES)[number];

/**
 * Parameter ranges: where src/stats computes each law to its stated accuracy.
 *  - sizes ≤ 1e6 (cdf ≈ 50 ms at Nh = Ni = 1e6, measured);
 *  - σ's and scales in [1e-100, 1e100]: squared scales stay normal numbers (at σ = 1e-150 the
 *    convolution's scale Nh·σ1² is near the subnormal range and its cdf collapses, measured);
 *  - γ in [1e-12, 1e12]: the MP edges s(1 ± √γ)² stay resolved (width 4√γ·s ≥ 4e-6·s ≫ eps·s);
 *  - χ² degrees of freedom in [1e-3, 1e9] (checked against scipy.stats.chi2 at both ends).
 */
export const LAW_RANGES = { maxSize: 1_000_000, minScale: 1e-100, maxScale: 1e100, minGamma: 1e-12, maxGamma: 1e12, minDf: 1e-3, maxDf: 1e9, maxPoints: 100_000 } as const;
const R = LAW_RANGES;
const scaleType = number({ ge: R.minScale, le: R.maxScale });

const LAW = option<LawName>({ name: 'law', value: 'name', description: 'chi2-mp (σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh), the C2d law), mp (Marchenko–Pastur with its atom), or chi2 (s·χ²(k))', type: oneOf(LAW_NAMES as unknown as [LawName, ...LawName[]]), required: true });
const NH = option({ name: 'Nh', value: 'H', description: 'chi2-mp: hidden units', type: int({ min: 1, max: R.maxSize }) });
const NI = option({ name: 'Ni', value: 'I', description: 'chi2-mp: inputs', type: int({ min: 1, max: R.maxSize }) });
const SIGMA1 = option({ name: 'sigma1', value: 'S1', description: 'chi2-mp: standard deviation of W entries (default 1)', type: scaleType });
const SIGMA2 = option({ name: 'sigma2', value: 'S2', description: 'chi2-mp: standard deviation of a entries (default 1)', type: scaleType });
const GAMMA = option({ name: 'gamma', value: 'G', description: 'mp: ratio γ', type: number({ ge: R.minGamma, le: R.maxGamma }) });
const SCALE = option({ name: 'scale', value: 'S', description: 'mp or chi2: scale s (default 1)', type: scaleType });
const K = option({ name: 'k', value: 'K', description: 'chi2: degrees of freedom', type: number({ ge: R.minDf, le: R.maxDf }) });
const AT = option({ name: 'at', value: 'x1,x2,...', description: 'the points', type: list(number(), { min: 1, max: R.maxPoints }), required: true });

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
  /** Estimated seconds per cdf evaluation (measured ×2: chi2-mp 4–50 ms growing with Nh + Ni; mp, chi2 ≪ 1 ms). */
  readonly secondsPerCdf: number;
  /** Outside the law's range of validity as a description of Hessian spectra (chi2-mp only), or null. */
  readonly rangeWarning: string | null;
  /** The C2d parameters (chi2-mp only), for the ks warning. */
  readonly c2d: { Nh: number; Ni: number; sigma1: number; sigma2: number } | null;
}

/** A law flag its law needs: "<command>: --Nh is required for --law chi2-mp (…)". */
function lawFlag<T>(args: ParsedArgs, o: TypedOptionSpec<T>, command: string, law: LawName, fallback?: T): T {
  const v = valueOf(args, o) ?? fallback;
  if (v === undefined) throw new CliError(`${command}: --${o.name} is required for --law ${law} (${o.type.text})`);
  return v;
}

/** Builds the law named by --law from its flags; CliError naming the flag on bad input. */
export function lawFromArgs(args: ParsedArgs, command: string): CliLaw {
  const name = requiredValue(args, LAW, command);
  for (const opt of LAW_OPTIONS) {
    if (opt !== 'law' && args.options.has(opt) && !OWN_OPTIONS[name].includes(opt)) {
      throw new CliError(`${command}: --${opt} does not apply to --law ${name}; its flags are ${OWN_OPTIONS[name].map((o) => `--${o}`).join(', ')}`);
    }
  }
  if (name === 'chi2-mp') {
    const p = { Nh: lawFlag(args, NH, command, name), Ni: lawFlag(args, NI, command, name), sigma1: lawFlag(args, SIGMA1, command, name, 1), sigma2: lawFlag(args, SIGMA2, command, name, 1) };
    const l = c2dLaw(p);
    return { law: name, params: { ...p }, cdf: (x) => l.cdf(x), secondsPerCdf: 0.01 + 4e-8 * (p.Nh + p.Ni), rangeWarning: lawRangeWarning(p), c2d: p };
  }
  if (name === 'mp') {
    const gamma = lawFlag(args, GAMMA, command, name);
    const scale = lawFlag(args, SCALE, command, name, 1);
    const l = new MarchenkoPastur({ ratio: gamma, scale });
    return { law: name, params: { gamma, scale }, cdf: (x) => l.cdf(x), secondsPerCdf: 1e-5, rangeWarning: null, c2d: null };
  }
  const k = lawFlag(args, K, command, name);
  const scale = lawFlag(args, SCALE, command, name, 1);
  const l = new ChiSquared({ df: k, scale });
  return { law: name, params: { k, scale }, cdf: (x) => l.cdf(x), secondsPerCdf: 1e-4, rangeWarning: null, c2d: null };
}

/**
 * The law's cdf, checked: a value that is not a probability is never printed. Inside the
 * declared ranges none is expected, so one is a bug (reported as an internal error by
 * cli/main.ts, naming the point and the parameters).
 */
export function checkedCdf(law: CliLaw): (x: number) => number {
  return (x) => {
    const v = law.cdf(x);
    if (!(v >= 0 && v <= 1)) {
      const params = Object.entries(law.params).map(([k, p]) => `${k} = ${p}`).join(', ');
      throw new Error(`the ${law.law} cdf at x = ${x} (${params}) is ${v}, not a probability`);
    }
    return v;
  };
}

/** Refuses `count` cdf evaluations whose estimated time exceeds the budget, naming a count that fits. */
export function assertCdfBudget(law: CliLaw, count: number, what: string, flag: string, command: string, budgetSeconds: number): void {
  const seconds = count * law.secondsPerCdf;
  if (seconds <= budgetSeconds) return;
  const fits = Math.max(1, Math.floor(budgetSeconds / law.secondsPerCdf));
  throw new CliError(`${command}: ${flag}: ${count} ${what} need about ${secondsText(seconds)} of ${law.law} cdf evaluations (≈ ${secondsText(law.secondsPerCdf)} each), over the ${secondsText(budgetSeconds)} time budget (HC_TIME_BUDGET_S); use at most ${fits}, or raise HC_TIME_BUDGET_S`);
}

/** The law flags `law` and `ks` share. */
export const LAW_OPTION_SPECS: readonly OptionSpec[] = [LAW, NH, NI, SIGMA1, SIGMA2, GAMMA, SCALE, K];

export const lawCommand: CommandSpec = {
  name: 'law',
  summary: 'cdf values of the laws of the spectral claims (C2d χ²⊛MP, Marchenko–Pastur, χ²).',
  args: 'cdf',
  flags: [{ name: 'json', description: 'print {"law", "params", "at", "cdf", "warnings"}' }],
  options: [...LAW_OPTION_SPECS, AT],
  examples: ['npm run --silent cli -- law cdf --law chi2-mp --Nh 128 --Ni 32 --at 100,200,300', 'npm run --silent cli -- law cdf --law mp --gamma 0.5 --at 0.5,1,2 --json'],
  details: 'Parameter ranges are where src/stats computes each law to its stated accuracy. chi2-mp is an asymptotic law: outside its range of validity (small Ni; theory/spectralLawRange.ts) the output carries a warning.',
  run,
};

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length !== 1 || args.positional[0] !== 'cdf') {
    throw new CliError(`law: expected the subcommand \`cdf\`, got ${args.positional.length ? JSON.stringify(args.positional.join(' ').slice(0, 60)) : 'none'}; usage: ${usage}`);
  }
  const law = lawFromArgs(args, 'law');
  const at = requiredValue(args, AT, 'law');
  assertCdfBudget(law, at.length, 'points', '--at', 'law', ctx.budget.seconds);
  const F = checkedCdf(law);
  const cdf = at.map((x) => F(x));
  const warnings = law.rangeWarning ? [law.rangeWarning] : [];
  const result = { law: law.law, params: law.params, at, cdf, warnings };
  assertFiniteResult(result, 'law: the cdf values');
  if (args.flags.has('json')) {
    io.out(JSON.stringify(result));
    return EXIT_OK;
  }
  const params = Object.entries(law.params).map(([k, v]) => `${k} = ${v}`).join(', ');
  io.out([`law ${law.law} (${params})`, ...at.map((x, i) => `F(${x}) = ${cdf[i].toPrecision(12)}`), ...warnings.map((w) => `warning: ${w}`)].join('\n'));
  return EXIT_OK;
}
