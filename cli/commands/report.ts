/**
 * `report`: the conformance report (conformance.{json,html,md}) — see docs/report.md. Forms:
 *
 *   report [--quick|--full] [--claims C2a,C3] [--seed S | --seed A..B] [--runs-scale X]
 *          [--size-tier ci|paper] [--partition i/n] [--jobs N|auto] [--theory-mutant C:N] [--out DIR]
 *   report merge <partial conformance.json>... [--out DIR]
 *   report from-vitest <vitest json results>... [--out DIR]
 *   report render <conformance.json> [--out DIR]
 *   report diff <baseline conformance.json> <new conformance.json> [--factor F] [--json] [--markdown FILE]
 *
 * Progress goes to stderr (a bar on a terminal, plain lines otherwise); stdout gets the
 * paths of the three files. Exit 0 once the report is written, whatever its verdicts (CI
 * gates on vitest); 2 on bad flags or input files. `diff` is the one form that gates: exit 1
 * when the new report regressed against the baseline, 0 otherwise. The property suite (and with it the
 * engine) is imported lazily: `render`, `merge` and `from-vitest` load only the claim
 * catalogue (metadata, evidence schemas, hooks).
 */
import { z } from 'zod';
import { parseTheoryMutant, SIZE_TIERS, type SizeTier, type TheoryMutantSetting } from '../../src/harness/runSettings.js';
import { createProgress, type Progress } from '../../src/report/progress/progress.js';
import { MAX_SEEDS, resolveReportOptions, type RunMode } from '../../src/report/run/options.js';
import type { BuiltReport } from '../../src/report/run/buildReport.js';
import type { WrittenReport } from '../../src/report/writeReport.js';
import { valueOf, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { option, type CommandSpec } from '../commandSpec.js';
import { custom, either, int, list, literal, number, oneOf } from '../flagTypes.js';
import { processIO, type CliIO } from '../io.js';

function progressFor(io: CliIO): Progress {
  if (io === processIO) return createProgress({ stream: process.stderr });
  return createProgress({ stream: { isTTY: false, write: (s: string) => io.err(s.replace(/\n$/, '')) } });
}

/** Largest partition count (--partition i/n). */
const MAX_PARTITIONS = 10_000;

/** "S" or "A..B" → the seeds; anything else (or a range of more than MAX_SEEDS) stays text for the schema to refuse. */
function seedsOf(raw: string): unknown {
  if (/^\d+$/.test(raw)) return [Number(raw)];
  const m = /^(\d+)\.\.(\d+)$/.exec(raw);
  if (!m) return raw;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (!(a <= b && b - a < MAX_SEEDS)) return raw;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const SEEDS = option({
  name: 'seed',
  value: 'S|A..B',
  description: 'fast-check seed, or a range re-running every property once per seed (default 20251216)',
  type: custom(z.array(z.int().min(0)).min(1).max(MAX_SEEDS), seedsOf, `a non-negative integer or a range A..B (A ≤ B, at most ${MAX_SEEDS} seeds)`),
});
const CLAIMS = option({
  name: 'claims',
  value: 'ids',
  description: 'claim ids to run, e.g. C2a,C3 (default all)',
  type: list(custom(z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,15}$/), (raw) => raw, 'a claim id'), { min: 1, max: 100 }),
});
const RUNS_SCALE = option({ name: 'runs-scale', value: 'X', description: "multiplier on every property's number of runs", type: number({ gt: 0, le: 1000 }) });
const SIZE_TIER = option<SizeTier>({ name: 'size-tier', value: 'ci|paper', description: "sizes of the expensive statistical properties (default: the mode's)", type: oneOf(SIZE_TIERS as [SizeTier, ...SizeTier[]]) });
const PARTITION = option({
  name: 'partition',
  value: 'i/n',
  description: 'run only partition i of n (units round-robin), for merging later',
  type: custom(
    z.object({ index: z.int().min(1), count: z.int().min(1).max(MAX_PARTITIONS) }).refine((p) => p.index <= p.count),
    (raw) => {
      const m = /^(\d+)\/(\d+)$/.exec(raw);
      return m ? { index: Number(m[1]), count: Number(m[2]) } : raw;
    },
    `i/n with 1 ≤ i ≤ n ≤ ${MAX_PARTITIONS} (e.g. 1/2)`,
  ),
});
/** "claim:neighbour" → the setting, or the text itself (with the reason) for the schema to refuse. */
function theoryMutantOf(raw: string): unknown {
  try {
    return parseTheoryMutant(raw);
  } catch {
    return raw;
  }
}
const THEORY_MUTANT = option<TheoryMutantSetting>({
  name: 'theory-mutant',
  value: 'claim:neighbour',
  description: 'check a wrong neighbour as if it were the claim (e.g. C4:lambda-max), to see how a failure reads; the report says so everywhere',
  type: custom<TheoryMutantSetting>(z.object({ claim: z.string(), neighbour: z.string() }), theoryMutantOf, 'claim:neighbour, e.g. C4:lambda-max'),
});
const JOBS = option<number | 'auto'>({ name: 'jobs', value: 'N|auto', description: 'worker processes (auto: one per core, at most 4)', type: either(literal('auto'), int({ min: 1, max: 64 })), default: 'auto' });

