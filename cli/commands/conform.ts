/**
 * `conform --subject "<command>" [--ops …] [--families …] [--runs R] [--seed S] [--json] [--out DIR]`:
 * property-based conformance of someone else's Hessian code. The command is started once and
 * spoken to in JSON lines (docs/protocol.md); every op it declares is checked on drawn models
 * against the suite's float64 references at tolerances derived from its declared dtype, and a
 * failure is shrunk to a small model printed with its replay command.
 *
 * Exit 0 when the subject conforms, 1 when it does not (including a crash, a hang past
 * --timeout, or a protocol violation, each named), 2 for bad usage (flags, an op or family the
 * subject does not declare, a command the shell cannot find).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, OPS, isFamily, isOp, type FamilyName, type Op } from '../../src/conform/protocol/vocabulary.js';
import type { ConformResult } from '../../src/conform/output/resultSchema.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { createProgress, type Progress } from '../../src/report/progress/progress.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { CliError, EXIT_OK } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import { processIO, type CliIO } from '../io.js';

/** Exit code of a subject that does not conform. */
export const EXIT_NONCONFORMING = 1;
const DEFAULT_RUNS = 100;
const DEFAULT_SEED = 20251216;
const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_STARTUP_S = 120;
const MAX_RUNS = 100_000;

function list<T extends string>(raw: string | undefined, flag: string, known: readonly T[], is: (s: string) => s is T): T[] | null {
  if (raw === undefined) return null;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new CliError(`conform: --${flag} needs a comma-separated list of ${known.join(', ')}`);
  for (const it of items) if (!is(it)) throw new CliError(`conform: --${flag}: unknown ${flag === 'ops' ? 'op' : 'family'} ${JSON.stringify(it)}; known: ${known.join(', ')}`);
  return [...new Set(items)] as T[];
}

function progressFor(io: CliIO): Progress {
  if (io === processIO) return createProgress({ stream: process.stderr, label: 'conform' });
  return createProgress({ stream: { isTTY: false, write: (s: string) => io.err(s.replace(/\n$/, '')) }, label: 'conform' });
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length > 0) throw new CliError(`conform: unexpected argument ${JSON.stringify(args.positional[0])}; the subject is given with --subject "<command>" (quote it)`);
  const command = args.options.get('subject');
  if (command === undefined || command.trim() === '') throw new CliError('conform: --subject "<command>" is required: the shell command that starts the subject, e.g. --subject "python3 adapters/pytorch/subject.py"');
  const ops: Op[] | null = list(args.options.get('ops'), 'ops', OPS, isOp);
  const families: FamilyName[] | null = list(args.options.get('families'), 'families', FAMILIES, isFamily);
  const runs = numberOption(args, 'runs', 'conform', (v) => Number.isInteger(v) && v >= 1 && v <= MAX_RUNS, `an integer in [1, ${MAX_RUNS}]`, DEFAULT_RUNS);
  const seed = numberOption(args, 'seed', 'conform', (v) => Number.isSafeInteger(v) && v >= 0, 'a non-negative integer', DEFAULT_SEED);
  const timeout = numberOption(args, 'timeout', 'conform', (v) => v > 0 && v <= 3600, 'a number of seconds in (0, 3600]', DEFAULT_TIMEOUT_S);
  const startup = numberOption(args, 'startup-timeout', 'conform', (v) => v > 0 && v <= 3600, 'a number of seconds in (0, 3600]', Math.max(DEFAULT_STARTUP_S, timeout));
  const path = args.options.get('path') ?? null;
  if (path !== null && !/^\d+(:\d+)*$/.test(path)) throw new CliError(`conform: --path must be a fast-check path such as 3:0:1 (copy it from a replay command), got ${JSON.stringify(path)}`);
  if (path !== null && (ops === null || ops.length !== 1)) throw new CliError('conform: --path replays one op\'s counterexample; give exactly one op with --ops (the replay command does)');
  const out = args.options.get('out') ?? null;

  const [{ runConformance, ConformUsageError }, { conformText }] = await Promise.all([import('../../src/conform/run/runConformance.js'), import('../../src/conform/output/conformText.js')]);
  let result: ConformResult;
  try {
    result = await runConformance({
      command, ops, families, runs, seed, path,
      timeoutMs: Math.round(timeout * 1000), startupTimeoutMs: Math.round(startup * 1000),
      backend: getBackend(), progress: progressFor(io), replayPrefix: 'npm run --silent cli -- conform',
    });
  } catch (e) {
    if (e instanceof ConformUsageError) throw new CliError(`conform: ${e.message}`);
    throw e;
  }
  if (out !== null) {
    const { renderConformHtml } = await import('../../src/conform/output/renderConformHtml.js');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'conform.json'), `${JSON.stringify(result, null, 1)}\n`);
    writeFileSync(join(out, 'conform.html'), await renderConformHtml(result));
    io.err(`conform: wrote ${join(out, 'conform.html')} and ${join(out, 'conform.json')}`);
  }
  io.out(args.flags.has('json') ? JSON.stringify(result) : conformText(result));
  return result.verdict === 'pass' ? EXIT_OK : EXIT_NONCONFORMING;
}

