/**
 * `report`: the conformance report (conformance.{json,html,md}) — see README "Conformance
 * report". Three forms:
 *
 *   report [--quick|--full] [--claims C2a,C3] [--seed S | --seed A..B] [--runs-scale X]
 *          [--partition i/n] [--jobs N|auto] [--out DIR]
 *   report merge <partial conformance.json>... [--out DIR]
 *   report from-vitest <vitest json results>... [--out DIR]
 *
 * Progress goes to stderr (a bar on a terminal, plain lines otherwise); stdout gets the
 * paths of the three files. Exit 0 once the report is written, whatever its verdicts (CI
 * gates on vitest); 2 on bad flags or input files.
 */
// The report machinery (property registry, tfjs, vega) is imported lazily inside run(), so
// that registering this command costs other commands nothing at startup.
import type { BuiltReport } from '../../../properties/report/buildReport.js';
import { MAX_SEEDS, resolveReportOptions, type RunMode } from '../../../properties/report/options.js';
import { ReportInputError } from '../../report/json.js';
import { createProgress, type Progress } from '../../report/progress/progress.js';
import { parseArgs, numberOption, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import { processIO, type CliIO } from '../io.js';

export const usage = [
  'report [--quick|--full] [--claims C2a,C3] [--seed S|A..B] [--runs-scale X] [--partition i/n] [--jobs N|auto] [--out DIR]',
  '  report merge <partial conformance.json>... [--out DIR]',
  '  report from-vitest <vitest results.json>... [--out DIR]',
].join('\n');

/** The one-line form used in error messages (the CLI's error policy: one line). */
const USAGE_LINE = 'report [flags] | report merge <partial.json>... | report from-vitest <results.json>... (flags: see README "Conformance report")';

function progressFor(io: CliIO): Progress {
  if (io === processIO) return createProgress({ stream: process.stderr });
  return createProgress({ stream: { isTTY: false, write: (s: string) => io.err(s.replace(/\n$/, '')) } });
}

function parseSeeds(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const one = /^\d+$/.exec(raw);
  if (one) return [Number(raw)];
  const range = /^(\d+)\.\.(\d+)$/.exec(raw);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (a <= b && b - a < MAX_SEEDS && Number.isSafeInteger(b)) return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  throw new CliError(`report: --seed must be a non-negative integer or a range A..B (A ≤ B, at most ${MAX_SEEDS} seeds), got ${JSON.stringify(raw)}`);
}

async function parseClaims(raw: string | undefined): Promise<string[] | null> {
  if (raw === undefined) return null;
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new CliError('report: --claims needs a comma-separated list of claim ids, e.g. --claims C2a,C3');
  const { validateClaimSelection } = await import('../../../properties/report/plan.js');
  try {
    validateClaimSelection(ids);
  } catch (e) {
    throw new CliError(`report: --claims: ${(e as Error).message}`);
  }
  return ids;
}

function parsePartition(raw: string | undefined): { index: number; count: number } | null {
  if (raw === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  if (m && Number(m[2]) >= 1 && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2])) return { index: Number(m[1]), count: Number(m[2]) };
  throw new CliError(`report: --partition must be i/n with 1 ≤ i ≤ n (e.g. 1/2), got ${JSON.stringify(raw)}`);
}

function parseJobs(raw: string | undefined): number | 'auto' {
  if (raw === undefined || raw === 'auto') return 'auto';
  if (/^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
  throw new CliError(`report: --jobs must be a positive integer or auto, got ${JSON.stringify(raw)}`);
}

function printWritten(built: BuiltReport, io: CliIO): number {
  io.out([built.files.html, built.files.json, built.files.markdown].join('\n'));
  return EXIT_OK;
}

/** Files-only subcommands (merge, from-vitest) share their parsing. */
async function filesCommand(name: 'merge' | 'from-vitest', argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { options: ['out'] }, `report ${name}`);
  const min = name === 'merge' ? 2 : 1;
  if (args.positional.length < min) {
    throw new CliError(`report ${name}: expected ${min === 2 ? 'two or more partial conformance.json files' : 'one or more vitest JSON result files'}, got ${args.positional.length}; usage: ${USAGE_LINE}`);
  }
  const out = args.options.get('out') ?? null;
  try {
    const built =
      name === 'merge'
        ? await (await import('../../../properties/report/mergeReports.js')).mergeReportFiles(args.positional, out)
        : await (await import('../../../properties/report/fromVitest.js')).reportFromVitest(args.positional, out);
    return printWritten(built, io);
  } catch (e) {
    if (e instanceof ReportInputError) throw new CliError(`report ${name}: ${e.message.replace(/^(merge|from-vitest): /, '')}`);
    throw e;
  }
}

async function runOptions(args: ParsedArgs) {
  if (args.positional.length > 0) throw new CliError(`report: unexpected argument ${JSON.stringify(args.positional[0])}; usage: ${USAGE_LINE}`);
  if (args.flags.has('quick') && args.flags.has('full')) throw new CliError('report: pass --quick or --full, not both');
  const mode: RunMode = args.flags.has('full') ? 'full' : 'quick';
  const runsScale = args.options.has('runs-scale') ? numberOption(args, 'runs-scale', 'report', (v) => v > 0 && v <= 1000, 'a number in (0, 1000]') : undefined;
  const partition = parsePartition(args.options.get('partition'));
  const jobs = parseJobs(args.options.get('jobs'));
  if (partition && args.options.has('jobs') && jobs !== 1) throw new CliError('report: --partition runs one partition in this process; drop --jobs (or use --jobs 1)');
  return resolveReportOptions({ mode, runsScale, claims: await parseClaims(args.options.get('claims')), seeds: parseSeeds(args.options.get('seed')), partition, jobs: partition ? 1 : jobs });
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'merge' || argv[0] === 'from-vitest') return filesCommand(argv[0], argv.slice(1), io);
  const args = parseArgs(argv, { flags: ['quick', 'full'], options: ['claims', 'seed', 'runs-scale', 'partition', 'jobs', 'out'] }, 'report');
  const opts = await runOptions(args);
  // Some arbitraries pick their size tier from HC_RUNS_SCALE (S2/S4: paper sizes at ≥ 10,
  // properties/arbitraries/clusterConfigs.ts). Set it before the registry loads, here or in a
  // worker (forks inherit the environment), so --full also means the larger sizes; restore after.
  const previousScale = process.env.HC_RUNS_SCALE;
  process.env.HC_RUNS_SCALE = String(opts.runsScale);
  let built: BuiltReport;
  try {
    const { buildReport } = await import('../../../properties/report/buildReport.js');
    built = await buildReport({ ...opts, out: args.options.get('out') ?? null, progress: progressFor(io) });
  } finally {
    if (previousScale === undefined) delete process.env.HC_RUNS_SCALE;
    else process.env.HC_RUNS_SCALE = previousScale;
  }
  return printWritten(built, io);
}