async function parseClaims(ids: string[] | undefined): Promise<string[] | null> {
  if (ids === undefined) return null;
  const [{ validateClaimSelection }, { PROPERTY_SUITE }] = await Promise.all([import('../../src/report/run/plan.js'), import('../../properties/registry.js')]);
  try {
    validateClaimSelection(PROPERTY_SUITE, ids);
  } catch (e) {
    throw new CliError(`report: --claims: ${(e as Error).message}`);
  }
  return ids;
}

function printWritten(files: WrittenReport, io: CliIO): number {
  io.out([files.html, files.json, files.markdown].join('\n'));
  return EXIT_OK;
}

async function runOptions(args: ParsedArgs) {
  if (args.positional.length > 0) throw new CliError(`report: unexpected argument ${JSON.stringify(args.positional[0].slice(0, 60))}; subcommands are merge, from-vitest, render and diff (see report --help)`);
  if (args.flags.has('quick') && args.flags.has('full')) throw new CliError('report: pass --quick or --full, not both');
  const mode: RunMode = args.flags.has('full') ? 'full' : 'quick';
  const partition = valueOf(args, PARTITION) ?? null;
  const jobs = valueOf(args, JOBS) ?? 'auto';
  if (partition && args.options.has('jobs') && jobs !== 1) throw new CliError('report: --partition runs one partition in this process; drop --jobs (or use --jobs 1)');
  return resolveReportOptions({ mode, runsScale: valueOf(args, RUNS_SCALE), sizeTier: valueOf(args, SIZE_TIER), claims: await parseClaims(valueOf(args, CLAIMS)), seeds: valueOf(args, SEEDS), partition, jobs: partition ? 1 : jobs, theoryMutant: valueOf(args, THEORY_MUTANT) ?? null });
}

async function runReport(args: ParsedArgs, io: CliIO): Promise<number> {
  const opts = await runOptions(args);
  const [{ buildReport }, { PROPERTY_SUITE }] = await Promise.all([import('../../src/report/run/buildReport.js'), import('../../properties/registry.js')]);
  let built: BuiltReport;
  try {
    built = await buildReport(PROPERTY_SUITE, { ...opts, out: args.options.get('out') ?? null, progress: progressFor(io) });
  } catch (e) {
    if (opts.theoryMutant && e instanceof Error && e.message.startsWith('--theory-mutant')) throw new CliError(`report: ${e.message}`);
    throw e;
  }
  return printWritten(built.files, io);
}

function files(args: ParsedArgs, command: string, min: number, max: number, what: string): string[] {
  const n = args.positional.length;
  if (n < min || n > max) throw new CliError(`report ${command}: expected ${what}, got ${n} file${n === 1 ? '' : 's'}; see report ${command} --help`);
  return args.positional;
}

async function catalogue() {
  return (await import('../../properties/catalogue.js')).CLAIM_CATALOGUE;
}

async function claimsWithProperties(): Promise<Set<string>> {
  const [{ PROPERTY_SUITE }, { claimsWithProperties: ids }] = await Promise.all([import('../../properties/registry.js'), import('../../src/report/run/suite.js')]);
  return ids(PROPERTY_SUITE);
}

const OUT = { name: 'out', value: 'DIR', description: 'output folder (default reports/<date>-seed<seed>)' } as const;

const mergeCommand: CommandSpec = {
  name: 'merge',
  summary: 'Merges the conformance.json of every partition (--partition i/n) into one report, exactly as a single run would assemble it.',
  args: '<partial conformance.json...>',
  options: [OUT],
  examples: ['npm run report -- merge part1/conformance.json part2/conformance.json --out merged'],
  async run(args, io) {
    const paths = files(args, 'merge', 2, 10_000, 'two or more partial conformance.json files');
    const { mergeReportFiles } = await import('../../src/report/inputs/mergeReports.js');
    return printWritten((await mergeReportFiles(paths, args.options.get('out') ?? null, await catalogue(), await claimsWithProperties())).files, io);
  },
};