export const conformCommand: CommandSpec = {
  name: 'conform',
  summary: 'Checks an external Hessian implementation (a program speaking the subject protocol, docs/protocol.md) against the suite\'s float64 references on drawn models; shrinks a failure to a small model.',
  flags: [{ name: 'json', description: 'print one JSON object: {subject, verdict, ops: {op: {cases, failed, worstRatio, …}}, counterexample} (e.g. --json | jq .verdict)' }],
  options: [
    { name: 'subject', value: 'command', description: 'shell command that starts the subject, quoted (required), e.g. --subject "python3 adapters/pytorch/subject.py"' },
    { name: 'ops', value: 'list', description: `ops to check, comma-separated, from ${OPS.join(', ')} (default: every op the subject declares), e.g. --ops hessian,hvp` },
    { name: 'families', value: 'list', description: `model families to draw, from ${FAMILIES.join(', ')} (default: every declared family the suite can check), e.g. --families two-layer` },
    { name: 'runs', value: 'R', description: `cases per op (default ${DEFAULT_RUNS}), e.g. --runs 300` },
    { name: 'seed', value: 'S', description: `fast-check seed (default ${DEFAULT_SEED}), e.g. --seed 7` },
    { name: 'timeout', value: 'seconds', description: `time limit for each answer (default ${DEFAULT_TIMEOUT_S}); a subject past it is killed and fails, e.g. --timeout 120` },
    { name: 'startup-timeout', value: 'seconds', description: `time limit for the first answer, start-up included (default ${DEFAULT_STARTUP_S}), e.g. --startup-timeout 300` },
    { name: 'path', value: 'path', description: 'fast-check path of a counterexample to replay (with one --ops; printed in every replay command), e.g. --path 3:0:1' },
    { name: 'out', value: 'DIR', description: 'also write conform.json and conform.html (the report\'s look) into DIR, e.g. --out reports/conform-torch' },
  ],
  examples: [
    'npm run --silent cli -- conform --subject "/usr/bin/python3 adapters/pytorch/subject.py"',
    'npm run --silent cli -- conform --subject "npx tsx adapters/tfjs/subject.ts" --ops hessian --runs 50 --out reports/conform-tfjs',
    'npm run --silent cli -- conform --subject "node test/conform/subjects/twoLayer.mjs --bug residual-off" --json',
  ],
  details:
    'stdout: a summary (or --json); stderr: progress. Exit 0: conforms; 1: does not (a wrong answer, or a crash, hang or protocol violation, each named, with the replay command); 2: bad usage. The protocol and the tolerances: docs/protocol.md.',
  run,
};