const fromVitestCommand: CommandSpec = {
  name: 'from-vitest',
  summary: "A conformance report from vitest's JSON results (each property test attaches its evidence), e.g. after sharded runs.",
  args: '<vitest results.json...>',
  options: [OUT],
  examples: ['npm run report -- from-vitest .vitest-results/main.json --out from-ci'],
  async run(args, io) {
    const paths = files(args, 'from-vitest', 1, 10_000, 'one or more vitest JSON result files');
    const { reportFromVitest } = await import('../../src/report/inputs/fromVitest.js');
    return printWritten((await reportFromVitest(paths, args.options.get('out') ?? null, await catalogue(), await claimsWithProperties())).files, io);
  },
};

const renderCommand: CommandSpec = {
  name: 'render',
  summary: 'Rebuilds conformance.html and conformance.md from a conformance.json alone — no property and no engine runs.',
  args: '<conformance.json>',
  options: [{ ...OUT, description: 'output folder (default: the folder of the JSON file)' }],
  examples: ['npm run report -- render reports/sample/conformance.json --out /tmp/restyled'],
  async run(args, io) {
    const [file] = files(args, 'render', 1, 1, 'one conformance.json');
    const [{ renderReportFile }, { dirname }] = await Promise.all([import('../../src/report/writeReport.js'), import('node:path')]);
    return printWritten(await renderReportFile(file, args.options.get('out') ?? dirname(file), await catalogue()), io);
  },
};

const DIFF_FACTOR = option({ name: 'factor', value: 'F', description: 'how far a number must move toward failure to count, as a factor (default 2), e.g. --factor 10', type: number({ gt: 1, le: 1e6 }), default: 2 });

const diffCommand: CommandSpec = {
  name: 'diff',
  summary: 'Compares a new conformance.json with a baseline: verdict changes and numbers that moved past a factor toward failure; exit 1 on a regression.',
  args: '<baseline conformance.json> <new conformance.json>',
  flags: [{ name: 'json', description: 'print the diff as one JSON object instead of Markdown' }],
  options: [
    DIFF_FACTOR,
    { name: 'markdown', value: 'FILE', description: 'also write the Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY, or a pull-request comment body)' },
  ],
  examples: ['npm run report -- diff baseline/conformance.json reports/new/conformance.json', 'npm run report -- diff baseline/conformance.json new/conformance.json --factor 10 --markdown diff.md'],
  details:
    'Compared per claim: the verdict (pass < inconclusive < fail), the key number in its declared direction, the smallest right-theory p-value, and evidence.summary numbers whose direction the claim declares or whose name says it (worst…Ratio up, min…Gap down, power down; see src/report/diff/directions.ts). stdout: Markdown for a pull request (or --json). Exit 1 on a regression, 0 otherwise, 2 on bad input.',
  async run(args, io) {
    const [baseline, current] = files(args, 'diff', 2, 2, 'two files: the baseline conformance.json and the new one');
    const factor = valueOf(args, DIFF_FACTOR) ?? 2;
    const [{ readReportFile }, { diffReports }, { diffMarkdown }, cat] = await Promise.all([
      import('../../src/report/writeReport.js'),
      import('../../src/report/diff/diffReports.js'),
      import('../../src/report/diff/diffMarkdown.js'),
      catalogue(),
    ]);
    const d = diffReports(readReportFile(baseline, cat), readReportFile(current, cat), factor, cat);
    const markdown = diffMarkdown(d, baseline, current);
    const mdFile = args.options.get('markdown');
    if (mdFile !== undefined) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(mdFile, markdown);
    }
    io.out(args.flags.has('json') ? JSON.stringify(d, (_, v) => (v === Infinity ? 'Infinity' : v)) : markdown);
    return d.regressions > 0 ? 1 : EXIT_OK;
  },
};

export const reportCommand: CommandSpec = {
  name: 'report',
  summary: 'Runs every claim\'s properties and writes the conformance report (conformance.{json,html,md}).',
  flags: [
    { name: 'quick', description: 'every property at its CI number of runs and sizes (default)' },
    { name: 'full', description: '×10 runs at the papers\' sizes (size tier paper); about 20 minutes on 2 cores' },
  ],
  options: [CLAIMS, SEEDS, RUNS_SCALE, SIZE_TIER, PARTITION, JOBS, THEORY_MUTANT, OUT],
  examples: ['npm run report', 'npm run report -- --claims C2a,C3 --seed 7', 'npm run report -- --full --jobs 2', 'npm run report -- --claims C1,C4 --runs-scale 0.2 --theory-mutant C4:lambda-max --out reports/example-failure'],
  details: 'stdout: the paths of the three files; stderr: progress. Exit 0 once written, whatever the verdicts (CI gates on vitest).',
  subcommands: [mergeCommand, fromVitestCommand, renderCommand, diffCommand],
  run: runReport,
};
